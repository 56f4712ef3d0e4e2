#!/usr/bin/env node
import { main } from './cli.js';
import { tuneTieringForShortRun } from './tiering.js';

const argv = process.argv.slice(2);
if (argv[0] !== 'lsp') {
  tuneTieringForShortRun();
  // "pm-lint . | head": the reader may close the pipe before the report ends. The rest of the
  // report is not wanted then; the run still ends with its exit code, not a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

main(argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // main() turns every expected failure into a message and exit code 2; this is a bug.
    process.stderr.write(`pm-lint: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
