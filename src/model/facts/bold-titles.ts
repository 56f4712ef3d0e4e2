import type { Heading, Paragraph, PhrasingContent, Root, Strong } from 'mdast';
import type { LineIndex } from '../parse/positions.js';
import { plainText } from '../text/inline.js';
import { blockLabel } from '../text/labels.js';
import { CORE_KINDS, type SectionKindResolver } from '../text/section-kinds.js';
import { parseTimestamp } from '../text/times.js';

/** Words a bold title may have: "What was the impact on our customers?" has seven. */
const MAX_TITLE_WORDS = 8;
/** Bold titles that name a kind of section a document needs before they are read as its structure. */
const MIN_TITLES = 2;
/** A line that states a date as a field: "**Date:** 2025/02/24", "Date: …". */
const DATE_FIELD = /^(?:\*\*|__)?(?:incident )?date(?:\*\*|__)?[ \t]*:/gim;
/** What may follow a bold title up to the end of its line, when its section's text goes on below it. */
const TITLE_LINE_END = /^[ \t]*:?[ \t]*\r?\n[ \t]*/;

/** Whether a heading is a bold paragraph read as one (see promoteBoldTitles): a title set in bold, not a heading. */
export function isBoldTitle(heading: Heading): boolean {
  return (heading.data as { boldTitle?: boolean } | undefined)?.boldTitle === true;
}

interface BoldTitle {
  index: number;
  text: string;
  kinds: string[];
  strong: Strong;
  /** The section's text when it starts on the line after the title, in the same paragraph. */
  rest: Paragraph | null;
}

/**
 * A document written with bold paragraphs for its section titles ("**Summary**",
 * "**Timeline**", "**What happened?**", alone or over the section's first line) and no
 * heading below its title, as documents pasted from an editor often are: each such title
 * becomes the second-level heading it stands for, so that every fact reads its sections as
 * it reads any other document's. Only at the top level, and only where two or more of them
 * name a kind of section: a bold lead-in among headings stays a label (the facts read labels
 * on their own).
 */
export function promoteBoldTitles(tree: Root, kinds: SectionKindResolver, lines: LineIndex): void {
  const headings = tree.children.filter((node) => node.type === 'heading');
  if (headings.length > 1 || headings.some((heading) => heading.depth !== 1)) return;
  // A collection of incidents, each with its date, has a structure bold lines cannot tell.
  if ((lines.text.match(DATE_FIELD) ?? []).length > 1) return;
  const titles: BoldTitle[] = [];
  let named = 0;
  tree.children.forEach((node, index) => {
    const title = node.type === 'paragraph' ? boldTitle(node, index, lines) : null;
    if (!title || /[.!]$/.test(title.text) || title.text.split(/\s+/).length > MAX_TITLE_WORDS) return;
    // "**14:35**": a timeline entry written as a bold line, inside its section.
    if (parseTimestamp(title.text)) return;
    // Every title bounds the section before it, as a heading of no known kind does.
    title.kinds = kinds.resolve(title.text);
    titles.push(title);
    if (title.kinds.length > 0) named++;
  });
  if (named < MIN_TITLES) return;
  for (let i = titles.length - 1; i >= 0; i--) {
    const { index, strong, rest } = titles[i]!;
    // A title right over another groups the ones below it ("**Lessons learned**" over "**What
    // went well**", "**Root cause analysis**" over "**Primary cause**"): without levels to say
    // so, it stays a label rather than an empty section. Only one part every postmortem has
    // right over another ("**Timeline**" over "**Root cause**") is a section left empty.
    const below = titles[i + 1];
    if (!rest && below?.index === index + 1 && !namesOtherPart(titles[i]!.kinds, below.kinds)) continue;
    const paragraph = tree.children[index]!;
    const end = rest ? strong.position!.end : paragraph.position!.end;
    const heading: Heading = {
      type: 'heading', depth: 2, children: strong.children, position: { start: paragraph.position!.start, end }, data: { boldTitle: true } as Heading['data'],
    };
    tree.children.splice(index, 1, ...(rest ? [heading, rest] : [heading]));
  }
}

/** Whether two titles each name a part every postmortem has, and not the same one. */
function namesOtherPart(above: string[], below: string[]): boolean {
  const core = (kinds: string[]) => kinds.filter((kind) => (CORE_KINDS as readonly string[]).includes(kind));
  const upper = core(above);
  const lower = core(below);
  return upper.length > 0 && lower.length > 0 && !lower.some((kind) => upper.includes(kind));
}

/** A paragraph that is a bold title, or opens with one on a line of its own; null otherwise. */
function boldTitle(paragraph: Paragraph, index: number, lines: LineIndex): BoldTitle | null {
  const [first, ...after] = paragraph.children;
  if (first?.type !== 'strong' || !paragraph.position || !first.position) return null;
  // A paragraph that is the title alone is a label (text/labels.ts).
  const label = blockLabel(paragraph);
  if (label) return label.emphasis === 'strong' ? { index, text: label.text, kinds: [], strong: first, rest: null } : null;
  const text = plainText(first).trim().replace(/:$/, '').trim();
  if (!text) return null;
  // "**Impact**" then, on the next line of the same paragraph, the section's text.
  const [next, ...others] = after;
  let children: PhrasingContent[];
  if (next?.type === 'break') children = others;
  else if (next?.type === 'text' && next.position && TITLE_LINE_END.test(next.value)) {
    const value = next.value.replace(TITLE_LINE_END, '');
    const skipped = lines.text.slice(next.position.start.offset!).match(TITLE_LINE_END)![0].length;
    const start = lines.point(next.position.start.offset! + skipped);
    children = value ? [{ type: 'text', value, position: { start, end: next.position.end } }, ...others] : others;
  } else return null;
  const head = children[0];
  if (!head?.position) return null;
  return { index, text, kinds: [], strong: first, rest: { type: 'paragraph', children, position: { start: head.position.start, end: paragraph.position.end } } };
}
