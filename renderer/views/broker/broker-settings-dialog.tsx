// The embedded broker's settings: a modal dialog with one form, checked live with the
// same schema the core uses (validateBrokerSettings) plus what only the form knows (a
// new user needs a password). A problem shows at its field once that field is touched,
// and all of them on Save; what the core still refuses comes back at its field too.
// Saving keeps the dialog open (the Refused list below shows what the new rules refuse)
// and nothing typed is lost when a save fails.
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { validateBrokerSettings, type BrokerSettingsView } from '../../../shared/broker-settings';
import { useApi } from '../../app/api-context';
import { brokerFormProblems, brokerFormWarnings, placeBrokerProblems, relatedBrokerFields } from '../../lib/broker-field-errors';
import { brokerInputFromForm, formFromBrokerView, type BrokerForm } from '../../lib/broker-form';
import { errorMessage } from '../../lib/form-errors';
import { formatClock } from '../../lib/format-time';
import { visibleProblems, type Problem } from '../../lib/profile-field-errors';
import { useAppInfoStore } from '../../stores/app-info-store';
import { FormErrorList } from '../form-error-list';
import { AddressSection } from './address-section';
import type { BrokerBinding } from './broker-binding';
import { LimitsSection } from './limits-section';
import { RefusedList } from './refused-list';
import { SignInSection } from './sign-in-section';
import { TlsListenerSection } from './tls-listener-section';

/** Asked when Escape would close the dialog: true keeps it open (there are unsaved changes). */
type CancelGuard = { current: () => boolean };

interface BrokerSettingsDialogProps {
  /** Scrolls to the Refused list (opened from the refusal count). */
  showRefused: boolean;
  restartPending: boolean;
  onSaved(restartNeeded: boolean): void;
  onClose(): void;
}

export function BrokerSettingsDialog(props: BrokerSettingsDialogProps) {
  const api = useApi();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [view, setView] = useState<BrokerSettingsView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const cancelGuard = useRef(() => false);

  useEffect(() => {
    const dialog = dialogRef.current;
    // No cleanup: closing here would fire 'close' (and close the dialog) on StrictMode's trial unmount.
    if (dialog && !dialog.open) dialog.showModal();
    api.getBrokerSettings().then(setView, (err: unknown) => setLoadError(errorMessage(err)));
  }, [api]);

  return (
    <dialog
      ref={dialogRef}
      className="profile-dialog broker-dialog"
      aria-labelledby="broker-settings-title"
      onClose={props.onClose}
      onCancel={(e) => {
        if (cancelGuard.current()) e.preventDefault();
      }}
    >
      {view ? (
        <BrokerSettingsForm initial={view} cancelGuard={cancelGuard} {...props} />
      ) : (
        <div className="profile-form">
          <header className="profile-form-header">
            <h2 id="broker-settings-title">Broker settings</h2>
          </header>
          <div className="profile-form-body">
            {loadError ? (
              <p className="form-error" role="alert">
                Could not read the broker settings: {loadError}
              </p>
            ) : (
              <p className="muted">Loading…</p>
            )}
          </div>
          <footer className="profile-form-footer">
            <div className="button-row">
              <button type="button" className="push-right" onClick={props.onClose}>
                Close
              </button>
            </div>
          </footer>
        </div>
      )}
    </dialog>
  );
}

