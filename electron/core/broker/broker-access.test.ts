import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword, mayPublish, maySubscribe, signIn, type AccessRules, type StoredBrokerUser } from './broker-access';

function user(username: string, password: string, publish: string[], subscribe: string[]): StoredBrokerUser {
  const salt = randomBytes(16);
  return { username, passwordHash: hashPassword(password, salt), salt: salt.toString('base64'), publish, subscribe };
}

const internal = { username: '$mqtt-scope', password: 'internal-secret' };
const rules: AccessRules = {
  requireAuth: true,
  users: [user('dev1', 'pw1', ['devices/%u/#'], ['devices/%u/cmd/#', 'broadcast/#']), user('a/+', 'pw2', ['devices/%u/x', 'free/#'], [])],
};
const who = (username: string | null) => ({ username, internal: false });

describe('signIn', () => {
  it('takes the right password and refuses wrong ones, unknown users and anonymous clients', () => {
    expect(signIn(rules, internal, 'dev1', Buffer.from('pw1'))).toEqual({ ok: true, username: 'dev1', internal: false });
    expect(signIn(rules, internal, 'dev1', Buffer.from('pw2'))).toEqual({ ok: false, reason: 'wrong password' });
    expect(signIn(rules, internal, 'dev1', undefined)).toEqual({ ok: false, reason: 'wrong password' });
    expect(signIn(rules, internal, 'nobody', Buffer.from('pw1'))).toEqual({ ok: false, reason: 'unknown username' });
    expect(signIn(rules, internal, undefined, undefined)).toMatchObject({ ok: false, reason: expect.stringMatching(/no username/) });
  });

  it('lets the app\'s own clients in with their secret only, whatever the rules', () => {
    expect(signIn(rules, internal, '$mqtt-scope', Buffer.from('internal-secret'))).toEqual({ ok: true, username: '$mqtt-scope', internal: true });
    expect(signIn({ requireAuth: false, users: [] }, internal, '$mqtt-scope', Buffer.from('guess'))).toMatchObject({ ok: false });
  });

  it('lets anyone in when sign-in is not required', () => {
    expect(signIn({ requireAuth: false, users: rules.users }, internal, undefined, undefined)).toEqual({ ok: true, username: null, internal: false });
  });
});

describe('the ACL', () => {
  it('expands %u to the username', () => {
    expect(mayPublish(rules, who('dev1'), 'devices/dev1/temp')).toBe(true);
    expect(mayPublish(rules, who('dev1'), 'devices/dev2/temp')).toBe(false);
    expect(maySubscribe(rules, who('dev1'), 'devices/dev1/cmd/+')).toBe(true);
    expect(maySubscribe(rules, who('dev1'), 'devices/+/cmd/#')).toBe(false);
    expect(maySubscribe(rules, who('dev1'), 'broadcast/#')).toBe(true);
  });

  it('gives a username with wildcards or levels no %u pattern, since it would widen it', () => {
    expect(mayPublish(rules, who('a/+'), 'devices/a/anything/x')).toBe(false);
    expect(mayPublish(rules, who('a/+'), 'free/x')).toBe(true);
  });

  it('allows everything to internal clients and to anyone when sign-in is off', () => {
    expect(mayPublish(rules, { username: '$mqtt-scope', internal: true }, 'anything')).toBe(true);
    expect(maySubscribe({ requireAuth: false, users: [] }, who(null), '#')).toBe(true);
    expect(maySubscribe(rules, who(null), '#')).toBe(false);
  });
});
