import type { Nodes } from 'mdast';
import type { PostmortemDocument } from '../document.js';
import type { Span } from '../parse/positions.js';
import { continuesWrappedSentence, opensWithClockTime, updateStamps } from '../text/entry-stamps.js';
import { excerpt } from '../text/normalize.js';
import { findStatements, mayStateSomething, type StatementKind } from '../text/statements.js';
import { CORE_KINDS } from '../text/section-kinds.js';
import { calloutMark } from '../text/callouts.js';
import { parseTimestamp } from '../text/times.js';
import type { ListModel, ParagraphModel } from './types.js';
import { isBoldTitle } from './bold-titles.js';

/**
 * Where a document covers each part a postmortem has, in every form teams write it: a
 * heading, a paragraph of bold text, a label ("- **Impact**: 20% of checkouts failed"), a
 * plain line left from a heading that lost its `#`, and, without any title, a lead
 * paragraph (the summary), timestamped entries (the timeline), a list announced as what
 * will change (the action items), or a sentence that states the cause or the impact.
 * Rules that require parts (required-sections) read this instead of looking for headings.
 */

/** How a place titles a part. */
export type TitleForm = 'heading' | 'bold-heading' | 'label' | 'plain-heading' | 'outline-item' | 'callout';

export interface TitledPlace {
  /** The title as written (a label's key), Markdown removed. */
  title: string;
  /** The kinds it names: exactly, or (for headings and bold headings) by a telling word. */
  kinds: string[];
  form: TitleForm;
  /** Whether it reads as a title (a label with a value on its line does not). */
  titleLike: boolean;
  span: Span;
  node: Nodes;
}

/** A part covered without a title. */
export type ImplicitForm = 'lead-paragraph' | 'timestamped-entries' | 'announced-list';

export interface ImplicitCover {
  kind: 'summary' | 'timeline' | 'action-items';
  form: ImplicitForm;
  span: Span;
}

export interface Statement {
  kind: StatementKind;
  /** The sentence as written (spaces collapsed, at most 160 characters). */
  text: string;
  span: Span;
}

/**
 * A narrative (a status update, a news or blog post) states its parts in prose: fewer
 * than two of the usual parts have a title of any form, and there is prose to read. Any
 * other document is "sectioned": its parts are expected under titles.
 */
export type Genre = 'sectioned' | 'narrative';

export interface Coverage {
  /** Every place that titles a part, in document order (the document's own title excluded). */
  readonly titled: TitledPlace[];
  readonly implicit: ImplicitCover[];
  /** Sentences that state the cause or the impact, or say the cause is unknown (one of each kind per paragraph). */
  readonly statements: Statement[];
  readonly genre: Genre;
}

/** The parts whose titles tell a sectioned postmortem from a narrative. */
export { CORE_KINDS };
/** Lines that open with a time that make a timeline without a title. */
const MIN_ENTRIES = 2;
/** Words a lead paragraph needs to summarise anything. */
const MIN_LEAD_WORDS = 6;
/** Words of prose a narrative needs: a document of a few headings and nothing else is not one. */
const MIN_NARRATIVE_WORDS = 25;
/** Words of a line inside a paragraph that can still be a title that lost its `#`. */
const MAX_TITLE_LINE_WORDS = 6;
/** Items a numbered list needs to be an outline whose items are the parts. */
const MIN_OUTLINE_ITEMS = 3;

/**
 * "Going forward, we will do the following to avoid similar issues:" announces action
 * items; "the on-call engineer took the following steps:" does not. Both a commitment and
 * a word of change are needed, in the announcing sentence.
 */
const COMMITMENT =
  /\b(?:going forward|moving forward|in the future|from now on|next steps|we will|we['’]ll|we are (?:going|planning) to|we plan to|we are (?:implementing|taking|making|adding))\b|\b(?:werden wir|künftig|zukünftig|nous allons|à l['’]avenir|vamos a|en el futuro|no futuro|vamos)\b/i;
