import type { ListItem, Nodes, Parent, Root } from 'mdast';
import { parseMarkdown } from '../model/parse/parse.js';
import { LineIndex } from '../model/parse/positions.js';

/** Text to insert at an offset of the linted text (without a BOM). */
export interface Insertion {
  offset: number;
  text: string;
  /** What the comment turns off: the finding's line, or (in front matter, where no comment can stand) the whole file. */
  scope: 'line' | 'file';
}

/**
 * Where a comment that turns a rule off for one finding's line can go without changing
 * how the document parses (and so what pm-lint reads in it), and what to write there.
 *
 * - `<!-- pm-lint-disable-next-line <rule> -- -->` on a line of its own above the line,
 *   when the line starts a block: indented into the block quotes and list items the block
 *   is in, and, before a list item that is not its list's first, into the previous item (a
 *   comment at the list's own indentation would end the list and start another).
 * - `<!-- pm-lint-disable-line <rule> -- -->` at the end of the line where a comment above
 *   would cut a block in two or part it from what it belongs to: a paragraph's later
 *   line, a table's body row (inside its last cell), a list's first item under the
 *   paragraph that leads into it; and on the first line, where findings about the whole
 *   document stand whatever is written there.
 * - `<!-- pm-lint-disable-file <rule> -- -->` after the front matter, for a finding inside
 *   it: a comment there would be YAML.
 * - Nowhere (null) inside fenced code, an HTML block, a setext heading's underline or
 *   inline code, where a comment would be text.
 *
 * The reason goes after "--".
 */
export function disableComment(text: string, line: number, ruleId: string): Insertion | null {
  return disableComments(text)(line, ruleId);
}

/**
 * disableComment for many findings of one text: the text is parsed and indexed once, on
 * the first finding asked about (a code action request asks for every finding in range).
 */
export function disableComments(text: string): (line: number, ruleId: string) => Insertion | null {
  let read: { tree: Root; lines: LineIndex } | undefined;
  return (line, ruleId) => {
    read ??= { tree: parseMarkdown(text), lines: new LineIndex(text) };
    return insertionFor(text, read.tree, read.lines, line, ruleId);
  };
}

function insertionFor(text: string, tree: Root, lines: LineIndex, line: number, ruleId: string): Insertion | null {
  if (line < 1 || line > lines.lineCount) return null;
  const chain = blocksOnLine(tree, line);
  const deepest = chain.at(-1);
  if (deepest && (deepest.node.type === 'yaml' || (deepest.node.type as string) === 'toml')) {
    const end = deepest.node.position!.end.line;
    const offset = end < lines.lineCount ? lines.lineStart(end + 1) : text.length;
    const newline = offset === text.length && !/[\r\n]$/.test(text) ? lineEnding(text) : '';
    return { offset, text: `${newline}<!-- pm-lint-disable-file ${ruleId} -- -->${lineEnding(text)}`, scope: 'file' };
  }
  const inline = commentAtEnd(text, lines, deepest, line, ruleId);
  // Findings about the whole document stand on its first line, whatever is written there: the comment must be on that line.
  if (line === 1) {
    if (inline) return inline;
    const blank = lines.lineText(1).trim() === '';
    return { offset: 0, text: `<!-- pm-lint-disable-line ${ruleId} -- -->${blank ? '' : lineEnding(text)}`, scope: 'line' };
  }
  const above = commentAbove(text, lines, chain, line, ruleId);
  // A comment between a list and the paragraph that leads into it would part them.
  const starting = above && chain.find(({ node }) => node.position!.start.line === line);
  const leadIn = starting?.node.type === 'list' && starting.index > 0 && starting.parent.children[starting.index - 1]!.type === 'paragraph';
  return leadIn ? (inline ?? above) : (above ?? inline);
}

function commentAbove(text: string, lines: LineIndex, chain: Located[], line: number, ruleId: string): Insertion | null {
  const lineStart = lines.lineStart(line);
  // The outermost block that starts on the line (a table's body row is not one: nothing can stand between rows).
  const starting = chain.find(({ node }) => node.position!.start.line === line && node.type !== 'tableRow');
  if (starting) {
    const { node, parent, index } = starting;
    const startOffset = node.position!.start.offset!;
    let prefix = containerPrefix(text.slice(lineStart, startOffset));
    if (node.type === 'listItem' && index > 0) {
      const previous = parent.children[index - 1] as ListItem;
      prefix += ' '.repeat(markerWidth(text, previous.position!.start.offset!));
    }
    return { offset: lineStart, text: `${prefix}<!-- pm-lint-disable-next-line ${ruleId} -- -->${lineEnding(text)}`, scope: 'line' };
  }
  if (chain.length === 0) {
    // A blank line outside any block: a comment of its own above it.
    return { offset: lineStart, text: `<!-- pm-lint-disable-next-line ${ruleId} -- -->${lineEnding(text)}`, scope: 'line' };
  }
  return null;
}

