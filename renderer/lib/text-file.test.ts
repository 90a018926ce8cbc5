import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeTextFile, readTextFile } from './text-file';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeTextFile', () => {
  it('gives the text of UTF-8 bytes, without a byte order mark', () => {
    expect(decodeTextFile(utf8('{"a": "ü"}'))).toEqual({ ok: true, text: '{"a": "ü"}' });
    expect(decodeTextFile(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('{}')]))).toEqual({ ok: true, text: '{}' });
  });

  it('says what a file that is not UTF-8 is, instead of reading it some other way', () => {
    expect(decodeTextFile(new Uint8Array([0xff, 0xfe, 0x7b, 0x00]))).toEqual({ ok: false, problem: 'The file is UTF-16 text; save it as UTF-8 and choose it again.' });
    expect(decodeTextFile(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toEqual({ ok: false, problem: 'The file is not UTF-8 text (is it the right file?).' });
  });

  it('for any bytes, never throws, and any text it gives encodes back to the same bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const read = decodeTextFile(bytes);
        if (read.ok) {
          const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
          expect(utf8(read.text)).toEqual(bytes.subarray(bom));
        } else {
          expect(read.problem).toMatch(/^The file/);
        }
      }),
    );
  });
});

describe('readTextFile', () => {
  it('refuses a file over the limit, and an empty one, before reading it', async () => {
    expect(await readTextFile(new Blob(['x'.repeat(2048)]), 1024)).toEqual({ ok: false, problem: 'The file is 2 KB; files up to 1 KB can be read here.' });
    expect(await readTextFile(new Blob([]), 1024)).toEqual({ ok: false, problem: 'The file is empty.' });
    expect(await readTextFile(new Blob(['{"ok":1}']), 1024)).toEqual({ ok: true, text: '{"ok":1}' });
  });
});
