// Bundles the benchmark (scripts/bench/*.ts) into out/bench/bench.mjs; its load
// generators (scripts/bench/*.mjs) run as they are, in processes of their own.
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

await esbuild.build({
  absWorkingDir: root,
  entryPoints: ['scripts/bench/run-bench.ts'],
  outfile: 'out/bench/bench.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
