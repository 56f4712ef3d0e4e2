import type { Root } from 'mdast';
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmTableFromMarkdown, gfmTaskListItemFromMarkdown } from './gfm-from-markdown.js';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';

/**
 * The GFM constructs postmortems use, composed the way remark-gfm composes them.
 * Autolink literals are left out on purpose: they cost about a quarter of the whole
 * parse, and the model finds bare URLs in text itself where a rule needs them.
 */
export function remarkPostmortemGfm(this: Processor): void {
  const data = this.data() as {
    micromarkExtensions?: unknown[];
    fromMarkdownExtensions?: unknown[];
  };
  (data.micromarkExtensions ??= []).push(
    gfmTable(),
    gfmTaskListItem(),
    gfmStrikethrough({ singleTilde: false }),
    gfmFootnote(),
  );
  (data.fromMarkdownExtensions ??= []).push(
    gfmTableFromMarkdown(),
    gfmTaskListItemFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
    gfmFootnoteFromMarkdown(),
  );
}

let processor: Processor<Root> | undefined;

function getProcessor(): Processor<Root> {
  processor ??= unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml', 'toml'])
    .use(remarkPostmortemGfm)
    .freeze() as unknown as Processor<Root>;
  return processor;
}

/** Parses Markdown (without a BOM) into mdast. Counted so tests can prove one parse per file. */
export function parseMarkdown(text: string): Root {
  parseCount++;
  return getProcessor().parse(text);
}

let parseCount = 0;

export function getParseCount(): number {
  return parseCount;
}
