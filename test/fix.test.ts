import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles, lintText } from '../src/api/lint.js';
import { applyFixes } from '../src/engine/fix.js';
import { defineRule, type LintMessage } from '../src/engine/types.js';
import { rules } from '../rules/index.js';
import { tempTree } from './helpers.js';

/** A test rule: every "teh" should read "the" (fixable). */
const typo = defineRule<Record<string, never>>({
  id: 'test-typo',
  description: 'Reports "teh".',
  severity: 'error',
  recommended: true,
  fixable: true,
  messages: { typo: 'Unexpected "teh", expected "the".' },
  schema: { type: 'object', additionalProperties: false, properties: {} },
  check(document, context) {
    for (const match of document.text.matchAll(/\bteh\b/g)) {
      context.report({ offsets: { start: match.index, end: match.index + 3 }, messageId: 'typo', fix: { range: [match.index, match.index + 3], text: 'the' } });
    }
  },
});
const options = { rules: [...rules, typo], config: { extends: [], rules: { 'test-typo': 'error' as const } } };

describe('applyFixes', () => {
  const message = (start: number, end: number, text: string): LintMessage => ({
    ruleId: 'x', severity: 2, message: '', line: 1, column: 1, endLine: 1, endColumn: 1, fix: { range: [start, end], text },
  });
  it('applies fixes in order and skips overlapping ones', () => {
    expect(applyFixes('abcdef', [message(4, 5, 'E'), message(0, 2, 'AB'), message(1, 3, 'x')])).toEqual({ output: 'ABcdEf', applied: 2 });
  });
});

describe('fixing files', () => {
  it('lintText with fix returns the fixed output and the problems left in it', () => {
    const result = lintText('teh cat and teh dog\n', { ...options, fix: true });
    expect(result.output).toBe('the cat and the dog\n');
    expect(result.source).toBe('teh cat and teh dog\n');
    expect(result.messages).toEqual([]);
  });

  it('writes fixed files atomically, keeping the BOM, CRLF line endings and the mode', async () => {
    const root = tempTree({ 'a.md': '\uFEFF# teh title\r\n\r\nteh text\r\n', 'b.md': '# clean\n' });
    chmodSync(join(root, 'a.md'), 0o640);
    const before = readFileSync(join(root, 'b.md'));
    const { results } = await lintFiles(['.'], { ...options, cwd: root, fix: 'write' });
    expect(results.map((result) => result.errorCount)).toEqual([0, 0]);
    expect(readFileSync(join(root, 'a.md'), 'utf8')).toBe('\uFEFF# the title\r\n\r\nthe text\r\n');
    expect(statSync(join(root, 'a.md')).mode & 0o777).toBe(0o640);
    expect(readFileSync(join(root, 'b.md')).equals(before)).toBe(true);
  });

  it('writes nothing without --fix or with a dry run', async () => {
    const root = tempTree({ 'a.md': '# teh\n' });
    const dry = await lintFiles(['a.md'], { ...options, cwd: root, fix: true });
    expect(dry.results[0]).toMatchObject({ output: '# the\n', errorCount: 0 });
    const plain = await lintFiles(['a.md'], { ...options, cwd: root });
    expect(plain.results[0]).toMatchObject({ errorCount: 1 });
    expect(plain.results[0]!.output).toBeUndefined();
    expect(readFileSync(join(root, 'a.md'), 'utf8')).toBe('# teh\n');
  });

  it('never writes over a file that changed on disk after it was read', async () => {
    const root = tempTree({ 'a.md': '# teh\n' });
    // A rule that edits the file while linting stands in for an editor saving meanwhile.
    const meddler = defineRule<Record<string, never>>({
      ...typo,
      id: 'test-meddler',
      check(document, context) {
        typo.check(document, context);
        if (document.path) writeFileSync(document.path, '# edited by someone else\n');
      },
    });
    const { results, unreadable } = await lintFiles(['a.md'], {
      cwd: root,
      rules: [...rules, meddler],
      config: { extends: [], rules: { 'test-meddler': 'error' } },
      fix: 'write',
    });
    expect(unreadable).toEqual([]);
    expect(readFileSync(join(root, 'a.md'), 'utf8')).toBe('# edited by someone else\n');
    expect(results[0]!.messages.map((message) => message.message)).toEqual([
      'Fixes were not written: the file changed on disk while pm-lint was reading it. Run pm-lint again.',
      'Unexpected "teh", expected "the".',
    ]);
  });
});
