import type { Definition, Link, LinkReference, List, ListItem, Nodes, Paragraph, Root } from 'mdast';
import type { PostmortemDocument } from '../document.js';
import type { ListItemModel, ListModel, ParagraphModel, Section } from './types.js';
import { plainText } from '../text/inline.js';
import { blockLabel } from '../text/labels.js';
import {
  CHANGE_REQUEST_URL, FIELD_LABEL, TRACKER_URL, readInlineFields, readItemEnd, readSubjectOwner, type ActionItemField, type ActionItemFields,
} from './action-items/inline-fields.js';
import { leadInKind, promisesLater } from './action-items/phrases.js';
import { findProseItems, findParagraphItems } from './action-items/prose.js';
import { COMPLETED_STATUSES, statusMeaning } from './action-items/statuses.js';
import { itemTense } from './action-items/tense.js';
import { kindSectionOf, withinKinds } from './action-items/sections.js';
import { withinAncestorKind } from './section-filter.js';
import { classifyTable, itemFromRow } from './action-items/tables.js';
import type { ActionItem, ActionItemTable } from './action-items/types.js';
import { lowerBound } from '../text/sorted.js';

export type { ActionItem, ActionItemSource, ActionItemTable } from './action-items/types.js';
export type { ActionItemField, ActionItemFieldName, ActionItemFields } from './action-items/inline-fields.js';
export { normalizeStatus, statusMeaning, type StatusMeaning } from './action-items/statuses.js';

/**
 * Action items as postmortems write them, each with its owner, priority, due date, status
 * and ticket where the document states them (a table cell, or `owner: @x`, `@x`, `[Team]`,
 * `(P1)`, `due: 2026-03-01`, `by 2026-03-01`, `(done)` or a ticket link inside the item).
 *
 * What counts as an action item:
 * - a row of a table in an action-item section (or a sub-section of one, or after a label
 *   such as "**Actions planned:**" or a plain "Action Items" line) that has an action,
 *   owner, priority or due-date column, and a row of a table anywhere else whose header has
 *   an action column and an owner, priority or due-date column (a "Time" column marks a
 *   timeline, not items);
 * - an item of a task list in the same places;
 * - an item of a bullet or numbered list in the same places, or after a lead-in in which
 *   the team promises the list ("Going forward, we will do the following:"); except, in a
 *   document that tracks its items in tables or task lists, a list whose items state no
 *   owner, priority, due date or ticket (such lists elaborate, as "Prevention Measures"
 *   under an action-item table do);
 * - in nested lists: the outer item, its nested list being details of it; a label item
 *   ("**Monitoring**", "Alerts:") stands for a group whose nested items are the items when
 *   they read as actions or state fields, and nested task-list items are items of their
 *   own. A nested list of `Owner: @x` lines gives fields to its parent;
 * - a lead-in "Create validation scripts to detect unsafe patterns:" in an action-item
 *   section, the list under it being its details;
 * - a paragraph led by a bold status or action label ("**TODO**: …", "**Action planned:**
 *   We will…"), and, in an action-item section that holds no other item, its prose
 *   promises, its plain lines and its sub-sections (see action-items/prose.ts).
 * Lists after a legend label ("**Priority Definitions:**") are not action items.
 *
 * An item is done (its fields are no longer needed) when it is checked, has a done status
 * or note, sits under a title or lead-in that says so, or is written in the past tense
 * (see action-items/tense.ts).
 */

export { ACTION_ITEM_FIELDS } from './action-items/tables.js';

/** The action items of a document and the tables that hold them. */
export interface ActionItemModel {
  items: ActionItem[];
  tables: ActionItemTable[];
}

/** A list item with no words: nothing, or a box the parser left as text ("- [ ]" with nothing after it). */
const BARE_BOX = /^(?:\[[ xX]?\])?\s*$/;
const COMPLETED_TITLE = /\b(?:completed?|done|taken|finished|already implemented)\b/i;
/** Labels of lists that explain rather than list work. */
const LEGEND_LABEL = /\b(?:definitions?|legend|glossary|key|scale|levels?|meanings?)\b/i;
/** Labels that open a list of action items inside a section of another kind. */
const ACTION_LABEL = /\b(?:actions?|action items?|follow[- ]?ups?|next steps|to-?dos?|remediation|corrective)\b/i;
/** A plain line stands for a heading only when it is short ("Action Items", "Lessons Learned"). */
const PLAIN_LABEL_WORDS = 5;
/** Sections whose lists narrate or explain: a lead-in there does not make a list of action items. */
const NARRATIVE_KINDS = ['timeline', 'summary', 'impact', 'root-cause', 'detection'];
/** A list item that reads as an action in a group: an instruction or a plan. */
const ACTION_TENSES = new Set(['imperative', 'future']);

