import type { Nodes, Parents, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';

/** The text of a node, Markdown removed (image alt text and code included). */
export function plainText(node: Nodes): string {
  return toString(node, { includeImageAlt: true, includeHtml: false });
}

/** A piece of prose: one mdast text node, with a map from its value to source offsets. */
export interface TextRun {
  node: Text;
  value: string;
  /** Source offset of value[i], for every i, plus one past the end. */
  offsets: (index: number) => number;
  /** The chain of ancestors, nearest last (paragraph, emphasis, link, …). */
  ancestors: Parents[];
}

/** Node types whose text is not prose: code and raw HTML never hold findings. */
const NOT_PROSE = new Set(['inlineCode', 'code', 'html', 'yaml', 'toml', 'math', 'inlineMath']);

/**
 * Yields every text node under `root` in document order, skipping code and HTML, with
 * exact source offsets. A text node's value differs from its source where the source has
 * escapes, entities, or line prefixes (list indentation, "> "), so offsets are aligned
 * character by character when the lengths differ.
 */
export function* textRuns(root: Nodes, source: string): Generator<TextRun> {
  const stack: Array<{ node: Nodes; ancestors: Parents[] }> = [{ node: root, ancestors: [] }];
  while (stack.length > 0) {
    const { node, ancestors } = stack.pop()!;
    if (NOT_PROSE.has(node.type)) continue;
    if (node.type === 'text') {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) continue;
      yield { node, value: node.value, offsets: alignOffsets(node.value, source, start, end), ancestors };
      continue;
    }
    if ('children' in node) {
      const next = [...ancestors, node];
      for (let i = node.children.length - 1; i >= 0; i--) {
        stack.push({ node: node.children[i] as Nodes, ancestors: next });
      }
    }
  }
}

/** Maps indices in `value` to offsets in `source[start, end)`. */
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
    while (k < end && source[k] !== wanted) k++;
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
