import type { Definition, Link, LinkReference, ListItem, Nodes, Paragraph } from 'mdast';
import type { PostmortemDocument } from '../document.js';
import type { Span } from '../parse/positions.js';
import type { ListItemModel, ListModel, Section, TableModel, TableRowModel } from './types.js';
import { findDates, parseDate, type DateMatch } from '../text/dates.js';
import { plainText } from '../text/inline.js';
import { blockLabel } from '../text/labels.js';
import { normalizeText, stripEmoji } from '../text/normalize.js';

/**
 * Action items as postmortems write them: rows of action-item tables, task lists and
 * bullets in action-item sections, each with its owner, priority, due date, status and
 * ticket where the document states them (a table cell, or `owner: @x`, `@x`, `(P1)`,
 * `due: 2026-03-01`, `by 2026-03-01`, `(done)` or a ticket link inside the item).
 *
 * What counts as an action item:
 * - a row of a table in an action-item section (or a sub-section of one, or after a bold
 *   label such as "**Actions planned:**") that has an action, owner, priority or due-date
 *   column, and a row of a table anywhere else whose header has an action column and an
 *   owner, priority or due-date column (a "Time" column marks a timeline, not items);
 * - an item of a task list in the same places;
 * - an item of a bullet or numbered list in the same places, except a list whose items
 *   state no owner, priority, due date or ticket in a document that tracks its action items in tables (such
 *   lists elaborate, as "Prevention Measures" under an action-item table do);
 * - in nested lists: the outer item, its nested list being details of it; a label item
 *   ("**Monitoring**", "Alerts:") stands for a group whose nested items are the items, and
 *   nested task-list items are items of their own. A nested list of `Owner: @x` lines
 *   gives fields to its parent.
 * Lists after a legend label ("**Priority Definitions:**") are not action items.
 */

export type ActionItemFieldName = 'owner' | 'priority' | 'due' | 'status' | 'ticket';
export const ACTION_ITEM_FIELDS: readonly ActionItemFieldName[] = ['owner', 'priority', 'due', 'status', 'ticket'];

export interface ActionItemField<Value = string> {
  /** The value as written, Markdown removed and trimmed ("" for an empty table cell). */
  text: string;
  /** Where the value is written: the cell's content, or the value inside the item (`@x` of `owner: @x`). */
  span: Span;
  /**
   * The parsed value: for `owner`, `priority` and `ticket` the text without emoji; for
   * `status` the text normalised (lower case, emoji dropped: "✅ Done" → "done"); for
   * `due` the date it states in any format pm-lint reads, or null when it states none.
   */
  value: Value;
}

export interface ActionItemFields {
  owner?: ActionItemField;
  priority?: ActionItemField;
  due?: ActionItemField<DateMatch | null>;
  status?: ActionItemField;
  ticket?: ActionItemField;
}

export interface ActionItemTable {
  table: TableModel;
  /** The normalised header key of each column that holds a field, or of the action column. */
  columns: Partial<Record<ActionItemFieldName | 'action', string>>;
  /** Whether the table is in an action-item section (otherwise its header made it one). */
  inActionSection: boolean;
}

export interface ActionItem {
  source: 'table' | 'task-list' | 'bullet';
  /** The table row, or the list item (nested lists included). */
  span: Span;
  /** What is to be done, Markdown removed. */
  text: string;
  /** The action cell, or the item's first paragraph. */
  textSpan: Span;
  section: Section | null;
  /**
   * The fields the item states. For a table row, a field whose column exists is always
   * present (its text is "" when the cell is empty); a field whose column is missing is
   * absent. For a list item, only fields written in the item are present.
   */
  fields: ActionItemFields;
  /** Task-list state: true ([x]), false ([ ]), null when not a task-list item. */
  checked: boolean | null;
  /**
   * Whether the item is done: a checked task, a status such as Done or Won't Do, a
   * "(done)" note, or a heading or label that says so ("Immediate Actions (Completed)",
   * "**Actions taken:**").
   */
  completed: boolean;
  table: ActionItemTable | null;
  row: TableRowModel | null;
  listItem: ListItemModel | null;
}