/** Computes the action items of a document (use `PostmortemDocument.actionItems`). */
export function findActionItems(document: PostmortemDocument): ActionItem[] {
  return findActionItemModel(document).items;
}

/** Computes the action items and action-item tables of a document (use `PostmortemDocument.actionItems`). */
export function findActionItemModel(document: PostmortemDocument): ActionItemModel {
  const context = new ExtractionContext(document);
  const tableItems: ActionItem[] = [];
  const tables: ActionItemTable[] = [];
  for (const table of document.tables) {
    const scope = context.scopeAt(table.section, table.span.start.offset);
    const classified = classifyTable(table, scope.inScope);
    if (!classified) continue;
    tables.push(classified);
    for (const row of table.rows) {
      const item = itemFromRow(classified, row, scope.completed, document);
      if (item) tableItems.push(item);
    }
  }

  const listGroups: ActionItem[][] = [];
  for (const list of document.lists) {
    if (list.depth !== 0) continue;
    const scope = context.scopeAt(list.section, list.span.start.offset);
    if (scope.inScope && context.isTimelineList(list)) continue;
    const lead = context.leadIn(list.node);
    const leadKind = lead ? leadInKind(lead.text) : null;
    // "Going forward, we will do the following:" makes a list of action items anywhere but in narrating sections.
    const viaLeadIn = !scope.inScope && leadKind === 'forward' && !withinKinds(list.section, NARRATIVE_KINDS);
    if (!scope.inScope && !viaLeadIn) continue;
    const completed = scope.completed || leadKind === 'done';
    const found: ActionItem[] = [];
    if (scope.inScope && lead && leadKind === 'imperative' && context.isDetailList(list.node)) {
      found.push(context.paragraphItem(lead, lead.span, plainText(lead.node).trim(), completed));
    } else {
      context.itemsFromList(list.node.children, list.section, completed, found);
      if (lead && scope.inScope) context.shareLeadInFields(lead, found);
    }
    markPastItems(found);
    listGroups.push(found);
  }

  const paragraphItems = findParagraphItems(context);
  const placed = [...tableItems, ...listGroups.flat(), ...paragraphItems];
  const proseItems = findProseItems(context, placed);
  context.markFixedChangeRequests(listGroups.flat());

  // Beside action items tracked in tables or task lists, items that track nothing discuss them.
  const taskItems = listGroups.flat().filter((item) => item.source === 'task-list').length;
  const tracked = tables.length > 0 || taskItems >= 2;
  const items = [...tableItems];
  for (const found of listGroups) {
    if (tracked && found.every((item) => item.source !== 'task-list' && !tracks(item))) continue;
    items.push(...found);
  }
  for (const item of [...paragraphItems, ...proseItems]) {
    if (tracked && !tracks(item)) continue;
    items.push(item);
  }
  items.sort((a, b) => a.span.start.offset - b.span.start.offset);
  return { items, tables };
}

/** Whether an item names who, how urgent, by when, or where it is tracked (a status note alone does not). */
function tracks(item: ActionItem): boolean {
  const { owner, priority, due, ticket } = item.fields;
  return Boolean(owner ?? priority ?? due ?? ticket);
}

/** Whether a stated status says the work is still open ("(in progress)", "Status: TODO"). */
function statesOpen(item: ActionItem): boolean {
  const status = item.fields.status?.value;
  if (status === undefined || status === '') return false;
  const meaning = statusMeaning(status);
  return meaning === 'todo' || meaning === 'in progress' || meaning === 'blocked';
}

