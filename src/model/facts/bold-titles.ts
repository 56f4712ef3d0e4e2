import type { Heading, Root, Strong } from 'mdast';
import { blockLabel } from '../text/labels.js';
import type { SectionKindResolver } from '../text/section-kinds.js';
import { parseTimestamp } from '../text/times.js';

/** Words a bold title may have: "What was the impact on customers?" has seven. */
const MAX_TITLE_WORDS = 8;
/** Bold titles that name a kind of section a document needs before they are read as its structure. */
const MIN_TITLES = 2;
/** A line that states a date as a field: "**Date:** 2025/02/24", "Date: …". */
const DATE_FIELD = /^(?:\*\*|__)?(?:incident )?date(?:\*\*|__)?[ \t]*:/gim;

/**
 * A document written with bold paragraphs for its section titles ("**Summary**",
 * "**Timeline**", "**What happened?**") and no heading below its title, as documents pasted
 * from an editor often are: each such paragraph becomes the second-level heading it stands
 * for, so that every fact reads its sections as it reads any other document's. Only at the
 * top level, and only where two or more of them name a kind of section: a bold lead-in among
 * headings stays a label (the facts read labels on their own).
 */
/** Whether a heading is a bold paragraph read as one (see promoteBoldTitles): a title set in bold, not a heading. */
export function isBoldTitle(heading: Heading): boolean {
  return (heading.data as { boldTitle?: boolean } | undefined)?.boldTitle === true;
}

export function promoteBoldTitles(tree: Root, kinds: SectionKindResolver, text: string): void {
  const headings = tree.children.filter((node) => node.type === 'heading');
  if (headings.length > 1 || headings.some((heading) => heading.depth !== 1)) return;
  // A collection of incidents, each with its date, has a structure bold lines cannot tell.
  if ((text.match(DATE_FIELD) ?? []).length > 1) return;
  const titles: number[] = [];
  let named = 0;
  tree.children.forEach((node, index) => {
    if (node.type !== 'paragraph' || !node.position) return;
    const label = blockLabel(node);
    if (!label || label.emphasis !== 'strong' || /[.!]$/.test(label.text) || label.text.split(/\s+/).length > MAX_TITLE_WORDS) return;
    // "**14:35**": a timeline entry written as a bold line, inside its section.
    if (parseTimestamp(label.text)) return;
    // Every title bounds the section before it, as a heading of no known kind does.
    titles.push(index);
    if (kinds.resolve(label.text).length > 0) named++;
  });
  if (named < MIN_TITLES) return;
  for (const [i, index] of titles.entries()) {
    // A title right over another groups the ones below it ("**Lessons learned**" over "**What
    // went well**"): without levels to say so, it stays a label rather than an empty section.
    if (titles[i + 1] === index + 1) continue;
    const paragraph = tree.children[index]!;
    const strong = (paragraph as { children: Strong[] }).children[0]!;
    const heading: Heading = { type: 'heading', depth: 2, children: strong.children, position: paragraph.position, data: { boldTitle: true } as Heading['data'] };
    tree.children[index] = heading;
  }
}
