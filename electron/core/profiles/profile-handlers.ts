// The profile requests: list, save, delete, import and export saved connections, and
// open a connection from one. Secrets stay on this side; the renderer sees "set".
import type { RequestArg, RequestResults } from '../../../shared/contract';
import { profileAddress, type ConnectionProfile } from '../../../shared/profile';
import type { ScopeCore } from '../scope-core';
import { connectionProfileOptions, subscribeOptions } from './connect-options';

type ProfileRequest = 'listProfiles' | 'saveProfile' | 'deleteProfile' | 'connectProfile' | 'importProfiles' | 'exportProfiles';
type ProfileHandlers = { [K in ProfileRequest]: (arg: RequestArg<K>) => RequestResults[K] | Promise<RequestResults[K]> };

export function createProfileHandlers(core: ScopeCore): ProfileHandlers {
  const store = () => core.profiles;
  return {
    listProfiles: () => core.profilesState(),
    saveProfile: (input) => core.changeProfiles(() => store().save(input)),
    deleteProfile: ({ id }) => core.changeProfiles(() => store().remove(id)),
    importProfiles: ({ text }) => core.changeProfiles(() => store().importFile(text)),
    exportProfiles: ({ includeSecrets }) => {
      const data = store().exportAll({ includeSecrets });
      const day = data.exportedAt.slice(0, 10);
      return { json: `${JSON.stringify(data, null, 2)}\n`, fileName: `mqtt-scope-profiles-${day}.json` };
    },
    connectProfile: ({ id }) => {
      const profile = store().connectionProfile(id);
      const entry = core.addConnection(connectionFromProfile(profile));
      return { connectionId: entry.id };
    },
  };
}

/** What a connection needs from a profile; TLS files are read (and checked) here, before connecting. */
export function connectionFromProfile(profile: ConnectionProfile) {
  const address = { ...profileAddress(profile), password: profile.password };
  return {
    name: profile.name,
    address,
    protocolVersion: profile.protocolVersion,
    clientId: profile.clientId,
    embedded: false,
    profileOptions: connectionProfileOptions(profile),
    reconnectBaseMs: profile.reconnectPeriod,
    subscriptions: profile.subscriptions.map((s) => ({ filter: s.filter, qos: s.qos, options: subscribeOptions(s, profile.protocolVersion) })),
  };
}