/**
 * Marks the bullets of one list that are written in the past tense as done ("Added rate
 * limiting"). In a list that is mostly past ("Removed legacy access", "Enforced branch
 * protection"), the items led by a participle are done too ("Updated KYC policies",
 * "Documented and published the report"). Such participles never count towards "mostly
 * past", so a list of plans written as "Improved alerting" stays open, and an item without
 * a verb ("Runbook for disk exhaustion") stays open in any list.
 */
function markPastItems(found: ActionItem[]): void {
  const bullets = found.filter((item) => item.source === 'bullet' && item.listItem !== null);
  if (bullets.length === 0) return;
  const strict = bullets.map((item) => itemTense(item.text, true));
  const loose = bullets.map((item) => itemTense(item.text, false));
  const mostlyPast = bullets.length >= 2 && strict.filter((tense) => tense === 'past').length >= 0.6 * bullets.length;
  bullets.forEach((item, i) => {
    if (item.completed || statesOpen(item) || promisesLater(item.text)) return;
    if (strict[i] === 'past' || (mostlyPast && loose[i] === 'past')) item.completed = true;
  });
}

interface Scope {
  inScope: boolean;
  completed: boolean;
}

interface Label {
  offset: number;
  section: Section | null;
  title: string;
  /** A plain line ("Action Items") rather than bold or italic text. */
  plain: boolean;
}

/** What the parts of the extraction share: the document, its labels, and the fields of items. */
export class ExtractionContext {
  private readonly labels: Label[] = [];
  private readonly listItems = new Map<ListItem, ListItemModel>();
  private readonly paragraphModels = new Map<Paragraph, ParagraphModel>();
  private previousSiblings: Map<Nodes, Nodes | null> | null = null;
  private definitions: Map<string, string> | null = null;
  private timelineEntryStarts: Set<number> | null = null;

  constructor(readonly document: PostmortemDocument) {
    for (const paragraph of document.paragraphs) {
      this.paragraphModels.set(paragraph.node, paragraph);
      const label = paragraph.label;
      if (!label || paragraph.listItem) continue;
      if (label.emphasis) {
        this.labels.push({ offset: paragraph.span.start.offset, section: paragraph.section, title: label.text, plain: false });
      } else if (isPlainTitle(label.text)) {
        // A plain line that names a kind of section stands for a lost heading ("Action Items", "Lessons Learned");
        // a longer line that only mentions one ("We discussed these follow-ups") does not.
        const resolved = document.sectionKinds.resolveDetailed(label.text);
        if (resolved.kinds.length > 0 && (!resolved.weak || label.text.split(/\s+/).length <= 2)) {
          this.labels.push({ offset: paragraph.span.start.offset, section: paragraph.section, title: label.text, plain: true });
        }
      }
    }
    for (const list of document.lists) for (const item of list.items) this.listItems.set(item.node, item);
  }

  /**
   * Whether a block at an offset lists action items: the nearest section that names a
   * kind is an action-item section, unless a label before the block in the same section
   * says otherwise ("**Priority Definitions:**" no, "**Actions planned:**" yes).
   */
  scopeAt(section: Section | null, offset: number): Scope {
    const kindSection = kindSectionOf(section);
    const scopeOfSection = kindSection?.kind === 'action-items';
    let inScope = scopeOfSection;
    let completed = false;
    for (let current = section; current && current !== kindSection?.parent; current = current.parent) {
      if (COMPLETED_TITLE.test(current.title)) completed = true;
    }
    const label = this.labelBefore(section, offset);
    if (label) {
      const kinds = this.document.sectionKinds.resolveDetailed(label.title);
      const namesActions =
        kinds.kinds[0] === 'action-items' && (!kinds.weak || (!label.plain && ACTION_LABEL.test(label.title)));
      if (LEGEND_LABEL.test(label.title)) inScope = false;
      else if (namesActions) inScope = true;
      // A plain "Improvements" line may name actions or not: it leaves the scope as it is.
      else if (label.plain && kinds.kinds[0] === 'action-items') inScope = scopeOfSection;
      else if (kinds.kinds.length > 0) inScope = false;
      if (inScope && COMPLETED_TITLE.test(label.title)) completed = true;
    }
    return { inScope, completed };
  }

  /** The last label before an offset in its innermost section (labels there all belong to that section). */
  private labelBefore(section: Section | null, offset: number): Label | null {
    const label = this.labels[lowerBound(this.labels, offset, (candidate) => candidate.offset) - 1];
    return label && label.section === section ? label : null;
  }

