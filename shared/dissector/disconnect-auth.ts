// DISCONNECT (§3.14) and AUTH (§3.15): in 5.0 a reason code and properties, both omissible;
// in 3.x DISCONNECT has no variable header and AUTH does not exist.
import { reasonCodeField } from './codes';
import type { Dissection } from './context';
import { propertiesField } from './properties';
import type { DissectedField } from './types';

export function reasonAndPropertiesBody(d: Dissection, type: 'DISCONNECT' | 'AUTH', fixedHeader: DissectedField): void {
  if (!d.is5) return;
  if (d.pos >= d.packetEnd) {
    // Remaining Length 0: the code is implied, so say which one (there is no byte to hang it on).
    const implied = type === 'DISCONNECT' ? '0x00 Normal disconnection' : '0x00 Success';
    fixedHeader.note = `No variable header: Reason Code ${implied} implied, no properties`;
    return;
  }
  d.group('Variable header', (group) => {
    reasonCodeField(d, type);
    if (d.pos >= d.packetEnd) {
      group.note = 'Properties omitted';
      return;
    }
    propertiesField(d, type);
  });
}