type ColumnRole = ActionItemFieldName | 'action';

/** Header texts of each kind of column, compared after normalisation. */
const COLUMN_ALIASES: Readonly<Record<ColumnRole, readonly string[]>> = {
  action: [
    'action', 'actions', 'action item', 'action items', 'item', 'items', 'task', 'tasks', 'description',
    'corrective action', 'remediation', 'follow up', 'improvement', 'todo',
  ],
  owner: ['owner', 'owners', 'who', 'assignee', 'assignees', 'assigned to', 'owned by', 'responsible', 'dri', 'owner team'],
  priority: ['priority', 'pri', 'prio'],
  due: ['due', 'due date', 'deadline', 'target date', 'target', 'eta', 'due by', 'by when', 'target completion'],
  status: ['status', 'state'],
  ticket: ['ticket', 'tickets', 'bug', 'tracking', 'tracking bug', 'tracking issue', 'issue', 'jira', 'jira ticket', 'link', 'pr'],
};
const COLUMN_ROLE = new Map<string, ColumnRole>();
for (const [role, aliases] of Object.entries(COLUMN_ALIASES) as Array<[ColumnRole, readonly string[]]>) {
  for (const alias of aliases) COLUMN_ROLE.set(alias, role);
}
/** Columns that number rows rather than describe the action. */
const INDEX_COLUMNS = new Set(['', 'number', 'no', 'nr', 'id', 'ref', 'type', 'category']);
const TIME_COLUMNS = new Set(['time', 'timestamp', 'date time', 'datetime', 'when']);

/** Statuses that mean the work is over. */
const COMPLETED_STATUSES = new Set([
  'done', 'completed', 'complete', 'closed', 'fixed', 'resolved', 'shipped', 'merged', 'wont do', 'wont fix',
  'cancelled', 'canceled', 'obsolete', 'finished',
]);
/** Statuses recognised in a "(done)" note at the end of an item. */
const NOTE_STATUSES = new Set([
  ...COMPLETED_STATUSES, 'open', 'in progress', 'wip', 'ongoing', 'blocked', 'todo', 'not started', 'started', 'planned',
]);

const COMPLETED_TITLE = /\b(?:completed?|done|taken|finished|already implemented)\b/i;
/** Labels of lists that explain rather than list work. */
const LEGEND_LABEL = /\b(?:definitions?|legend|glossary|key|scale|levels?|meanings?)\b/i;
/** Labels that open a list of action items inside a section of another kind. */
const ACTION_LABEL = /\b(?:actions?|action items?|follow[- ]?ups?|next steps|to-?dos?|remediation|corrective)\b/i;

/**
 * Labelled fields inside an item: "owner: @x", "**Priority:** P1", "due date = 2026-03-01".
 * The label is one of a fixed set; its value runs to the next delimiter.
 */
const FIELD_LABEL =
  /(?<![\p{L}\p{N}_])(owners?|assignees?|assigned to|who|responsible|dri|priority|prio|pri|due date|due by|due on|due|deadline|target date|eta|status|tickets?|tracking bug|tracking issue|tracking|jira)[ \t]*[:=][ \t]*/giu;
