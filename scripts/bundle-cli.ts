/**
 * Bundles the command line (dist/src/cli/bin.js) and its worker thread (dist/src/api/worker.js)
 * into dist/cli, run by `npm run build` after tsc and the validators. Node resolves and loads
 * ES modules one file at a time: the unbundled CLI loads some 200 (micromark alone is over a
 * hundred), which is about 0.1 s of a 0.3 s one-file run. Bundled, a run loads a handful.
 *
 * Code splitting keeps what a plain run does not need (yargs, `init`, `new`, `--explain`, the
 * diff for --fix-dry-run) in chunks loaded on demand, and lets bin.js and worker.js share one
 * copy of the engine. The library entry points (`pm-lint`, `pm-lint/remark`) stay unbundled:
 * their users' own bundlers and module graphs take care of them.
 */
import { rmSync } from 'node:fs';
import { join, sep } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { packageRoot } from '../src/util/package-root.js';

const root = packageRoot();
const outdir = join(root, 'dist', 'cli');

/** vfile-reporter measures with ascii-string-width.ts, which skips segmenting ASCII (see there). */
const asciiFastStringWidth: Plugin = {
  name: 'ascii-fast-string-width',
  setup(bundle) {
    bundle.onResolve({ filter: /^string-width$/ }, ({ importer }) =>
      importer.includes(`${sep}vfile-reporter${sep}`) ? { path: join(root, 'dist', 'scripts', 'ascii-string-width.js') } : undefined,
    );
  },
};

rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: {
    bin: join(root, 'dist', 'src', 'cli', 'bin.js'),
    // The pool starts worker.js from the directory of the chunk it lives in: this one.
    worker: join(root, 'dist', 'src', 'api', 'worker.js'),
  },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Some dependencies are CommonJS and require node's built-ins; an ES module has no `require`.
  banner: { js: "import { createRequire as __pmLintCreateRequire } from 'node:module'; const require = __pmLintCreateRequire(import.meta.url);" },
  plugins: [asciiFastStringWidth],
  logLevel: 'warning',
});
