// Opening the profile editor, from the list or from a connection, and connecting a profile.
import type { ConnectionSummary, ScopeApi } from '../../../shared/contract';
import type { ProfileView } from '../../../shared/profile';
import { selectConnection } from '../../app/actions';
import { duplicateForm, emptyProfileForm, formFromConnection, formFromProfile } from '../../lib/profile-form';
import { useProfilesStore } from '../../stores/profiles-store';

export function openNewProfile(): void {
  useProfilesStore.getState().openEditor({ title: 'New profile', form: emptyProfileForm(), note: null });
}

export function openEditProfile(p: ProfileView): void {
  useProfilesStore.getState().openEditor({ title: `Edit profile: ${p.name}`, form: formFromProfile(p), note: null });
}

export function openDuplicateProfile(p: ProfileView): void {
  const secrets = p.password.set || p.tls.keyPassphrase.set;
  useProfilesStore.getState().openEditor({
    title: `New profile from ${p.name}`,
    form: duplicateForm(p),
    note: secrets ? 'Saved passwords are not copied (this window never receives them): enter them again if the copy needs them.' : null,
  });
}

export function openSaveConnectionAsProfile(c: ConnectionSummary): void {
  useProfilesStore.getState().openEditor({
    title: 'Save connection as profile',
    form: formFromConnection(c),
    note: 'Taken from the connection. Its password (if it had one) is not kept by the app: enter it again to save it with the profile.',
  });
}

/** Opens a connection from the profile and shows it. */
export async function connectProfile(api: ScopeApi, id: string): Promise<void> {
  const { connectionId } = await api.connectProfile({ id });
  selectConnection(api, connectionId);
}
