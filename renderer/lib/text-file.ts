// A file the user chose (profiles to import, a retained backup or snapshot), read as the
// UTF-8 text its request carries. File.text() would turn bytes that are not UTF-8 into
// U+FFFD (or read a UTF-16 file as UTF-16) and hand the core a text that is not the
// file; a file too large for the page would fail somewhere else with no word of why.
import { errorMessage } from './form-errors';
import { formatBytes } from './format-number';
import { utf8Text } from './publish-payload-text';

export type TextFileRead = { ok: true; text: string } | { ok: false; problem: string };

/** Retained files: V8 strings end at 512 Mi characters, and the request escapes the text once more. */
export const maxRetainedFileBytes = 256 * 1024 * 1024;
/** importProfiles' limit. */
export const maxProfilesFileBytes = 32 * 1024 * 1024;

export async function readTextFile(file: Blob, maxBytes: number): Promise<TextFileRead> {
  if (file.size > maxBytes) return { ok: false, problem: `The file is ${formatBytes(file.size)}; files up to ${formatBytes(maxBytes)} can be read here.` };
  if (file.size === 0) return { ok: false, problem: 'The file is empty.' };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (err) {
    return { ok: false, problem: `The file could not be read: ${errorMessage(err)}` };
  }
  return decodeTextFile(bytes);
}

/** The text of UTF-8 bytes (a UTF-8 byte order mark is dropped), or why they are not. */
export function decodeTextFile(bytes: Uint8Array): TextFileRead {
  const text = utf8Text(bytes);
  if (text !== null) return { ok: true, text };
  const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  return { ok: false, problem: utf16 ? 'The file is UTF-16 text; save it as UTF-8 and choose it again.' : 'The file is not UTF-8 text (is it the right file?).' };
}
