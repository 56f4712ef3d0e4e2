import type { Nodes, Root, RootContent } from 'mdast';
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { scanSlices, type SliceScan } from './slices.js';

/**
 * The GFM constructs postmortems use, as remark-gfm composes them, each with what a text
 * must contain for the construct to occur in it. Autolink literals are left out on purpose:
 * they cost about a quarter of the whole parse, and the model finds bare URLs in text itself
 * where a rule needs them.
 *
 * A text is parsed only with the constructs it can contain. micromark tries a table at the
 * start of every line, about a sixth of the parse of a document that has none, and a table
 * needs a `|`, or a `:` beside a `-` in its delimiter row; without those, the parse with and
 * without the construct is the same (test/parse-constructs.test.ts). About half of the
 * postmortems in the benchmark corpus have no table. Strikethrough needs only a `~`: even with
 * single tildes off, a lone `~` takes part in emphasis as the construct reads it (`a*~*`).
 */
const GFM_CONSTRUCTS = [
  { syntax: () => gfmTable(), tree: () => gfmTableFromMarkdown(), mayOccurIn: (text: string) => /\||:-|-:/.test(text) },
  { syntax: () => gfmTaskListItem(), tree: () => gfmTaskListItemFromMarkdown(), mayOccurIn: (text: string) => /\[[\sxX]\]/.test(text) },
  { syntax: () => gfmStrikethrough({ singleTilde: false }), tree: () => gfmStrikethroughFromMarkdown(), mayOccurIn: (text: string) => text.includes('~') },
  { syntax: () => gfmFootnote(), tree: () => gfmFootnoteFromMarkdown(), mayOccurIn: (text: string) => text.includes('[^') },
];

/** Parsers by what they read: bit i is GFM_CONSTRUCTS[i], the next bit front matter. */
const processors = new Map<number, Processor<Root>>();

/**
 * The parser of a text: with the GFM constructs the text may contain, and with front
 * matter when it opens a document that starts with front matter that closes. (micromark,
 * after an opening "---" that never closes, reads the rest of the document differently
 * from CommonMark: a later list becomes a paragraph. Without front matter, that "---" is
 * the thematic break CommonMark makes of it; after the first slice "---" is always one.)
 */
export function processorFor(text: string, frontMatter: boolean): Processor<Root> {
  let key = frontMatter ? 1 << GFM_CONSTRUCTS.length : 0;
  GFM_CONSTRUCTS.forEach((construct, bit) => {
    if (construct.mayOccurIn(text)) key |= 1 << bit;
  });
  let processor = processors.get(key);
  if (!processor) {
    const constructs = GFM_CONSTRUCTS.filter((_, bit) => key & (1 << bit));
    const withConstructs = function (this: Processor) {
      const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
      (data.micromarkExtensions ??= []).push(...constructs.map((construct) => construct.syntax()));
      (data.fromMarkdownExtensions ??= []).push(...constructs.map((construct) => construct.tree()));
    };
    const base = frontMatter ? unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']) : unified().use(remarkParse);
    processor = base.use(withConstructs).freeze() as unknown as Processor<Root>;
    processors.set(key, processor);
  }
  return processor;
}

/** The most lists and block quotes pm-lint parses inside each other (markdown-it's default limit too). */
export const MAX_NESTING = 100;

/** The most emphasis and link markers pm-lint parses in one paragraph (at this many, micromark takes about a second). */
export const MAX_INLINE_MARKERS = 10_000;

/** A document pm-lint does not parse: the reason, and the line that shows it. */
export class UnparsableDocumentError extends Error {
  readonly line: number;

  constructor(message: string, line: number) {
    super(message);
    this.name = 'UnparsableDocumentError';
    this.line = line;
  }
}

export interface ParseOptions {
  /** Documents longer than this are parsed in slices of about this size (see slices.ts). */
  sliceSize?: number;
  /** Long tables are parsed this many rows at a time. */
  tableRows?: number;
  /** Slices parsed before, reused where their text is unchanged (a document edited and linted again). */
  cache?: SliceCache;
}

/**
 * The slices of documents parsed before, for a document that is parsed again and again as
 * it is edited (the language server): a slice whose text did not change is not parsed
 * again; its nodes are copied and moved to where the slice now starts, so an edit costs
 * the parse of the slices it touches. The least recently used slices make room.
 */
export class SliceCache {
  private readonly entries = new Map<string, RootContent[]>();
  /** Slices taken from the cache rather than parsed. */
  hits = 0;

  constructor(private readonly capacity = 64) {}

  /** A copy of the nodes parsed from exactly this input (positions relative to it), or undefined. */
  take(input: string): RootContent[] | undefined {
    const nodes = this.entries.get(input);
    if (!nodes) return undefined;
    this.entries.delete(input);
    this.entries.set(input, nodes);
    this.hits++;
    return structuredClone(nodes);
  }

