import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeFor, resolveStaticPath } from './static-files';

let base: string;
let root: string;

beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'scope-static-'));
  root = path.join(base, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), '');
  fs.writeFileSync(path.join(root, '.env'), 'secret');
  fs.writeFileSync(path.join(base, 'secret.txt'), 'secret');
  fs.symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'link.txt'));
});

afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

describe('resolveStaticPath', () => {
  it('finds files and serves index.html for the root', async () => {
    const real = fs.realpathSync(root);
    expect(await resolveStaticPath(root, '/')).toBe(path.join(real, 'index.html'));
    expect(await resolveStaticPath(root, '/assets/app.js')).toBe(path.join(real, 'assets', 'app.js'));
    expect(await resolveStaticPath(root, '/assets/%61pp.js')).toBe(path.join(real, 'assets', 'app.js'));
  });

  it('refuses to leave the folder, however the path is spelled', async () => {
    for (const attempt of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets%2f..%2f..%2fsecret.txt', '/..\\secret.txt', '/%5c..%5csecret.txt']) {
      expect(await resolveStaticPath(root, attempt), attempt).toBeNull();
    }
  });

  it('refuses symlinks that point outside, dotfiles, folders, NUL bytes, bad escapes and missing files', async () => {
    for (const attempt of ['/link.txt', '/.env', '/assets', '/index.html%00.js', '/%E0%A4%A', '/missing.js', 'relative.js', '/C:/x']) {
      expect(await resolveStaticPath(root, attempt), attempt).toBeNull();
    }
  });
});

describe('contentTypeFor', () => {
  it('names the types the renderer build produces', () => {
    expect(contentTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/x/app.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/x/app.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('/x/logo.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('/x/font.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/x/unknown.bin')).toBe('application/octet-stream');
  });
});
