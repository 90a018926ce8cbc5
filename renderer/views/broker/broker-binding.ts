// How the broker settings sections read and change the one form the dialog holds.
import type { BrokerForm } from '../../lib/broker-form';

export interface BrokerBinding {
  form: BrokerForm;
  /** Applies a change and marks the keys it touched: their problems then show live. */
  change(update: (form: BrokerForm) => BrokerForm, ...touched: string[]): void;
  error(key: string): string | undefined;
  /** Worth knowing but not in the way of saving. */
  warning(key: string): string | undefined;
}
