// The embedded broker's settings in the contract: read them (without secrets) and save
// them, with every problem reported at its field. contract.ts merges these in.
import { z } from 'zod';
import type { BrokerSettingsProblem, BrokerSettingsView } from './broker-settings';

export const brokerRequestSchemas = {
  getBrokerSettings: z.undefined(),
  /** Checked by the core (validateBrokerSettings), so that every problem comes back with its field. */
  saveBrokerSettings: z.object({ settings: z.unknown() }),
};

export interface BrokerResults {
  getBrokerSettings: BrokerSettingsView;
  /** restartNeeded: a new address or port applies when the app starts again. */
  saveBrokerSettings: { ok: true; settings: BrokerSettingsView; restartNeeded: boolean } | { ok: false; problems: BrokerSettingsProblem[] };
}