const CHANGE =
  /\b(?:prevent[a-z]{0,6}|avoid[a-z]{0,4}|recurr[a-z]{0,6}|improve[a-z]{0,6}|changes?|changed|fix(?:es)?|follow[- ]?ups?|actions?|measures?|steps|mitigat[a-z]{0,6}|similar (?:issues|incidents|problems)|again)\b|\b(?:maßnahmen|änderungen|verbesserungen|mesures|changements|améliorations|medidas|cambios|mejoras|mudanças|melhorias)\b/i;

/**
 * The titled places and the genre at once; the parts covered without a title and the
 * statements on first use: they are read only when a part has no title (in a postmortem
 * with all its sections, never).
 */
export function findCoverage(document: PostmortemDocument): Coverage {
  const titled = titledPlaces(document);
  const named = new Set<string>();
  for (const place of titled) if (place.titleLike) for (const kind of place.kinds) named.add(kind);
  const titledParts = CORE_KINDS.filter((kind) => named.has(kind)).length;
  const genre: Genre = titledParts < 2 && proseWords(document) >= MIN_NARRATIVE_WORDS ? 'narrative' : 'sectioned';
  let implicit: ImplicitCover[] | undefined;
  let stated: Statement[] | undefined;
  return {
    titled,
    genre,
    get implicit() {
      return (implicit ??= implicitCovers(document));
    },
    get statements() {
      return (stated ??= statements(document));
    },
  };
}

function implicitCovers(document: PostmortemDocument): ImplicitCover[] {
  const implicit: ImplicitCover[] = [];
  const lead = leadParagraph(document);
  if (lead) implicit.push({ kind: 'summary', form: 'lead-paragraph', span: lead.span });
  const entries = timestampedEntries(document);
  if (entries) implicit.push({ kind: 'timeline', form: 'timestamped-entries', span: entries });
  for (const list of document.lists) {
    if (announcesActions(list)) implicit.push({ kind: 'action-items', form: 'announced-list', span: list.leadIn!.span });
  }
  return implicit;
}

/** Words in the paragraphs of the document that are prose (not labels, not quotations of others). */
function proseWords(document: PostmortemDocument): number {
  let words = 0;
  for (const paragraph of document.paragraphs) {
    if (paragraph.quoted || paragraph.label) continue;
    words += paragraph.text.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length;
    if (words >= MIN_NARRATIVE_WORDS) break;
  }
  return words;
}

function titledPlaces(document: PostmortemDocument): TitledPlace[] {
  const resolver = document.sectionKinds;
  const places: TitledPlace[] = [];
  const exactly = (title: string) => resolver.resolveExactly(title);
  const byMeaning = (title: string) => {
    const kinds = resolver.resolve(title);
    if (kinds.length > 0) return kinds;
    const kind = resolver.resolveByKeyword(title);
    return kind ? [kind] : [];
  };
  for (const section of document.sections) {
    if (document.title?.heading === section.heading) continue;
    const kinds = [...new Set([...section.kinds, ...section.titleKinds, ...(section.kinds.length === 0 ? byMeaning(section.title) : [])])];
    // A bold title read as a heading is still set in bold: accepted as such (accept.boldHeadings).
    places.push({ title: section.title, kinds, form: isBoldTitle(section.heading) ? 'bold-heading' : 'heading', titleLike: true, span: section.span, node: section.heading });
  }
  for (const paragraph of document.paragraphs) {
    const label = paragraph.label;
    if (label?.emphasis) {
      if (label.text.split(/\s+/).length > 10 || /[.!]$/.test(label.text)) continue;
      places.push({ title: label.text, kinds: byMeaning(label.text), form: 'bold-heading', titleLike: true, span: paragraph.span, node: paragraph.node });
    } else if (label && !paragraph.quoted && paragraph.listItem === null && isFollowed(document, paragraph)) {
      places.push({ title: label.text, kinds: resolver.resolve(label.text), form: 'plain-heading', titleLike: true, span: paragraph.span, node: paragraph.node });
    } else if (!paragraph.quoted && paragraph.listItem === null) {
      places.push(...titleLines(document, paragraph));
    }
  }
  // "**Looking forward:**" is a bold heading; the field reader sees an empty field there too.
  const labelLines = new Set(places.map((place) => place.span.start.line));
  for (const field of document.fields) {
    if (field.source === 'front-matter') {
      // "action_items:" over a list, "summary: …": a part kept in the front matter, as generated reports keep it.
      const kinds = exactly(field.label);
      if (kinds.length > 0 && holdsSomething(field.data)) places.push({ title: field.label, kinds, form: 'label', titleLike: true, span: field.keySpan, node: document.tree });
      continue;
    }
    if (field.value === '' && labelLines.has(field.span.start.line)) continue;
    const kinds = exactly(field.label);
    // A label of no known kind is still a titled place ("**Customer communication:** …", for a
    // section a configuration names), unless it is a metadata field ("**Date:** …").
    if (kinds.length === 0 && (field.source !== 'line' || document.metadataKeys.isKnown(field.label))) continue;
    places.push({ title: field.label, kinds, form: 'label', titleLike: field.value === '', span: field.keySpan, node: document.tree });
  }
  places.push(...outlineItems(document, new Set(places.map((place) => place.span.start.line))));
  places.push(...calloutTitles(document, byMeaning));
  return places.sort((a, b) => a.span.start.offset - b.span.start.offset);
}