/** A due date written without a colon: "due 2026-03-01", "by 2026-03-01", "deadline Mar 1". */
const DUE_WORD = /(?<![\p{L}\p{N}_])(?:due(?: date| by| on)?|deadline|by|eta|target date)[ \t]+(?=[\p{N}\p{L}])/giu;
const LABEL_ROLE: Record<string, ActionItemFieldName> = {
  owner: 'owner', owners: 'owner', assignee: 'owner', assignees: 'owner', 'assigned to': 'owner', who: 'owner',
  responsible: 'owner', dri: 'owner', priority: 'priority', prio: 'priority', pri: 'priority', 'due date': 'due',
  'due by': 'due', 'due on': 'due', due: 'due', deadline: 'due', 'target date': 'due', eta: 'due', status: 'status',
  ticket: 'ticket', tickets: 'ticket', 'tracking bug': 'ticket', 'tracking issue': 'ticket', tracking: 'ticket', jira: 'ticket',
};
/** Where an inline value ends. */
const VALUE_END = /[,;|)\]]|[ \t][-–—][ \t]|[ \t]{2}|\n/g;
/** "@handle", "@org/team" (not an e-mail address), or "name@" (Google's style). */
const HANDLE = /(?<![\p{L}\p{N}_@./+-])@[A-Za-z0-9](?:[\w./-]{0,38}\w)?|(?<![\p{L}\p{N}_@.])[a-z][\w.-]{0,30}@(?![\w.@])/gu;
/** "priority P1" without a colon. */
const PRIORITY_WORD = /(?<![\p{L}\p{N}_])(?:priority|prio|pri)[ \t]+(P[0-9])(?![\p{L}\p{N}])/giu;
/** A priority written alone between delimiters or in brackets: "(P1)", ", P2,". */
const BARE_PRIORITY = /^P[0-9]$/i;
const SEGMENT_DELIMITER = /[,;()[\]|·]|[ \t][-–—][ \t]/g;
/** A "(done)" or "(in progress)" note. */
const PAREN_NOTE = /\(([^()\n]{1,60})\)/g;
const COMPLETION_NOTE = /^(?:[\p{L}-]{1,20}\s+){0,2}(?:done|completed?|fixed|implemented|resolved|shipped|merged)\b/iu;
const NOT_COMPLETED = /\b(?:not|if|when|once|until|after|before|to be|will be)\b/i;
const BARE_URL = /https?:\/\/[^\s<>()[\]]{1,300}/g;
const TRACKER_URL =
  /\/(?:issues|pull|pulls|merge_requests|tickets?|bugs?|work_?items?)\/\d|\/browse\/[A-Z][A-Z0-9]{0,15}-\d|linear\.app\/[^/\s]+\/issue\/|show_bug\.cgi|\/-\/issues\//i;

/** Computes the action items of a document (use `PostmortemDocument.actionItems`). */
export function findActionItems(document: PostmortemDocument): ActionItem[] {
  const context = new ExtractionContext(document);
  const items: ActionItem[] = [];
  const tables: ActionItemTable[] = [];
  for (const table of document.tables) {
    const scope = context.scopeAt(table.section, table.span.start.offset);
    const classified = classifyTable(table, scope.inScope);
    if (!classified) continue;
    tables.push(classified);
    for (const row of table.rows) {
      const item = itemFromRow(classified, row, scope.completed, document);
      if (item) items.push(item);
    }
  }
  const hasTables = tables.length > 0;
  for (const list of document.lists) {
    if (list.depth !== 0) continue;
    const scope = context.scopeAt(list.section, list.span.start.offset);
    if (!scope.inScope) continue;
    const found: ActionItem[] = [];
    context.itemsFromList(list.node.children, list.section, scope.completed, found);
    // Beside action-item tables, a list without any field discusses rather than tracks.
    if (hasTables && found.every((item) => item.source === 'bullet' && !tracks(item))) continue;
    items.push(...found);
  }
  items.sort((a, b) => a.span.start.offset - b.span.start.offset);
  return items;
}

/** Whether an item names who, how urgent, by when, or where it is tracked (a status note alone does not). */
function tracks(item: ActionItem): boolean {
  const { owner, priority, due, ticket } = item.fields;
  return Boolean(owner ?? priority ?? due ?? ticket);
}

interface Scope {
  inScope: boolean;
  completed: boolean;
}

class ExtractionContext {
  private readonly labels: Array<{ offset: number; section: Section | null; title: string }>;
  private readonly listItems = new Map<ListItem, ListItemModel>();
  private definitions: Map<string, string> | null = null;

