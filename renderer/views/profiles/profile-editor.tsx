// The profile editor: a modal dialog with one form. Checked live with the same schema the
// core uses (validateProfileInput); a problem shows at its field once that field is
// touched, and all of them on Save. What the core still refuses (a missing TLS file, a
// profile removed meanwhile) is shown at the field it names too.
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useApi } from '../../app/api-context';
import { selectConnection } from '../../app/actions';
import { errorField, errorMessage } from '../../lib/form-errors';
import { FormErrorList } from '../form-error-list';
import { checkProfileForm } from '../../lib/profile-check';
import {
  formFieldKeys,
  placeProblems,
  problemsPerSection,
  relatedFields,
  visibleProblems,
  type Problem,
  type ProfileSection,
} from '../../lib/profile-field-errors';
import { formFromProfile, isTlsProtocol, type ProfileForm } from '../../lib/profile-form';
import { profileWarnings } from '../../lib/profile-form-notes';
import { useProfilesStore, type EditorRequest } from '../../stores/profiles-store';
import { BehaviourSection, PropertiesSection } from './behaviour-sections';
import type { EditorBinding } from './editor-controls';
import { EditorBasics } from './editor-basics';
import { SubscriptionsEditor } from './subscriptions-editor';
import { TlsSection } from './tls-section';
import { WillSection } from './will-section';

export function ProfileEditorDialog() {
  const request = useProfilesStore((s) => s.editor);
  // A new key per request: opening another profile starts a fresh form.
  return request ? <ProfileEditor key={requestKey(request)} request={request} /> : null;
}

const keys = new WeakMap<EditorRequest, number>();
let nextRequestKey = 1;
function requestKey(r: EditorRequest): number {
  let k = keys.get(r);
  if (k === undefined) keys.set(r, (k = nextRequestKey++));
  return k;
}

function ProfileEditor({ request }: { request: EditorRequest }) {
  const api = useApi();
  const close = useProfilesStore((s) => s.closeEditor);
  const secretProtection = useProfilesStore((s) => s.profiles?.secretProtection ?? null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [form, setForm] = useState<ProfileForm>(request.form);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverProblems, setServerProblems] = useState<Problem[]>([]);
  const [openSections, setOpenSections] = useState<ReadonlySet<ProfileSection>>(new Set());
  const [busy, setBusy] = useState<'save' | 'connect' | null>(null);
  const [focusTick, setFocusTick] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);

  useEffect(() => {
    const dialog = dialogRef.current;
    // No cleanup: closing here would fire 'close' (and close the editor) on StrictMode's trial unmount.
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  useEffect(() => {
    if (focusTick > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusTick]);

  const validation = useMemo(() => checkProfileForm(form), [form]);
  const known = useMemo(() => formFieldKeys(form), [form]);
  const placed = useMemo(() => placeProblems(validation.ok ? [] : validation.problems, known), [validation, known]);
  const shown = visibleProblems(placed, touched, submitted);
  const fromCore = placeProblems(serverProblems, known);
  const errors: Record<string, string> = { ...shown.fields, ...fromCore.fields };
  const general = [...shown.general, ...fromCore.general];
  const warnings = useMemo(() => profileWarnings(form), [form]);
  const perSection = problemsPerSection(errors);

  const b: EditorBinding = {
    form,
    change: (update, ...touchedKeys) => {
      setForm(update);
      setDirty(true);
      setNotice(null);
      if (touchedKeys.length > 0) setTouched((t) => new Set([...t, ...touchedKeys.flatMap(relatedFields)]));
      setServerProblems([]);
    },
    error: (key) => errors[key],
    warning: (key) => warnings[key],
  };

  const openWith = (fields: Record<string, string>) => {
    const sections = Object.keys(problemsPerSection(fields)) as ProfileSection[];
    if (sections.length > 0) setOpenSections((s) => new Set([...s, ...sections]));
    setFocusTick((t) => t + 1);
  };

  const toggle = (section: ProfileSection) =>
    setOpenSections((s) => {
      const next = new Set(s);
      if (next.has(section)) next.delete(section);
      else next.add(section);
      return next;
    });

  const save = async (connect: boolean) => {
    setSubmitted(true);
    setNotice(null);
    if (!validation.ok) return openWith(placed.fields);
    setBusy(connect ? 'connect' : 'save');
    setServerProblems([]);
    let saved = false;
    try {
      const profile = await api.saveProfile(validation.profile);
      saved = true;
      if (connect) {
        // From here on it is this saved profile: saving again must update it, not add another.
        setForm(formFromProfile(profile));
        const { connectionId } = await api.connectProfile({ id: profile.id });
        selectConnection(api, connectionId);
      }
      close();
    } catch (err) {
      const message = saved ? `Saved, but could not connect: ${errorMessage(err)}` : errorMessage(err);
      const problem = { field: errorField(err) ?? '', message };
      setServerProblems([problem]);
      openWith(placeProblems([problem], known).fields);
    } finally {
      setBusy(null);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(false);
  };

  const section = (s: ProfileSection) => ({ b, open: openSections.has(s), problems: perSection[s] ?? 0, onToggle: () => toggle(s) });

  return (
    <dialog
      ref={dialogRef}
      className="profile-dialog"
      aria-labelledby="profile-editor-title"
      onClose={close}
      onCancel={(e) => {
        if (!dirty) return;
        e.preventDefault();
        setNotice('Unsaved changes: use Cancel to discard them, or Save profile.');
      }}
    >
      <form ref={formRef} className="profile-form" aria-label="Connection profile" onSubmit={submit} noValidate>
        <header className="profile-form-header">
          <h2 id="profile-editor-title">{request.title}</h2>
          {form.preset === 'public' && (
            <p className="public-warning">
              <span className="tag tag-public">PUBLIC</span> A public test broker: anyone can subscribe to what you publish here, and publish to your topics. Send nothing private.
            </p>
          )}
          {request.note && <p className="field-hint">{request.note}</p>}
        </header>
        <div className="profile-form-body">
          <EditorBasics b={b} secretProtection={secretProtection} />
          <SubscriptionsEditor b={b} />
          <BehaviourSection {...section('advanced')} />
          <WillSection {...section('will')} />
          <PropertiesSection {...section('properties')} />
          {isTlsProtocol(form.protocol) ? (
            <TlsSection {...section('tls')} secretProtection={secretProtection} />
          ) : (
            <p className="editor-section-off muted">TLS: choose mqtts:// or wss:// to set certificates.</p>
          )}
        </div>
        <footer className="profile-form-footer">
          <FormErrorList messages={general} />
          {notice && (
            <p className="field-warning" role="status">
              {notice}
            </p>
          )}
          {submitted && !validation.ok && general.length === 0 && (
            <p className="form-error" role="alert">
              {Object.keys(placed.fields).length === 1 ? 'One field needs attention before saving.' : `${Object.keys(placed.fields).length} fields need attention before saving.`}
            </p>
          )}
          <div className="button-row">
            <button type="submit" className="primary" disabled={busy !== null}>
              {busy === 'save' ? 'Saving…' : 'Save profile'}
            </button>
            <button type="button" disabled={busy !== null} onClick={() => void save(true)}>
              {busy === 'connect' ? 'Connecting…' : 'Save and connect'}
            </button>
            <button type="button" className="push-right" onClick={close}>
              Cancel
            </button>
          </div>
        </footer>
      </form>
    </dialog>
  );
}
