import type { Nodes } from 'mdast';
import { alignOffsets, SPECIAL_SPACE, SPECIAL_SPACES } from './inline.js';

/**
 * The one text view of a block (a paragraph, a heading, a table cell): its text with the
 * Markdown removed, the exact source offset of every character, and where the text is
 * code, a link, strong or emphasised, struck through, quoted, or a bare URL. Every part of the model that
 * reads a block's words reads them through this view, so that an offset found in the
 * text always maps back to the source the same way.
 *
 * The text holds text and inline code as written, a hard break as "\n", and GAP where the
 * source has something that is not text (raw HTML, an image, a footnote reference). A
 * reader that must not see some of it (code is neither an owner nor a blamed person)
 * masks it: `masked()` keeps every index, so offsets stay exact.
 */
export interface TextRange {
  start: number;
  end: number;
}

export interface LinkRange extends TextRange {
  /** The destination (a reference link's identifier, lower-cased, when it has no URL here). */
  url: string | null;
  reference: string | null;
  /** The link's text is its own address (an autolink, `[https://x](https://x)`). */
  bare: boolean;
}

/** Stands for what is not text: a word and sentence boundary that is neither a letter nor a quotation mark. */
export const GAP = '\uFFFC';

/** What `masked()` can hide. */
export type Masked = 'code' | 'links' | 'bareLinks' | 'gaps' | 'quoted' | 'urls' | 'deleted';

const SKIPPED = new Set(['html', 'footnoteReference', 'image', 'imageReference']);
const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s<>"'`\uFFFC]+/gi;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Maps text indices to source offsets, piece by piece (one piece per text node). */
interface Piece {
  at: number;
  map: (index: number) => number;
}

export class TextView {
  private quotedRanges: TextRange[] | null = null;
  private urlRanges: TextRange[] | null = null;
  private lineViews: TextView[] | null = null;

  constructor(
    readonly text: string,
    private readonly pieces: readonly Piece[],
    /** Source offset just past the last character. */
    readonly end: number,
    readonly code: readonly TextRange[] = [],
    readonly links: readonly LinkRange[] = [],
    readonly strong: readonly TextRange[] = [],
    readonly emphasis: readonly TextRange[] = [],
    readonly gaps: readonly TextRange[] = [],
    /** Struck-through text (`~~2026-03-20~~ 2026-03-31`): what the writer has taken back. */
    readonly deleted: readonly TextRange[] = [],
  ) {}

