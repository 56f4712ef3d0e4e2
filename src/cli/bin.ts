#!/usr/bin/env node
import { main } from './cli.js';
import { tuneTieringForShortRun } from './tiering.js';

const argv = process.argv.slice(2);
if (argv[0] !== 'lsp') tuneTieringForShortRun();

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
