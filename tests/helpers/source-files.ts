// The repository's TypeScript sources, for the tests that check rules over the code
// itself (architecture.test.ts, electron-hardening-rules.test.ts).
import fs from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');

/** .ts and .tsx files under dir (relative to the repo root), as repo-relative paths. */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(repoRoot, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.(ts|tsx)$/.test(entry.name)) out.push(rel);
  }
  return out;
}

export const isTestFile = (file: string): boolean => /\.test\.tsx?$/.test(file);

/** The file's code without comments, so a rule is not tripped (or satisfied) by prose. */
export function codeOf(file: string): string {
  // Line comments only where // starts a comment, not inside a URL such as 'https://x'.
  return fs
    .readFileSync(path.join(repoRoot, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`\w])\/\/.*$/gm, '$1');
}
