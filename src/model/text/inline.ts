import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';

const LINE_BREAK_TAG = /^<br\s*\/?>$/i;

/**
 * The text of a node, Markdown removed (image alt text and code included). A `<br>` is a
 * space: in a table cell it breaks a line ("P2<br>(was P3)"), and the words on either side
 * are not one.
 */
export function plainText(node: Nodes): string {
  const text = hasLineBreakTag(node) ? textWithBreaks(node) : toString(node, { includeImageAlt: true, includeHtml: false });
  // A no-break or thin space is a space ("9:54\u202fPM", "Mar\u00a04"), as in a block's text view.
  return SPECIAL_SPACE.test(text) ? text.replace(SPECIAL_SPACES, ' ') : text;
}

/** No-break, figure, thin and narrow no-break spaces: read as a space. */
export const SPECIAL_SPACE = /[\u00a0\u2007\u2009\u202f]/;
export const SPECIAL_SPACES = /[\u00a0\u2007\u2009\u202f]/g;

/** plainText once a `<br>` is known to be inside: one walk, tags as spaces, other HTML left out. */
function textWithBreaks(node: Nodes): string {
  if (node.type === 'html') return LINE_BREAK_TAG.test(node.value.trim()) ? ' ' : '';
  if ('children' in node) return (node.children as Nodes[]).map(textWithBreaks).join('');
  return toString(node, { includeImageAlt: true, includeHtml: false });
}

function hasLineBreakTag(node: Nodes): boolean {
  if (node.type === 'html') return LINE_BREAK_TAG.test(node.value.trim());
  return 'children' in node && (node.children as Nodes[]).some(hasLineBreakTag);
}

/** Maps indices in `value` to offsets in `source[start, end)`. */
const WIDE_SPACES = '\u00a0\u2007\u2009\u202f';

export function alignOffsets(
  value: string,
  source: string,
  start: number,
  end: number,
): (index: number) => number {
  if (end - start === value.length && source.startsWith(value, start)) return (i) => start + i;
  const map = new Array<number>(value.length + 1);
  let j = start;
  for (let i = 0; i < value.length; i++) {
    const wanted = value[i];
    let k = j;
    // A view reads a no-break or thin space as " " (text-view.ts).
    while (k < end && source[k] !== wanted && !(wanted === ' ' && WIDE_SPACES.includes(source[k]!))) k++;
    if (k < end) {
      map[i] = k;
      j = k + 1;
    } else {
      map[i] = Math.min(j, end);
    }
  }
  map[value.length] = value.length > 0 ? Math.min(map[value.length - 1]! + 1, end) : start;
  return (i) => map[Math.max(0, Math.min(i, value.length))]!;
}

/**
 * Removes inline Markdown from a raw source snippet: links keep their text, paired
 * emphasis and code markers around text go, escapes are resolved. Blanks such as
 * "__________" stay as written.
 */
export function inlineSourceToText(raw: string): string {
  return raw
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|~~)(?=[^\s*_~])([^*_~\n]*?[^\s*_~])\1/g, '$2')
    .replace(/(`+)([^`]+)\1/g, '$2')
    .replace(/(^|[\s(])([*_])(?=[^\s*_])([^*_\n]*?[^\s*_])\2(?=[\s).,;:!?]|$)/g, '$1$3')
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1')
    .trim();
}