function BrokerSettingsForm({ initial, cancelGuard, showRefused, restartPending, onSaved, onClose }: BrokerSettingsDialogProps & { initial: BrokerSettingsView; cancelGuard: CancelGuard }) {
  const api = useApi();
  const running = useAppInfoStore((s) => s.info?.broker ?? null);
  const formRef = useRef<HTMLFormElement>(null);
  const [view, setView] = useState(initial);
  const [form, setForm] = useState<BrokerForm>(() => formFromBrokerView(initial));
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverProblems, setServerProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [focusTick, setFocusTick] = useState(0);
  const [notice, setNotice] = useState<{ text: string; tone: 'ok' | 'warn' | 'bad' } | null>(null);

  useEffect(() => {
    cancelGuard.current = () => {
      if (!dirty) return false;
      // Escape would drop what was typed: say so instead.
      setNotice({ text: 'Unsaved changes: Save them, or Discard changes.', tone: 'warn' });
      return true;
    };
  }, [cancelGuard, dirty]);

  useEffect(() => {
    if (showRefused) formRef.current?.querySelector('.refused-section')?.scrollIntoView({ block: 'start' });
  }, [showRefused]);

  useEffect(() => {
    if (focusTick > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusTick]);

  const input = useMemo(() => brokerInputFromForm(form), [form]);
  const problems = useMemo(() => {
    const checked = validateBrokerSettings(input);
    return [...(checked.ok ? [] : checked.problems), ...brokerFormProblems(form)];
  }, [input, form]);
  const placed = useMemo(() => placeBrokerProblems(problems, form), [problems, form]);
  const shown = visibleProblems(placed, touched, submitted);
  const fromCore = placeBrokerProblems(serverProblems, form);
  const errors: Record<string, string> = { ...shown.fields, ...fromCore.fields };
  const general = [...shown.general, ...fromCore.general];
  const warnings = useMemo(() => brokerFormWarnings(form), [form]);

  const b: BrokerBinding = {
    form,
    change: (update, ...keys) => {
      setForm(update);
      if (keys.length > 0) setTouched((t) => new Set([...t, ...keys.flatMap((k) => relatedBrokerFields(k, form))]));
      setDirty(true);
      setNotice(null);
      setServerProblems([]);
    },
    error: (key) => errors[key],
    warning: (key) => warnings[key],
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    setNotice(null);
    if (problems.length > 0) {
      setFocusTick((t) => t + 1);
      return;
    }
    setBusy(true);
    try {
      const result = await api.saveBrokerSettings({ settings: input });
      if (!result.ok) {
        setServerProblems(result.problems);
        setFocusTick((t) => t + 1);
        return;
      }
      // From here on the form is what was saved: typed passwords are gone, and read "unchanged".
      setView(result.settings);
      setForm(formFromBrokerView(result.settings));
      setTouched(new Set());
      setSubmitted(false);
      setDirty(false);
      onSaved(result.restartNeeded);
      setNotice({ text: `Saved at ${formatClock(Date.now()).slice(0, 8)}. Sign-in, permissions, TLS and limits apply now.`, tone: 'ok' });
    } catch (err) {
      setNotice({ text: `Not saved: ${errorMessage(err)}`, tone: 'bad' });
    } finally {
      setBusy(false);
    }
  };

  const fieldCount = Object.keys(placed.fields).length;
  return (
    <form
      ref={formRef}
      className="profile-form broker-form"
      aria-label="Broker settings"
      onSubmit={save}
      noValidate
    >
      <header className="profile-form-header">
        <h2 id="broker-settings-title">Broker settings</h2>
        <p className="field-hint">The embedded broker that MQTT Scope runs for devices on this machine (or your network). Saved in broker.json in the data folder.</p>
      </header>
      <div className="profile-form-body">
        <AddressSection b={b} running={running} overridden={view.overriddenByCommandLine} restartPending={restartPending || view.restartPending} />
        <SignInSection b={b} />
        <TlsListenerSection b={b} running={running} />
        <LimitsSection b={b} />
        <RefusedList broker={running} />
      </div>
      <footer className="profile-form-footer">
        <FormErrorList messages={general} />
        {submitted && fieldCount > 0 && general.length === 0 && (
          <p className="form-error" role="alert">
            {fieldCount === 1 ? 'One field needs attention; nothing was saved.' : `${fieldCount} fields need attention; nothing was saved.`}
          </p>
        )}
        {notice && (
          <p className={notice.tone === 'ok' ? 'broker-saved' : notice.tone === 'warn' ? 'field-warning' : 'form-error'} role="status">
            {notice.text}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save'}
          </button>
          <button type="button" className="push-right" onClick={onClose}>
            {dirty ? 'Discard changes' : 'Close'}
          </button>
        </div>
      </footer>
    </form>
  );
}
