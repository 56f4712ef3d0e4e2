import type { Root } from 'mdast';
import { processorFor, shiftPositions } from './parse.js';

/**
 * A container tag alone on its line, Markdown on the lines after it: what Notion writes for
 * a callout ("<aside>" / "💡 **TL;DR** — …"), and editors for a styled box. CommonMark keeps
 * the block up to the next blank line as raw HTML, so its text would be no paragraph at all;
 * a reader reads it as one.
 */
const WRAPPER_OPENING = /^<(?:aside|div|section|article|center|figure|main)(?:\s[^<>]*)?>[ \t]*(?:\r\n|\r|\n)(?=[ \t]*[^\s<])/i;

/**
 * Reads the Markdown inside top-level HTML blocks that open with a container tag alone on
 * its line: the tag stays an HTML node, the lines after it become the nodes they are, at
 * their places in the document. (Only the block's own text is parsed again: the block was
 * raw HTML to the first parse.)
 */
export function readWrappedMarkdown(tree: Root): void {
  for (let index = tree.children.length - 1; index >= 0; index--) {
    const node = tree.children[index]!;
    if (node.type !== 'html' || node.position?.start.column !== 1) continue;
    const opening = WRAPPER_OPENING.exec(node.value);
    if (!opening) continue;
    const inner = node.value.slice(opening[0].length);
    const start = node.position.start;
    const innerStart = { line: start.line + 1, column: 1, offset: start.offset! + opening[0].length };
    const nodes = processorFor(inner, false).parse(inner).children;
    for (const child of nodes) shiftPositions(child, innerStart.offset, innerStart.line - 1);
    const tag = opening[0].trimEnd();
    node.value = tag;
    node.position = { start, end: { line: start.line, column: start.column + tag.length, offset: start.offset! + tag.length } };
    tree.children.splice(index + 1, 0, ...nodes);
  }
}
