import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/api/lint.js';
import type { LintResult } from '../src/engine/types.js';
import { parseMarkdown, SliceCache } from '../src/model/parse/parse.js';

/**
 * Properties over random documents: linting never throws, no rule fails internally, every
 * message names its rule and lies inside the document, the output is deterministic, and
 * parsing in slices gives the tree of one parse.
 */
const STRICT = { filePath: 'docs/postmortems/2026-03-30-outage.md', config: { extends: ['pm-lint:strict'] } } as const;

const text = fc.string({ unit: fc.constantFrom('a', 'Z', '1', '0', ':', '-', ' ', '*', '_', '`', '[', ']', '(', ')', '|', '#', '>', '<', '!', '~', '\\', '%', '@', '.', ',', '\t', 'é', '’', '🚀', 'â€', '\uFFFD', '\u00A0'), maxLength: 40 });
const eol = fc.constantFrom('\n', '\r\n', '\r');

/** Random Markdown: block-ish lines of random inline text. */
const markdown = fc
  .tuple(
    fc.array(
      fc.oneof(
        text,
        text.map((value) => `# ${value}`),
        fc.tuple(fc.integer({ min: 1, max: 6 }), text).map(([depth, value]) => `${'#'.repeat(depth)} ${value}`),
        fc.tuple(fc.integer({ min: 0, max: 8 }), fc.constantFrom('-', '*', '1.', '2)', '- [ ]', '- [x]'), text).map(([indent, marker, value]) => `${' '.repeat(indent)}${marker} ${value}`),
        fc.tuple(fc.integer({ min: 1, max: 4 }), text).map(([depth, value]) => `${'>'.repeat(depth)} ${value}`),
        fc.array(text, { minLength: 1, maxLength: 4 }).map((cells) => `| ${cells.join(' | ')} |`),
        fc.constantFrom('| --- | --- |', '|:-|-:|', '```', '~~~', '---', '***', '', '', '<!-- pm-lint-disable -->', '<!--', '-->', '    indented code'),
      ),
      { maxLength: 30 },
    ),
    eol,
    fc.boolean(),
  )
  .map(([lines, ending, bom]) => `${bom ? '\uFEFF' : ''}${lines.join(ending)}`);

