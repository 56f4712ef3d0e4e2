import { describe, expect, it } from 'vitest';
import { lintBytes, lintText } from '../src/api/lint.js';
import type { LintMessage } from '../src/engine/types.js';
import { PostmortemDocument } from '../src/model/index.js';
import { ruleFixtures } from '../scripts/fixtures.js';
import { asWindows1252 } from './helpers/encoding.js';

const config = { extends: [], rules: { 'text-encoding': 'error' as const } };

function lint(text: string): LintMessage[] {
  return lintText(text, { filePath: 'postmortem.md', config }).messages;
}

/** Applies fixes the way the engine will: by range, skipping any that overlaps one already applied. */
function applyFixes(text: string, messages: LintMessage[]): string {
  const fixes = messages.flatMap((message) => (message.fix ? [message.fix] : [])).sort((a, b) => a.range[0] - b.range[0]);
  let output = '';
  let cursor = 0;
  for (const fix of fixes) {
    if (fix.range[0] < cursor) continue;
    output += text.slice(cursor, fix.range[0]) + fix.text;
    cursor = fix.range[1];
  }
  return output + text.slice(cursor);
}

function outline(text: string): string[] {
  const document = new PostmortemDocument(text);
  return [...document.sections.map((section) => `h${section.depth}`), `tables:${document.tables.length}`, `lists:${document.lists.length}`];
}

describe('text-encoding fixes', () => {
  for (const fixture of ruleFixtures('text-encoding').filter((fixture) => !fixture.valid)) {
    it(`leave ${fixture.name} clean of what they repair, with the same structure`, () => {
      const before = lint(fixture.text);
      const unfixable = before.filter((message) => !message.fix);
      const fixed = applyFixes(fixture.text, before);
      const after = lint(fixed);
      expect(after.every((message) => message.ruleId === 'text-encoding')).toBe(true);
      // Only what had no fix remains, and nothing new appears.
      expect(after.map((message) => message.messageId)).toEqual(unfixable.map((message) => message.messageId));
      expect(outline(fixed)).toEqual(outline(fixture.text));
    });
  }

  it('repair a seed-like mixed line exactly', () => {
    const korean = asWindows1252('서킷브레이커 작동');
    const text = `| 10:22 | Qwen ${korean} | Automatic downshift: creative â†’ balanced |\n`;
    const messages = lint(text);
    expect(messages.map((message) => message.message)).toEqual([
      'Mojibake "ì„œí‚·ë¸Œë\u00a0ˆì<U+009D>´ì»¤ ìž‘ë<U+008F>™" (UTF-8 read as Windows-1252): it should read "서킷브레이커 작동".',
      'Mojibake "â†’" (UTF-8 read as Windows-1252): it should read "→".',
    ]);
    expect(applyFixes(text, messages)).toBe('| 10:22 | Qwen 서킷브레이커 작동 | Automatic downshift: creative → balanced |\n');
  });
});

describe('text-encoding on bytes', () => {
  it('reports bytes that are not valid UTF-8, in code too', () => {
    const latin1 = Uint8Array.from([...Buffer.from('# Malm'), 0xf6, ...Buffer.from('\n\n```\nS'), 0xe3, ...Buffer.from('o\n```\n')]);
    const result = lintBytes(latin1, { filePath: 'postmortem.md', config });
    expect(result.messages.map((m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.message}`)).toEqual([
      '1:7-1:8 Bytes that are not valid UTF-8 (shown as "\uFFFD"): the file is saved in another encoding (perhaps Windows-1252 or Latin-1); convert it to UTF-8.',
      '4:2-4:3 Bytes that are not valid UTF-8 (shown as "\uFFFD"): the file is saved in another encoding (perhaps Windows-1252 or Latin-1); convert it to UTF-8.',
    ]);
  });

  it('reports a U+FFFD written in a valid UTF-8 file as a replacement character', () => {
    const result = lintBytes(Buffer.from('# Malm\uFFFD\n'), { filePath: 'postmortem.md', config });
    expect(result.messages.map((m) => m.messageId)).toEqual(['replacement']);
  });
});
