// Where each problem with the broker settings is shown. validateBrokerSettings and the
// core name a field by its dotted path ('port', 'tls.certFile', 'users.0.username',
// 'users.2.publish.1'); the dialog has one input per key below, and a pattern list is one
// text area whose problems say their line.
import { hasStoredPassword, patternLines, type BrokerForm } from './broker-form';
import { placeProblems, type PlacedProblems, type Problem } from './profile-field-errors';

/** Every key the dialog shows for the form's current state (a hidden input cannot show a message). */
export function brokerFieldKeys(f: BrokerForm): string[] {
  const keys = ['host', 'port', 'requireAuth', 'users', 'tls.enabled'];
  f.users.forEach((_, i) => keys.push(`users.${i}.username`, `users.${i}.password`, `users.${i}.publish`, `users.${i}.subscribe`));
  if (f.tls.enabled) keys.push('tls.port', 'tls.certFile', 'tls.keyFile', 'tls.passphrase');
  keys.push('limits.maxPacketBytes', 'limits.maxInflight', 'limits.maxConnections');
  return keys;
}

/**
 * What the schema cannot know: the core keeps a password by username, so a row whose name
 * has no stored password needs one typed (a new user, or one renamed, whose password stays
 * with the old name). Without it the user could never sign in.
 */
export function brokerFormProblems(f: BrokerForm): Problem[] {
  const problems: Problem[] = [];
  f.users.forEach((u, i) => {
    if (u.password !== '' || u.username === '' || hasStoredPassword(f, u)) return;
    problems.push({ field: `users.${i}.password`, message: `Give “${u.username}” a password.` });
  });
  return problems;
}

/**
 * Worth knowing, not wrong: the core gives a user whose name holds '+', '#' or '/' none of
 * its %u patterns (the name would widen them), so say so where the name is typed.
 */
export function brokerFormWarnings(f: BrokerForm): Record<string, string> {
  const warnings: Record<string, string> = {};
  f.users.forEach((u, i) => {
    const usesName = `${u.publish}\n${u.subscribe}`.includes('%u');
    if (usesName && /[+#/]/.test(u.username)) warnings[`users.${i}.username`] = 'With +, # or / in the name, its %u patterns do not apply.';
  });
  return warnings;
}

/** A problem's path as the key of the input that shows it, and its message as said there. */
export function brokerProblemAtField(p: Problem, f: BrokerForm): Problem {
  const pattern = /^users\.(\d+)\.(publish|subscribe)\.(\d+)$/.exec(p.field);
  if (pattern) {
    const [, row, list, index] = pattern;
    const user = f.users[Number(row)];
    const line = user ? patternLines(user[list as 'publish' | 'subscribe'])[Number(index)]?.line : undefined;
    // The schema prefixes "Publish: " for readers without the field; here the field says it.
    const message = p.message.replace(/^(Publish|Subscribe): /, '');
    return { field: `users.${row}.${list}`, message: line === undefined ? message : `Line ${line}: ${message}` };
  }
  return p;
}

/** Each problem at its input; the rest (and anything about a hidden input) for the footer. */
export function placeBrokerProblems(problems: readonly Problem[], f: BrokerForm): PlacedProblems {
  // The keys are final here: placeProblems only matches them to the inputs shown.
  return placeProblems(
    problems.map((p) => brokerProblemAtField(p, f)),
    brokerFieldKeys(f),
  );
}

/**
 * Fields whose problem can change when this one does: they are shown as soon as it is
 * touched (a duplicate name is reported at the second row, whichever row was typed in).
 */
export function relatedBrokerFields(key: string, f: BrokerForm): string[] {
  const username = /^users\.(\d+)\.username$/.exec(key);
  if (username) return [`users.${username[1]}.password`, ...f.users.map((_, i) => `users.${i}.username`)];
  switch (key) {
    case 'requireAuth':
      return [key, 'users'];
    case 'port':
    case 'tls.port':
      return ['port', 'tls.port'];
    case 'tls.enabled':
      return [key, 'tls.port', 'tls.certFile', 'tls.keyFile'];
    default:
      return [key];
  }
}
