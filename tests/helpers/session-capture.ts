// What the app's packet capture recorded about a link's sessions: every CONNACK, read
// back through the inspector's requests (viewPackets, getPacket) and its dissector.
import type { PacketDetail, PacketRecord, PacketWindow } from '../../shared/capture-contract';
import { dissectPacket, type DissectedField, type ProtocolVersion } from '../../shared/packet-dissector';
import type { CoreHarness } from './core-harness';
import { waitFor } from './wait-for';

export interface CapturedConnack {
  record: PacketRecord;
  sessionPresent: boolean;
}

/** Waits (bounded) until the link's packet log shows at least `atLeast` CONNACKs; oldest first. */
export async function capturedConnacks(h: CoreHarness, linkId: string, atLeast: number): Promise<CapturedConnack[]> {
  await h.ok('viewPackets', { start: 0, count: 100, filter: { types: ['CONNACK'], linkId } });
  const window = await waitFor(
    () => {
      const w = h.latest('packets') as PacketWindow | undefined;
      return w && w.rows.filter((r) => r.linkId === linkId && r.type === 'CONNACK').length >= atLeast ? w : null;
    },
    { what: `${atLeast} CONNACK(s) on ${linkId} in the packet log`, timeoutMs: 15_000 },
  );
  const out: CapturedConnack[] = [];
  for (const record of window.rows.filter((r) => r.type === 'CONNACK').sort((a, b) => a.seq - b.seq)) {
    const detail = (await h.ok('getPacket', { seq: record.seq })) as PacketDetail;
    const dissected = dissectPacket(Buffer.from(detail.rawBase64, 'base64'), detail.protocolVersion as ProtocolVersion);
    out.push({ record, sessionPresent: fieldValue(dissected.fields, 'Session Present') === '1' });
  }
  return out;
}

function fieldValue(fields: DissectedField[], name: string): string | undefined {
  for (const f of fields) {
    if (f.name === name) return f.value;
    const inner = f.children ? fieldValue(f.children, name) : undefined;
    if (inner !== undefined) return inner;
  }
  return undefined;
}
