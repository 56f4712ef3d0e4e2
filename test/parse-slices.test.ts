import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/api/lint.js';
import { MAX_INLINE_MARKERS, MAX_NESTING, parseMarkdown, SliceCache, UnparsableDocumentError } from '../src/model/parse/parse.js';
import { scanSlices } from '../src/model/parse/slices.js';
import { packageRoot } from '../src/util/package-root.js';
import { expectLinearGrowth } from './helpers/linear.js';
import { expectSlicedEqualsWhole, markdownIn } from './helpers/slices.js';

const root = packageRoot();

describe('parsing in slices', () => {
  it('gives the same tree as one parse for every document of the project', () => {
    const files = [
      ...markdownIn(join(root, 'fixtures')),
      ...markdownIn(join(root, 'examples')),
      ...markdownIn(join(root, 'test', 'documents')),
    ];
    expect(files.length).toBeGreaterThan(50);
    const slices = files.reduce((sum, file) => sum + expectSlicedEqualsWhole(file), 0);
    // Most documents are cut many times.
    expect(slices).toBeGreaterThan(files.length * 5);
  });

  it('keeps fenced code, HTML comments and front matter whole across blank lines', () => {
    const text = [
      '---', 'title: x', '', 'date: 2026-01-01', '---', '', '# T', '',
      '```', 'code', '', 'Not a paragraph', '```', '',
      '<!--', 'comment', '', 'Still comment', '-->', '',
      '- item', '', 'After the list', '',
    ].join('\n');
    const scan = scanSlices(text, { sliceSize: 1, tableRows: 2 });
    const starts = scan.slices.map((slice) => text.slice(slice.start).split('\n')[0]);
    // A list item never starts a slice: "- a\n\n- b" is one loose list.
    expect(starts).toEqual(['---', '# T', '```', '<!--', 'After the list']);
    expect(parseMarkdown(text, { sliceSize: 1 })).toEqual(parseMarkdown(text));
  });

  it('scans adversarial table lines in linear time', () => {
    const lines = (n: number) => [`|-${' '.repeat(4 * n)}x`, `| -- ${'| -- '.repeat(n)}x`, `|${':-'.repeat(2 * n)}`];
    for (const [index, line] of lines(5_000).entries()) {
      expectLinearGrowth((scale) => scanSlices(`| a | b |\n${lines(5_000 * scale)[index]!}\n`, { sliceSize: 1, tableRows: 2 }), line.slice(0, 8));
    }
  });

  it('resolves link and footnote references defined in another slice', () => {
    const text = 'See [the runbook][rb] and a note.[^n]\n\nMiddle.\n\n[rb]: https://runbooks.test/db\n\n[^n]: The note.\n';
    const sliced = parseMarkdown(text, { sliceSize: 1 });
    expect(sliced).toEqual(parseMarkdown(text));
    expect(JSON.stringify(sliced)).toContain('"type":"linkReference"');
    expect(JSON.stringify(sliced)).toContain('"type":"footnoteReference"');
  });

  it('reads "---" that opens a later slice as a thematic break, never as front matter', () => {
    // The second slice is "---\n\nTwo.\n\n---\n\nThree.\n": read alone with front matter on, it is one YAML block.
    const text = ['# T', '', 'One sentence long enough to end a slice.', '', '---', '', 'Two.', '', '---', '', 'Three.', ''].join('\n');
    expect(scanSlices(text, { sliceSize: 20, tableRows: 2 }).slices.map((slice) => text.slice(slice.start, slice.end).split('\n')[0])).toEqual(['# T', '---']);
    const sliced = parseMarkdown(text, { sliceSize: 20 });
    expect(sliced).toEqual(parseMarkdown(text));
    expect(sliced.children.map((node) => node.type)).toEqual(['heading', 'paragraph', 'thematicBreak', 'paragraph', 'thematicBreak', 'paragraph']);
  });

  it('reads an opening "---" that never closes as a thematic break, and what follows as CommonMark does, whole or in slices', () => {
    const text = '---\ndate: 2026-03-30\n# Outage\n\n- **10:00** alert fires\n- **10:20** resolved\n';
    const types = (options = {}) => parseMarkdown(text, options).children.map((node) => `${node.type}@${node.position!.start.line}`);
    expect(types()).toEqual(['thematicBreak@1', 'paragraph@2', 'heading@3', 'list@5']);
    expect(types({ sliceSize: 1, tableRows: 1 })).toEqual(types());
  });

  it('reads an opening "---" over Markdown as a thematic break, even when another "---" closes it', () => {
    const text = '---\n\n# Outage on 2026-03-02\n\n## Summary\n\nThe API failed.\n\n---\n\n## Impact\n\nSome.\n';
    const types = (options = {}) => parseMarkdown(text, options).children.map((node) => node.type);
    expect(types()).toEqual(['thematicBreak', 'heading', 'heading', 'paragraph', 'thematicBreak', 'heading', 'paragraph']);
    expect(types({ sliceSize: 1, tableRows: 1 })).toEqual(types());
    // Front matter may open with a comment or a blank line; a list or a key that does not parse is still front matter.
    for (const front of ['---\n# metadata\ntitle: x\n---\n', '---\n\ntitle: x\n---\n', '---\n- a\n---\n', '---\ntitle: [x\n---\n', '+++\ntitle = "x"\n+++\n']) {
      expect(parseMarkdown(`${front}\n# T\n`).children[0]!.type, front).toMatch(/^(?:yaml|toml)$/);
    }
  });

  it('never cuts a slice at a line of no-break spaces: it is text, not a blank line', () => {
    const text = '\u00a0\nThe cache filled up.\n\n| a | b |\n| --- | --- |\n';
    expect(parseMarkdown(text, { sliceSize: 1, tableRows: 1 })).toEqual(parseMarkdown(text));
    expect(parseMarkdown(text).children.map((node) => `${node.type}@${node.position!.start.line}`)).toEqual(['paragraph@1', 'table@4']);
  });

  it('does not take a paragraph that opens like a definition for one ("[1]: You could …")', () => {
    const text = 'The APs rebooted[1] after the move.\n\nMiddle.\n\n[1]: You could change it without a reboot.\n\n[docs]: https://docs.test "Docs"\n';
    expect(scanSlices(text, { sliceSize: 1, tableRows: 2 }).definitionLabels).toEqual(['docs']);
    const sliced = parseMarkdown(text, { sliceSize: 1 });
    expect(sliced).toEqual(parseMarkdown(text));
    expect(JSON.stringify(sliced)).not.toContain('"type":"linkReference"');
  });

  it('joins the rows of a long table into one table with exact positions, CRLF included', () => {
    const rows = Array.from({ length: 50 }, (_, i) => `| 10:${String(i).padStart(2, '0')} | event ${i} |`);
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = ['# T', '', '| Time | Event |', '| --- | --- |', ...rows, '', 'After.', ''].join(eol);
      const sliced = parseMarkdown(text, { sliceSize: 1, tableRows: 7 });
      expect(scanSlices(text, { sliceSize: 1, tableRows: 7 }).slices.filter((slice) => slice.continuesTable).length).toBe(7);
      expect(sliced).toEqual(parseMarkdown(text));
      const table = sliced.children.find((node) => node.type === 'table')!;
      expect(table.type === 'table' && table.children.length).toBe(51);
      expect(table.position).toMatchObject({ start: { line: 3, column: 1 }, end: { line: 54, column: 21 } });
    }
  });
});

