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
import { join, relative, sep } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { packageRoot } from '../src/util/package-root.js';

const root = packageRoot();
const outdir = join(root, 'dist', 'cli');

/**
 * Every import of string-width becomes src/util/fast-string-width.ts around the version the
 * importer resolves (see there): a CommonJS module that requires it, so that esbuild wraps
 * string-width in an initialiser that runs on the first call that needs it.
 */
const lazyStringWidth: Plugin = {
  name: 'lazy-string-width',
  setup(bundle) {
    bundle.onResolve({ filter: /^string-width$/ }, async ({ importer, resolveDir, kind, pluginData }) => {
      // The resolution just below, which asks for the real module.
      if (pluginData === 'real') return undefined;
      const real = await bundle.resolve('string-width', { importer, resolveDir, kind, pluginData: 'real' });
      if (real.errors.length > 0) return { errors: real.errors };
      // Relative, so that no path of the machine that built the bundle ends up in it.
      return { path: relative(root, real.path), namespace: 'lazy-string-width' };
    });
    bundle.onLoad({ filter: /.*/, namespace: 'lazy-string-width' }, ({ path }) => ({
      contents: [
        "const { fastStringWidth } = require('./dist/src/util/fast-string-width.js');",
        `module.exports = fastStringWidth(() => require(${JSON.stringify(`./${path.split(sep).join('/')}`)}).default);`,
      ].join('\n'),
      loader: 'js',
      resolveDir: root,
    }));
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
  plugins: [lazyStringWidth],
  logLevel: 'warning',
});
