import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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
import { frontMatterLength } from '../src/model/parse/slices.js';
import { packageRoot } from '../src/util/package-root.js';

/** pm-lint's parse as it would be with the upstream mdast extensions (which also load a serializer). */
function upstream(frontMatter: boolean) {
  const processor = unified().use(remarkParse);
  if (frontMatter) processor.use(remarkFrontmatter, ['yaml', 'toml']);
  return processor
    .use(function (this: Processor) {
      const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
      (data.micromarkExtensions ??= []).push(gfmTable(), gfmTaskListItem(), gfmStrikethrough({ singleTilde: false }), gfmFootnote());
      (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmFootnoteFromMarkdown());
    })
    .freeze();
}
const withFrontMatter = upstream(true);
const withoutFrontMatter = upstream(false);
/** The upstream parse, with front matter where pm-lint finds it (an opening "---" over Markdown is a thematic break). */
const reference = { parse: (text: string) => (frontMatterLength(text) > 0 ? withFrontMatter : withoutFrontMatter).parse(text) };

function markdownFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? markdownFiles(join(directory, entry.name)) : entry.name.endsWith('.md') ? [join(directory, entry.name)] : [],
  );
}

describe('the GFM table and task-list trees', () => {
  it('are those of mdast-util-gfm-table and mdast-util-gfm-task-list-item, for every fixture', () => {
    const files = [...markdownFiles(join(packageRoot(), 'fixtures')), ...markdownFiles(join(packageRoot(), 'test', 'documents'))];
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      expect(parseMarkdown(text), file).toEqual(reference.parse(text) as Root);
    }
  });

  it('are the same for escaped pipes in code, alignment, empty task items and nested task lists', () => {
    const text = [
      '| Left | Centre | Right | None |',
      '|:-----|:------:|------:|------|',
      '| `a \\| b` | `c \\\\| d` | \\| | *x* |',
      '',
      '`outside \\| a table`',
      '',
      '- [x] done',
      '- [ ]',
      '- [ ] open\n  - [X] nested\n\n  second paragraph',
      '* [x]\ttab',
      '1. [ ] numbered',
      '',
    ].join('\n');
    const tree = parseMarkdown(text);
    expect(tree).toEqual(reference.parse(text) as Root);
    expect(tree.children[0]).toMatchObject({ type: 'table', align: ['left', 'center', 'right', null] });
  });
});
