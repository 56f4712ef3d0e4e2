import type { Span } from '../model/parse/positions.js';
import type { LintMessage } from './types.js';

export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line' | 'disable-line' | 'disable-file';

/** An inline control comment: `<!-- pm-lint-disable rule-a, rule-b -- reason -->`. */
export interface Directive {
  kind: DirectiveKind;
  /** Rule ids; empty means every rule. */
  rules: string[];
  reason: string | null;
  span: Span;
}

const DIRECTIVE = /<!--\s*pm-lint-(disable-next-line|disable-line|disable-file|disable|enable)\b([^]*?)-->/g;

/** Reads every directive in the document's HTML nodes (block and inline comments). */
export function parseDirectives(
  html: ReadonlyArray<{ value: string; span: Span }>,
  pointAt: (offset: number) => Span['start'],
): Directive[] {
  const directives: Directive[] = [];
  for (const node of html) {
    for (const match of node.value.matchAll(DIRECTIVE)) {
      const [whole, kind, rest = ''] = match;
      const [list = '', ...reasonParts] = rest.split(/\s--\s|\s--$/);
      const reason = reasonParts.join(' -- ').trim() || null;
      const rules = list.split(/[\s,]+/).filter(Boolean);
      const start = node.span.start.offset + match.index;
      directives.push({
        kind: kind as DirectiveKind,
        rules,
        reason,
        span: { start: pointAt(start), end: pointAt(start + whole.length) },
      });
    }
  }
  return directives;
}

interface DirectiveUse {
  directive: Directive;
  /** Rules (or '*') of the directive that suppressed at least one message. */
  used: Set<string>;
}

export interface DirectiveOutcome {
  messages: LintMessage[];
  unused: Array<{ directive: Directive; rule: string | null }>;
}

/**
 * Removes the messages that directives turn off. Messages without a rule id (problems
 * with the file itself) are never suppressed.
 */
export function applyDirectives(messages: LintMessage[], directives: Directive[]): DirectiveOutcome {
  if (directives.length === 0) return { messages, unused: [] };
  const uses: DirectiveUse[] = directives.map((directive) => ({ directive, used: new Set() }));
  const ordered = [...uses].sort((a, b) => a.directive.span.start.offset - b.directive.span.start.offset);
  const kept: LintMessage[] = [];
  for (const message of messages) {
    const suppressor = message.ruleId === null ? null : findSuppressor(message, message.ruleId, ordered);
    if (suppressor) suppressor.use.used.add(suppressor.key);
    else kept.push(message);
  }
  const unused: DirectiveOutcome['unused'] = [];
  for (const use of uses) {
    if (use.directive.kind === 'enable') continue;
    if (use.directive.rules.length === 0) {
      if (use.used.size === 0) unused.push({ directive: use.directive, rule: null });
    } else {
      for (const rule of use.directive.rules) if (!use.used.has(rule)) unused.push({ directive: use.directive, rule });
    }
  }
  return { messages: kept, unused };
}

function matches(directive: Directive, ruleId: string): string | null {
  if (directive.rules.length === 0) return '*';
  return directive.rules.includes(ruleId) ? ruleId : null;
}

function findSuppressor(
  message: LintMessage,
  ruleId: string,
  ordered: DirectiveUse[],
): { use: DirectiveUse; key: string } | null {
  let rangeSuppressor: { use: DirectiveUse; key: string } | null = null;
  for (const use of ordered) {
    const { directive } = use;
    const key = matches(directive, ruleId);
    if (key === null) continue;
    switch (directive.kind) {
      case 'disable-file':
        return { use, key };
      case 'disable-line':
        if (message.line === directive.span.start.line) return { use, key };
        break;
      case 'disable-next-line':
        if (message.line === directive.span.end.line + 1) return { use, key };
        break;
      case 'disable':
        if (before(directive.span.start, message)) rangeSuppressor = { use, key };
        break;
      case 'enable':
        if (before(directive.span.start, message)) rangeSuppressor = null;
        break;
    }
  }
  return rangeSuppressor;
}

function before(point: Span['start'], message: LintMessage): boolean {
  return point.line < message.line || (point.line === message.line && point.column <= message.column);
}
