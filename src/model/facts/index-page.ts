import { basename } from 'node:path';
import type { PostmortemDocument } from '../document.js';
import { lowerBound } from '../text/sorted.js';

/** The parts every postmortem has under some title; an index of postmortems has none of them. */
const POSTMORTEM_PARTS = new Set(['summary', 'impact', 'timeline', 'root-cause', 'action-items']);
/** A link with a scheme ("https:", "mailto:"), protocol-relative, or to a place on the same page. */
const NOT_RELATIVE = /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i;
/** A relative link to another Markdown document, or to a folder (one per incident). */
const DOCUMENT_PATH = /(?:\.(?:md|markdown|mdx)|\/)$/i;

/**
 * Whether a document is an index of other documents, not a postmortem: the README that
 * lists a team's postmortems, one link per list item or table row. Its list items and
 * table rows mostly (at least half, and two or more) link to other Markdown files or
 * folders by relative path, and none of its sections is a part of a postmortem.
 */
export function isIndexPage(document: PostmortemDocument): boolean {
  if (document.sections.some((section) => section.kinds.some((kind) => POSTMORTEM_PARTS.has(kind)))) return false;
  const linkStarts = document.links
    .filter((link) => link.kind === 'link' && link.url !== null && isDocumentLink(link.url))
    .map((link) => link.span.start.offset);
  if (linkStarts.length < 2) return false;
  const entries = [
    ...document.lists.flatMap((list) => list.items.map((item) => item.span)),
    ...document.tables.flatMap((table) => table.rows.map((row) => row.span)),
  ];
  // Links come in document order: the first at or after an entry's start tells whether one is inside it.
  const linking = entries.filter((span) => (linkStarts[lowerBound(linkStarts, span.start.offset, (offset) => offset)] ?? Infinity) < span.end.offset).length;
  return linking >= 2 && linking * 2 >= entries.length;
}

function isDocumentLink(url: string): boolean {
  const path = url.split(/[?#]/)[0]!;
  return path !== '' && !NOT_RELATIVE.test(url) && DOCUMENT_PATH.test(path);
}

/**
 * The names of a repository's guides: README, CONTRIBUTING, a process or guidelines page,
 * and pages named for what they explain ("how-to-write-a-postmortem.md", "severity-levels.md",
 * "on-call.md"; never a name with a digit, as postmortems are named by date or number).
 */
const GUIDE_NAME =
  /^(?:readme|contributing|code[-_]of[-_]conduct|changelog|security|support|governance|guidelines|guide|process|how[-_]?to|(?:how[-_]?to|severit(?:y|ies)|glossary|faq|checklist|writing|policy|policies|incident[-_]response|on[-_]?call|escalation|postmortem[-_](?:process|guide|guidelines|policy))(?:[-_][^\d]*)?)\.(?:md|markdown|mdx)$/i;

/**
 * Whether a document is the guide of a folder of postmortems, not a postmortem: a README or
 * CONTRIBUTING page ("We write a postmortem for every SEV-1 …") that has no part of a
 * postmortem, no timeline entry and states no incident date. A README that is an
 * incident's own write-up (a folder per incident) has them, and is checked as one.
 */
export function isGuidePage(document: PostmortemDocument): boolean {
  if (!document.path || !GUIDE_NAME.test(basename(document.path))) return false;
  if (document.sections.some((section) => section.kinds.some((kind) => POSTMORTEM_PARTS.has(kind)))) return false;
  if (document.incidentDateSources.some((source) => source.valid)) return false;
  return document.timelines.every((timeline) => timeline.entries.length === 0);
}
