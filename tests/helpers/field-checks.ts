// Checks of a form field as a user and a screen reader meet it: the message the field's
// aria-describedby points at, its aria-invalid, and the text it holds.
import type { Locator } from 'playwright-core';
import { expect } from 'vitest';

/** A value typed into a field (found by role and accessible name), and what the field must say about it. */
export interface BadInput {
  field: string;
  value: string;
  message: RegExp;
  role?: 'textbox' | 'spinbutton' | 'searchbox' | 'combobox';
}

const ui = { timeout: 15_000 };

/** The text of every element the field's aria-describedby names. */
export async function messageOf(field: Locator): Promise<string> {
  const ids = (await field.getAttribute('aria-describedby'))?.split(/\s+/).filter(Boolean) ?? [];
  const texts = await Promise.all(ids.map((id) => field.page().locator(`[id="${id}"]`).innerText()));
  return texts.join(' ');
}

/**
 * Types each value into its field, submits, and checks the field: invalid, the message
 * at it, the text as typed. `restore` puts a valid value back before the next case.
 */
export async function expectRefused(scope: Locator, cases: readonly BadInput[], submit: () => Promise<void>, restore?: (c: BadInput) => Promise<void>): Promise<void> {
  for (const c of cases) {
    const field = scope.getByRole(c.role ?? 'textbox', { name: c.field, exact: true });
    await field.fill(c.value);
    await submit();
    const what = `${c.field} = ${JSON.stringify(c.value.slice(0, 40))}`;
    await expect.poll(() => field.getAttribute('aria-invalid'), { ...ui, message: `${what} is marked invalid` }).toBe('true');
    expect(await messageOf(field), what).toMatch(c.message);
    expect(await field.inputValue(), `${what} keeps the text as typed`).toBe(c.value);
    await restore?.(c);
  }
}

/** Chooses a file in a file control and checks the message tied to it, which starts with the file's name. */
export async function expectFileRefused(control: Locator, file: { name: string; bytes: Buffer }, message: RegExp): Promise<void> {
  await control.setInputFiles({ name: file.name, mimeType: 'application/json', buffer: file.bytes });
  await expect.poll(() => control.getAttribute('aria-invalid'), ui).toBe('true');
  await expect.poll(() => messageOf(control), ui).toMatch(new RegExp(`^${file.name.replace(/[.]/g, '\\.')}${message.source}`));
}
