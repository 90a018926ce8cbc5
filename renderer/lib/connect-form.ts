// The one-off connection form checked before anything is sent: the URL and the filters by
// the shared rules, the rest against what the connect request and MQTT take. Problems are
// keyed by the request's field names, as the core names them in its errors.
import { parseBrokerUrl } from '../../shared/broker-url';
import type { ProtocolVersion } from '../../shared/contract';
import { MQTT31_MAX_CLIENT_ID } from '../../shared/profile';
import { topicFilterProblem } from '../../shared/topic';
import { lengthProblem, mqttTextProblem } from './text-checks';

export interface ConnectFormValues {
  url: string;
  protocolVersion: ProtocolVersion;
  name: string;
  clientId: string;
  username: string;
  password: string;
  filters: readonly string[];
}

// ConnectRequestSchema's limits.
const limits = { url: 2048, name: 200, clientId: 200, username: 1000, password: 1000 };

export function connectFormProblems(v: ConnectFormValues): Record<string, string> {
  const problems: Record<string, string> = {};
  const put = (field: string, problem: string | null) => {
    if (problem && !problems[field]) problems[field] = problem;
  };
  put('url', lengthProblem(v.url, limits.url, 'The URL'));
  const parsed = parseBrokerUrl(v.url);
  if (!parsed.ok) put('url', parsed.problem);
  put('name', lengthProblem(v.name, limits.name, 'The name'));
  put('clientId', lengthProblem(v.clientId, limits.clientId, 'The client id') ?? mqttTextProblem(v.clientId, 'The client id'));
  if (v.protocolVersion === 3 && v.clientId.length > MQTT31_MAX_CLIENT_ID) {
    put('clientId', `MQTT 3.1 allows client ids of at most ${MQTT31_MAX_CLIENT_ID} characters; this one has ${v.clientId.length}.`);
  }
  put('username', lengthProblem(v.username, limits.username, 'The user name') ?? mqttTextProblem(v.username, 'The user name'));
  // The password is binary data in MQTT: any character may be in it.
  put('password', lengthProblem(v.password, limits.password, 'The password'));
  v.filters.forEach((filter, i) => put(`subscriptions.${i}.filter`, topicFilterProblem(filter)));
  return problems;
}
