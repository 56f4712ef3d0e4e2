import type { Nodes } from 'mdast';
import { alignOffsets } from './inline.js';

/**
 * The text of an inline container (paragraph, heading, table cell) with Markdown removed
 * and inline code kept (timelines write times as `07:35`), and the source offset of every
 * character, so that a position found in the text maps back to the exact source.
 */
export interface FlatText {
  text: string;
  /** Source offset of text[i], for 0 ≤ i ≤ text.length (the last is one past the end). */
  offsets: number[];
}

/** Node types whose text is not read: raw HTML, footnote references, images. */
const SKIPPED = new Set(['html', 'footnoteReference', 'image', 'imageReference']);

export function flattenInline(root: Nodes, source: string): FlatText {
  let text = '';
  const offsets: number[] = [];
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (SKIPPED.has(node.type)) continue;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (node.type === 'text' || node.type === 'inlineCode') {
      if (start === undefined || end === undefined) continue;
      const map = alignOffsets(node.value, source, start, end);
      for (let i = 0; i < node.value.length; i++) offsets.push(map(i));
      text += node.value;
      continue;
    }
    if (node.type === 'break') {
      offsets.push(start ?? offsets.at(-1) ?? 0);
      text += '\n';
      continue;
    }
    if ('children' in node) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
    }
  }
  offsets.push(offsets.length > 0 ? offsets.at(-1)! + 1 : (root.position?.start.offset ?? 0));
  return { text, offsets };
}

/** A part of a flat text (a line, a trimmed value), keeping its offsets. */
export function sliceFlat(flat: FlatText, start: number, end: number): FlatText {
  return { text: flat.text.slice(start, end), offsets: [...flat.offsets.slice(start, end), end > start ? flat.offsets[end - 1]! + 1 : flat.offsets[start]!] };
}

/** The lines of a flat text (soft and hard breaks), each with its offsets. */
export function flatLines(flat: FlatText): FlatText[] {
  const lines: FlatText[] = [];
  let from = 0;
  for (let i = 0; i <= flat.text.length; i++) {
    if (i === flat.text.length || flat.text[i] === '\n') {
      lines.push(sliceFlat(flat, from, i));
      from = i + 1;
    }
  }
  return lines;
}

/** Joins flat texts with a separator (a space between two table cells). */
export function joinFlat(parts: FlatText[], separator = ' '): FlatText {
  let text = '';
  const offsets: number[] = [];
  parts.forEach((part, index) => {
    if (index > 0) {
      text += separator;
      for (let i = 0; i < separator.length; i++) offsets.push(part.offsets[0] ?? offsets.at(-1) ?? 0);
    }
    text += part.text;
    offsets.push(...part.offsets.slice(0, part.text.length));
  });
  offsets.push(parts.length > 0 ? parts.at(-1)!.offsets.at(-1)! : 0);
  return { text, offsets };
}
