/**
 * Cutting a large document into pieces that parse alone exactly as they parse together.
 *
 * micromark keeps every event of a document until its end: parsing takes about 400 bytes
 * of memory per source character at its peak (a 10 MB postmortem would need 4 GB), and one
 * GFM table is resolved only when it ends. Slicing keeps that peak to one slice. A slice
 * ends before a line that starts a top-level block after a blank line (nothing can be open
 * across it but fenced code and HTML blocks, which the scan tracks), or between two rows
 * of a long table (the next slice is parsed after the table's header and delimiter rows,
 * and its rows are joined to the table; see parse.ts).
 */

export interface Slice {
  start: number;
  end: number;
  /** The 1-based line the slice starts on. */
  line: number;
  /** Text parsed before the slice and not part of the document: a table's header and delimiter rows. */
  prefix: string;
  /** The slice starts inside the table the previous slice ends with. */
  continuesTable: boolean;
}

export interface SliceScan {
  slices: Slice[];
  /** Labels of link reference and footnote definitions (`[label]:`, `[^label]:`), as written. */
  definitionLabels: string[];
  /** The deepest nesting of lists and block quotes a line shows, and the first line that shows it. */
  nesting: { depth: number; line: number };
  /**
   * The most emphasis and link markers (`*`, `_`, `~`, `[`, `]`) in one run of lines that
   * may be one paragraph (no blank line, heading, table row or list item between them).
   */
  inlineMarkers: { count: number; firstLine: number; lastLine: number };
  /** Fenced code or an HTML block is still open at the end of the document. */
  openAtEnd: boolean;
  /** The document opens with front matter that closes (`---` … `---`, or `+++` … `+++`). */
  frontMatter: boolean;
}

export interface SliceOptions {
  /** Cut a slice at the first safe place after this many characters. */
  sliceSize: number;
  /** Cut long tables every this many rows. */
  tableRows: number;
}