  constructor(readonly document: PostmortemDocument) {
    this.labels = [];
    for (const paragraph of document.paragraphs) {
      if (paragraph.listItem || paragraph.quoted) continue;
      const title = paragraph.label?.emphasis ? paragraph.label.text : null;
      if (title !== null) this.labels.push({ offset: paragraph.span.start.offset, section: paragraph.section, title });
    }
    for (const list of document.lists) for (const item of list.items) this.listItems.set(item.node, item);
  }

  /**
   * Whether a block at an offset lists action items: the nearest section that names a
   * kind is an action-item section, unless a label before the block in the same section
   * says otherwise ("**Priority Definitions:**" no, "**Actions planned:**" yes).
   */
  scopeAt(section: Section | null, offset: number): Scope {
    let kindSection = section;
    while (kindSection && kindSection.kinds.length === 0) kindSection = kindSection.parent;
    let inScope = kindSection?.kind === 'action-items';
    let completed = false;
    for (let current = section; current && current !== kindSection?.parent; current = current.parent) {
      if (COMPLETED_TITLE.test(current.title)) completed = true;
    }
    const label = this.labelBefore(section, offset);
    if (label) {
      const kinds = this.document.sectionKinds.resolveDetailed(label);
      const namesActions = kinds.kinds[0] === 'action-items' && (!kinds.weak || ACTION_LABEL.test(label));
      if (LEGEND_LABEL.test(label)) inScope = false;
      else if (namesActions) inScope = true;
      else if (kinds.kinds.length > 0) inScope = false;
      if (inScope && COMPLETED_TITLE.test(label)) completed = true;
    }
    return { inScope, completed };
  }

