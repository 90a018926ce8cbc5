// Puts an error from the core next to the input it is about. The core names the request
// field ('url', 'subscriptions.0.filter', 'topic'); a form lists the fields it shows.

export interface FormErrors {
  fields: Record<string, string>;
  /** Errors about no field the form shows: displayed next to the submit button. */
  general: string | null;
}

export const noErrors: FormErrors = { fields: {}, general: null };

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (typeof err === 'object' && err !== null && typeof (err as { message?: unknown }).message === 'string') {
    return (err as { message: string }).message;
  }
  return String(err);
}

// Duck-typed rather than instanceof RpcError: the error may come from another realm
// (the preload), and importing shared/rpc would pull zod into the renderer bundle.
export function errorField(err: unknown): string | null {
  if (typeof err !== 'object' || err === null) return null;
  const field = (err as { field?: unknown }).field;
  return typeof field === 'string' && field !== '' ? field : null;
}

export function formErrorsFrom(err: unknown, formFields: readonly string[]): FormErrors {
  const message = errorMessage(err);
  const field = errorField(err);
  if (field !== null) {
    if (formFields.includes(field)) return { fields: { [field]: message }, general: null };
    // 'subscriptions.0.filter.length' belongs to 'subscriptions.0.filter'.
    const owner = formFields.find((f) => field.startsWith(`${f}.`));
    if (owner) return { fields: { [owner]: message }, general: null };
  }
  return { fields: {}, general: message };
}
