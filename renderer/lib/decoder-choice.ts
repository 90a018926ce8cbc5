// Which decoder the payload view uses and why: the user's pick in this view, else the
// remembered rule for the topic, else the automatic choice.
import type { DecoderRule } from '../../shared/decoder-contract';
import type { DecoderId } from '../../shared/decoders/decoder-ids';
import { decoderLabels } from '../../shared/decoders/decoder-ids';
import { chooseDecoder } from '../../shared/decoders/registry';
import { matchingRule } from '../../shared/decoders/rule-match';

/** 'auto': follow the rule or the automatic choice. */
export type DecoderPick = DecoderId | 'auto';

export interface DecoderChoice {
  decoder: DecoderId;
  /** Said beside the picker: "remembered for sensors/#", "automatic: valid JSON". */
  because: string;
  rule: DecoderRule | null;
}

export function decoderChoice(pick: DecoderPick, rules: readonly DecoderRule[], input: { bytes: Uint8Array; topic: string; contentType?: string | null }): DecoderChoice {
  const rule = input.topic ? matchingRule(rules, input.topic) : null;
  if (pick !== 'auto') return { decoder: pick, because: 'picked here', rule };
  if (rule) return { decoder: rule.decoder, because: `remembered for ${rule.filter}`, rule };
  const auto = chooseDecoder(input);
  return { decoder: auto.decoder, because: `automatic: ${auto.because}`, rule: null };
}

export function autoLabel(choice: DecoderChoice): string {
  return `Automatic (${decoderLabels[choice.decoder]})`;
}