const FENCE = /^(`{3,}|~{3,})/;
const CONTAINER_MARKER = /(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]*/y;
// Each run of blanks is followed by something it cannot match ("|", "-", the end): no backtracking over blanks.
const TABLE_DELIMITER = /^ {0,3}\|?[ \t]*:?-+:?(?:[ \t]*\|[ \t]*:?-+:?)*[ \t]*(?:\|[ \t]*)?$/;
const TABLE_ROW = /^ {0,3}\|/;
const DEFINITION = /^\[(\^?(?:[^\\[\]\n]|\\.){1,999})\]:/;
/** A link destination, then the end of the line or the opening of a title. */
const DEFINITION_REST = /^[ \t]*(?:<[^<>\n]*>|[^\s<]\S*)(?:[ \t]*$|[ \t]+["'(])/;

/**
 * A blank line as CommonMark has it: nothing but spaces and tabs. (A no-break space is
 * text: "\u00a0" on a line of its own starts a paragraph, so no slice may end there.)
 */
function isBlank(text: string): boolean {
  return /^[ \t]*$/.test(text);
}

/**
 * Whether `[label]:` opens a definition: a footnote's text may be anything, a link's must
 * be a destination and perhaps a title ("[1]: You could …" is a paragraph: a definition
 * added for "1" would turn its "[1]" into a reference).
 */
function isDefinition(label: string, rest: string): boolean {
  return label.startsWith('^') || isBlank(rest) || DEFINITION_REST.test(rest);
}

/** HTML blocks that blank lines do not end (CommonMark types 1 to 5), with their end markers. */
const HTML_BLOCKS: Array<[RegExp, RegExp]> = [
  [/^<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^<!--/, /-->/],
  [/^<\?/, /\?>/],
  [/^<![A-Za-z]/, />/],
  [/^<!\[CDATA\[/, /\]\]>/],
];

/**
 * One pass over the lines: the slices, the definition labels, the deepest nesting and the
 * largest run of inline markers (the last two for parseMarkdown's limits).
 * Line endings are those of CommonMark: "\r\n", "\r" and "\n".
 */
export function scanSlices(text: string, options: SliceOptions): SliceScan {
  const slices: Slice[] = [];
  const labels = new Set<string>();
  let deepest = { depth: 0, line: 1 };
  let markers = { count: 0, firstLine: 1, lastLine: 1 };
  let run = { count: 0, firstLine: 1, list: false };
  // Only top-level fences and HTML blocks matter: a line at column 0 after a blank line
  // ends every list item and block quote, and with it anything open inside them.
  let fence: { marker: number; length: number } | null = null;
  let html: RegExp | null = null;
  let previousBlank = true;
  let previousLine = '';
  let table: { header: string; rows: number } | null = null;
  let slice: Omit<Slice, 'end'> = { start: 0, line: 1, prefix: '', continuesTable: false };
  const cut = (at: number, line: number, prefix: string, continuesTable: boolean) => {
    slices.push({ ...slice, end: at });
    slice = { start: at, line, prefix, continuesTable };
  };
  const frontMatterEnd = frontMatterLength(text);
  let start = frontMatterEnd;
  let lineNumber = 1 + countLineEndings(text, 0, frontMatterEnd);
  while (start < text.length) {
    let end = start;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    const next = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : Math.min(end + 1, text.length);
    const line = text.slice(start, end);
    const blank = isBlank(line);
    const shape = lineShape(line);
    const topLevel = shape.depth === 0 && shape.indent <= 3;

    if (fence !== null) {
      if (topLevel && closesFence(line, shape.contentStart, fence)) fence = null;
    } else if (html !== null) {
      if (html.test(line)) html = null;
    } else {
      // Nested lists are indented by two columns or more a level; indentation without a marker nests nothing.
      const depth = shape.depth === 0 ? 0 : shape.depth + Math.floor(shape.indent / 2);
      if (depth > deepest.depth) deepest = { depth, line: lineNumber };
      const bigEnough = start - slice.start >= options.sliceSize;
      if (table !== null) {
        if (TABLE_ROW.test(line)) {
          table.rows++;
          if (table.rows > options.tableRows && bigEnough) {
            cut(start, lineNumber, table.header, true);
            table.rows = 1;
          }
        } else table = null;
      } else if (!blank && !previousBlank && line.includes('|') && previousLine.includes('|') && TABLE_DELIMITER.test(line)) {
        table = { header: `${previousLine}\n${line}\n`, rows: 0 };
      } else if (previousBlank && !blank && bigEnough && shape.depth === 0 && shape.indent === 0) {
        cut(start, lineNumber, '', false);
      }
      const item = startsBlock(line);
      if (blank || table !== null || item === 'heading' || item === 'item' || (item === 'ordered' && (run.list || previousBlank))) {
        run = { count: 0, firstLine: blank ? lineNumber + 1 : lineNumber, list: item === 'item' || item === 'ordered' };
      }
      run.count += countInlineMarkers(line);
      if (run.count > markers.count) markers = { count: run.count, firstLine: run.firstLine, lastLine: lineNumber };
      const content = line.slice(shape.contentStart);
      if (topLevel) {
        const opening = FENCE.exec(content);
        if (opening && !(opening[1]![0] === '`' && content.includes('`', opening[1]!.length))) {
          fence = { marker: opening[1]!.charCodeAt(0), length: opening[1]!.length };
        } else {
          for (const [open, close] of HTML_BLOCKS) {
            if (open.test(content)) {
              if (!close.test(content.slice(1))) html = close;
              break;
            }
          }
        }
      }
      const definition = fence === null ? DEFINITION.exec(content) : null;
      if (definition && isDefinition(definition[1]!, content.slice(definition[0].length))) labels.add(definition[1]!);
    }

    previousBlank = blank;
    previousLine = line;
    start = next;
    if (next > end) lineNumber++;
  }
  slices.push({ ...slice, end: text.length });
  return { slices, definitionLabels: [...labels], nesting: deepest, inlineMarkers: markers, openAtEnd: fence !== null || html !== null, frontMatter: frontMatterEnd > 0 };
}

const BLOCK_START = /^(?:>[ \t]?)*[ ]{0,3}(?:(#{1,6})(?:[ \t]|$)|([-+*])[ \t]+\S|(1)[.)](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))/;

/**
 * Whether a line starts a heading or a list item, which ends the inline content before it.
 * An ordered item other than "1." starts an item only in a list or after a blank line (it
 * cannot interrupt a paragraph), which the caller knows.
 */
function startsBlock(line: string): 'heading' | 'item' | 'ordered' | null {
  const match = BLOCK_START.exec(line);
  if (!match) return null;
  if (match[1]) return 'heading';
  if (match[2] || match[3]) return 'item';
  return 'ordered';
}

function countInlineMarkers(line: string): number {
  let count = 0;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    // * _ ~ [ ]
    if (code === 42 || code === 95 || code === 126 || code === 91 || code === 93) count++;
  }
  return count;
}

/** Where a line's content starts after block quote markers, list markers and indentation; how many markers. */
function lineShape(line: string): { contentStart: number; depth: number; indent: number } {
  let index = 0;
  let depth = 0;
  let indent = 0;
  for (;;) {
    const before = index;
    while (index < line.length && (line.charCodeAt(index) === 32 || line.charCodeAt(index) === 9)) index++;
    indent += index - before;
    CONTAINER_MARKER.lastIndex = index;
    const marker = CONTAINER_MARKER.exec(line);
    if (!marker) return { contentStart: index, depth, indent };
    depth++;
    index += marker[0].length;
  }
}

function closesFence(line: string, contentStart: number, fence: { marker: number; length: number }): boolean {
  let index = contentStart;
  while (index < line.length && line.charCodeAt(index) === fence.marker) index++;
  return index - contentStart >= fence.length && isBlank(line.slice(index));
}

function countLineEndings(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) count++;
  }
  return count;
}

/**
 * The length of YAML or TOML front matter at the start of the text (0 when there is none).
 * Its first line that is neither blank nor a comment must be a key (`severity: SEV-2`,
 * `severity = "SEV-2"`) or a YAML list item: a document that opens with a thematic break
 * (`---`) and has another one further down holds Markdown between them ("# Outage", then
 * prose), not front matter.
 */
export function frontMatterLength(text: string): number {
  const marker = text.startsWith('---') ? '-' : text.startsWith('+++') ? '+' : null;
  if (marker === null) return 0;
  const opening = /^(?:---|\+\+\+)[ \t]*(?:\r\n|\r|\n)/.exec(text);
  if (!opening) return 0;
  const closing = new RegExp(`(?:\\r\\n|\\r|\\n)\\${marker}{3}[ \\t]*(?:\\r\\n|\\r|\\n|$)`, 'g');
  closing.lastIndex = opening[0].length - 1;
  const match = closing.exec(text);
  if (!match) return 0;
  const firstLine = text
    .slice(opening[0].length, match.index)
    .split(/\r\n|\r|\n/)
    .find((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));
  if (firstLine !== undefined && !(marker === '-' ? YAML_OPENING : TOML_OPENING).test(firstLine)) return 0;
  return match.index + match[0].length;
}

/** A YAML key (`title: …`, `"date": …`, `tags:`) or list item; a TOML key or table. */
const YAML_OPENING = /^[ \t]*(?:[^\s:#][^:\n]{0,200}:(?:[ \t]|$)|-(?:[ \t]|$)|\?[ \t])/;
const TOML_OPENING = /^[ \t]*(?:[\w."'-]{1,200}[ \t]*=|\[)/;
