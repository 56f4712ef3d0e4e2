import type { LintResult } from '../engine/types.js';
import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Reporter, ReporterContext } from './types.js';

export const REPORTERS = { stylish, json, sarif, github, junit } satisfies Record<string, Reporter>;
export type FormatName = keyof typeof REPORTERS;
export const FORMATS = Object.keys(REPORTERS) as FormatName[];
export type { ReporterContext } from './types.js';

export function formatResults(results: LintResult[], format: FormatName, context: ReporterContext): string {
  return REPORTERS[format](results, context);
}