function commentAtEnd(text: string, lines: LineIndex, deepest: Located | undefined, line: number, ruleId: string): Insertion | null {
  if (!deepest) return null;
  const lineStart = lines.lineStart(line);
  const comment = `<!-- pm-lint-disable-line ${ruleId} -- -->`;
  const content = lines.lineText(line);
  if (deepest.node.type === 'tableRow') {
    const trimmed = content.replace(/[ \t]+$/, '');
    const closed = trimmed.endsWith('|') && !trimmed.endsWith('\\|') && trimmed.length > 1;
    if (!closed) return { offset: lineStart + trimmed.length, text: ` ${comment}`, scope: 'line' };
    const pipe = lineStart + trimmed.length - 1;
    const spaced = /[ \t]$/.test(trimmed.slice(0, -1));
    return { offset: pipe, text: spaced ? `${comment} ` : ` ${comment} `, scope: 'line' };
  }
  const heading = deepest.node.type === 'heading';
  const isAtx = heading && deepest.node.position!.start.line === deepest.node.position!.end.line;
  // A setext heading's text lines take a comment; its underline does not.
  if (deepest.node.type === 'paragraph' || isAtx || (heading && line < deepest.node.position!.end.line)) {
    // Before trailing blanks and a backslash: a hard line break stays one. An ATX heading's closing #s stay last.
    const kept = (isAtx ? /[ \t]+#+[ \t]*$|[ \t]+$/ : /(?:[ \t]+|\\)$/).exec(content);
    const offset = lineStart + content.length - (kept ? kept[0].length : 0);
    if (insideInline(deepest.node as Parent, offset)) return null;
    return { offset, text: `${offset > lineStart && !/[ \t]/.test(text[offset - 1]!) ? ' ' : ''}${comment}`, scope: 'line' };
  }
  return null;
}

interface Located {
  node: Nodes;
  parent: Parent;
  index: number;
}

/** The blocks whose lines include `line`, outermost first (neither phrasing content nor table cells are descended into). */
function blocksOnLine(tree: Root, line: number): Located[] {
  const chain: Located[] = [];
  let parent: Parent = tree;
  for (;;) {
    const index = parent.children.findIndex((child) => child.position && child.position.start.line <= line && line <= child.position.end.line);
    if (index < 0) return chain;
    const node = parent.children[index] as Nodes;
    chain.push({ node, parent, index });
    if (!('children' in node) || node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableRow') return chain;
    parent = node;
  }
}

/** What precedes a block on its line, as a line of its own keeps it: block quote markers stay, list markers become spaces. */
function containerPrefix(before: string): string {
  return before.replace(/[^>\s]/g, ' ');
}

/** The width of a list item's marker and the blanks after it, up to its content (CommonMark: 1 to 4 blanks). */
function markerWidth(text: string, offset: number): number {
  const match = /^(?:[-+*]|\d{1,9}[.)])([ \t]{1,5})?/.exec(text.slice(offset, offset + 16));
  if (!match) return 2;
  const blanks = match[1]?.length ?? 1;
  return match[0].length - blanks + (blanks > 4 ? 1 : blanks);
}

/** Whether an offset falls inside inline code, inline HTML or a link's destination, where a comment would be text. */
function insideInline(paragraph: Parent, offset: number): boolean {
  const stack: Nodes[] = [...(paragraph.children as Nodes[])];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const position = node.position;
    if (!position || offset <= position.start.offset! || offset >= position.end.offset!) continue;
    if (node.type === 'inlineCode' || node.type === 'html' || node.type === 'link' || node.type === 'image') return true;
    if ('children' in node) stack.push(...(node.children as Nodes[]));
  }
  return false;
}

function lineEnding(text: string): string {
  const match = /\r\n|\r|\n/.exec(text);
  return match ? match[0] : '\n';
}