  /** Source offset of text[index]; text.length maps to just past the last character. */
  offset(index: number): number {
    if (index >= this.text.length) return this.end;
    const pieces = this.pieces;
    let low = 0;
    let high = pieces.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (pieces[mid]!.at <= index) low = mid;
      else high = mid - 1;
    }
    const piece = pieces[low];
    return piece ? piece.map(index - piece.at) : this.end;
  }

  /** The index of the first character at or after a source offset (text.length when there is none). */
  indexAt(offset: number): number {
    let low = 0;
    let high = this.text.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.offset(mid) < offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Source offsets [start, end) of text[start, end). */
  sourceRange(start: number, end: number): TextRange {
    const from = this.offset(start);
    return { start: from, end: end > start ? this.offset(end - 1) + 1 : from };
  }

  /** Ranges inside quotation marks ("…", “…”, ‘…’, '…'), code, links written as their URL and gaps aside. */
  get quoted(): readonly TextRange[] {
    return (this.quotedRanges ??= quotedRanges(this.masked(['code', 'bareLinks', 'gaps'])));
  }

  /** Bare URLs in the text (the parser does not autolink them). */
  get urls(): readonly TextRange[] {
    if (!this.urlRanges) {
      const masked = this.masked(['code', 'bareLinks', 'gaps']);
      this.urlRanges = [...masked.matchAll(BARE_URL)].map((match) => {
        const url = match[0].replace(/[.,;:!?)\]]+$/, '');
        return { start: match.index, end: match.index + url.length };
      });
    }
    return this.urlRanges;
  }

  /** Whether text[index] lies in one of the ranges. */
  static within(ranges: readonly TextRange[], index: number): boolean {
    return ranges.some((range) => index >= range.start && index < range.end);
  }

  /** The text with some kinds of content replaced, character for character, by `by` (same length: indices stay valid). */
  masked(kinds: readonly Masked[], by = GAP): string {
    const ranges: TextRange[] = [];
    for (const kind of kinds) {
      switch (kind) {
        case 'code':
          ranges.push(...this.code);
          break;
        case 'links':
          ranges.push(...this.links);
          break;
        case 'bareLinks':
          ranges.push(...this.links.filter((link) => link.bare));
          break;
        case 'gaps':
          ranges.push(...this.gaps);
          break;
        case 'quoted':
          ranges.push(...this.quoted);
          break;
        case 'urls':
          ranges.push(...this.urls);
          break;
        case 'deleted':
          ranges.push(...this.deleted);
          break;
      }
    }
    if (ranges.length === 0) return this.text;
    // Ranges may overlap (a link inside emphasis): merge them, then copy the text between.
    ranges.sort((x, y) => x.start - y.start);
    let result = '';
    let at = 0;
    for (const { start, end } of ranges) {
      const from = Math.max(start, at);
      if (end <= from) continue;
      result += this.text.slice(at, from);
      // Line breaks stay: lines keep their places.
      for (let i = from; i < end; i++) result += this.text[i] === '\n' ? '\n' : by;
      at = end;
    }
    return result + this.text.slice(at);
  }

  /** A part of the view, with its offsets and the ranges that fall in it. */
  slice(start: number, end: number): TextView {
    const clip = <T extends TextRange>(ranges: readonly T[]): T[] =>
      ranges
        .filter((range) => range.end > start && range.start < end)
        .map((range) => ({ ...range, start: Math.max(range.start, start) - start, end: Math.min(range.end, end) - start }));
    const pieces: Piece[] = [{ at: 0, map: (index) => this.offset(start + index) }];
    const last = end > start ? this.offset(end - 1) + 1 : this.offset(start);
    return new TextView(this.text.slice(start, end), pieces, last, clip(this.code), clip(this.links), clip(this.strong), clip(this.emphasis), clip(this.gaps), clip(this.deleted));
  }

  /** The lines of the view (soft and hard breaks). */
  lines(): readonly TextView[] {
    if (!this.lineViews) {
      const lines: TextView[] = [];
      let from = 0;
      for (let i = 0; i <= this.text.length; i++) {
        if (i === this.text.length || this.text[i] === '\n') {
          lines.push(from === 0 && i === this.text.length ? this : this.slice(from, i));
          from = i + 1;
        }
      }
      this.lineViews = lines;
    }
    return this.lineViews;
  }

  /** Views joined by a separator (the time cells of a timeline row). */
  static join(views: readonly TextView[], separator = ' '): TextView {
    let text = '';
    const pieces: Piece[] = [];
    const shift = <T extends TextRange>(ranges: readonly T[], by: number): T[] => ranges.map((range) => ({ ...range, start: range.start + by, end: range.end + by }));
    const code: TextRange[] = [];
    const links: LinkRange[] = [];
    const strong: TextRange[] = [];
    const emphasis: TextRange[] = [];
    const gaps: TextRange[] = [];
    const deleted: TextRange[] = [];
    views.forEach((view, index) => {
      if (index > 0) {
        const at = view.offset(0);
        pieces.push({ at: text.length, map: () => at });
        text += separator;
      }
      const base = text.length;
      pieces.push({ at: base, map: (i) => view.offset(i) });
      code.push(...shift(view.code, base));
      links.push(...shift(view.links, base));
      strong.push(...shift(view.strong, base));
      emphasis.push(...shift(view.emphasis, base));
      gaps.push(...shift(view.gaps, base));
      deleted.push(...shift(view.deleted, base));
      text += view.text;
    });
    return new TextView(text, pieces, views.at(-1)?.end ?? 0, code, links, strong, emphasis, gaps, deleted);
  }
}

/**
 * Reads the inline content of a block node into a view. Iterative: inline nesting can be
 * deep in hostile documents.
 */
