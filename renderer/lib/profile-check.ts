// The profile editor's check: the shared schema (what the core checks on save, the client
// id and user name as MQTT strings included), and the 5.0 strings of the CONNECT it will
// send, which depend on the version. Only what the form sends is checked.
import { validateProfileInput, type ProfileValidation } from '../../shared/profile';
import type { Problem } from './profile-field-errors';
import type { KeyValueRow, ProfileForm } from './profile-form';
import { profileInputFromForm } from './profile-input';
import { mqttTextProblem } from './text-checks';

export function checkProfileForm(f: ProfileForm): ProfileValidation {
  const shared = validateProfileInput(profileInputFromForm(f));
  const strings = stringProblems(f);
  if (strings.length === 0) return shared;
  return { ok: false, problems: [...(shared.ok ? [] : shared.problems), ...strings] };
}

function stringProblems(f: ProfileForm): Problem[] {
  const problems: Problem[] = [];
  const check = (field: string, text: string, what: string) => {
    const message = mqttTextProblem(text, what);
    if (message) problems.push({ field, message });
  };
  // Not an MQTT string, but a control character in a host name can only be a paste gone wrong.
  if (/[\u0000-\u001f\u007f]/.test(f.host)) problems.push({ field: 'host', message: 'The host name contains a control character (such as U+0000).' });
  // The client id and user name go out whatever the version: the shared schema checks them.
  if (f.protocolVersion !== 5) return problems;
  const pairs = (field: string, rows: KeyValueRow[]) =>
    rows.forEach((r, i) => {
      check(`${field}.${i}.0`, r.name, 'A name');
      check(`${field}.${i}.1`, r.value, 'A value');
    });
  pairs('properties.userProperties', f.properties.userProperties);
  if (f.will.enabled) {
    check('will.contentType', f.will.contentType, 'The content type');
    pairs('will.userProperties', f.will.userProperties);
  }
  return problems;
}
