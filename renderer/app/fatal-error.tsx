import { errorMessage } from '../lib/form-errors';

/** Shown instead of the app when the API cannot be reached (bad token, core gone). */
export function FatalError({ error }: { error: unknown }) {
  return (
    <main className="fatal">
      <h1>MQTT Scope cannot start</h1>
      <p>The window could not connect to the MQTT Scope core:</p>
      <pre className="fatal-message">{errorMessage(error)}</pre>
      <p className="muted">
        If this keeps happening, restart MQTT Scope.
      </p>
    </main>
  );
}