describe('parsing an edited document again (the language server)', () => {
  it('parses only the slices an edit touches, and gives the tree of a fresh parse', () => {
    const sections = Array.from({ length: 40 }, (_, n) => `## Part ${n}\n\n${'Words of a paragraph about the incident. '.repeat(20)}\n\n- 10:${String(n).padStart(2, '0')} An entry\n`);
    const before = `# Outage\n\n${sections.join('\n')}`;
    const middle = before.indexOf('## Part 20');
    const after = `${before.slice(0, middle)}## Part twenty${before.slice(middle + '## Part 20'.length)}`;
    const cache = new SliceCache();
    parseMarkdown(before, { cache });
    expect(cache.hits).toBe(0);
    const slices = Math.ceil(before.length / 8192);
    const tree = parseMarkdown(after, { cache });
    expect(tree).toEqual(parseMarkdown(after));
    // Every slice but the edited one (and, at most, one beside it whose cut moved) came from the cache.
    expect(cache.hits).toBeGreaterThanOrEqual(slices - 2);
    expect(slices).toBeGreaterThanOrEqual(4);
  });
});

describe('documents the parser refuses', () => {
  it(`refuses lists nested more than ${MAX_NESTING} deep, naming the line, and lints nothing else`, () => {
    const text = `# T\n\n${Array.from({ length: 5_000 }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n')}\n`;
    expect(() => parseMarkdown(text)).toThrow(UnparsableDocumentError);
    const result = lintText(text, { filePath: 'deep.md' });
    expect(result.messages).toEqual([
      {
        ruleId: null,
        severity: 2,
        fatal: true,
        message: `Cannot lint this file: line 5002 nests lists or block quotes about 5000 levels deep; pm-lint parses at most ${MAX_NESTING} levels (deeper nesting makes Markdown parsing quadratic and is never needed in a postmortem).`,
        line: 5002,
        column: 1,
        endLine: 5002,
        endColumn: 1,
      },
    ]);
  });

  it('refuses 5,000 nested block quotes, on one line or one per line', () => {
    const oneLine = lintText(`${'>'.repeat(5_000)} x\n`, { filePath: 'quotes.md' });
    expect(oneLine.messages[0]!.message).toMatch(/^Cannot lint this file: line 1 nests lists or block quotes about 5000 levels deep/);
    const perLine = lintText(Array.from({ length: 5_000 }, (_, i) => `${'>'.repeat(i + 1)} x`).join('\n'), { filePath: 'quotes.md' });
    expect(perLine.messages[0]!.message).toMatch(/^Cannot lint this file: line 5000 nests lists or block quotes about 5000 levels deep/);
  });

  it(`accepts ${MAX_NESTING} levels`, () => {
    const text = `${Array.from({ length: MAX_NESTING }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n')}\n`;
    expect(() => parseMarkdown(text)).not.toThrow();
  });

  it(`refuses a paragraph with more than ${MAX_INLINE_MARKERS} emphasis and link markers, naming its lines`, () => {
    const text = `# T\n\nSome prose.\n${'*'.repeat(20_000)}x${'*'.repeat(20_000)}\nMore.\n`;
    const result = lintText(text, { filePath: 'stars.md' });
    expect(result.messages).toHaveLength(1);
    expect(result.messages[0]).toMatchObject({
      line: 3,
      fatal: true,
      message: `Cannot lint this file: lines 3-4 hold 40000 emphasis and link markers (*, _, ~, [, ]) without a blank line between them; pm-lint parses at most ${MAX_INLINE_MARKERS} in one paragraph (more makes Markdown parsing quadratic and never occurs in a postmortem).`,
    });
  });

  it('counts markers per paragraph, list item and table row, not per document', () => {
    const items = Array.from({ length: 5_000 }, (_, i) => `- **10:${String(i % 60).padStart(2, '0')}** [ticket](https://t.test/${i})`).join('\n');
    const rows = Array.from({ length: 5_000 }, (_, i) => `| **10:00** | [x](y) ${i} |`).join('\n');
    const ordered = Array.from({ length: 5_000 }, (_, i) => `${i + 1}. **step** done`).join('\n');
    const text = `# T\n\n${items}\n\n| Time | Event |\n| --- | --- |\n${rows}\n\n${ordered}\n`;
    expect(scanSlices(text, { sliceSize: 1, tableRows: 2 }).inlineMarkers.count).toBeLessThan(10);
    // An ordered marker other than 1 cannot interrupt a paragraph: those lines are one paragraph.
    const paragraph = `Text\n${Array.from({ length: 3_000 }, (_, i) => `${i + 2}. **x**`).join('\n')}\n`;
    expect(scanSlices(paragraph, { sliceSize: 1, tableRows: 2 }).inlineMarkers.count).toBe(12_000);
  });
});
