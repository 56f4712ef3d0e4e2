import type { ParagraphModel, Section } from '../types.js';
import type { ExtractionContext } from '../action-items.js';
import { kindSectionOf, withinKinds } from './sections.js';
import { readInlineFields, type ActionItemFields } from './inline-fields.js';
import { isPromise, reportsWorkDone, sentencesOf, statesPromise } from './phrases.js';
import { COMPLETED_STATUSES } from './statuses.js';
import { clauseTense } from './tense.js';
import type { ActionItem } from './types.js';
import { lowerBound } from '../../text/sorted.js';

/**
 * Action items written without a list or a table:
 * - a paragraph led by a bold status label ("**TODO**: a prometheus exporter on ZFS",
 *   "**DOING** …", "**DONE**: …") outside the sections that narrate, describe or analyse
 *   (timeline, summary, impact, root cause, detection, resolution…), or by a bold action
 *   label ("**Action planned:** We will expand monitoring", "**Action taken:** …") outside
 *   the timeline, summary and impact;
 * - in an action-item section whose direct content has no list or table, each sub-section
 *   that promises work, or whose title is numbered or an instruction ("#### 1. Faster
 *   recovery" under "## Prevention"), reported on its heading;
 * - in an action-item section that holds no item at all: a paragraph of three or more
 *   plain lines, mostly instructions, gives one item per line; any other paragraph gives
 *   one item for its first sentence that promises work ("The team will implement more
 *   test cases", "The bug will be fixed in the coming upgrade"), vague promises aside
 *   ("we will continue to monitor").
 */

/** Status words written as a bold label. */
const STATUS_LABEL = /^(?:todo|to do|doing|done|wip|in progress|blocked|planned|not started)$/i;
const DONE_STATUS_LABEL = /^done$/i;
/** Labels that name an action ("**Action planned:**", "**Follow-up:**"). */
const ACTION_LABEL = /\b(?:actions?|action items?|follow[- ]?ups?|next steps?|to-?dos?|remediation|corrective)\b/i;
const LEGEND_LABEL = /\b(?:definitions?|legend|glossary|key|scale|levels?|meanings?)\b/i;
const COMPLETED_LABEL = /\b(?:completed?|done|taken|finished|already implemented)\b/i;
/** Sections that narrate: a bold label there is not an action. */
const NARRATING_KINDS = ['timeline', 'summary', 'impact', 'metadata'];
/** Sections that describe or analyse: a status word there ("**DONE**: restarted the pods") reports a step, not work to track. */
const DESCRIBING_KINDS = ['root-cause', 'detection', 'resolution', 'response', 'communication', 'appendix'];
/** Paragraphs of an action-item section that point elsewhere or say there is nothing to do. */
const NOT_ITEM_PARAGRAPH = /^(?:see|tracked|refer|n\/a|none|tbd|no action|nothing|the following|below|these|following)\b/i;
/** A numbered sub-section title: "1. Robust phased rollouts". */
const NUMBERED_TITLE = /^\s*\d{1,3}[.)]\s+/;

/** Paragraphs led by a bold status or action label ("**TODO**: …", "**Action planned:** …"). */
export function findParagraphItems(context: ExtractionContext): ActionItem[] {
  const { document } = context;
  const found: ActionItem[] = [];
  for (const paragraph of document.paragraphs) {
    if (paragraph.listItem || paragraph.quoted || paragraph.label) continue;
    const first = paragraph.node.children[0];
    if (first?.type !== 'strong') continue;
    const view = document.textOf(paragraph.node);
    const strong = view.strong[0];
    if (!strong || strong.start !== 0) continue;
    const label = view.text.slice(strong.start, strong.end).trim().replace(/:$/, '').trim();
    const rest = view.text.slice(strong.end).replace(/^\s*:?\s*/, '').trim();
    if (label === '' || rest === '' || rest.endsWith(':')) continue;
    if (withinKinds(paragraph.section, NARRATING_KINDS)) continue;
    let done: boolean;
    if (STATUS_LABEL.test(label)) {
      if (withinKinds(paragraph.section, DESCRIBING_KINDS)) continue;
      done = DONE_STATUS_LABEL.test(label);
    }
    else if (ACTION_LABEL.test(label) && label.split(/\s+/).length <= 4 && !LEGEND_LABEL.test(label)) {
      done = COMPLETED_LABEL.test(label) || reportsWorkDone(rest);
    } else continue;
    found.push(context.paragraphItem(paragraph, paragraph.span, rest, done));
  }
  return found;
}

