import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../rules/index.js';
import { lintText } from '../src/api/lint.js';
import { defineRule, type LintMessage } from '../src/engine/types.js';
import { formatResults } from '../src/reporters/index.js';
import { packageRoot } from '../src/util/package-root.js';

const example = join(packageRoot(), 'examples', '2026-02-12-checkout-latency.md');
const text = readFileSync(example, 'utf8');
const at = (messages: LintMessage[], line: number, column: number) => messages.filter((message) => message.line === line && message.column === column);

describe('findings of two rules on one span', () => {
  it('are reported once, by the rule that names the field, at the higher severity, the other rule in `duplicates`', () => {
    const result = lintText(text, { filePath: example });
    expect(at(result.messages, 36, 34)).toEqual([
      {
        ruleId: 'action-item-fields',
        messageId: 'placeholder',
        severity: 2,
        message: 'Owner "TBD" is a placeholder: name a person or team (such as @handle).',
        line: 36, column: 34, endLine: 36, endColumn: 37,
        docsUrl: 'https://github.com/pm-lint/pm-lint/blob/main/rules/action-item-fields/README.md',
        duplicates: [{ ruleId: 'no-placeholders', messageId: 'marker', severity: 2, message: 'Unfinished "TBD" left in: write the actual content.' }],
      },
    ]);
    // Counted once: the error stays an error.
    expect(result.errorCount + result.warningCount).toBe(result.messages.length);
    expect(result.errorCount).toBe(4);
  });

  it('keep both rule ids in json and sarif, and both names in github annotations', () => {
    const result = lintText(text, { filePath: example });
    const context = { cwd: packageRoot(), color: false, rules, version: '0.0.0' };
    const json = JSON.parse(formatResults([result], 'json', context)) as Array<{ messages: Array<{ line: number; ruleId: string; duplicates?: Array<{ ruleId: string }> }> }>;
    const merged = json[0]!.messages.find((message) => message.line === 36)!;
    expect([merged.ruleId, ...merged.duplicates!.map((duplicate) => duplicate.ruleId)]).toEqual(['action-item-fields', 'no-placeholders']);
    const sarif = JSON.parse(formatResults([result], 'sarif', context));
    const sarifResult = sarif.runs[0].results.find((entry: { locations: Array<{ physicalLocation: { region: { startLine: number } } }> }) => entry.locations[0]!.physicalLocation.region.startLine === 36);
    expect(sarifResult).toMatchObject({ ruleId: 'action-item-fields', level: 'error', properties: { duplicates: [{ ruleId: 'no-placeholders' }] } });
    expect(formatResults([result], 'github', context)).toContain('line=36,col=34,endLine=36,endColumn=37,title=pm-lint (action-item-fields%2C no-placeholders)::Owner "TBD"');
  });

  it('stay two findings when a directive disables one of the rules, or the configuration turns one off', () => {
    // Two lines before the document: its line 36 is line 38.
    const withoutPlaceholders = lintText(`<!-- pm-lint-disable no-placeholders -->\n\n${text}`, { filePath: example });
    expect(at(withoutPlaceholders.messages, 38, 34).map((message) => [message.ruleId, message.severity, message.duplicates])).toEqual([
      ['action-item-fields', 1, undefined],
    ]);
    const off = lintText(text, { filePath: example, ruleOverrides: { 'action-item-fields': 'off' } });
    expect(at(off.messages, 36, 34).map((message) => [message.ruleId, message.severity, message.duplicates])).toEqual([['no-placeholders', 2, undefined]]);
  });

  it('are merged only where a rule says it supersedes the other: the title span of several document-level findings is not one finding', () => {
    const result = lintText('# Outage\n\nText.\n', {
      filePath: 'outage.md',
      config: { extends: 'pm-lint:strict' },
    });
    const onTitle = result.messages.filter((message) => message.line === 1);
    expect(new Set(onTitle.map((message) => message.ruleId))).toEqual(new Set(['required-sections', 'metadata-fields']));
    expect(onTitle.every((message) => message.duplicates === undefined)).toBe(true);
  });

  it('take the other finding\'s fix when the kept one has none, and work for plugin rules that declare `supersedes`', () => {
    const generic = defineRule({
      id: 'generic', description: 'Flags the word TODO.', severity: 'warn', recommended: true, fixable: true,
      messages: { todo: 'Unexpected TODO.' }, schema: { type: 'object', properties: {}, additionalProperties: false },
      check(document, context) {
        const start = document.text.indexOf('TODO');
        if (start >= 0) context.report({ offsets: { start, end: start + 4 }, messageId: 'todo', fix: { range: [start, start + 4], text: 'done' } });
      },
    });
    const specific = defineRule({
      id: 'specific', description: 'Flags a TODO owner.', severity: 'error', recommended: true, supersedes: ['generic'],
      messages: { owner: 'Owner "TODO" is a placeholder.' }, schema: { type: 'object', properties: {}, additionalProperties: false },
      check(document, context) {
        const start = document.text.indexOf('TODO');
        if (start >= 0) context.report({ offsets: { start, end: start + 4 }, messageId: 'owner' });
      },
    });
    const result = lintText('# X\n\nOwner: TODO\n', { filePath: 'x.md', rules: [generic, specific], config: { extends: [], rules: { generic: 'warn', specific: 'error' } } });
    expect(result.messages).toEqual([
      {
        ruleId: 'specific', messageId: 'owner', severity: 2, message: 'Owner "TODO" is a placeholder.', line: 3, column: 8, endLine: 3, endColumn: 12,
        docsUrl: 'https://github.com/pm-lint/pm-lint/blob/main/rules/specific/README.md',
        fix: { range: [12, 16], text: 'done' },
        duplicates: [{ ruleId: 'generic', messageId: 'todo', severity: 1, message: 'Unexpected TODO.' }],
      },
    ]);
    expect(result.fixableErrorCount).toBe(1);
  });
});