  /**
   * A list under a timeline section whose every item is an entry of a timeline: "### Follow-up
   * (March 10)" over "- 14:00 — postmortem review" continues the timeline, though its title
   * names action items.
   */
  isTimelineList(list: ListModel): boolean {
    if (!withinAncestorKind(list.section, 'timeline')) return false;
    if (!this.timelineEntryStarts) {
      this.timelineEntryStarts = new Set();
      for (const timeline of this.document.timelines) for (const entry of timeline.entries) this.timelineEntryStarts.add(entry.entrySpan.start.offset);
    }
    const starts = this.timelineEntryStarts;
    return list.items.length > 0 && list.items.every((item) => starts.has(item.span.start.offset));
  }

  /** The paragraph right before a block, with nothing between them, if there is one. */
  leadIn(node: Nodes): ParagraphModel | null {
    if (!this.previousSiblings) this.previousSiblings = previousSiblings(this.document.tree);
    const previous = this.previousSiblings.get(node);
    return previous?.type === 'paragraph' ? (this.paragraphModels.get(previous) ?? null) : null;
  }

  paragraphModel(node: Paragraph): ParagraphModel | null {
    return this.paragraphModels.get(node) ?? null;
  }

  /**
   * Fields a lead-in gives every item of its list ("Owner for all items below: @lena",
   * "Each of these is due 2026-08-31"): an item without its own takes them. The lead-in
   * must say they are shared (all, each, every, these, the following, below).
   */
  shareLeadInFields(lead: ParagraphModel, items: ActionItem[]): void {
    if (!SHARED_FIELDS.test(lead.text)) return;
    const shared: ActionItemFields = {};
    readInlineFields(this.document.textOf(lead.node), this.document.lines, shared);
    for (const item of items) {
      for (const name of ['owner', 'priority', 'due'] as const) {
        if (!item.fields[name] && shared[name]) item.fields[name] = shared[name] as never;
      }
    }
  }

  /** A list that details its lead-in: plain items that state no fields and do not read as actions ("Add a disk alert"). */
  isDetailList(list: List): boolean {
    return list.children.every((child) => typeof child.checked !== 'boolean') && !this.isGroupOfActions([list]);
  }

  /** The items of a list, in document order; without recursion, as lists may nest deeply. */
  itemsFromList(children: ListItem[], section: Section | null, completed: boolean, out: ActionItem[]): void {
    const stack: Array<{ node: ListItem; completed: boolean }> = [];
    const pushAll = (nodes: ListItem[], done: boolean) => {
      for (let i = nodes.length - 1; i >= 0; i--) stack.push({ node: nodes[i]!, completed: done });
    };
    pushAll(children, completed);
    while (stack.length > 0) {
      const { node, completed: done } = stack.pop()!;
      const model = this.listItems.get(node);
      if (!model) continue;
      const nested = node.children.filter((child): child is List => child.type === 'list');
      const fieldLists = nested.filter((list) => list.children.length > 0 && list.children.every(isFieldLine));
      const otherLists = nested.filter((list) => !fieldLists.includes(list));
      const taskLists = otherLists.filter((list) => list.children.some((child) => typeof child.checked === 'boolean'));
      const label = model.paragraph ? boldLabel(model.paragraph) : null;
      const shortLabel = model.text.endsWith(':') && (taskLists.length > 0 || model.text.split(/\s+/).length <= 3);
      const isGroup = otherLists.length > 0 && (label !== null || shortLabel) && (taskLists.length > 0 || this.isGroupOfActions(otherLists));
      if (!isGroup && model.text !== '') out.push(this.itemFromListItem(model, section, done, fieldLists));
      const groupDone = done || (isGroup && COMPLETED_TITLE.test(model.text));
      // Pushed last-first so that nested items come out in document order.
      for (let i = otherLists.length - 1; i >= 0; i--) {
        const list = otherLists[i]!;
        if (isGroup) pushAll(list.children, groupDone);
        else if (taskLists.includes(list)) pushAll(list.children.filter((child) => typeof child.checked === 'boolean'), done);
      }
    }
  }

