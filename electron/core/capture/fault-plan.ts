// The faults a user asked for on one link: drop or delay the next N packets of a
// type going one way. Consulted for every frame by the link's tap.
import type { ActiveFault, FaultRequest } from '../../../shared/capture-contract';
import type { PacketTypeName } from '../../../shared/packet-types';

export type FaultDecision = { action: 'pass' } | { action: 'drop' } | { action: 'delay'; ms: number };

export class FaultPlan {
  private faults: ActiveFault[] = [];
  /** Called when the plan changes (a fault added, used up or cleared). */
  onChange: () => void = () => undefined;

  add(request: Omit<FaultRequest, 'linkId'>): void {
    this.faults.push({
      direction: request.direction,
      packetType: request.packetType,
      action: request.action,
      remaining: request.count,
      delayMs: request.delayMs ?? 0,
    });
    this.onChange();
  }

  clear(): void {
    this.faults = [];
    this.onChange();
  }

  list(): ActiveFault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  /** Whether any fault waits for packets going this way. */
  possible(fromClient: boolean): boolean {
    const direction = fromClient ? 'to-broker' : 'to-client';
    return this.faults.some((f) => f.direction === direction);
  }

  decide(type: PacketTypeName, fromClient: boolean): FaultDecision {
    if (this.faults.length === 0) return { action: 'pass' };
    const direction = fromClient ? 'to-broker' : 'to-client';
    const fault = this.faults.find((f) => f.packetType === type && f.direction === direction);
    if (!fault) return { action: 'pass' };
    fault.remaining--;
    if (fault.remaining <= 0) this.faults.splice(this.faults.indexOf(fault), 1);
    this.onChange();
    return fault.action === 'drop' ? { action: 'drop' } : { action: 'delay', ms: fault.delayMs };
  }
}
