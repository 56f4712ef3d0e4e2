import type { LintResult, Rule } from '../engine/types.js';

export interface ReporterContext {
  /** Paths are shown relative to this directory (JSON keeps them absolute, as ESLint does). */
  cwd: string;
  color: boolean;
  /** The rules that could have reported, for formats that describe them (SARIF). */
  rules: ReadonlyArray<Rule<any>>;
  version: string;
}

export type Reporter = (results: LintResult[], context: ReporterContext) => string;
