import { PostmortemDocument, type ModelOptions } from '../model/document.js';
import { UnparsableDocumentError } from '../model/parse/parse.js';
import type { Span } from '../model/parse/positions.js';
import { applyDirectives, parseDirectives } from './directives.js';
import { formatMessage, ruleDocsUrl } from './messages.js';
import type { DuplicateFinding, LintMessage, LintResult, Report, Rule, Severity } from './types.js';

/** A rule as configured for one file: options already validated, defaults filled in. */
export interface ConfiguredRule {
  rule: Rule<any>;
  severity: Severity;
  options: Record<string, unknown>;
}

export interface LintDocumentOptions extends ModelOptions {
  rules: ConfiguredRule[];
  /** Report directives that suppressed nothing (as errors). */
  reportUnusedDisableDirectives?: boolean;
  /** All known rule ids, to tell directives that name an unknown rule. */
  knownRuleIds?: ReadonlySet<string>;
  /**
   * Rules that depend on the document's metadata (overrides with `when`): once the model is
   * built, each condition is tested against its metadata, and when any holds, `rulesFor`
   * gives the rules to run instead of `rules`.
   */
  conditional?: {
    conditions: ReadonlyArray<Readonly<Record<string, readonly string[]>>>;
    rulesFor(matched: boolean[]): ConfiguredRule[];
  };
  /** Called with the document's model once the rules have run (not for a document that cannot be parsed). */
  inspect?: (document: PostmortemDocument) => void;
}

const SEVERITY: Record<Severity, 1 | 2> = { warn: 1, error: 2 };

/**
 * Lints one document's text (without a BOM): builds the model once, runs every configured
 * rule on it, validates what each rule reports, and applies inline directives. A rule that
 * throws yields one internal-error message; the other rules still run. A document the
 * parser refuses (see parseMarkdown) yields one fatal message and no rule runs.
 */
export function lintDocument(filePath: string, text: string, options: LintDocumentOptions): LintResult {
  let document: PostmortemDocument;
  try {
    document = new PostmortemDocument(text, options);
  } catch (error) {
    if (!(error instanceof UnparsableDocumentError)) throw error;
    const line = Math.max(1, error.line);
    return summarize(filePath, [
      { ruleId: null, severity: 2, message: `Cannot lint this file: ${error.message}.`, line, column: 1, endLine: line, endColumn: 1, fatal: true },
    ]);
  }
  const messages: LintMessage[] = [];
  let rules = options.rules;
  if (options.conditional) {
    const matched = options.conditional.conditions.map((conditions) => document.matchesMetadata(conditions));
    if (matched.some(Boolean)) rules = options.conditional.rulesFor(matched);
  }
  for (const configured of rules) {
    messages.push(...runRule(document, configured));
  }
  const directives = parseDirectives(document.html, (offset) => document.lines.point(offset));
  const outcome = applyDirectives(messages, directives);
  // After directives: disabling one of two rules that found a problem leaves the other's finding as it is.
  const final = mergeDuplicates(outcome.messages, options.rules);
  if (options.knownRuleIds) {
    for (const directive of directives) {
      for (const rule of directive.rules) {
        if (!options.knownRuleIds.has(rule)) {
          final.push(engineMessage(directive.span, 1, `Unknown rule "${rule}" in a pm-lint-${directive.kind} comment.`));
        }
      }
    }
  }
  if (options.reportUnusedDisableDirectives) {
    for (const { directive, rule } of outcome.unused) {
      const what = rule === null ? 'any rule' : `"${rule}"`;
      final.push(
        engineMessage(directive.span, 2, `Unused pm-lint-${directive.kind} directive (no problems were reported from ${what}).`),
      );
    }
  }
  options.inspect?.(document);
  return summarize(filePath, sortMessages(final));
}

/**
 * Reports once a problem that two rules found at the very same span, when one of them
 * supersedes the other (Rule.supersedes): the more specific finding stays, at the higher
 * of the two severities (merging never lets a document pass that would have failed), with
 * the other in its `duplicates` and the other's fix when it has none.
 */
export function mergeDuplicates(messages: LintMessage[], configured: readonly ConfiguredRule[]): LintMessage[] {
  const superseded = new Map<string, ReadonlySet<string>>();
  for (const { rule } of configured) {
    if (rule.supersedes?.length) superseded.set(rule.id, new Set(rule.supersedes));
  }
  if (superseded.size === 0) return messages;
  const key = (message: LintMessage) => `${message.line}:${message.column}:${message.endLine}:${message.endColumn}`;
  const byPlace = new Map<string, LintMessage[]>();
  for (const message of messages) {
    if (message.ruleId === null) continue;
    const place = key(message);
    const list = byPlace.get(place);
    if (list) list.push(message);
    else byPlace.set(place, [message]);
  }
  const merged = new Set<LintMessage>();
  for (const message of messages) {
    const others = message.ruleId === null ? undefined : superseded.get(message.ruleId);
    if (!others || merged.has(message)) continue;
    for (const other of byPlace.get(key(message)) ?? []) {
      if (other === message || merged.has(other) || !others.has(other.ruleId!)) continue;
      merged.add(other);
      const duplicate: DuplicateFinding = { ruleId: other.ruleId!, severity: other.severity, message: other.message };
      if (other.messageId) duplicate.messageId = other.messageId;
      (message.duplicates ??= []).push(duplicate);
      if (other.severity > message.severity) message.severity = other.severity;
      if (!message.fix && other.fix) message.fix = other.fix;
    }
  }
  return merged.size === 0 ? messages : messages.filter((message) => !merged.has(message));
}

