// Raw binary read as numbers: a row per type and byte order, or the one picked.
import { numberTypes, type ByteOrder, type NumberPick, type NumberRow, type NumberType } from '../../../shared/decoders/raw-numbers';

export function NumbersTable({ rows, pick, onPick }: { rows: NumberRow[]; pick: NumberPick | null; onPick(pick: NumberPick | null): void }) {
  const value = pick ? `${pick.type}/${pick.order}` : 'all';
  return (
    <div className="numbers-view">
      <label className="inline-field">
        Read as
        <select
          aria-label="Read as"
          value={value}
          onChange={(e) => {
            if (e.target.value === 'all') return onPick(null);
            const [type, order] = e.target.value.split('/') as [NumberType, ByteOrder];
            onPick({ type, order });
          }}
        >
          <option value="all">every type, both byte orders</option>
          {numberTypes.flatMap((t) =>
            t.endsWith('8')
              ? [
                  <option key={t} value={`${t}/big`}>
                    {t}
                  </option>,
                ]
              : (['big', 'little'] as const).map((o) => (
                  <option key={`${t}/${o}`} value={`${t}/${o}`}>
                    {t} {o}-endian
                  </option>
                )),
          )}
        </select>
      </label>
      <table className="data-table numbers-table" aria-label="Numbers">
        <thead>
          <tr>
            <th scope="col">Type</th>
            <th scope="col">Byte order</th>
            <th scope="col">Values</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.type}/${r.order}`}>
              <th scope="row" className="mono">
                {r.type}
              </th>
              <td>{r.order === null ? '—' : `${r.order}-endian`}</td>
              <td className="mono">
                {r.values.length === 0 ? <span className="muted">too few bytes</span> : r.values.join('  ')}
                {r.more > 0 && <span className="muted"> … {r.more} more</span>}
                {r.leftover > 0 && <span className="muted"> (+{r.leftover} bytes left over)</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
