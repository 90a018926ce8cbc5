import { describe, expect, it } from 'vitest';
import { checkProfileForm } from './profile-check';
import { emptyProfileForm, newKeyValueRow, type ProfileForm } from './profile-form';

const form = (patch: Partial<ProfileForm> = {}): ProfileForm => ({ ...emptyProfileForm(), name: 'Lab', host: 'localhost', ...patch });
const problems = (f: ProfileForm) => {
  const v = checkProfileForm(f);
  return v.ok ? [] : v.problems;
};

describe('checkProfileForm', () => {
  it('passes a valid profile as the shared schema parses it', () => {
    const v = checkProfileForm(form());
    expect(v.ok).toBe(true);
  });

  it('refuses U+0000 in the strings CONNECT carries, at their fields', () => {
    const f = form({ clientId: 'c\u0000', username: 'u\u0000', host: 'a\u0000b' });
    f.properties = { ...f.properties, userProperties: [newKeyValueRow('n', 'v\u0000')] };
    expect(problems(f)).toEqual(
      expect.arrayContaining([
        { field: 'host', message: 'The host name contains a control character (such as U+0000).' },
        { field: 'clientId', message: 'The client id contains a null character (U+0000), which MQTT forbids.' },
        { field: 'username', message: 'The user name contains a null character (U+0000), which MQTT forbids.' },
        { field: 'properties.userProperties.0.1', message: 'A value contains a null character (U+0000), which MQTT forbids.' },
      ]),
    );
    expect(problems(f)).toHaveLength(4);
  });

  it('keeps the schema’s problems beside its own', () => {
    expect(problems(form({ port: '0', clientId: 'c\u0000' })).map((p) => p.field)).toEqual(['port', 'clientId']);
  });

  it('leaves out what the form does not send: 5.0 properties under 3.1.1, a will that is off', () => {
    const f = form({ protocolVersion: 4 });
    f.properties = { ...f.properties, userProperties: [newKeyValueRow('n\u0000', 'v')] };
    f.will = { ...f.will, enabled: false, contentType: 'x\u0000' };
    expect(checkProfileForm(f).ok).toBe(true);
  });
});