  /**
   * Whether the nested lists under a label item are its items ("**Alerts**" over "Alert at
   * 80% (owner: @sre)", "Add a disk alert") rather than details of it ("**Simulator load**"
   * over "Conducting stress tests…", "**Metrics to Track**:" over "CSI controller restarts").
   */
  private isGroupOfActions(lists: List[]): boolean {
    const nested = lists.flatMap((list) => list.children);
    if (nested.some((child) => this.statesField(child))) return true;
    if (nested.length < 2) return false;
    const actions = nested.filter((child) => {
      const model = this.listItems.get(child);
      return model !== undefined && ACTION_TENSES.has(itemTense(model.text));
    }).length;
    return actions * 2 >= nested.length;
  }

  /** Whether a list item's first paragraph states an owner, priority or due date. */
  private statesField(item: ListItem): boolean {
    const first = item.children[0];
    if (first?.type !== 'paragraph') return false;
    const fields: ActionItemFields = {};
    readInlineFields(this.document.textOf(first), this.document.lines, fields);
    return Boolean(fields.owner ?? fields.priority ?? fields.due);
  }

  private itemFromListItem(model: ListItemModel, section: Section | null, completed: boolean, fieldLists: List[]): ActionItem {
    const fields: ActionItemFields = {};
    const paragraphs = model.node.children.filter((child): child is Paragraph => child.type === 'paragraph');
    let completedNote = false;
    for (const paragraph of paragraphs) {
      completedNote = readInlineFields(this.document.textOf(paragraph), this.document.lines, fields) || completedNote;
    }
    for (const list of fieldLists) {
      for (const child of list.children) {
        const first = child.children[0];
        if (first?.type === 'paragraph') readInlineFields(this.document.textOf(first), this.document.lines, fields);
      }
    }
    if (model.paragraph) {
      const view = this.document.textOf(model.paragraph);
      readSubjectOwner(view, this.document.lines, fields, this.isName);
      readItemEnd(view, this.document.lines, fields);
    }
    if (!fields.ticket) {
      const link = paragraphs.flatMap((paragraph) => this.trackerLinks(paragraph))[0];
      if (link) fields.ticket = link;
    }
    const status = fields.status?.value;
    const checked = model.checked;
    return {
      source: checked === null ? 'bullet' : 'task-list',
      span: model.span,
      text: model.text,
      textSpan: model.paragraph ? this.document.span(model.paragraph) : model.span,
      section,
      fields,
      checked,
      empty: BARE_BOX.test(model.text),
      completed:
        completed || completedNote || checked === true || (status !== undefined && COMPLETED_STATUSES.has(status)) ||
        (model.paragraph !== null && struckThrough(model.paragraph, model.text)),
      table: null,
      row: null,
      listItem: model,
    };
  }

  /** An item written as a paragraph (or part of one): its fields are read from the whole paragraph. */
  paragraphItem(
    paragraph: ParagraphModel,
    textSpan: ActionItem['textSpan'],
    text: string,
    completed: boolean,
    section: Section | null = paragraph.section,
  ): ActionItem {
    const fields: ActionItemFields = {};
    const note = readInlineFields(this.document.textOf(paragraph.node), this.document.lines, fields);
    if (!fields.ticket) {
      const link = this.trackerLinks(paragraph.node)[0];
      if (link) fields.ticket = link;
    }
    const status = fields.status?.value;
    return {
      source: 'paragraph',
      span: paragraph.span,
      text,
      textSpan,
      section,
      fields,
      checked: null,
      empty: false,
      completed: completed || note || (status !== undefined && COMPLETED_STATUSES.has(status)),
      table: null,
      row: null,
      listItem: null,
    };
  }

  /**
   * Whether a capitalised word is a name: an acronym ("ICL", "SRE"), or a word the
   * document also writes capitalised in mid-sentence ("… and Hypha received alerts").
   */
  private readonly isName = (word: string): boolean => {
    if (/^[A-Z][A-Z0-9&]{1,5}$/.test(word)) return true;
    let known = this.names.get(word);
    if (known === undefined) {
      known = new RegExp(`[a-z,;(] ${word.replace(/[^A-Za-z0-9]/g, '\\$&')}\\b`).test(this.document.text);
      this.names.set(word, known);
    }
    return known;
  };
  private readonly names = new Map<string, boolean>();

