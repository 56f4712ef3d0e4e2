import { setFlagsFromString } from 'node:v8';

/**
 * How much of a function V8 runs before it compiles it with its optimizing compiler
 * (TurboFan), set for a lint run: about nine times V8's default (67,584).
 *
 * V8 is tuned for pages and servers that run for minutes. A lint run lasts seconds, and in it
 * TurboFan compiled some 400 functions of the parser, the model and the rules in every thread
 * (each worker again, in its own isolate): on 300 files on two cores, its background threads
 * took about a quarter of the run's CPU time, time the workers then lacked. With this budget
 * only the hottest functions are compiled. Measured with `npm run bench` (two cores, the
 * corpus and the machine of its README table): 300 files about 0.86 x the wall time and CPU,
 * 2,000 files about 0.9 x, one file and the big documents unchanged. Twice this budget was a
 * little faster on 300 files and 1.1 x slower on 2,000.
 *
 * The language server is left at V8's default: it runs for hours, and its edits should
 * reach optimized code soon.
 */
const INTERRUPT_BUDGET = 600_000;

/** Sets the budget for this process and the worker threads it starts; call before linting starts. */
export function tuneTieringForShortRun(): void {
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}
