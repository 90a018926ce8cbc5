import { useId, useState } from 'react';
import type { AppInfo } from '../../shared/contract';
import { useApi } from '../app/api-context';
import { report } from '../app/actions';
import { plural } from '../lib/format-number';
import { useAppInfoStore } from '../stores/app-info-store';

export function DemoSwitch() {
  const api = useApi();
  const info = useAppInfoStore((s) => s.info);
  const [pending, setPending] = useState(false);
  const reasonId = useId();
  if (!info) return null;
  const { enabled, available, devices } = info.demo;
  const toggle = () => {
    setPending(true);
    const request = api.setDemo({ enabled: !enabled }).finally(() => setPending(false));
    report(enabled ? 'Could not stop the demo devices' : 'Could not start the demo devices', request);
  };
  return (
    <div className="demo-switch">
      <label className="switch">
        <input
          type="checkbox"
          role="switch"
          // Devices cannot run while unavailable, whatever was remembered: do not show the switch on.
          checked={enabled && available}
          disabled={!available || pending}
          aria-describedby={available ? undefined : reasonId}
          onChange={toggle}
        />
        <span className="switch-track" aria-hidden="true" />
        <span>Demo devices</span>
      </label>
      {available ? (
        enabled && <span className="muted">{plural(devices, 'device', 'devices')}</span>
      ) : (
        <span id={reasonId} className="muted demo-reason" title={unavailableReason(info)}>
          {unavailableReason(info)}
        </span>
      )}
    </div>
  );
}

// The contract has no reason field; the embedded broker's state is the usual cause.
function unavailableReason(info: AppInfo): string {
  if (info.broker === null) return 'Needs the embedded broker, which is off';
  if (info.broker.state !== 'running') return `Needs the embedded broker (${info.broker.state})`;
  return 'Unavailable in this session';
}
