// Bounded waiting: poll a condition until it holds or a deadline passes, and say
// what was awaited when it did not happen (a bare "timeout" wastes a CI run).

export interface WaitOptions {
  /** What is awaited, in words: it goes into the error message. */
  what: string;
  timeoutMs?: number;
  intervalMs?: number;
}

/**
 * Resolves with the first truthy value the predicate returns. A predicate that throws
 * counts as "not yet"; its last error is quoted if the deadline passes.
 */
export async function waitFor<T>(predicate: () => T | Promise<T>, options: WaitOptions): Promise<NonNullable<T>> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const intervalMs = options.intervalMs ?? 20;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = null;
  let lastValue: unknown = undefined;
  for (;;) {
    try {
      const value = await predicate();
      if (value) return value as NonNullable<T>;
      lastValue = value;
      lastError = null;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() >= deadline) {
      const detail = lastError ? ` (last error: ${lastError instanceof Error ? lastError.message : String(lastError)})` : ` (last value: ${describe(lastValue)})`;
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${options.what}${detail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(intervalMs, Math.max(1, deadline - Date.now()))));
  }
}

function describe(value: unknown): string {
  try {
    const text = JSON.stringify(value);
    return text === undefined ? String(value) : text.length > 300 ? `${text.slice(0, 300)}…` : text;
  } catch {
    return String(value);
  }
}
