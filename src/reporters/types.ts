import type { LintResult, Rule } from '../engine/types.js';

export interface ReporterContext {
  /** Paths are shown relative to this directory (JSON keeps them absolute, as ESLint does). */
  cwd: string;
  color: boolean;
  /** The rules that could have reported, for formats that describe them (SARIF). */
  rules: ReadonlyArray<Rule<any>>;
  version: string;
  /** Columns to wrap human output at (stylish): the terminal's width, 80 when not a terminal (the default). */
  width?: number;
  /** Whether the terminal shows OSC 8 hyperlinks (stylish links rule ids to their docs); only with `color`. */
  hyperlinks?: boolean;
}

export type Reporter = (results: LintResult[], context: ReporterContext) => string;
