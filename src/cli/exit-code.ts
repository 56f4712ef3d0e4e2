import type { LintResult } from '../engine/types.js';

/** Exit codes: 0 clean, 1 lint errors or too many warnings, 2 usage, configuration or I/O problems. */
export const EXIT = { ok: 0, lintErrors: 1, fatal: 2 } as const;

export interface Outcome {
  code: number;
  errorCount: number;
  warningCount: number;
  tooManyWarnings: boolean;
}

/** The exit code of a run: I/O or usage problems first, then errors, then the warning budget (-1: none). */
export function outcomeOf(results: LintResult[], maxWarnings: number, fatal: boolean): Outcome {
  const errorCount = results.reduce((sum, result) => sum + result.errorCount, 0);
  const warningCount = results.reduce((sum, result) => sum + result.warningCount, 0);
  const tooManyWarnings = maxWarnings >= 0 && warningCount > maxWarnings;
  const code = fatal ? EXIT.fatal : errorCount > 0 || tooManyWarnings ? EXIT.lintErrors : EXIT.ok;
  return { code, errorCount, warningCount, tooManyWarnings };
}
