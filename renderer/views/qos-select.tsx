import type { Qos } from '../../shared/contract';

export interface QosSelectProps {
  id?: string;
  value: Qos;
  onChange(qos: Qos): void;
  'aria-label'?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  disabled?: boolean;
}

export function QosSelect({ value, onChange, ...rest }: QosSelectProps) {
  return (
    <select {...rest} value={value} onChange={(e) => onChange(Number(e.target.value) as Qos)}>
      <option value={0} title="At most once">0</option>
      <option value={1} title="At least once">1</option>
      <option value={2} title="Exactly once">2</option>
    </select>
  );
}
