import { describe, expect, it } from 'vitest';
import { lintText } from '../src/api/lint.js';

const lint = (text: string, reportUnused = false) =>
  lintText(text, {
    config: { extends: [], rules: { 'no-empty-sections': 'error', 'required-sections': ['error', { sections: [{ kind: 'impact' }] }] } },
    reportUnusedDisableDirectives: reportUnused,
  }).messages.map((message) => `${message.line}:${message.column} ${message.ruleId ?? '-'} ${message.message}`);

describe('inline directives', () => {
  it('disable and enable a range, for named rules or all', () => {
    const text = [
      '# T', // 1
      '', // 2
      '<!-- pm-lint-disable no-empty-sections -- filled in after the review -->', // 3
      '', // 4
      '## A', // 5
      '', // 6
      '<!-- pm-lint-enable no-empty-sections -->', // 7
      '', // 8
      '## B', // 9
      '', // 10
      '<!-- pm-lint-disable -->', // 11
      '', // 12
      '## C', // 13
    ].join('\n');
    expect(lint(text)).toEqual(['1:1 required-sections Missing required section "Impact": add a heading such as "Impact", "Customer Impact", "User Impact", "Impact Assessment", "Business Impact".', '9:1 no-empty-sections Section "B" is empty: write its content or remove the heading.']);
  });

  it('disable the next line, the same line, and the whole file', () => {
    const nextLine = '# T\n\n<!-- pm-lint-disable-next-line no-empty-sections -->\n## A\n\n## B\n';
    expect(lint(nextLine)).toEqual([
      '1:1 required-sections Missing required section "Impact": add a heading such as "Impact", "Customer Impact", "User Impact", "Impact Assessment", "Business Impact".',
      '6:1 no-empty-sections Section "B" is empty: write its content or remove the heading.',
    ]);
    const sameLine = '# T\n\n## A <!-- pm-lint-disable-line no-empty-sections -->\n\n## B\n';
    expect(lint(sameLine)).toEqual([
      '1:1 required-sections Missing required section "Impact": add a heading such as "Impact", "Customer Impact", "User Impact", "Impact Assessment", "Business Impact".',
      '5:1 no-empty-sections Section "B" is empty: write its content or remove the heading.',
    ]);
    const wholeFile = '# T\n\n## A\n\n<!-- pm-lint-disable-file required-sections, no-empty-sections -->\n';
    expect(lint(wholeFile)).toEqual([]);
  });

  it('enabling one rule keeps the others disabled', () => {
    const text = '<!-- pm-lint-disable -->\n<!-- pm-lint-enable no-empty-sections -->\n\n# T\n\n## A\n';
    expect(lint(text)).toEqual(['6:1 no-empty-sections Section "A" is empty: write its content or remove the heading.']);
  });

  it('reports directives that suppressed nothing, per rule, with --report-unused-disable-directives', () => {
    const text = '# T\n\n## Impact\n\nText.\n\n<!-- pm-lint-disable-next-line no-empty-sections, required-sections -->\n## A\n';
    expect(lint(text)).toEqual([]);
    expect(lint(text, true)).toEqual(['7:1 - Unused pm-lint-disable-next-line directive (no problems were reported from "required-sections").']);
    const messages = lintText(text, {
      config: { extends: [], rules: { 'no-empty-sections': 'error', 'required-sections': ['error', { sections: [{ kind: 'impact' }] }] } },
      reportUnusedDisableDirectives: true,
    }).messages;
    expect(messages).toMatchObject([
      { ruleId: null, severity: 2, line: 7, column: 1, endLine: 7, endColumn: 72, message: 'Unused pm-lint-disable-next-line directive (no problems were reported from "required-sections").' },
    ]);
  });

  it('warns about unknown rule ids in directives', () => {
    expect(lint('# T\n\n## Impact\n\nx\n\n<!-- pm-lint-disable no-empty-section -->\n')).toEqual(['7:1 - Unknown rule "no-empty-section" in a pm-lint-disable comment.']);
  });

  it('reads directives in table cells and inside emphasis (a table row cannot have a comment line above it)', () => {
    const config = { extends: [], rules: { 'no-placeholders': 'error' as const } };
    const messages = (text: string) => lintText(text, { config }).messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`);
    const table = '# T\n\n| Action | Owner |\n|---|---|\n| Fix it | TBD <!-- pm-lint-disable-line no-placeholders -- owner chosen Monday --> |\n| Test it | TBD |\n';
    expect(messages(table)).toEqual(['6:13 no-placeholders']);
    const emphasis = '# T\n\nOwner: TBD *later <!-- pm-lint-disable-line no-placeholders -->*\n\nOwner: TBD\n';
    expect(messages(emphasis)).toEqual(['5:8 no-placeholders']);
  });
});
