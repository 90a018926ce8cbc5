// Bundles the Node side with esbuild:
//   out/main/main.cjs     Electron main process (CommonJS: package.json "main")
//   out/main/preload.cjs  the sandboxed preload: one CommonJS file, since a sandboxed
//                         preload can require 'electron' but no relative modules
//   out/web/cli.mjs       web mode (ESM, node_modules loaded at run time)
// Usage: node build/build-main.mjs [--watch]
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const watch = process.argv.includes('--watch');

const common = {
  absWorkingDir: root,
  bundle: true,
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
};

const targets = [
  {
    ...common,
    entryPoints: ['electron/main/main.ts'],
    outfile: 'out/main/main.cjs',
    platform: 'node',
    format: 'cjs',
    // Electron 41 runs Node 24; node22 keeps the output plain.
    target: 'node22',
    // Dependencies are bundled (Aedes is ESM-only and a CommonJS main cannot rely on
    // require(esm)); only Electron itself and ws's optional native add-ons stay outside.
    external: ['electron', 'bufferutil', 'utf-8-validate'],
    // import.meta.url has no CommonJS equivalent; give bundled ESM code this file's URL.
    define: { 'import.meta.url': '__scopeImportMetaUrl' },
    banner: { js: "const __scopeImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  },
  {
    ...common,
    entryPoints: ['electron/main/preload.ts'],
    outfile: 'out/main/preload.cjs',
    // A sandboxed preload is a browser context with a few Electron APIs: no Node built-ins.
    platform: 'browser',
    format: 'cjs',
    target: 'chrome130',
    external: ['electron'],
    metafile: true,
  },
  {
    ...common,
    entryPoints: ['electron/web/cli.ts'],
    outfile: 'out/web/cli.mjs',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
  },
];

if (watch) {
  for (const options of targets) await (await esbuild.context(options)).watch();
  console.log('Watching electron/ and shared/ for changes...');
} else {
  const started = Date.now();
  const [, preload] = await Promise.all(targets.map((options) => esbuild.build(options)));
  checkPreloadIsSmall(preload.metafile);
  console.log(`Built out/main/main.cjs, out/main/preload.cjs and out/web/cli.mjs in ${Date.now() - started} ms.`);
}

/** The preload runs in every document: it must not grow a dependency (zod is 450 kB) by accident. */
function checkPreloadIsSmall(metafile) {
  const bytes = Object.values(metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
  const packages = Object.keys(metafile.inputs).filter((input) => input.includes('node_modules/'));
  if (bytes > 64 * 1024 || packages.length > 0) {
    throw new Error(`out/main/preload.cjs is ${bytes} bytes and bundles ${packages.join(', ') || 'no packages'}: the preload should need only 'electron' and type-only imports.`);
  }
}
