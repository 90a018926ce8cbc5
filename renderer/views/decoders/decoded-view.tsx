// The decoded payload, shown the way its kind wants; a decoder that failed says why in
// words, and the bytes follow as a hex dump.
import { useState } from 'react';
import type { DecodeResult } from '../../../shared/decoders/decode-result';
import type { DecodedView } from '../../../shared/decoders/decoded-view';
import { toPlainJson } from '../../../shared/decoders/plain-value';
import type { NumberPick } from '../../../shared/decoders/raw-numbers';
import { CopyButton } from '../copy-button';
import { HexLines } from './hex-lines';
import { NumbersTable } from './numbers-table';
import { SparkplugTable } from './sparkplug-table';
import { ValueTree } from './value-tree';

export interface DecodedViewProps {
  result: DecodeResult;
  /** The bytes decoded: the fallback when the decoder fails. */
  bytes: Uint8Array;
  /** Whether these are all the payload's bytes (copy says "the part shown" otherwise). */
  complete: boolean;
  numbersPick: NumberPick | null;
  onNumbersPick(pick: NumberPick | null): void;
}

export function DecodedPayload({ result, bytes, complete, numbersPick, onNumbersPick }: DecodedViewProps) {
  if (!result.ok) {
    return (
      <div className="decode-failed">
        <p className="decode-reason" role="alert">
          {result.reason}
        </p>
        <p className="field-hint">The bytes as they arrived:</p>
        <HexLines bytes={bytes} label="Payload bytes" />
      </div>
    );
  }
  return <View view={result.value} complete={complete} numbersPick={numbersPick} onNumbersPick={onNumbersPick} />;
}

function View({ view, complete, numbersPick, onNumbersPick }: { view: DecodedView; complete: boolean; numbersPick: NumberPick | null; onNumbersPick(pick: NumberPick | null): void }) {
  switch (view.kind) {
    case 'text':
      return <TextBody text={view.text} complete={complete} />;
    case 'json':
      return <JsonBody view={view} complete={complete} />;
    case 'tree':
      return (
        <div className="decoded-scroll">
          <div className="decoded-bar">
            <span className="muted">{view.summary}</span>
            <div className="toolbar-spacer" />
            <CopyButton text={JSON.stringify(toPlainJson(view.value), null, 2)} partial={!complete} />
          </div>
          <ValueTree value={view.value} label="Decoded fields" />
        </div>
      );
    case 'hex':
      return (
        <div className="decoded-fill">
          {view.summary && <p className="field-hint decoded-summary">{view.summary}</p>}
          <HexLines bytes={view.bytes} label="Payload bytes" />
        </div>
      );
    case 'sparkplug':
      return (
        <div className="decoded-scroll">
          <SparkplugTable payload={view.payload} />
        </div>
      );
    case 'numbers':
      return (
        <div className="decoded-scroll">
          <NumbersTable rows={view.rows} pick={numbersPick} onPick={onNumbersPick} />
        </div>
      );
  }
}

function TextBody({ text, complete }: { text: string; complete: boolean }) {
  const [wrap, setWrap] = useState(true);
  return (
    <div className="decoded-fill">
      <div className="decoded-bar">
        <label className="checkbox">
          <input type="checkbox" checked={wrap} onChange={(e) => setWrap(e.target.checked)} />
          Wrap lines
        </label>
        <div className="toolbar-spacer" />
        <CopyButton text={text} partial={!complete} />
      </div>
      <pre className={`payload-body${wrap ? ' wrap' : ''}`}>{text}</pre>
    </div>
  );
}

function JsonBody({ view, complete }: { view: Extract<DecodedView, { kind: 'json' }>; complete: boolean }) {
  const [asText, setAsText] = useState(false);
  return (
    <div className="decoded-fill">
      <div className="decoded-bar">
        <div role="radiogroup" aria-label="JSON view" className="segmented">
          <label className={`segment${asText ? '' : ' checked'}`}>
            <input type="radio" name="json-view" checked={!asText} onChange={() => setAsText(false)} />
            JSON tree
          </label>
          <label className={`segment${asText ? ' checked' : ''}`}>
            <input type="radio" name="json-view" checked={asText} onChange={() => setAsText(true)} />
            Pretty text
          </label>
        </div>
        <div className="toolbar-spacer" />
        <CopyButton text={view.text} partial={!complete} />
      </div>
      {asText ? (
        <pre className="payload-body wrap">{view.text}</pre>
      ) : (
        <div className="decoded-scroll">
          <ValueTree value={view.value} label="JSON tree" quoteKeys />
        </div>
      )}
    </div>
  );
}
