import { describe, expect, it } from 'vitest';
import { lintText } from '../src/api/lint.js';
import { PhraseMatcher, tokenize } from '../rules/blameless-language/matcher.js';
import { PHRASES } from '../rules/blameless-language/phrases.js';
import { compileEntry } from '../rules/blameless-language/matcher.js';
import rule from '../rules/blameless-language/index.js';
import { compileSchema } from '../src/config/ajv.js';
import { PostmortemDocument } from '../src/model/index.js';

function matcher(): PhraseMatcher {
  const built = new PhraseMatcher();
  for (const entry of PHRASES) built.add(entry.words, compileEntry(entry));
  return built;
}

function lint(text: string) {
  return lintText(text, { filePath: 'pm.md', config: { extends: [], rules: { 'blameless-language': 'warn' } } }).messages;
}

describe('blameless-language matcher', () => {
  it('matches whole words, the longest phrase first, only across spaces', () => {
    const phrases = matcher();
    const at = (text: string, index = 0) => {
      const tokens = tokenize(text);
      const match = phrases.matchAt(text, tokens, index);
      return match ? tokens.slice(match.first, match.end).map((token) => token.raw).join(' ') : null;
    };
    expect(at('should have been more careful')).toBe('should have been more careful');
    expect(at('should have\nknown')).toBe('should have known');
    expect(at('should have. Known')).toBeNull();
    expect(at('Human Errors')).toBe('Human Errors');
    expect(at('humane error')).toBeNull();
    expect(at('human-error')).toBeNull();
    expect(at('should’ve noticed')).toBe('should’ve noticed');
  });

  it('reads adversarial lines in linear time', () => {
    const lines = [
      'should have '.repeat(20_000),
      'and forgot '.repeat(20_000),
      `${'really '.repeat(20_000)}forgot`,
      'Kevin, in the rush, '.repeat(10_000),
      'a-'.repeat(60_000),
      '"'.repeat(100_000),
      "'a ".repeat(40_000),
      '@'.repeat(100_000),
      // Within the parser's limit of 10,000 emphasis and link markers in one paragraph.
      '[a](b "c") '.repeat(4_000),
      '**human** error '.repeat(2_000),
      '`x` forgot '.repeat(10_000),
      'https://a.test/'.repeat(10_000),
      'obviously he '.repeat(20_000),
      'was merged when it should have waited '.repeat(5_000),
      '> [10:02] dara: he forgot\n'.repeat(5_000),
    ];
    const options = {};
    compileSchema(rule.schema)(options);
    const prepared = rule.prepare!(options as never);
    for (const line of lines) {
      // The rule alone: the Markdown parser has its own costs on such lines.
      const document = new PostmortemDocument(`# Title\n\n${line}\n`);
      const started = performance.now();
      rule.check(document, { options: options as never, prepared, report: () => {} });
      const elapsed = performance.now() - started;
      expect(elapsed, line.slice(0, 20)).toBeLessThan(1_000);
    }
  });

  it('reports every repetition of a phrase on a long line, and each at its place', () => {
    const messages = lint(`# Title\n\n${'Kevin forgot. '.repeat(1_000)}\n`);
    expect(messages).toHaveLength(1_000);
    expect(messages[999]).toMatchObject({ line: 3, column: 999 * 14 + 1, endColumn: 999 * 14 + 13 });
  });
});