  keep(input: string, nodes: RootContent[]): void {
    this.entries.set(input, structuredClone(nodes));
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}

/**
 * micromark's cost grows faster than the text within one parse (a GFM table is resolved
 * over every event before it): a 1 MB export parsed in 256 kB slices took 6.1 s, in 8 kB
 * slices 2.3 s, and the corpus of real postmortems parses no slower in 8 kB slices.
 */
const SLICE_SIZE = 8 * 1024;
const TABLE_ROWS = 2000;

/**
 * Parses Markdown (without a BOM) into mdast. Counted so tests can prove one parse per file.
 * Throws UnparsableDocumentError for nesting deeper than MAX_NESTING or a paragraph with
 * more than MAX_INLINE_MARKERS emphasis and link markers: micromark's time grows with the
 * square of either (5,000 nested lists or 40,000 asterisks take minutes), and no
 * postmortem comes near them.
 */
export function parseMarkdown(text: string, options: ParseOptions = {}): Root {
  parseCount++;
  const sliceSize = options.sliceSize ?? SLICE_SIZE;
  const scan = scanSlices(text, { sliceSize, tableRows: options.tableRows ?? TABLE_ROWS });
  if (scan.nesting.depth > MAX_NESTING) {
    throw new UnparsableDocumentError(
      `line ${scan.nesting.line} nests lists or block quotes about ${scan.nesting.depth} levels deep; pm-lint parses at most ${MAX_NESTING} levels (deeper nesting makes Markdown parsing quadratic and is never needed in a postmortem)`,
      scan.nesting.line,
    );
  }
  const markers = scan.inlineMarkers;
  if (markers.count > MAX_INLINE_MARKERS) {
    const lines = markers.firstLine === markers.lastLine ? `line ${markers.firstLine} holds` : `lines ${markers.firstLine}-${markers.lastLine} hold`;
    throw new UnparsableDocumentError(
      `${lines} ${markers.count} emphasis and link markers (*, _, ~, [, ]) without a blank line between them; pm-lint parses at most ${MAX_INLINE_MARKERS} in one paragraph (more makes Markdown parsing quadratic and never occurs in a postmortem)`,
      markers.firstLine,
    );
  }
  try {
    if (scan.slices.length === 1) return processorFor(text, scan.frontMatter).parse(text);
    return parseSlices(text, scan, options.cache) ?? processorFor(text, scan.frontMatter).parse(text);
  } catch (error) {
    if (error instanceof RangeError) {
      throw new UnparsableDocumentError(`the Markdown parser failed (${error.message}); the document is nested too deeply to parse`, 1);
    }
    throw error;
  }
}

/**
 * Parses each slice alone and joins the trees, positions shifted to the document. Every
 * slice but the last is followed by definitions of the document's link and footnote
 * labels, so that references resolve as in one parse (their nodes are dropped). Returns
 * null when a table slice does not continue a table as expected; the caller then parses
 * the whole document at once.
 */
function parseSlices(text: string, scan: SliceScan, cache?: SliceCache): Root | null {
  const definitions = scan.definitionLabels.map((label) => `[${label}]: #\n`).join('');
  const children: RootContent[] = [];
  for (const [index, slice] of scan.slices.entries()) {
    const last = index === scan.slices.length - 1;
    const body = text.slice(slice.start, slice.end);
    const trailer = definitions && !(last && scan.openAtEnd) ? `\n\n${definitions}` : '';
    const input = slice.prefix + body + trailer;
    const prefixLength = slice.prefix.length;
    const prefixLines = prefixLength === 0 ? 0 : countLines(slice.prefix);
    // The first slice may be read with front matter, the others never: the key tells them apart.
    const frontMatter = index === 0 && scan.frontMatter;
    const key = cache ? `${frontMatter ? 'first' : 'body'}\u0000${input}` : '';
    let nodes = cache?.take(key);
    if (!nodes) {
      const tree = processorFor(input, frontMatter).parse(input);
      nodes = tree.children.filter((node) => node.position!.start.offset! < prefixLength + body.length);
      cache?.keep(key, nodes);
    }
    for (const node of nodes) shiftPositions(node, slice.start - prefixLength, slice.line - 1 - prefixLines);
    if (slice.continuesTable) {
      const previous = children.at(-1);
      const continued = nodes[0];
      if (previous?.type !== 'table' || continued?.type !== 'table' || previous.position!.end.offset! > slice.start) return null;
      if (continued.children.length < 1 || continued.children[0]!.position!.start.offset! >= slice.start) return null;
      previous.children.push(...continued.children.slice(1));
      previous.position!.end = continued.position!.end;
      nodes = nodes.slice(1);
    }
    children.push(...nodes);
  }
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: endPoint(text) } };
}

/** Moves every position in a subtree by some offset and lines (columns stay: slices start at a line start). */
export function shiftPositions(root: Nodes, offset: number, lines: number): void {
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const position = node.position;
    if (position) {
      position.start = { line: position.start.line + lines, column: position.start.column, offset: position.start.offset! + offset };
      position.end = { line: position.end.line + lines, column: position.end.column, offset: position.end.offset! + offset };
    }
    if ('children' in node) for (const child of node.children) stack.push(child as Nodes);
  }
}

function countLines(text: string): number {
  return text.split(/\r\n|\r|\n/).length - 1;
}

function endPoint(text: string): { line: number; column: number; offset: number } {
  const lines = text.split(/\r\n|\r|\n/);
  return { line: lines.length, column: lines.at(-1)!.length + 1, offset: text.length };
}

let parseCount = 0;

export function getParseCount(): number {
  return parseCount;
}