const time = fc.tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 })).map(([h, m]) => `${h}:${String(m).padStart(2, '0')}`);
const date = fc.tuple(fc.integer({ min: 1999, max: 2031 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const title = fc.constantFrom('Summary', 'Impact', 'Timeline', 'Timeline (UTC)', 'Root Cause', 'Action Items', 'Lessons Learned', 'Hypotheses', 'Detection', 'Resolution', 'Metadata', 'What went well', 'Appendix', 'Notes');
const sentence = fc.constantFrom('The primary database failed over.', 'Kevin forgot to renew the certificate.', 'TBD', '[Describe the impact]', 'Human error caused the outage.', 'Latency rose to 2s (p99).', 'donâ€™t', '');
const section = fc.oneof(
  fc.tuple(title, fc.array(sentence, { maxLength: 3 })).map(([name, lines]) => `## ${name}\n\n${lines.join('\n\n')}`),
  fc.array(fc.tuple(time, sentence), { maxLength: 6 }).map((rows) => `## Timeline\n\n| Time | Event |\n| --- | --- |\n${rows.map(([at, what]) => `| ${at} | ${what} |`).join('\n')}`),
  fc.array(fc.tuple(date, time, sentence), { maxLength: 6 }).map((rows) => `## Timeline\n\n${rows.map(([day, at, what]) => `- **${day} ${at}** ${what}`).join('\n')}`),
  fc.array(fc.tuple(sentence, fc.constantFrom('@sre', 'TBD', ''), fc.constantFrom('P0', 'P1', 'P9', ''), date), { maxLength: 4 }).map(
    (items) => `## Action Items\n\n| Action | Owner | Priority | Due |\n| --- | --- | --- | --- |\n${items.map((cells) => `| ${cells.join(' | ')} |`).join('\n')}`,
  ),
  fc.array(fc.tuple(sentence, fc.integer({ min: -10, max: 130 }), fc.constantFrom('Confirmed', 'Ruled out', 'Open', '?')), { maxLength: 4 }).map(
    (rows) => `## Hypotheses\n\n| Hypothesis | Confidence | Status |\n| --- | --- | --- |\n${rows.map(([what, confidence, status]) => `| ${what} | ${confidence}% | ${status} |`).join('\n')}`,
  ),
);
/** Random documents shaped like postmortems: front matter, metadata, the usual sections. */
const postmortem = fc
  .tuple(
    fc.option(fc.tuple(date, fc.constantFrom('SEV1', 'SEV-2', 'P3', 'high', '[Sev1/Sev2]'), fc.constantFrom('Draft', 'Published', 'Done', ': :', '[x')), { nil: null }),
    fc.tuple(date, text),
    fc.array(section, { maxLength: 8 }),
    eol,
  )
  .map(([front, [day, name], sections, ending]) => {
    const head = front ? `---\ndate: ${front[0]}\nseverity: ${front[1]}\nstatus: ${front[2]}\n---\n` : '';
    return `${head}# ${day} ${name}\n\n**Duration:** 47 minutes\n\n${sections.join('\n\n')}\n`.replace(/\n/g, ending);
  });

function expectWellFormed(source: string, result: LintResult): void {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const lines = text.split(/\r\n|\r|\n/);
  for (const message of result.messages) {
    const where = `${message.line}:${message.column}-${message.endLine}:${message.endColumn} ${message.message}`;
    expect(message.message, where).not.toMatch(/^Internal error/);
    if (!message.fatal) expect(message.ruleId, where).toMatch(/^[a-z0-9-]+$/);
    expect(message.line, where).toBeGreaterThanOrEqual(1);
    expect(message.endLine, where).toBeLessThanOrEqual(lines.length);
    expect(message.line <= message.endLine, where).toBe(true);
    expect(message.column, where).toBeGreaterThanOrEqual(1);
    expect(message.column, where).toBeLessThanOrEqual(lines[message.line - 1]!.length + 1);
    expect(message.endColumn, where).toBeLessThanOrEqual(lines[message.endLine - 1]!.length + 1);
    if (message.line === message.endLine) expect(message.column, where).toBeLessThanOrEqual(message.endColumn);
  }
}

describe('properties of linting', () => {
  it('random Markdown: never throws, every message has a rule and a place in the document, deterministic', () => {
    fc.assert(
      fc.property(markdown, (source) => {
        const first = lintText(source, STRICT);
        expectWellFormed(source, first);
        expect(lintText(source, STRICT)).toEqual(first);
      }),
      { numRuns: 200 },
    );
  });

  it('random postmortem-shaped documents: the same', () => {
    fc.assert(
      fc.property(postmortem, (source) => {
        const first = lintText(source, STRICT);
        expectWellFormed(source, first);
        expect(lintText(source, STRICT)).toEqual(first);
      }),
      { numRuns: 200 },
    );
  });

  it('parsing in slices gives the tree of one parse', () => {
    fc.assert(
      fc.property(fc.oneof(markdown, postmortem), (source) => {
        const withoutBom = source.replace(/^\uFEFF/, '');
        expect(parseMarkdown(withoutBom, { sliceSize: 1, tableRows: 1 })).toEqual(parseMarkdown(withoutBom));
      }),
      { numRuns: 300 },
    );
  });

  it('an edited document parsed with the slices of its earlier version gives the tree of a fresh parse', () => {
    fc.assert(
      fc.property(fc.oneof(markdown, postmortem), fc.nat(), fc.nat({ max: 20 }), text, (source, at, removed, inserted) => {
        const before = source.replace(/^\uFEFF/, '');
        const start = at % (before.length + 1);
        const after = before.slice(0, start) + inserted + before.slice(start + removed);
        const cache = new SliceCache();
        const sliced = { sliceSize: 1, tableRows: 1 };
        parseMarkdown(before, { ...sliced, cache });
        const fresh = parseMarkdown(after, sliced);
        expect(parseMarkdown(after, { ...sliced, cache })).toEqual(fresh);
        // And once more, from the cache alone.
        expect(parseMarkdown(after, { ...sliced, cache })).toEqual(fresh);
      }),
      { numRuns: 300 },
    );
  });
});
