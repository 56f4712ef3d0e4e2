import type { Nodes } from 'mdast';
import { textRuns } from './inline.js';

/**
 * The prose of one block (a paragraph, a table cell) as a single string, so that phrases
 * and quotations spanning emphasis or links read as written ("**human** error",
 * `"*human error*"`), with a map back to exact source offsets.
 */
export interface ProseBlock {
  text: string;
  /** Source offset of text[i]; text.length maps to just past the last character. */
  offset(index: number): number;
  /** [start, end) ranges of text inside quotation marks: "…", “…”, ‘…’, '…'. */
  quoted: Array<[number, number]>;
  /** [start, end) ranges of bare URLs (autolink literals are not parsed). */
  urls: Array<[number, number]>;
}

/**
 * Stands in for what textRuns skips (inline code, HTML, a link whose text is its URL): a
 * word boundary that is neither a letter nor a quotation mark.
 */
export const GAP = '\uFFFC';

const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s<>"'`\uFFFC]+/gi;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Reads the prose under a node. Linear in the length of its text. */
export function proseBlock(node: Nodes, source: string): ProseBlock {
  let text = '';
  const starts: number[] = [];
  const maps: Array<(index: number) => number> = [];
  let previousEnd = -1;
  for (const run of textRuns(node, source)) {
    const from = run.offsets(0);
    const gap = previousEnd === -1 ? null : gapBetween(source, previousEnd, from);
    if (gap !== null) {
      const gapAt = previousEnd;
      starts.push(text.length);
      maps.push(() => gapAt);
      text += gap;
    }
    if (isUrlText(run)) {
      if (!text.endsWith(GAP)) {
        const at = from;
        starts.push(text.length);
        maps.push(() => at);
        text += GAP;
      }
    } else {
      starts.push(text.length);
      maps.push(run.offsets);
      text += run.value;
    }
    previousEnd = run.offsets(run.value.length);
  }
  const end = previousEnd === -1 ? (node.position?.end.offset ?? 0) : previousEnd;
  const offset = (index: number): number => {
    if (index >= text.length) return end;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= index) low = mid;
      else high = mid - 1;
    }
    return maps[low]!(index - starts[low]!);
  };
  const urls: Array<[number, number]> = [];
  for (const match of text.matchAll(BARE_URL)) {
    const url = match[0].replace(/[.,;:!?)\]]+$/, '');
    urls.push([match.index, match.index + url.length]);
  }
  return { text, offset, quoted: quotedRanges(text), urls };
}

/**
 * What stands between two runs in the text: nothing for emphasis markers and link syntax
 * ("**human** error", `](url "title")`), a space where the source has one (a hard break), and
 * GAP for inline code, HTML and images.
 */
function gapBetween(source: string, from: number, to: number): string | null {
  if (to <= from) return null;
  let space = false;
  // Closers known to be absent from the rest of the gap, so that no search repeats.
  let noParen = false;
  let noBracket = false;
  for (let i = from; i < to; i++) {
    const char = source[i]!;
    if (char === '`' || char === '<' || (char === '!' && source[i + 1] === '[')) return GAP;
    // A link's destination and title: `](https://… "title")`, `][ref]`.
    const opener = char === ']' ? source[i + 1] : undefined;
    if ((opener === '(' && !noParen) || (opener === '[' && !noBracket)) {
      const closer = opener === '(' ? ')' : ']';
      let close = i + 2;
      while (close < to && source[close] !== closer) close++;
      if (close < to) {
        i = close;
        continue;
      }
      if (opener === '(') noParen = true;
      else noBracket = true;
    }
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r') space = true;
  }
  return space ? ' ' : null;
}

/** The text of an autolink (`<https://…>`) or of a link written as its own URL. */
function isUrlText(run: { value: string; ancestors: Array<{ type: string; url?: string }> }): boolean {
  const parent = run.ancestors.at(-1);
  if (parent?.type !== 'link') return false;
  return run.value === parent.url || /^(?:https?:\/\/|www\.|mailto:)/i.test(run.value);
}

/**
 * Ranges inside quotation marks. A straight double quote opens after a space or bracket
 * and closes before one; single quotes only quote when they do not sit inside a word
 * (so "didn't" and "engineers' laptops" quote nothing). A quotation left open at the end
 * of the block is not one (a stray `12"` must not hide the rest of the paragraph).
 */
export function quotedRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
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
        ranges.push([open[kind]!, i + 1]);
        open[kind] = -1;
        continue;
      }
    }
    if (open[kind] === -1) {
      const opens = kind === 1 ? char === '“' : kind === 3 ? char === '‘' && !wordBefore : !wordBefore && !/\s/.test(after) && after !== '';
      if (opens) open[kind] = i;
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  return ranges;
}
