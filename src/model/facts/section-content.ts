import type { Paragraph, RootContent } from 'mdast';
import type { PostmortemDocument } from '../document.js';
import type { Section } from './types.js';
import { isHtmlComment } from '../text/html-comments.js';

/**
 * What stands under a section's heading, before the next heading: something written, a
 * template's prompts and nothing else ("_What caused this situation?_"), or nothing
 * (blank lines, HTML comments, thematic breaks, a table of only its header, a list of bare
 * markers and the "_No response_" of a GitHub issue form's blank field are not content).
 */
export type SectionContent = { kind: 'written' } | { kind: 'empty' } | { kind: 'prompts'; prompts: string[] };

export function sectionContent(document: PostmortemDocument, section: Section): SectionContent {
  const prompts: string[] = [];
  for (const node of section.content) {
    if (!isContent(node)) continue;
    if (node.type === 'paragraph' && document.placeholders.promptParagraphs.has(node)) {
      prompts.push(document.textOf(node as Paragraph).text.trim());
      continue;
    }
    return { kind: 'written' };
  }
  return prompts.length > 0 ? { kind: 'prompts', prompts } : { kind: 'empty' };
}

function isContent(node: RootContent): boolean {
  if (node.type === 'thematicBreak') return false;
  if (node.type === 'html') return !isHtmlComment(node.value);
  if (node.type === 'paragraph') return node.children.length > 0 && !isNoResponse(node);
  // A table of only its header ("| Action | Owner |" and its delimiter row), a list of bare
  // markers ("-", "1."): a template's frame with nothing written in it.
  if (node.type === 'table') return node.children.length > 1;
  if (node.type === 'list') return node.children.some((item) => item.children.some(isContent));
  return true;
}

/** "_No response_": what GitHub issue forms write for a field left blank. */
function isNoResponse(node: Paragraph): boolean {
  const [only] = node.children;
  if (node.children.length !== 1 || only?.type !== 'emphasis' || only.children.length !== 1) return false;
  const [text] = only.children;
  return text?.type === 'text' && text.value.trim() === 'No response';
}