export function buildTextView(root: Nodes, source: string): TextView {
  let text = '';
  const pieces: Piece[] = [];
  const code: TextRange[] = [];
  const links: LinkRange[] = [];
  const strong: TextRange[] = [];
  const emphasis: TextRange[] = [];
  const gaps: TextRange[] = [];
  const deleted: TextRange[] = [];
  let lastEnd = root.position?.start.offset ?? 0;
  type Frame = { node: Nodes; close?: () => void };
  const stack: Frame[] = [{ node: root }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (frame.close) {
      frame.close();
      continue;
    }
    const { node } = frame;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (SKIPPED.has(node.type)) {
      if (start === undefined || end === undefined) continue;
      pieces.push({ at: text.length, map: () => start });
      gaps.push({ start: text.length, end: text.length + 1 });
      text += GAP;
      lastEnd = end;
      continue;
    }
    if (node.type === 'text' || node.type === 'inlineCode') {
      if (start === undefined || end === undefined || node.value === '') continue;
      // A line ending inside a text is "\n" in every view, whatever the file's ("\r\n" from Windows editors), and a
      // space is " " whatever its width: "9:54\u202fPM" as ICU and macOS write a time, "Mar\u00a04" as word processors do.
      let value = node.value.includes('\r\n') ? node.value.replaceAll('\r\n', '\n') : node.value;
      if (SPECIAL_SPACE.test(value)) value = value.replace(SPECIAL_SPACES, ' ');
      pieces.push({ at: text.length, map: alignOffsets(value, source, start, end) });
      if (node.type === 'inlineCode') code.push({ start: text.length, end: text.length + value.length });
      text += value;
      lastEnd = end;
      continue;
    }
    if (node.type === 'break') {
      const at = start ?? lastEnd;
      pieces.push({ at: text.length, map: () => at });
      text += '\n';
      if (end !== undefined) lastEnd = end;
      continue;
    }
    if (!('children' in node)) continue;
    const from = text.length;
    if (node !== root && (node.type === 'link' || node.type === 'linkReference' || node.type === 'strong' || node.type === 'emphasis' || node.type === 'delete')) {
      stack.push({
        node,
        close: () => {
          const range = { start: from, end: text.length };
          if (range.end <= range.start) return;
          if (node.type === 'strong') strong.push(range);
          else if (node.type === 'emphasis') emphasis.push(range);
          else if (node.type === 'delete') deleted.push(range);
          else {
            const url = node.type === 'link' ? node.url : null;
            const value = text.slice(range.start, range.end);
            const bare = url !== null && (value === url || /^(?:https?:\/\/|www\.|mailto:)/i.test(value));
            links.push({ ...range, url, reference: node.type === 'linkReference' ? node.identifier.toLowerCase() : null, bare });
          }
        },
      });
    }
    const children = node.children as Nodes[];
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]! });
  }
  const byStart = (a: TextRange, b: TextRange) => a.start - b.start;
  return new TextView(text, pieces, text.length > 0 ? lastEnd : (root.position?.start.offset ?? 0), code, links.sort(byStart), strong.sort(byStart), emphasis.sort(byStart), gaps, deleted.sort(byStart));
}

/**
 * Ranges inside quotation marks. A straight double quote opens after a space or bracket
 * and closes before one; single quotes only quote when they do not sit inside a word
 * (so "didn't" and "engineers' laptops" quote nothing). A quotation left open at the end
 * of the block is not one (a stray `12"` must not hide the rest of the paragraph).
 */
export function quotedRanges(text: string): TextRange[] {
  const ranges: TextRange[] = [];
  // Open positions per kind of quote: straight double, curly double, straight single, curly single.
  const open = [-1, -1, -1, -1];
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    const kind = char === '"' ? 0 : char === '“' || char === '”' ? 1 : char === "'" ? 2 : char === '‘' || char === '’' ? 3 : -1;
    if (kind === -1) continue;
    const before = i > 0 ? text[i - 1]! : ' ';
    const after = i + 1 < text.length ? text[i + 1]! : ' ';
    const wordBefore = LETTER_OR_DIGIT.test(before);
    const wordAfter = LETTER_OR_DIGIT.test(after);
    if (open[kind] !== -1) {
      const closes = kind === 1 ? char === '”' : kind === 0 ? !/\s/.test(before) : !wordAfter && !/\s/.test(before);
      if (closes) {
        ranges.push({ start: open[kind]!, end: i + 1 });
        open[kind] = -1;
        continue;
      }
    }
    if (open[kind] === -1) {
      const opens = kind === 1 ? char === '“' : kind === 3 ? char === '‘' && !wordBefore : !wordBefore && !/\s/.test(after) && after !== '';
      if (opens) open[kind] = i;
    }
  }
  ranges.sort((a, b) => a.start - b.start);
  return ranges;
}