/** Whether a front-matter value says something: a text with a word, or a list or map with such a value. */
function holdsSomething(data: unknown, depth = 0): boolean {
  if (typeof data === 'string') return /[\p{L}\p{N}]/u.test(data);
  if (depth > 3 || data === null || typeof data !== 'object') return false;
  return Object.values(data).some((value) => holdsSomething(value, depth + 1));
}

/**
 * The items of a numbered outline whose items are the parts ("1. Summary", indented text
 * under it, "2. Impact", …): a top-level ordered list of at least three items, each opening
 * with a short title line (no sentence punctuation, no `Key: value`) and holding more than it.
 */
function outlineItems(document: PostmortemDocument, taken: ReadonlySet<number>): TitledPlace[] {
  const places: TitledPlace[] = [];
  for (const list of document.lists) {
    if (!list.ordered || list.depth > 0 || list.items.length < MIN_OUTLINE_ITEMS) continue;
    const titles: Array<{ title: string; span: Span; node: Nodes }> = [];
    for (const item of list.items) {
      if (!item.paragraph) break;
      const lines = document.textOf(item.paragraph).lines();
      const first = lines[0];
      const text = first?.text.trim() ?? '';
      const more = lines.length > 1 || item.node.children.length > 1;
      if (!first || !more || !text || text.split(/\s+/).length > MAX_TITLE_LINE_WORDS || /[.!?,;…]$/.test(text) || /:\s+\S/.test(text)) break;
      if (!/^[\p{Lu}\p{Lo}\p{N}]/u.test(text)) break;
      const range = first.sourceRange(0, first.text.length);
      titles.push({ title: text.replace(/:$/, '').trim(), span: document.lines.span(range.start, range.end), node: item.paragraph });
    }
    if (titles.length !== list.items.length) continue;
    for (const { title, span, node } of titles) {
      if (taken.has(span.start.line)) continue;
      places.push({ title, kinds: document.sectionKinds.resolve(title), form: 'outline-item', titleLike: true, span, node });
    }
  }
  return places;
}

/** Callout types that name a part without a title of their own (Obsidian's "abstract" and "tldr", MkDocs' "abstract"). */
const CALLOUT_TYPE_TITLES: Record<string, string> = { abstract: 'Summary', summary: 'Summary', tldr: 'TL;DR', todo: 'To do' };

/**
 * The titles of callouts, as Obsidian notes, GitHub alerts and MkDocs admonitions write a
 * part in a box: "> [!summary] Summary" over the summary, `!!! danger "Impact"` over the
 * impact. The title is the text after the mark; without one, the type when it names a
 * part ("> [!tldr]", "!!! abstract").
 */
