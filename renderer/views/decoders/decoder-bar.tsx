// The decoder picker, why this decoder applies, and "Remember for <filter>" (the filter
// editable, the topic by default), kept by the core so the choice survives a reload.
import { useState } from 'react';
import { decoderIds, decoderLabels, type DecoderId } from '../../../shared/decoders/decoder-ids';
import { topicFilterProblem } from '../../../shared/topic';
import { useApi } from '../../app/api-context';
import type { DecoderChoice, DecoderPick } from '../../lib/decoder-choice';
import { forgetRule, rememberRule } from '../../lib/decoder-settings-actions';
import { errorMessage } from '../../lib/form-errors';

export interface DecoderBarProps {
  topic: string | null;
  pick: DecoderPick;
  /** What "Automatic" would choose, for its label. */
  auto: DecoderId;
  choice: DecoderChoice;
  onPick(pick: DecoderPick): void;
  /** Extra fields a Protobuf rule carries. */
  protobuf: { protoFile: string | null; messageType: string | null };
}

export function DecoderBar({ topic, pick, auto, choice, onPick, protobuf }: DecoderBarProps) {
  const api = useApi();
  const [filter, setFilter] = useState(choice.rule?.filter ?? topic ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const remember = async () => {
    const filterProblem = topicFilterProblem(filter);
    if (filterProblem) return setProblem(filterProblem);
    setProblem(null);
    try {
      const rule = choice.decoder === 'protobuf' ? { filter, decoder: choice.decoder, protoFile: protobuf.protoFile ?? undefined, messageType: protobuf.messageType ?? undefined } : { filter, decoder: choice.decoder };
      await rememberRule(api, rule);
      setSaved(`Remembered: ${decoderLabels[choice.decoder]} for ${filter}`);
      onPick('auto');
    } catch (err) {
      setProblem(errorMessage(err));
    }
  };
  const forget = async (ruleFilter: string) => {
    try {
      await forgetRule(api, ruleFilter);
      setSaved(`Forgot the rule for ${ruleFilter}`);
    } catch (err) {
      setProblem(errorMessage(err));
    }
  };

  return (
    <div className="decoder-bar">
      <label className="inline-field">
        Decoder
        <select aria-label="Decoder" value={pick} onChange={(e) => onPick(e.target.value as DecoderPick)}>
          <option value="auto">{choice.rule ? `As remembered (${decoderLabels[choice.rule.decoder]})` : `Automatic (${decoderLabels[auto]})`}</option>
          {decoderIds.map((id) => (
            <option key={id} value={id}>
              {decoderLabels[id]}
            </option>
          ))}
        </select>
      </label>
      <span className="muted decoder-because">{choice.because}</span>
      {topic !== null && (
        <span className="decoder-remember">
          <label className="inline-field">
            Remember for
            <input
              type="text"
              className="mono"
              aria-label="Remember for"
              aria-invalid={problem !== null}
              aria-describedby={problem ? 'decoder-rule-problem' : undefined}
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
            />
          </label>
          <button type="button" className="small" onClick={() => void remember()}>
            Remember
          </button>
          {choice.rule && (
            <button type="button" className="small" aria-label={`Forget the rule for ${choice.rule.filter}`} title={`Forget the rule for ${choice.rule.filter}`} onClick={() => void forget(choice.rule!.filter)}>
              Forget
            </button>
          )}
          {saved && !problem && (
            <span className="copy-result" role="status">
              {saved}
            </span>
          )}
        </span>
      )}
      {problem && (
        <p id="decoder-rule-problem" className="form-error decoder-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
