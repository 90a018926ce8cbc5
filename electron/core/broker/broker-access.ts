// Who may connect to the embedded broker and what each user may publish and subscribe
// to. Pure decisions over the current settings; embedded-broker.ts wires them into
// Aedes's authenticate / authorizePublish / authorizeSubscribe hooks.
import { scryptSync, timingSafeEqual } from 'node:crypto';
import { expandAclPattern, INTERNAL_USERNAME_PREFIX } from '../../../shared/broker-settings';
import { filterCoversFilter, topicMatchesFilter } from '../../../shared/topic';

export interface StoredBrokerUser {
  username: string;
  /** scrypt of the password with `salt`, both base64; null = no password (refused when sign-in is required). */
  passwordHash: string | null;
  salt: string | null;
  publish: string[];
  subscribe: string[];
}

export interface AccessRules {
  requireAuth: boolean;
  users: readonly StoredBrokerUser[];
}

/** The app's own clients: its connection to the broker, the demo devices, the QoS scenarios. */
export interface InternalCredentials {
  username: string;
  password: string;
}

export const INTERNAL_USERNAME = `${INTERNAL_USERNAME_PREFIX}mqtt-scope`;

const scryptKeyLength = 32;

export function hashPassword(password: string, salt: Buffer): string {
  return scryptSync(password, salt, scryptKeyLength).toString('base64');
}

export type SignInResult = { ok: true; username: string | null; internal: boolean } | { ok: false; reason: string };

export function signIn(rules: AccessRules, internal: InternalCredentials, username: string | undefined, password: Buffer | undefined): SignInResult {
  if (username === internal.username) {
    return password !== undefined && sameBytes(password, Buffer.from(internal.password)) ? { ok: true, username, internal: true } : { ok: false, reason: 'wrong password for the app’s own user' };
  }
  if (!rules.requireAuth) return { ok: true, username: username ?? null, internal: false };
  if (username === undefined) return { ok: false, reason: 'no username (sign-in is required)' };
  const user = rules.users.find((u) => u.username === username);
  // The same work whether or not the user exists: the answer's timing does not say which names are real.
  const salt = user?.salt ? Buffer.from(user.salt, 'base64') : Buffer.alloc(16);
  const given = hashPassword(password?.toString('utf8') ?? '', salt);
  if (!user || !user.passwordHash || password === undefined || !sameBytes(Buffer.from(given, 'base64'), Buffer.from(user.passwordHash, 'base64'))) {
    return { ok: false, reason: user ? 'wrong password' : 'unknown username' };
  }
  return { ok: true, username, internal: false };
}

/** Publishing is allowed where a pattern of the user's matches the topic. */
export function mayPublish(rules: AccessRules, who: ClientIdentity, topic: string): boolean {
  const patterns = patternsFor(rules, who, 'publish');
  return patterns === 'all' || patterns.some((p) => topicMatchesFilter(p, topic));
}

/** A subscription is allowed when one pattern of the user's covers everything its filter can match. */
export function maySubscribe(rules: AccessRules, who: ClientIdentity, filter: string): boolean {
  const patterns = patternsFor(rules, who, 'subscribe');
  return patterns === 'all' || patterns.some((p) => filterCoversFilter(p, withoutSharePrefix(filter)));
}

export interface ClientIdentity {
  username: string | null;
  internal: boolean;
}

function patternsFor(rules: AccessRules, who: ClientIdentity, kind: 'publish' | 'subscribe'): string[] | 'all' {
  if (who.internal || !rules.requireAuth) return 'all';
  const user = rules.users.find((u) => u.username === who.username);
  if (!user || who.username === null) return [];
  // A name with wildcards or levels in it would widen a %u pattern: such users get no %u patterns.
  const safeName = !/[+#/]/.test(who.username);
  return user[kind].filter((p) => safeName || !p.includes('%u')).map((p) => expandAclPattern(p, who.username!));
}

/** "$share/group/a/b" subscribes to "a/b" (MQTT 5.0 §4.8.2): the ACL judges the filter. */
function withoutSharePrefix(filter: string): string {
  if (!filter.startsWith('$share/')) return filter;
  const rest = filter.slice('$share/'.length);
  const slash = rest.indexOf('/');
  return slash === -1 ? filter : rest.slice(slash + 1);
}

function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
