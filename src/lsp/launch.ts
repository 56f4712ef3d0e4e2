import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../util/package-root.js';
import type { ServerOptions } from './server.js';

/**
 * Young-generation space for the server, in MB per semi-space. Parsing a document allocates
 * a lot of short-lived objects: with node's default (16 MB), scavenges take about a third
 * of a re-lint of a 30 KB postmortem; with 64 MB, a tenth (see "npm run bench").
 */
const SEMI_SPACE_MB = 64;
const CHILD_MARKER = 'PM_LINT_LSP_SERVER';

/**
 * `pm-lint lsp`: starts the server in this process when it already has the young
 * generation it needs, else in a child node process given it (a V8 heap limit cannot
 * change once the process runs), with this process's standard streams, and resolves
 * with the child's exit code. Resolves with undefined when the server runs here: it then
 * ends the process itself on "exit".
 */
export async function launchServer(options: ServerOptions, argv: readonly string[]): Promise<number | undefined> {
  const bin = join(packageRoot(), 'dist', 'cli', 'bin.js');
  const configured = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((flag) => flag.includes('--max-semi-space-size'));
  if (process.env[CHILD_MARKER] !== undefined || configured || !existsSync(bin)) {
    const { startServer } = await import('./server.js');
    startServer(options);
    return undefined;
  }
  const child = spawn(process.execPath, [...process.execArgv, `--max-semi-space-size=${SEMI_SPACE_MB}`, bin, ...argv], {
    cwd: options.cwd,
    stdio: 'inherit',
    env: { ...process.env, [CHILD_MARKER]: '1' },
  });
  // An editor that stops the server with a signal stops it, not only this process.
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, forward);
  return new Promise((resolve) => {
    child.on('error', (error) => {
      process.stderr.write(`pm-lint: the language server could not start: ${error.message}\n`);
      resolve(2);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