function calloutTitles(document: PostmortemDocument, kindsOf: (title: string) => string[]): TitledPlace[] {
  const places: TitledPlace[] = [];
  for (const [index, node] of document.tree.children.entries()) {
    const paragraph = node.type === 'blockquote' ? node.children[0] : node;
    if (paragraph?.type !== 'paragraph') continue;
    const lines = document.textOf(paragraph).lines();
    const mark = lines[0] ? calloutMark(lines[0].text) : null;
    // A quote's mark is "[!type]"; a paragraph's, an admonition's "!!!".
    if (!mark || (node.type === 'blockquote') !== lines[0]!.text.trimStart().startsWith('[')) continue;
    const title = mark.title || CALLOUT_TYPE_TITLES[mark.type.toLowerCase()];
    if (!title) continue;
    const kinds = kindsOf(title);
    if (kinds.length === 0) continue;
    const range = lines[0]!.sourceRange(0, lines[0]!.text.length);
    const following = document.tree.children[index + 1];
    // An admonition's text is indented under it: on its next lines, or a block of "code" after a blank line.
    const titleLike = lines.length > 1 || (node.type === 'blockquote' ? node.children.length > 1 : following?.type === 'code' && !following.lang);
    places.push({ title, kinds, form: 'callout', titleLike, span: document.lines.span(range.start, range.end), node });
  }
  return places;
}

/** Whether something follows a paragraph in its section: a title line is not the document's last word. */
function isFollowed(document: PostmortemDocument, paragraph: ParagraphModel): boolean {
  const end = paragraph.section ? paragraph.section.extent.end : document.text.length;
  return document.text.slice(paragraph.span.end.offset, end).trim() !== '';
}

/**
 * Lines of a paragraph that are titles whose `#` was lost when a post was copied: short,
 * capitalised, without sentence punctuation, after a line that ends a sentence and before
 * a line that starts one ("…until 17:05 UTC.\nNext steps and improvements\nWe will …").
 */
