import type { PluginReference } from './plugins.js';
import type { SeverityOrOff } from '../engine/types.js';

/** A rule's setting as written: a severity, or a severity with options. */
export type RuleSettingInput = SeverityOrOff | 0 | 1 | 2 | [SeverityOrOff | 0 | 1 | 2, Record<string, unknown>?];

export interface Settings {
  /** Extra heading titles per section kind: `{ "timeline": ["Chronologie"] }`. */
  sectionAliases?: Record<string, string[]>;
  /** Extra labels per metadata key: `{ "incidentId": ["Ticket #"] }`. */
  metadataAliases?: Record<string, string[]>;
}

export interface OverrideInput {
  /** Globs of the files it applies to (every file when absent and `when` is given). */
  files?: string | string[];
  /** Metadata values a document must have for it to apply: `{ severity: ["SEV-1", "SEV-2"] }`. */
  when?: Record<string, string | string[]>;
  rules?: Record<string, RuleSettingInput>;
  settings?: Settings;
}

/** Where `pm-lint new` creates postmortems, and from which template (paths relative to the file). */
export interface ScaffoldInput {
  directory?: string;
  template?: string;
}

/** A configuration file's content, as users write it. */
export interface ConfigInput {
  /** The team's template, relative to the file: the standard documents are held to. */
  template?: string;
  scaffold?: ScaffoldInput;
  $schema?: string;
  root?: boolean;
  extends?: string | string[];
  rules?: Record<string, RuleSettingInput>;
  overrides?: OverrideInput[];
  ignores?: string[];
  settings?: Settings;
  /** Modules of custom rules: paths relative to the configuration file, or package names. */
  plugins?: string[];
}

/** A rule's setting after validation; options are the user's (defaults are filled per file). */
export interface RuleSetting {
  severity?: SeverityOrOff;
  options?: Record<string, unknown>;
}

/** One validated configuration source, in the order it applies. */
export interface ConfigLayer {
  /** Where it came from: a file path, a preset name, or "--rule". */
  source: string;
  /** The directory its globs are relative to. */
  directory: string;
  rules: Record<string, RuleSetting>;
  overrides: Array<{ files: string[]; when?: Record<string, string[]>; rules: Record<string, RuleSetting>; settings: Settings }>;
  ignores: string[];
  settings: Settings;
  /** `scaffold` with paths made absolute. */
  scaffold: { directory?: string; template?: string };
  /** `template`, absolute, and as written (for messages). */
  template?: { path: string; written: string };
  /** The plugins it names, resolved to modules (loaded separately: loading runs their code). */
  plugins?: PluginReference[];
}

export interface ConfigProblem {
  /** The configuration file (or "--rule", a preset name). */
  source: string;
  /** The key path inside it: "rules.required-sections[1].sections[0]". */
  path: string;
  message: string;
}

/** A configuration that cannot be used; every problem is listed. */
export class ConfigError extends Error {
  readonly problems: ConfigProblem[];

  constructor(problems: ConfigProblem[]) {
    super(problems.map((problem) => formatProblem(problem)).join('\n'));
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

export function formatProblem(problem: ConfigProblem): string {
  return `${problem.source}${problem.path ? `: ${problem.path}` : ''}: ${problem.message}`;
}
