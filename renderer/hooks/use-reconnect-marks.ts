// The reconnects before the resends of a message's legs, read from the packets the
// capture still holds just before each resend.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { FlowRecord, PacketRecord } from '../../shared/capture-contract';
import { useApi } from '../app/api-context';
import { probeSeqs, reconnectMarks } from '../lib/reconnect-evidence';
import type { ReconnectMark } from '../lib/sequence-layout';
import { linkById, useLinksStore } from '../stores/links-store';

const noMarks: ReadonlyMap<number, ReconnectMark> = new Map();

export function useReconnectMarks(legs: readonly FlowRecord[]): ReadonlyMap<number, ReconnectMark> {
  const api = useApi();
  const cache = useRef(new Map<number, PacketRecord | null>());
  const [revision, setRevision] = useState(0);
  const seqs = useMemo(() => probeSeqs(legs), [legs]);
  const seqKey = seqs.join(',');

  useEffect(() => {
    const missing = seqKey === '' ? [] : seqKey.split(',').map(Number).filter((s) => !cache.current.has(s));
    if (missing.length === 0) return;
    let cancelled = false;
    Promise.all(missing.map((seq) => api.getPacket({ seq }).catch(() => null))).then((details) => {
      missing.forEach((seq, i) => cache.current.set(seq, details[i]?.record ?? null));
      if (!cancelled) setRevision((r) => r + 1);
    });
    return () => {
      cancelled = true;
    };
  }, [api, seqKey]);

  return useMemo(() => {
    if (seqs.length === 0) return noMarks;
    const packets = new Map<number, PacketRecord>();
    for (const seq of seqs) {
      const p = cache.current.get(seq);
      if (p) packets.set(seq, p);
    }
    const links = useLinksStore.getState().links;
    return reconnectMarks(legs, packets, (id) => linkById(links, id)?.protocolVersion ?? null);
    // revision: the cache filled in.
  }, [legs, seqs, revision]);
}