  /** Links to an issue tracker inside a paragraph, reference-style links included. */
  trackerLinks(paragraph: Paragraph): ActionItemField[] {
    const found: ActionItemField[] = [];
    const stack: Nodes[] = [paragraph];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.type === 'link' || node.type === 'linkReference') {
        const url = node.type === 'link' ? (node as Link).url : this.definitionUrl(node as LinkReference);
        if (url && TRACKER_URL.test(url)) {
          found.push({ text: plainText(node).trim() || url, span: this.document.span(node), value: url });
        }
        continue;
      }
      if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
    }
    return found;
  }

  /**
   * Marks done the items whose ticket is a pull request that the document, outside its
   * action items, links as fixed, merged or deployed ("is identified and [fixed][fix-pr]").
   */
  markFixedChangeRequests(items: ActionItem[]): void {
    const candidates = items.filter((item) => !item.completed && CHANGE_REQUEST_URL.test(item.fields.ticket?.value ?? ''));
    if (candidates.length === 0) return;
    const fixed = new Set<string>();
    for (const paragraph of this.document.paragraphs) {
      if (withinKinds(paragraph.section, ['action-items'])) continue;
      const view = this.document.textOf(paragraph.node);
      for (const link of view.links) {
        if (!FIXED_LINK_TEXT.test(view.text.slice(link.start, link.end))) continue;
        const url = link.url ?? (link.reference !== null ? this.definitionByIdentifier(link.reference) : undefined);
        if (url) fixed.add(url);
      }
    }
    for (const item of candidates) if (fixed.has(item.fields.ticket!.value)) item.completed = true;
  }

  private definitionUrl(reference: LinkReference): string | undefined {
    return this.definitionByIdentifier(reference.identifier.toLowerCase());
  }

  private definitionByIdentifier(identifier: string): string | undefined {
    if (!this.definitions) {
      this.definitions = new Map();
      for (const node of this.document.tree.children) {
        if (node.type === 'definition') this.definitions.set((node as Definition).identifier.toLowerCase(), (node as Definition).url);
      }
    }
    return this.definitions.get(identifier.toLowerCase());
  }
}

/** Link texts that say the change is in: "[fixed][pr]", "[merged](…)". */
const FIXED_LINK_TEXT = /^\s*(?:fixed|merged|deployed|shipped|released|landed|rolled out)\s*$/i;

/** A short plain line without sentence punctuation: a lost heading, not a sentence. */
function isPlainTitle(text: string): boolean {
  return text.split(/\s+/).length <= PLAIN_LABEL_WORDS && !/[.!?;,]/.test(text);
}

/** Each node's previous sibling (null for a first child); without recursion. */
function previousSiblings(tree: Root): Map<Nodes, Nodes | null> {
  const previous = new Map<Nodes, Nodes | null>();
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!('children' in node) || node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') continue;
    const children = node.children as Nodes[];
    children.forEach((child, i) => {
      previous.set(child, i > 0 ? children[i - 1]! : null);
      stack.push(child);
    });
  }
  return previous;
}

/** The text of a paragraph of only bold or italic text ("**Actions planned:**"), without the colon; else null. */
function boldLabel(paragraph: Paragraph): string | null {
  const label = blockLabel(paragraph);
  return label?.emphasis ? label.text : null;
}

/** A list item that only states a field: "Owner: @x", "**Due:** 2026-03-01". */
function isFieldLine(item: ListItem): boolean {
  const first = item.children[0];
  if (item.children.length !== 1 || first?.type !== 'paragraph') return false;
  const text = plainText(first).trim();
  FIELD_LABEL.lastIndex = 0;
  const match = FIELD_LABEL.exec(text);
  return match !== null && match.index === 0;
}

/** Words that make a lead-in's fields every item's: "Owner for all items below: @lena". */
const SHARED_FIELDS = /\b(?:all|each|every|these|the following|below)\b/i;

/**
 * Whether an item's action is struck through ("~~Add a manual approval~~ (dropped: the
 * simulator covers it)"): the work was dropped or done, and needs no owner or date. The
 * paragraph opens with the struck text, and it is most of the item's text.
 */
function struckThrough(paragraph: Paragraph, text: string): boolean {
  const [first] = paragraph.children;
  return first?.type === 'delete' && plainText(first).trim().length * 2 >= text.length;
}