/** Items of action-item sections written as sub-sections, plain lines or promises (see above). */
export function findProseItems(context: ExtractionContext, placed: readonly ActionItem[]): ActionItem[] {
  const { document } = context;
  // Offsets in order, searched by halves: a document may have many sections and items.
  const starts = placed.map((item) => item.span.start.offset).sort((a, b) => a - b);
  const paragraphs = document.paragraphs.filter((paragraph) => !paragraph.listItem && !paragraph.quoted);
  const paragraphStarts = paragraphs.map((paragraph) => paragraph.span.start.offset);
  const occupied = (section: Section) => {
    const first = lowerBound(starts, section.extent.start, (start) => start);
    return first < starts.length && starts[first]! < section.extent.end;
  };
  const paragraphsIn = (section: Section, own: boolean) => {
    const inside: ParagraphModel[] = [];
    for (let i = lowerBound(paragraphStarts, section.extent.start, (start) => start); i < paragraphs.length; i++) {
      const paragraph = paragraphs[i]!;
      if (paragraph.span.start.offset >= section.extent.end) break;
      if (!own || paragraph.section === section) inside.push(paragraph);
    }
    return inside;
  };

  const found: ActionItem[] = [];
  const asItems = new Set<Section>();
  for (const section of document.sections) {
    if (section.kind !== 'action-items' || kindSectionOf(section) !== section) continue;
    if (section.content.some((node) => node.type === 'list' || node.type === 'table')) continue;
    for (const child of section.children) {
      if (child.kinds.length > 0 && child.kind !== 'action-items') continue;
      if (occupied(child)) continue;
      const item = headingItem(context, child, paragraphsIn(child, false));
      if (item) {
        found.push(item);
        asItems.add(child);
      }
    }
  }

  for (const section of document.sections) {
    if (kindSectionOf(section)?.kind !== 'action-items' || occupied(section)) continue;
    if (asItems.has(section) || section.children.some((child) => asItems.has(child))) continue;
    let ancestorIsItem = false;
    for (let parent = section.parent; parent; parent = parent.parent) if (asItems.has(parent)) ancestorIsItem = true;
    if (ancestorIsItem) continue;
    for (const paragraph of paragraphsIn(section, true)) {
      const text = paragraph.text.trim();
      if (paragraph.label || text.endsWith(':') || NOT_ITEM_PARAGRAPH.test(text)) continue;
      const lines = lineItems(context, paragraph, section);
      if (lines) found.push(...lines);
      else {
        const promise = promiseItem(context, paragraph, section);
        if (promise) found.push(promise);
      }
    }
  }
  return found;
}

/** A sub-section as one item: it promises work, or its title is numbered or an instruction. */
function headingItem(context: ExtractionContext, section: Section, paragraphs: ParagraphModel[]): ActionItem | null {
  if (paragraphs.length === 0) return null;
  const { document } = context;
  const body = paragraphs.map((paragraph) => paragraph.text).join(' ');
  const promise = statesPromise(body);
  const numbered = NUMBERED_TITLE.test(section.title);
  const title = section.title.replace(NUMBERED_TITLE, '');
  if (!promise && !numbered && clauseTense(title) !== 'imperative') return null;
  const fields: ActionItemFields = {};
  let note = false;
  for (const paragraph of paragraphs) note = readInlineFields(document.textOf(paragraph.node), document.lines, fields) || note;
  if (!fields.ticket) {
    const link = paragraphs.flatMap((paragraph) => context.trackerLinks(paragraph.node))[0];
    if (link) fields.ticket = link;
  }
  const status = fields.status?.value;
  const done =
    COMPLETED_LABEL.test(section.title) ||
    note ||
    (status !== undefined && COMPLETED_STATUSES.has(status)) ||
    (!promise && clauseTense(paragraphs[0]!.text) === 'past');
  return {
    source: 'heading',
    span: section.span,
    text: title,
    textSpan: section.span,
    section,
    fields,
    checked: null,
    empty: false,
    completed: done,
    table: null,
    row: null,
    listItem: null,
  };
}

/** "Add more tests.\nMinimize data structures.\nBug bounty…": three or more plain lines, mostly instructions. */
function lineItems(context: ExtractionContext, paragraph: ParagraphModel, section: Section): ActionItem[] | null {
  const { document } = context;
  const view = document.textOf(paragraph.node);
  const lines = view.lines().filter((line) => line.text.trim() !== '');
  if (lines.length < 3 || !lines.every((line) => /^\s*\p{Lu}/u.test(line.text))) return null;
  const instructions = lines.filter((line) => clauseTense(line.text) === 'imperative').length;
  if (instructions * 2 < lines.length) return null;
  return lines.map((line) => {
    const text = line.text.trim();
    const start = line.text.length - line.text.trimStart().length;
    const range = line.sourceRange(start, start + text.length);
    const span = document.lines.span(range.start, range.end);
    const fields: ActionItemFields = {};
    const note = readInlineFields(line, document.lines, fields);
    const status = fields.status?.value;
    return {
      source: 'line',
      span,
      text,
      textSpan: span,
      section,
      fields,
      checked: null,
      empty: false,
      completed: note || (status !== undefined && COMPLETED_STATUSES.has(status)) || reportsWorkDone(text),
      table: null,
      row: null,
      listItem: null,
    };
  });
}

/** The first sentence of a paragraph that promises work, as an item reported on that sentence. */
function promiseItem(context: ExtractionContext, paragraph: ParagraphModel, section: Section): ActionItem | null {
  const { document } = context;
  const view = document.textOf(paragraph.node);
  const promise = sentencesOf(view.text).find((sentence) => isPromise(sentence.text.replace(/\s+/g, ' ')));
  if (!promise) return null;
  const range = view.sourceRange(promise.start, promise.end);
  const textSpan = document.lines.span(range.start, range.end);
  return context.paragraphItem(paragraph, textSpan, promise.text.replace(/\s+/g, ' '), false, section);
}