/**
 * What each rule's `prepare` made of an options object. Files that share a configuration
 * share its options objects, so a run prepares each rule once per configuration.
 */
const preparedByOptions = new WeakMap<Rule<any>, WeakMap<object, unknown>>();

function preparedFor(rule: Rule<any>, options: Record<string, unknown>): unknown {
  if (!rule.prepare) return undefined;
  let byOptions = preparedByOptions.get(rule);
  if (!byOptions) preparedByOptions.set(rule, (byOptions = new WeakMap()));
  if (!byOptions.has(options)) byOptions.set(options, rule.prepare(options));
  return byOptions.get(options);
}

function runRule(document: PostmortemDocument, configured: ConfiguredRule): LintMessage[] {
  const { rule, severity, options } = configured;
  const messages: LintMessage[] = [];
  try {
    const context = {
      options,
      prepared: preparedFor(rule, options),
      report(report: Report) {
        messages.push(toMessage(document, rule, SEVERITY[severity], report));
      },
    };
    rule.check(document, context);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const origin = rule.plugin ? ` (plugin ${rule.plugin.specifier})` : '';
    const authors = rule.plugin ? "the plugin's authors" : pmLintIssues;
    const message: LintMessage = {
      ruleId: rule.id,
      severity: 2,
      message: `Internal error in rule "${rule.id}"${origin}: ${reason}. This is a bug in the rule; please report it to ${authors} with the document that caused it.`,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
    };
    const docsUrl = docsUrlOf(rule);
    return [docsUrl ? { ...message, docsUrl } : message];
  }
  return messages;
}

/** Turns a report into a message, refusing reports that name no known message or lie outside the document. */
function toMessage(document: PostmortemDocument, rule: Rule<any>, severity: 1 | 2, report: Report): LintMessage {
  const template = rule.messages[report.messageId];
  if (template === undefined) throw new Error(`reported unknown messageId "${report.messageId}"`);
  const span = reportSpan(document, report);
  const message: LintMessage = {
    ruleId: rule.id,
    messageId: report.messageId,
    severity: report.severity === 'warn' ? 1 : severity,
    message: formatMessage(template, report.data),
    line: span.start.line,
    column: span.start.column,
    endLine: span.end.line,
    endColumn: span.end.column,
  };
  const docsUrl = docsUrlOf(rule);
  if (docsUrl) message.docsUrl = docsUrl;
  if (report.fix) {
    const [start, end] = report.fix.range;
    if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= document.text.length)) {
      throw new Error(`reported a fix with an invalid range [${start}, ${end}]`);
    }
    message.fix = report.fix;
  }
  return message;
}

const pmLintIssues = 'https://github.com/pm-lint/pm-lint/issues';

/** A rule's documentation: its own URL, pm-lint's page for built-in rules, none for a plugin's rule without one. */
function docsUrlOf(rule: Rule<any>): string | undefined {
  return rule.docsUrl ?? (rule.plugin ? undefined : ruleDocsUrl(rule.id));
}

function reportSpan(document: PostmortemDocument, report: Report): Span {
  const length = document.text.length;
  let start: number | undefined;
  let end: number | undefined;
  if ('node' in report) {
    start = report.node.position?.start.offset;
    end = report.node.position?.end.offset;
  } else if ('span' in report) {
    start = report.span.start.offset;
    end = report.span.end.offset;
  } else if ('offsets' in report) {
    start = report.offsets.start;
    end = report.offsets.end;
  }
  if (start === undefined || end === undefined || !(start >= 0 && start <= end && end <= length)) {
    throw new Error(`reported an invalid position (${String(start)}–${String(end)} in a document of ${length} characters)`);
  }
  return document.lines.span(start, end);
}

function engineMessage(span: Span, severity: 1 | 2, message: string): LintMessage {
  return {
    ruleId: null,
    severity,
    message,
    line: span.start.line,
    column: span.start.column,
    endLine: span.end.line,
    endColumn: span.end.column,
  };
}

/** By position, then rule id; a rule's own order is kept for messages at one place (the sort is stable). */
export function sortMessages(messages: LintMessage[]): LintMessage[] {
  return messages.sort((a, b) => a.line - b.line || a.column - b.column || (a.ruleId ?? '').localeCompare(b.ruleId ?? ''));
}

export function summarize(filePath: string, messages: LintMessage[], output?: string): LintResult {
  const result: LintResult = {
    filePath,
    messages,
    errorCount: 0,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
  };
  for (const message of messages) {
    if (message.severity === 2) {
      result.errorCount++;
      if (message.fix) result.fixableErrorCount++;
    } else {
      result.warningCount++;
      if (message.fix) result.fixableWarningCount++;
    }
  }
  if (output !== undefined) result.output = output;
  return result;
}
