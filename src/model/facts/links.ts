import type { Nodes } from 'mdast';
import type { PostmortemDocument } from '../document.js';
import type { Span } from '../parse/positions.js';

/**
 * Every link, image and link reference definition of a document, with its destination
 * and the span of the whole construct (`[text](url)`, `![alt](src)`, `[id]: url`), in
 * document order. A reference (`[text][id]`) carries its identifier; its URL is the
 * definition's.
 */
export interface LinkFact {
  kind: 'link' | 'image' | 'definition' | 'linkReference' | 'imageReference';
  /** The destination as written, or null for a reference. */
  url: string | null;
  /** The identifier of a reference or a definition, lower-cased. */
  identifier: string | null;
  span: Span;
}

const KINDS = new Set<string>(['link', 'image', 'definition', 'linkReference', 'imageReference']);
/** Where no link can be: code and raw HTML. */
const OPAQUE = new Set<string>(['code', 'inlineCode', 'html', 'yaml', 'toml', 'math', 'inlineMath']);

/** One walk of the tree, without recursion (see PostmortemDocument.links). */
export function collectLinks(document: PostmortemDocument): LinkFact[] {
  const found: LinkFact[] = [];
  const stack: Nodes[] = [document.tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (OPAQUE.has(node.type)) continue;
    if (KINDS.has(node.type) && node.position) {
      const url = 'url' in node ? node.url : null;
      const identifier = 'identifier' in node ? node.identifier.toLowerCase() : null;
      found.push({ kind: node.type as LinkFact['kind'], url, identifier, span: document.span(node) });
    }
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
  }
  return found;
}
