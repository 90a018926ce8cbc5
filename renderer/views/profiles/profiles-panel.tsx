// The sidebar's Profiles: saved connections first, then the public test brokers (marked,
// since anyone can read what is published there), with import, export and the editor.
import { useEffect, useId, useState } from 'react';
import { isPresetId } from '../../../shared/profile-presets';
import { useApi } from '../../app/api-context';
import { errorMessage } from '../../lib/form-errors';
import { useProfilesStore } from '../../stores/profiles-store';
import { ExportPanel, ImportPanel } from './import-export';
import { openNewProfile } from './profile-actions';
import { ProfileEditorDialog } from './profile-editor';
import { ProfileItem, publicBrokerTooltip } from './profile-item';

/** Subscribes first, then asks, so that no push between the two is missed. */
function useProfilesFeed(): void {
  const api = useApi();
  useEffect(() => {
    const store = useProfilesStore.getState();
    const off = api.on('profiles', (state) => store.setProfiles(state));
    api.listProfiles().then(
      (state) => store.setProfiles(state),
      (err: unknown) => store.setLoadError(`Could not load the profiles: ${errorMessage(err)}`),
    );
    return off;
  }, [api]);
}

type Tool = 'import' | 'export' | null;

export function ProfilesPanel() {
  useProfilesFeed();
  const state = useProfilesStore((s) => s.profiles);
  const loadError = useProfilesStore((s) => s.loadError);
  const dismissed = useProfilesStore((s) => s.dismissedProblem);
  const dismissProblem = useProfilesStore((s) => s.dismissProblem);
  const [tool, setTool] = useState<Tool>(null);
  const headingId = useId();
  const toolId = useId();
  const saved = state?.profiles.filter((p) => !isPresetId(p.id)) ?? [];
  const presets = state?.profiles.filter((p) => isPresetId(p.id)) ?? [];
  const problem = state?.problem && state.problem !== dismissed ? state.problem : null;
  const toggleTool = (t: Exclude<Tool, null>) => setTool(tool === t ? null : t);

  return (
    <>
      <section className="profiles-panel" aria-labelledby={headingId}>
        <div className="panel-header">
          <h2 id={headingId}>Profiles</h2>
          <button type="button" className="small" onClick={openNewProfile}>
            New profile
          </button>
        </div>
        <div className="profiles-tools-row">
          <button type="button" className="link-button" aria-expanded={tool === 'import'} aria-controls={tool === 'import' ? toolId : undefined} onClick={() => toggleTool('import')}>
            Import profiles…
          </button>
          <button type="button" className="link-button" aria-expanded={tool === 'export'} aria-controls={tool === 'export' ? toolId : undefined} onClick={() => toggleTool('export')}>
            Export profiles…
          </button>
        </div>
        {problem && (
          <div className="profiles-problem" role="alert">
            <p>
              <strong>The saved profiles had a problem.</strong> {problem}
            </p>
            <button type="button" className="small" onClick={dismissProblem}>
              Dismiss
            </button>
          </div>
        )}
        {loadError && (
          <p className="form-error profiles-load-error" role="alert">
            {loadError}
          </p>
        )}
        {tool && (
          <div id={toolId}>
            {tool === 'import' ? <ImportPanel onClose={() => setTool(null)} /> : <ExportPanel savedCount={saved.length} onClose={() => setTool(null)} />}
          </div>
        )}
        {state === null && !loadError && <p className="empty">Loading profiles…</p>}
        {state !== null && saved.length === 0 && <p className="empty">No saved profiles yet. New profile keeps a broker with its credentials, TLS and filters.</p>}
        {state !== null && (
          <ul className="profile-list" aria-label="Profiles">
            {saved.map((p) => (
              <ProfileItem key={p.id} profile={p} />
            ))}
          </ul>
        )}
        {presets.length > 0 && (
          <details className="public-brokers">
            <summary>
              Public test brokers <span className="muted">({presets.length})</span>{' '}
              <span className="tag tag-public" title={publicBrokerTooltip}>
                PUBLIC
              </span>
            </summary>
            <p className="field-hint public-note">Anyone can read what you publish there, and publish to what you subscribe to. Use them for trying things out, never for real data.</p>
            <ul className="profile-list" aria-label="Public test brokers">
              {presets.map((p) => (
                <ProfileItem key={p.id} profile={p} />
              ))}
            </ul>
          </details>
        )}
      </section>
      <ProfileEditorDialog />
    </>
  );
}