function titleLines(document: PostmortemDocument, paragraph: ParagraphModel): TitledPlace[] {
  const lines = document.textOf(paragraph.node).lines();
  if (lines.length < 2) return [];
  const places: TitledPlace[] = [];
  lines.forEach((line, i) => {
    const text = line.text.trim();
    if (!text || text.split(/\s+/).length > MAX_TITLE_LINE_WORDS || /[.!,;…]$/.test(text) || /:\s+\S/.test(text)) return;
    if (!/^[\p{Lu}\p{Lo}\p{N}]/u.test(text)) return;
    if (i > 0 && !/[.!?:)"”]\s*$/.test(lines[i - 1]!.text)) return;
    if (i < lines.length - 1 && !/^\s*[\p{Lu}\p{Lo}\p{N}"“(]/u.test(lines[i + 1]!.text)) return;
    const title = text.replace(/:$/, '');
    const kinds = document.sectionKinds.resolve(title);
    if (kinds.length === 0) return;
    const range = line.sourceRange(0, line.text.length);
    places.push({ title, kinds, form: 'plain-heading', titleLike: true, span: document.lines.span(range.start, range.end), node: paragraph.node });
  });
  return places;
}

/**
 * The first paragraph of the body, when it says something (a sentence of some words, not
 * a log line): what a blog post or status update opens with is its summary. Front matter,
 * comments, the title, images and a block of `Key: value` fields come before it.
 */
function leadParagraph(document: PostmortemDocument): ParagraphModel | null {
  for (const node of document.tree.children) {
    if (node.type === 'yaml' || node.type === ('toml' as string) || node.type === 'html' || node.type === 'thematicBreak' || node.type === 'definition') continue;
    // A note set apart before the lead ("> [!NOTE] This postmortem is blameless"): the lead is the paragraph after it.
    if (node.type === 'blockquote') continue;
    if (node.type === 'heading' && document.title?.heading === node) continue;
    if (node.type !== 'paragraph') return null;
    const paragraph = document.paragraphs.find((candidate) => candidate.node === node);
    if (!paragraph) return null;
    const text = paragraph.text.trim();
    if (!text || isOnlyImages(paragraph) || isOnlyFields(document, paragraph)) continue;
    const timestamp = parseTimestamp(text.replace(/^[*_[(`~-]{1,3}/, ''), false);
    if (timestamp && timestamp.seconds !== null) return null;
    return text.split(/\s+/).length >= MIN_LEAD_WORDS ? paragraph : null;
  }
  return null;
}

function isOnlyImages(paragraph: ParagraphModel): boolean {
  const isImage = (node: Nodes): boolean =>
    node.type === 'image' || node.type === 'imageReference' || node.type === 'break' || (node.type === 'text' && node.value.trim() === '') ||
    (node.type === 'link' && node.children.every(isImage));
  return paragraph.node.children.every(isImage);
}

function isOnlyFields(document: PostmortemDocument, paragraph: ParagraphModel): boolean {
  const { start, end } = paragraph.span;
  const lines = end.line - start.line + 1;
  const fields = document.fields.filter((field) => field.source === 'line' && field.span.start.offset >= start.offset && field.span.end.offset <= end.offset);
  return new Set(fields.map((field) => field.span.start.line)).size >= lines;
}

/**
 * Entries of a timeline written without a timeline title, when there are at least two:
 * the model's timelines, headings and lines that open with a clock time (status-page
 * updates, "## 09:25", "[December 10, 2023 9:54 PM] …", "Gegen 12.05 Uhr …"), and the
 * update stamps of a status page. Fenced code is not read: it holds logs. Returns the
 * span of the first entry.
 */
function timestampedEntries(document: PostmortemDocument): Span | null {
  const lines = new Map<number, Span>();
  const add = (span: Span) => {
    if (!lines.has(span.start.line)) lines.set(span.start.line, span);
  };
  for (const timeline of document.timelines) {
    for (const entry of timeline.entries) if (entry.seconds !== null || entry.date !== null) add(entry.entrySpan);
  }
  for (const section of document.sections) if (opensWithClockTime(section.title)) add(section.span);
  for (const paragraph of document.paragraphs) {
    // A time needs a digit: most paragraphs are left at once.
    if (paragraph.quoted || !/\d/.test(paragraph.text)) continue;
    const view = document.textOf(paragraph.node);
    const lines = view.lines();
    for (const [index, line] of lines.entries()) {
      if (opensWithClockTime(line.text) && !continuesWrappedSentence(line.text, lines[index - 1]?.text)) {
        const range = line.sourceRange(0, line.text.length);
        add(document.lines.span(range.start, range.end));
      }
      for (const stamp of updateStamps(line.text)) {
        const at = line.offset(stamp.index);
        add(document.lines.span(at, at + 1));
      }
    }
  }
  if (lines.size < MIN_ENTRIES) return null;
  return [...lines.values()].sort((a, b) => a.start.offset - b.start.offset)[0]!;
}

function announcesActions(list: ListModel): boolean {
  const leadIn = list.leadIn;
  if (!leadIn || list.items.length < 2 || leadIn.quoted) return false;
  const text = leadIn.text.trim();
  if (!text.endsWith(':')) return false;
  const sentence = text.replace(/\s+/g, ' ').split(/(?<=[.!?]) /).pop()!;
  return COMMITMENT.test(sentence) && CHANGE.test(sentence);
}

/** Statements of cause and impact in the prose (code aside), outside quotations of others. */
function statements(document: PostmortemDocument): Statement[] {
  const found: Statement[] = [];
  for (const paragraph of document.paragraphs) {
    if (paragraph.quoted || !mayStateSomething(paragraph.text)) continue;
    const view = document.textOf(paragraph.node);
    const text = view.masked(['code', 'gaps'], ' ').replace(/\s/g, ' ');
    for (const match of findStatements(text)) {
      const range = view.sourceRange(match.start, match.end);
      found.push({ kind: match.kind, text: sentenceAround(text, match.start, match.end), span: document.lines.span(range.start, range.end) });
    }
  }
  return found;
}

/** The sentence holding text[start, end), spaces collapsed, at most 160 characters. */
function sentenceAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !/[.!?]/.test(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && !(/[.!?]/.test(text[to]!) && (to + 1 === text.length || /\s/.test(text[to + 1]!)))) to++;
  return excerpt(text.slice(from, Math.min(text.length, to + 1)), 160);
}
