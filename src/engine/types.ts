import type { PostmortemDocument } from '../model/document.js';
import type { Span } from '../model/parse/positions.js';

export type Severity = 'error' | 'warn';
export type SeverityOrOff = Severity | 'off';

/** A JSON Schema (draft 2020-12 subset that ajv validates); rules describe their options with it. */
export type JsonSchema = Record<string, unknown>;

/** A place a rule reports at: an mdast node, a span from the model, or source offsets. */
export type ReportLocation =
  | { node: { position?: { start: { offset?: number }; end: { offset?: number } } } }
  | { span: Span }
  | { offsets: { start: number; end: number } };

/** Replacement text for a range of source offsets (of PostmortemDocument.text). */
export interface Fix {
  range: [start: number, end: number];
  text: string;
}

export type Report = ReportLocation & {
  messageId: string;
  data?: Record<string, string | number>;
  fix?: Fix;
  /**
   * "warn" reports this finding as a warning even when the rule is configured as an
   * error: for findings that deserve attention but should not fail a build on their own
   * (a timeline that mixes time zones). A rule configured as "warn" stays "warn".
   */
  severity?: 'warn';
};

export interface RuleContext<Options, Prepared = undefined> {
  /** The rule's options: validated against its schema, defaults filled in. */
  readonly options: Options;
  /** What the rule's `prepare` built from these options (undefined without `prepare`). */
  readonly prepared: Prepared;
  report(report: Report): void;
}

/**
 * A rule: metadata, an ajv JSON Schema for its options, and one check function. Rules
 * read the postmortem model and report; they never read files or configuration.
 */
export interface Rule<Options = Record<string, unknown>, Prepared = any> {
  /** Kebab-case, equal to the rule's folder name under rules/. */
  id: string;
  /** One sentence: what the rule checks. */
  description: string;
  /** Severity when a preset or config turns the rule on without saying one. */
  severity: Severity;
  /** On in pm-lint:recommended (every rule is on in pm-lint:strict). */
  recommended: boolean;
  /** Message templates by id; `{{name}}` is replaced from a report's data. */
  messages: Record<string, string>;
  /** JSON Schema of the options object; every property has a `default` and a `description`. */
  schema: JsonSchema;
  /** Whether some of its reports carry fixes. */
  fixable?: boolean;
  /** Where the rule is documented, for rules that are not pm-lint's own. */
  docsUrl?: string;
  /**
   * Rules that this rule says more about when both report the very same span: an action
   * item's owner "TBD" is action-item-fields' placeholder owner and no-placeholders'
   * unfinished "TBD". The engine then reports the finding once, as this rule's, at the
   * higher of the two severities, and lists the other in the message's `duplicates`.
   */
  supersedes?: readonly string[];
  /** Set by pm-lint on a rule loaded from a plugin: the plugin's name and how the configuration names it. */
  plugin?: { name: string; specifier: string };
  /**
   * Compiles options once (regular expressions, sets, resolvers): the engine calls it once
   * per options object, whatever the number of documents, and passes the result to `check`
   * as `context.prepared`.
   */
  prepare?(options: Options): Prepared;
  check(document: PostmortemDocument, context: RuleContext<Options, Prepared>): void;
}

/** Gives a rule literal its types without widening. */
export function defineRule<Options, Prepared = undefined>(rule: Rule<Options, Prepared>): Rule<Options, Prepared> {
  return rule;
}

export interface LintMessage {
  /** The rule that reported, or null for a problem with the file itself (unreadable, binary). */
  ruleId: string | null;
  messageId?: string;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: Fix;
  /** Where the rule is documented. */
  docsUrl?: string;
  /** A problem that stopped linting the file (I/O, binary content). */
  fatal?: boolean;
  /**
   * Findings of other rules at the same span that this one states more specifically
   * (see Rule.supersedes): reported once, as this message; kept here so that JSON and
   * SARIF still name every rule that found the problem.
   */
  duplicates?: DuplicateFinding[];
}

/** A finding reported as part of a more specific one at the same span. */
export interface DuplicateFinding {
  ruleId: string;
  messageId?: string;
  severity: 1 | 2;
  message: string;
}

export interface LintResult {
  filePath: string;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** The text after fixes, when fixes were requested and changed it. */
  output?: string;
  /** The text before fixes, alongside `output`, so that a diff can be shown. */
  source?: string;
}