  /** The last label before an offset in its innermost section (labels there all belong to that section). */
  private labelBefore(section: Section | null, offset: number): string | null {
    let low = 0;
    let high = this.labels.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (this.labels[mid]!.offset < offset) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    const label = this.labels[found];
    return label && label.section === section ? label.title : null;
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
      const nested = node.children.filter((child) => child.type === 'list');
      const fieldLists = nested.filter((list) => list.children.length > 0 && list.children.every(isFieldLine));
      const otherLists = nested.filter((list) => !fieldLists.includes(list));
      const taskLists = otherLists.filter((list) => list.children.some((child) => typeof child.checked === 'boolean'));
      const label = model.paragraph ? boldLabel(model.paragraph) : null;
      const shortLabel = model.text.endsWith(':') && (taskLists.length > 0 || model.text.split(/\s+/).length <= 3);
      const isGroup = otherLists.length > 0 && (label !== null || shortLabel);
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

  private itemFromListItem(model: ListItemModel, section: Section | null, completed: boolean, fieldLists: Nodes[]): ActionItem {
    const fields: ActionItemFields = {};
    const paragraphs = model.node.children.filter((child): child is Paragraph => child.type === 'paragraph');
    let completedNote = false;
    for (const paragraph of paragraphs) completedNote = readInlineFields(paragraph, this.document, fields) || completedNote;
    for (const list of fieldLists) {
      for (const child of (list as { children: ListItem[] }).children) {
        const first = child.children[0];
        if (first?.type === 'paragraph') readInlineFields(first, this.document, fields);
      }
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
      completed: completed || completedNote || checked === true || (status !== undefined && COMPLETED_STATUSES.has(status)),
      table: null,
      row: null,
      listItem: model,
    };
  }

  /** Links to an issue tracker inside a paragraph, reference-style links included. */
  private trackerLinks(paragraph: Paragraph): ActionItemField[] {
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

  private definitionUrl(reference: LinkReference): string | undefined {
    if (!this.definitions) {
      this.definitions = new Map();
      for (const node of this.document.tree.children) {
        if (node.type === 'definition') this.definitions.set((node as Definition).identifier.toLowerCase(), (node as Definition).url);
      }
    }
    return this.definitions.get(reference.identifier.toLowerCase());
  }
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

function roleOf(column: string): ColumnRole | undefined {
  return COLUMN_ROLE.get(column);
}

function classifyTable(table: TableModel, inActionSection: boolean): ActionItemTable | null {
  const columns: ActionItemTable['columns'] = {};
  for (const column of table.columns) {
    const role = roleOf(column);
    if (role && columns[role] === undefined) columns[role] = column;
  }
  const hasField = columns.owner !== undefined || columns.priority !== undefined || columns.due !== undefined;
  if (table.columns.some((column) => TIME_COLUMNS.has(column))) return null;
  if (inActionSection) {
    if (columns.action === undefined && !hasField) return null;
  } else if (columns.action === undefined || !hasField) return null;
  // Without an action column, the first column that holds no field names the action.
  columns.action ??= table.columns.find((column) => roleOf(column) === undefined && !INDEX_COLUMNS.has(column));
  return { table, columns, inActionSection };
}

function itemFromRow(table: ActionItemTable, row: TableRowModel, sectionCompleted: boolean, document: PostmortemDocument): ActionItem | null {
  if (row.cells.every((cell) => cell.text === '')) return null;
  const fields: ActionItemFields = {};
  for (const name of ACTION_ITEM_FIELDS) {
    const column = table.columns[name];
    if (column === undefined) continue;
    const cell = row.cell(column);
    // A short row lacks trailing cells: the field is empty, at the row's end.
    const text = cell?.text ?? '';
    const span = cell?.span ?? document.lines.span(row.span.end.offset, row.span.end.offset);
    fields[name] = makeField(name, text, span) as never;
  }
  const actionCell = table.columns.action !== undefined ? row.cell(table.columns.action) : undefined;
  const status = fields.status?.value;
  return {
    source: 'table',
    span: row.span,
    text: actionCell?.text ?? '',
    textSpan: actionCell?.span ?? row.span,
    section: table.table.section,
    fields,
    checked: null,
    completed: sectionCompleted || (status !== undefined && COMPLETED_STATUSES.has(status)),
    table,
    row,
    listItem: null,
  };
}

function makeField(name: ActionItemFieldName, text: string, span: Span): ActionItemField<string | DateMatch | null> {
  if (name === 'due') return { text, span, value: parseDate(stripEmoji(text)) };
  if (name === 'status') return { text, span, value: normalizeStatus(text) };
  return { text, span, value: stripEmoji(text).trim() };
}

/**
 * A status compared the way people write it: case, punctuation and emoji aside, and
 * leading or trailing marks without letters dropped (emoji decoded in the wrong
 * encoding: "âœ… Done" → "done").
 */
export function normalizeStatus(text: string): string {
  let value = stripEmoji(text).trim();
  if (value.length <= 100) {
    value = value.replace(/^(?:[^\sA-Za-z0-9]{1,8}\s+)+/, '').replace(/(?:\s+[^\sA-Za-z0-9]{1,8})+$/, '');
  }
  return normalizeText(value);
}

/**
 * Reads the fields written inside one paragraph of a list item (earlier fields win), and
 * tells whether it notes the work as done ("(done in grafana)", "_done_").
 */
function readInlineFields(paragraph: Paragraph, document: PostmortemDocument, fields: ActionItemFields): boolean {
  const view = document.textOf(paragraph);
  // Code is neither an owner nor a date: it keeps its place, not its text.
  const text = view.masked(['code', 'gaps'], ' ');
  const spanOf = (start: number, end: number) => {
    const range = view.sourceRange(start, end);
    return document.lines.span(range.start, range.end);
  };
  const set = (name: ActionItemFieldName, start: number, end: number) => {
    if (fields[name]) return;
    const value = text.slice(start, end);
    const trimmedStart = start + (value.length - value.trimStart().length);
    const trimmed = value.trim();
    fields[name] = makeField(name, trimmed, spanOf(trimmedStart, trimmedStart + trimmed.length)) as never;
  };

  const labelStarts: number[] = [];
  FIELD_LABEL.lastIndex = 0;
  const labelled: Array<{ role: ActionItemFieldName; valueStart: number }> = [];
  for (let m = FIELD_LABEL.exec(text); m; m = FIELD_LABEL.exec(text)) {
    labelStarts.push(m.index);
    labelled.push({ role: LABEL_ROLE[m[1]!.toLowerCase()]!, valueStart: m.index + m[0].length });
  }
  for (const [i, { role, valueStart }] of labelled.entries()) {
    if (fields[role]) continue;
    const limit = labelStarts[i + 1] ?? text.length;
    // A date may hold a comma ("Mar 1, 2026"): take the whole date when one starts here.
    const date = role === 'due' ? dateAt(text, valueStart, limit) : null;
    set(role, valueStart, date ?? valueEnd(text, valueStart, limit));
  }

  if (!fields.due) {
    DUE_WORD.lastIndex = 0;
    for (let m = DUE_WORD.exec(text); m; m = DUE_WORD.exec(text)) {
      const start = m.index + m[0].length;
      const end = dateAt(text, start, text.length);
      if (end !== null) {
        set('due', start, end);
        break;
      }
    }
  }

  if (!fields.owner) {
    HANDLE.lastIndex = 0;
    const handle = HANDLE.exec(text);
    if (handle) set('owner', handle.index, handle.index + handle[0].length);
  }

  if (!fields.priority) {
    PRIORITY_WORD.lastIndex = 0;
    const word = PRIORITY_WORD.exec(text);
    if (word) set('priority', word.index + word[0].length - word[1]!.length, word.index + word[0].length);
  }

  if (!fields.priority) {
    let segmentStart = 0;
    SEGMENT_DELIMITER.lastIndex = 0;
    for (let m = SEGMENT_DELIMITER.exec(text); ; m = SEGMENT_DELIMITER.exec(text)) {
      const segmentEnd = m ? m.index : text.length;
      const segment = text.slice(segmentStart, segmentEnd);
      const trimmed = segment.trim();
      if (BARE_PRIORITY.test(trimmed)) {
        const at = segmentStart + segment.indexOf(trimmed);
        set('priority', at, at + trimmed.length);
        break;
      }
      if (!m) break;
      segmentStart = m.index + m[0].length;
    }
  }

  if (!fields.ticket) {
    // Bare URLs stay text (this parser does not autolink them).
    BARE_URL.lastIndex = 0;
    for (let m = BARE_URL.exec(text); m; m = BARE_URL.exec(text)) {
      if (!TRACKER_URL.test(m[0])) continue;
      set('ticket', m.index, m.index + m[0].length);
      break;
    }
  }

  let completedNote = false;
  PAREN_NOTE.lastIndex = 0;
  for (let m = PAREN_NOTE.exec(text); m; m = PAREN_NOTE.exec(text)) {
    const note = m[1]!.trim();
    if (!fields.status && NOTE_STATUSES.has(normalizeStatus(note))) set('status', m.index + 1, m.index + 1 + m[1]!.length);
    else if (isCompletionNote(note)) completedNote = true;
  }
  for (const child of paragraph.children) {
    if (child.type === 'emphasis' && isCompletionNote(plainText(child))) completedNote = true;
  }
  return completedNote;
}

/** A note that says the work is done: "(monitoring done in grafana)", "_done in grafana_". */
function isCompletionNote(note: string): boolean {
  return note.length <= 60 && COMPLETION_NOTE.test(note.trim()) && !NOT_COMPLETED.test(note);
}

/** The end of a date that starts at `start` (spaces aside) and ends before `limit`, or null. */
function dateAt(text: string, start: number, limit: number): number | null {
  const candidate = text.slice(start, Math.min(limit, start + 40));
  const [first] = findDates(candidate);
  if (!first || candidate.slice(0, first.start).trim() !== '') return null;
  return start + first.end;
}

/** Where an inline value that starts at `start` ends: at a delimiter, the limit, or 100 characters. */
function valueEnd(text: string, start: number, limit: number): number {
  const window = text.slice(start, Math.min(limit, start + 100));
  VALUE_END.lastIndex = 0;
  const match = VALUE_END.exec(window);
  return start + (match ? match.index : window.length);
}
