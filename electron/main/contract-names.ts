// The contract's request and event names for the preload. Type-only imports: the
// preload must not carry zod (about 450 kB) for a list of names. `satisfies` makes the
// compiler reject a missing or extra name, and contract-names.test.ts compares these
// with the contract's runtime lists.
import type { EventName, RequestName } from '../../shared/contract';

const requests = {
  getAppInfo: true,
  listConnections: true,
  connect: true,
  disconnect: true,
  reconnect: true,
  removeConnection: true,
  subscribe: true,
  unsubscribe: true,
  publish: true,
  viewTree: true,
  setExpanded: true,
  selectTopic: true,
  getMessage: true,
  setDemo: true,
  setHistoryLimits: true,
  viewPackets: true,
  viewFlows: true,
  getPacket: true,
  getFlow: true,
  injectFault: true,
  clearFaults: true,
  cutLink: true,
  setCaptureLimits: true,
  setCaptureEnabled: true,
  findFlow: true,
  runScenario: true,
  listProfiles: true,
  saveProfile: true,
  deleteProfile: true,
  connectProfile: true,
  importProfiles: true,
  exportProfiles: true,
  startRepeat: true,
  stopRepeat: true,
  sendRequest: true,
  completeTopic: true,
  getPublishLibrary: true,
  savePublish: true,
  deleteSavedPublish: true,
  clearPublishHistory: true,
  listRetained: true,
  getRetained: true,
  scanRetained: true,
  clearRetained: true,
  exportRetained: true,
  restoreRetained: true,
  saveRetainedSnapshot: true,
  listRetainedSnapshots: true,
  deleteRetainedSnapshot: true,
  getRetainedSnapshot: true,
  compareRetained: true,
  getRetainedState: true,
  getBrokerSettings: true,
  saveBrokerSettings: true,
  getPublishingState: true,
} as const satisfies Record<RequestName, true>;

const events = { app: true, connections: true, tree: true, treeDelta: true, history: true, links: true, packets: true, flows: true, profiles: true, publishing: true, retained: true } as const satisfies Record<EventName, true>;

export const PRELOAD_REQUEST_NAMES = Object.keys(requests) as RequestName[];
export const PRELOAD_EVENT_NAMES = Object.keys(events) as EventName[];
