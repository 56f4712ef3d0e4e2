import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Root } from 'mdast';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../src/model/parse/parse.js';
import { scanSlices } from '../src/model/parse/slices.js';
import { packageRoot } from '../src/util/package-root.js';
import { markdownIn } from './helpers/slices.js';

/**
 * parseMarkdown parses a text only with the GFM constructs it can contain (a table needs a
 * `|` or a `:` beside a `-`, and so on). The tree must be the one of a parser with every
 * construct, built here from the packages themselves.
 */
function everyConstruct(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmTaskListItem(), gfmStrikethrough({ singleTilde: false }), gfmFootnote());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmFootnoteFromMarkdown());
}
const reference = unified().use(remarkParse).use(everyConstruct);
const referenceWithFrontMatter = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(everyConstruct);

function parsedWithEveryConstruct(text: string): Root {
  const frontMatter = scanSlices(text, { sliceSize: Number.MAX_SAFE_INTEGER, tableRows: Number.MAX_SAFE_INTEGER }).frontMatter;
  return (frontMatter ? referenceWithFrontMatter : reference).parse(text) as Root;
}

const whole = { sliceSize: Number.MAX_SAFE_INTEGER };

/**
 * A tree, or the error that stopped the parse: under vitest, the mdast utilities run their
 * development builds, whose assertions throw on a few odd inputs ("- -\n[ ]\na" in
 * mdast-util-gfm-task-list-item). Both parsers must then stop alike.
 */
function outcome(parse: () => Root): { tree: Root } | { error: string } {
  try {
    return { tree: parse() };
  } catch (error) {
    return { error: String(error) };
  }
}

const character = fc.constantFrom('a', '1', ':', '-', ' ', '*', '_', '`', '[', ']', '^', '(', ')', '|', '~', 'x', 'X', '\\', '.', '\t');
const inline = fc.string({ unit: character, maxLength: 30 });
/** Lines that come near each construct: table rows and delimiter rows with and without pipes, task boxes, tildes, footnotes. */
const line = fc.oneof(
  inline,
  fc.tuple(fc.constantFrom('-', '*', '1.', '  -'), inline).map(([marker, value]) => `${marker} ${value}`),
  fc.constantFrom('a | b', '| a |', ':-', '-:', ':-:', '--- | ---', ':--', 'a', '- [ ] open', '- [x] done', '* [X]', '[ ]', '~~gone~~', '~~~', 'a[^1]', '[^1]: note', '', ''),
);
const document = fc.array(line, { maxLength: 25 }).map((lines) => lines.join('\n'));

describe('parsing with the constructs a text can contain', () => {
  it('gives the tree of a parser with every GFM construct, for random text', () => {
    fc.assert(
      fc.property(document, (text) => {
        expect(outcome(() => parseMarkdown(text, whole))).toEqual(outcome(() => parsedWithEveryConstruct(text)));
      }),
      { numRuns: 500 },
    );
  });

  it('reads a lone tilde next to emphasis as the strikethrough construct does', () => {
    // Without the construct, `a*~*` is a paragraph of text; with it (single tildes off), "~" is emphasised.
    for (const text of ['a*~*', '- a*~*', 'a*~b*']) {
      expect(parseMarkdown(text, whole), text).toEqual(parsedWithEveryConstruct(text));
    }
    expect(JSON.stringify(parseMarkdown('a*~*', whole))).toContain('"type":"emphasis"');
  });

  it('reads a table whose delimiter row has a colon but no pipe, as GFM does', () => {
    const tree = parseMarkdown('a\n:-\nb\n', whole);
    expect(tree).toEqual(parsedWithEveryConstruct('a\n:-\nb\n'));
    expect(tree.children.map((node) => node.type)).toEqual(['table']);
  });

  it('gives the same tree for every document of the project', () => {
    const root = packageRoot();
    const files = [...markdownIn(join(root, 'fixtures')), ...markdownIn(join(root, 'examples')), ...markdownIn(join(root, 'test', 'documents'))];
    expect(files.length).toBeGreaterThan(50);
    let withoutTable = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      if (!text.includes('|')) withoutTable++;
      expect(parseMarkdown(text, whole), file).toEqual(parsedWithEveryConstruct(text));
    }
    // Both kinds are there: documents with tables and documents without.
    expect(withoutTable).toBeGreaterThan(10);
    expect(files.length - withoutTable).toBeGreaterThan(10);
  });
});
