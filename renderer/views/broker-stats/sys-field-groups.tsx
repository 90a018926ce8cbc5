// The $SYS values grouped as the broker's, clients', messages', bytes' and load
// figures, each with its unit and the topic it came from (in the title).
import type { SysFieldValue } from '../../../shared/sys-contract';
import { sysFields, sysGroups } from '../../../shared/sys-stats';
import { sysValueText } from '../../lib/sys-format';

export function SysFieldGroups({ fields }: { fields: readonly SysFieldValue[] }) {
  return (
    <div className="sys-groups">
      {sysGroups.map(({ group, label }) => {
        const rows = fields.filter((f) => sysFields[f.field].group === group);
        if (rows.length === 0) return null;
        return (
          <section key={group} className="sys-group" aria-label={label}>
            <h3>{label}</h3>
            <dl>
              {rows.map((f) => (
                <div key={f.field} className="sys-row" title={f.topic}>
                  <dt>{sysFields[f.field].label}</dt>
                  <dd aria-label={sysFields[f.field].label}>{sysValueText(f.field, f.text)}</dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}
    </div>
  );
}
