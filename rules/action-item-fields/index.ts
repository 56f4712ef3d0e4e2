import { defineRule, type RuleContext } from '../../src/engine/types.js';
import { DATE_FORMATS, parseDate, parsePeriod, toIsoDate, compareDates, type CalendarDate, type DateFormat } from '../../src/model/index.js';
import { normalizeText, stripEmoji, withoutTrailingNote } from '../../src/model/index.js';
import {
  normalizeStatus, statusMeaning, type ActionItem, type ActionItemField, type ActionItemFieldName, type ActionItemFields, type ActionItemTable,
} from '../../src/model/index.js';
import type { PostmortemDocument, Span } from '../../src/model/index.js';

interface Options {
  require: ActionItemFieldName[];
  priorities: string[];
  dateFormats: DateFormat[];
  statuses: string[];
  placeholders: string[];
  allowPastDue: boolean;
  allowPeriods: boolean;
  ignoreCompleted: boolean;
  ticketSatisfies: boolean;
}

const DEFAULT_STATUSES = ['Open', 'In Progress', 'Done', 'Blocked', 'TODO', 'Not Started', "Won't Do"];
const DEFAULT_PLACEHOLDERS = ['TBD', 'TBA', 'TBC', '?', 'N/A', '-', 'unassigned', 'unknown', 'nobody', 'no one', 'none', 'everyone', 'anyone', '[Name]', 'Name', 'Owner'];

/** How each date format is written, for messages. */
const FORMAT_EXAMPLES: Record<DateFormat, string> = {
  iso: 'YYYY-MM-DD',
  long: 'March 1, 2026',
  us: 'MM/DD/YYYY',
  eu: 'DD.MM.YYYY',
};
const DATE_EXAMPLES: Record<DateFormat, string> = {
  iso: '2026-03-01',
  long: 'March 1, 2026',
  us: '03/01/2026',
  eu: '01.03.2026',
};
const FIELD_NAMES: Record<ActionItemFieldName, string> = {
  owner: 'owner',
  priority: 'priority',
  due: 'due date',
  status: 'status',
  ticket: 'ticket',
};
const MISSING_MESSAGES: Record<ActionItemFieldName, string> = {
  owner: 'missingOwner',
  priority: 'missingPriority',
  due: 'missingDue',
  status: 'missingStatus',
  ticket: 'missingTicket',
};
const COLUMN_NAMES: Record<ActionItemFieldName, { title: string; aliases: string }> = {
  owner: { title: 'Owner', aliases: 'Owner, Assignee, DRI…' },
  priority: { title: 'Priority', aliases: 'Priority, Pri…' },
  due: { title: 'Due date', aliases: 'Due date, Deadline, Target date, ETA…' },
  status: { title: 'Status', aliases: 'Status, State' },
  ticket: { title: 'Ticket', aliases: 'Ticket, Tracking bug, Issue, Jira…' },
};

/** A value wholly in brackets ("[Name]", "<owner>", "{team}") or without a letter or digit ("-", "?"). */
const TEMPLATE_VALUE = /^(?:\[[^\]]*\]|<[^>]*>|\{[^}]*\}|[^\p{L}\p{N}]*)$/u;
/** A date template: "YYYY-MM-DD", "[MM/DD/YYYY]", "DD.MM.YY". */
const DATE_TEMPLATE = /^[[(<]?\s*(?:[YMDX]{1,4}[-/. ]){2}[YMDX]{1,4}\s*[\])>]?$/i;

/** Option-derived lookups, built once per options object (prepare). */
interface Compiled {
  scale: string[];
  scaleText: string;
  statuses: string[];
  statusText: string;
  /** The team listed its own statuses: they are its words, in whatever language it writes. */
  ownStatuses: boolean;
  placeholders: Set<string>;
  formatText: string;
  /** An example of each field, for messages. */
  examples: Record<ActionItemFieldName, string>;
}
function compile(options: Options): Compiled {
  const formats = options.dateFormats.length > 0 ? options.dateFormats : ['iso' as const];
  return {
    scale: options.priorities.map(normalizeText).filter(Boolean),
    scaleText: options.priorities.join(', '),
    statuses: options.statuses.map(normalizeStatus).filter(Boolean),
    statusText: options.statuses.join(', '),
    ownStatuses: options.statuses.join('\n') !== DEFAULT_STATUSES.join('\n'),
    placeholders: new Set(options.placeholders.map(normalizeText)),
    formatText: formats.map((format) => FORMAT_EXAMPLES[format]).join(' or '),
    examples: {
      owner: 'owner: @handle',
      priority: `priority: ${options.priorities[Math.min(2, options.priorities.length - 1)]!}`,
      due: `due: ${DATE_EXAMPLES[formats[0]!]}`,
      status: `status: ${options.statuses[0]!}`,
      ticket: 'ticket: ABC-123',
    },
  };
}

function isPlaceholder(text: string, compiled: Compiled): boolean {
  const trimmed = stripEmoji(text).trim();
  return TEMPLATE_VALUE.test(trimmed) || compiled.placeholders.has(normalizeText(trimmed));
}

/** How many entries of a list a normalised value names, as whole words. */
function entriesNamed(value: string, entries: string[]): string[] {
  const padded = ` ${value} `;
  return entries.filter((entry) => padded.includes(` ${entry} `));
}

/** 'ok' for "P1", "p1", "P1 - High", "P1 (High)"; 'several' for "P0-P3", "Open/Done"; else 'invalid'. */
function matchScale(value: string, entries: string[]): 'ok' | 'several' | 'invalid' {
  if (entries.includes(value)) return 'ok';
  const named = entriesNamed(value, entries);
  if (named.length > 1) return 'several';
  return named.length === 1 && value.startsWith(`${named[0]} `) ? 'ok' : 'invalid';
}

/** matchScale of a value, or of the value before its trailing note when the whole names several ("P2 (was P3)"). */
function matchValue(text: string, entries: string[], normalize: (text: string) => string): 'ok' | 'several' | 'invalid' {
  const match = matchScale(normalize(text), entries);
  if (match !== 'several') return match;
  const before = withoutTrailingNote(text);
  return before && before !== text && matchScale(normalize(before), entries) === 'ok' ? 'ok' : match;
}

/** Whether an item still needs its fields: not done (or done items are checked too), and not tracked elsewhere. */
function needsFields(item: ActionItem, options: Options, compiled: Compiled): boolean {
  if (options.ignoreCompleted && item.completed) return false;
  if (options.ticketSatisfies) {
    const ticket = item.fields.ticket;
    if (ticket && ticket.text !== '' && !isPlaceholder(ticket.text, compiled)) return false;
  }
  return true;
}

export default defineRule<Options, Compiled>({
  id: 'action-item-fields',
  description:
    'Requires every action item to have an owner, a priority in the scale and a real due date not before the incident, and a known status when it states one.',
  severity: 'warn',
  recommended: true,
  // A field's placeholder ("Owner: TBD") is this rule's finding; no-placeholders' at the same span says less.
  supersedes: ['no-placeholders'],
  messages: {
    missingOwner: 'Action item has no owner: add an owner (a person or team, such as @handle).',
    missingPriority: 'Action item has no priority: add one of {{scale}}.',
    missingDue: 'Action item has no due date: add one, written as {{formats}}.',
    missingStatus: 'Action item has no status: add one of {{statuses}}.',
    missingTicket: 'Action item has no ticket: link the issue that tracks it.',
    missingFields: 'Action item has no {{fields}}: add them, e.g. "{{example}}".',
    emptyItem: 'Action item is empty: write the action with its owner, priority and due date, or remove the line.',
    emptyTable: 'The action-item table has only empty rows: list each action with its owner, priority and due date.',
    missingColumn: 'The action-item table has no {{column}} column: add one ({{aliases}}).',
    placeholder: '{{field}} "{{value}}" is a placeholder: {{expected}}.',
    invalidPriority: 'Priority "{{value}}" is not in the priority scale ({{scale}}).',
    severalPriorities: 'Priority "{{value}}" names several priorities: choose one of {{scale}}.',
    notADate: 'Due date "{{value}}" is not a date: write it as {{formats}}.',
    periodNotDay: 'Due date "{{value}}" names a period, not a day: write the day it is due, as {{formats}}.',
    wrongDateFormat: 'Due date "{{value}}" is not in an accepted format: write it as {{formats}}.',
    impossibleDate: 'Due date "{{value}}" is not a real calendar date.',
    dueBeforeIncident: 'Due date {{due}} is before the incident date {{incident}}.',
    invalidStatus: 'Status "{{value}}" is not one of the statuses: {{statuses}}.',
    severalStatuses: 'Status "{{value}}" names several statuses: choose one of {{statuses}}.',
  },
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      require: {
        type: 'array',
        items: { enum: ['owner', 'priority', 'due', 'status', 'ticket'] },
        uniqueItems: true,
        default: ['owner', 'priority', 'due'],
        description:
          'The fields every open action item must have: `owner`, `priority`, `due` (due date), `status`, `ticket`. A table without one of these columns is reported once, on its header row.',
      },
      priorities: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        minItems: 1,
        default: ['P0', 'P1', 'P2', 'P3', 'P4'],
        description:
          'The priority scale, compared ignoring case and emoji; a value may add a word after its priority ("P1 - High", "P1 (High)"). For example `["Critical", "High", "Medium", "Low"]`.',
      },
      dateFormats: {
        type: 'array',
        items: { enum: [...DATE_FORMATS] },
        minItems: 1,
        uniqueItems: true,
        default: ['iso'],
        description:
          'How due dates may be written: `iso` (2026-03-01), `long` (March 1, 2026; 1 March 2026; 1-Mar-2026; 01/Mar/26), `us` (03/01/2026), `eu` (01.03.2026).',
      },
      statuses: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        minItems: 1,
        default: DEFAULT_STATUSES,
        description:
          'The statuses an item may state, compared ignoring case, punctuation and emoji ("✅ Done", "IN-PROGRESS"); a note may follow ("Done (PR #12)").',
      },
      placeholders: {
        type: 'array',
        items: { type: 'string' },
        default: DEFAULT_PLACEHOLDERS,
        description:
          'Values that leave an owner, priority or due date unset, compared ignoring case. Values wholly in brackets (`[Name]`, `<owner>`) or without a letter or digit (`-`, `?`) and date templates (`YYYY-MM-DD`) always do.',
      },
      allowPastDue: {
        type: 'boolean',
        default: false,
        description:
          'Accept due dates before the incident date (from metadata, the title or the file name). Off: such a date is a typo or a copied row.',
      },
      allowPeriods: {
        type: 'boolean',
        default: true,
        description:
          'Accept a due date that names a month, a quarter or a half of a year ("April 2026", "Q2 2026", "2026-Q2", "H2 2026", "end of March"), as teams that plan by quarter write them; it is before the incident only if its last day is. Off: such a value is reported as a period, not a day.',
      },
      ignoreCompleted: {
        type: 'boolean',
        default: true,
        description:
          'Do not require fields of completed items (checked tasks, a Done or Won\'t Do status, a "(done)" note, a heading such as "Immediate Actions (Completed)" or "**Actions taken:**", an item written in the past tense such as "Added rate limiting", or an item whose action is struck through, "~~Add a manual approval~~ (dropped)"), nor a due date after the incident or in the accepted formats for them. Their owner, priority and status are still checked, and a due date only for an impossible day.',
      },
      ticketSatisfies: {
        type: 'boolean',
        default: false,
        description:
          'Accept an item that links a ticket (an issue or pull request link, or a ticket field) without an owner, priority or due date, for teams whose tracker holds them.',
      },
    },
  },
  prepare: compile,
  check(document, context) {
    const { options } = context;
    const compiled = context.prepared;
    const incident = document.incidentDate;
    const rowsByTable = new Map<ActionItemTable, ActionItem[]>();
    for (const item of document.actionItems) {
      if (item.table) {
        const rows = rowsByTable.get(item.table);
        if (rows) rows.push(item);
        else rowsByTable.set(item.table, [item]);
      }
    }
    // In a language pm-lint has no vocabulary for, a column or a field it cannot name may
    // well be there ("Eigenaar", "eigenaar: Joris"): what is missing is not reported.
    const readable = document.language.readable;
    if (readable) for (const [table, rows] of rowsByTable) checkColumns(table, rows, options, compiled, context);
    for (const table of document.actionItemTables) {
      if (table.empty) context.report({ span: table.table.rows[0]!.span, messageId: 'emptyTable' });
    }
    for (const item of document.actionItems) {
      const needed = needsFields(item, options, compiled);
      // "- [ ]" with nothing after it: a line of the template, not an action without fields.
      if (item.empty && needed) {
        context.report({ span: item.textSpan, messageId: 'emptyItem' });
        continue;
      }
      const missing: ActionItemFieldName[] = [];
      for (const name of options.require) {
        const field = item.fields[name];
        // A column missing from a table was reported on its header.
        if (!field) {
          if (!item.table && needed && readable) missing.push(name);
          continue;
        }
        // Owner, priority and due-date placeholders get their own message below.
        const unset = field.text === '' || ((name === 'status' || name === 'ticket') && isPlaceholder(field.text, compiled));
        if (unset && needed) reportMissing(name, field.span, compiled, context);
      }
      if (missing.length === 1) reportMissing(missing[0]!, item.textSpan, compiled, context);
      else if (missing.length > 1) {
        const names = missing.map((name) => FIELD_NAMES[name]);
        context.report({
          span: item.textSpan,
          messageId: 'missingFields',
          data: {
            fields: `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`,
            example: missing.map((name) => compiled.examples[name]).join(', '),
          },
        });
      }
      checkOwner(item.fields.owner, needed, compiled, context);
      checkPriority(item.fields.priority, needed, compiled, context);
      // A tracker may hold the date, but a done item's date no longer matters: only an impossible one is a slip worth a word.
      const done = options.ignoreCompleted && item.completed;
      checkDue(item.fields.due, { needed, done, pastDue: !options.allowPastDue && !done }, options, compiled, incident, context);
      // A status in an unread language ("Afgerond") is held only to a team's own list.
      if (readable || compiled.ownStatuses) checkStatus(item.fields.status, compiled, context);
    }
  },
});

type Context = RuleContext<Options, Compiled>;

/** Reports, once per table, each required column it lacks while some row still needs it. */
function checkColumns(table: ActionItemTable, rows: ActionItem[], options: Options, compiled: Compiled, context: Context): void {
  if (!rows.some((item) => needsFields(item, options, compiled))) return;
  for (const name of options.require) {
    if (table.columns[name] !== undefined) continue;
    context.report({
      span: table.table.header.span,
      messageId: 'missingColumn',
      data: { column: COLUMN_NAMES[name].title, aliases: COLUMN_NAMES[name].aliases },
    });
  }
}

function reportMissing(name: ActionItemFieldName, span: Span, compiled: Compiled, context: Context): void {
  context.report({ span, messageId: MISSING_MESSAGES[name], data: { scale: compiled.scaleText, formats: compiled.formatText, statuses: compiled.statusText } });
}

function reportPlaceholder(field: ActionItemField<unknown>, label: string, expected: string, context: Context): void {
  context.report({ span: field.span, messageId: 'placeholder', data: { field: label, value: field.text, expected } });
}

function checkOwner(owner: ActionItemField | undefined, needed: boolean, compiled: Compiled, context: Context): void {
  if (!owner || owner.text === '' || !needed) return;
  if (isPlaceholder(owner.text, compiled)) reportPlaceholder(owner, 'Owner', 'name a person or team (such as @handle)', context);
}

function checkPriority(priority: ActionItemField | undefined, needed: boolean, compiled: Compiled, context: Context): void {
  if (!priority || priority.text === '') return;
  // The value, not the text: "⏫" (Obsidian Tasks) is the model's "High".
  const match = matchValue(priority.value, compiled.scale, normalizeText);
  if (match === 'ok') return;
  if (match === 'invalid' && isPlaceholder(priority.value, compiled)) {
    if (needed) reportPlaceholder(priority, 'Priority', `choose one of ${compiled.scaleText}`, context);
    return;
  }
  context.report({
    span: priority.span,
    messageId: match === 'several' ? 'severalPriorities' : 'invalidPriority',
    // A mark says what it stands for: "⏫ (High)".
    data: { value: normalizeText(priority.text) === '' && priority.value !== '' ? `${priority.text} (${priority.value})` : priority.text, scale: compiled.scaleText },
  });
}

function checkDue(
  due: ActionItemFields['due'],
  { needed, done, pastDue }: { needed: boolean; done: boolean; pastDue: boolean },
  options: Options,
  compiled: Compiled,
  incident: PostmortemDocument['incidentDate'],
  context: Context,
): void {
  if (!due || due.text === '') return;
  const text = stripEmoji(due.text).trim();
  if (isPlaceholder(text, compiled) || DATE_TEMPLATE.test(text)) {
    if (needed) reportPlaceholder(due, 'Due date', `set a date, written as ${compiled.formatText}`, context);
    return;
  }
  const data = { value: due.text, formats: compiled.formatText };
  const match = parseDate(text, options.dateFormats);
  if (!match) {
    // The date the model reads in any format: a date written another way, or none.
    const other = due.value;
    if (other) {
      if (!other.valid) context.report({ span: due.span, messageId: 'impossibleDate', data });
      else if (!done) context.report({ span: due.span, messageId: 'wrongDateFormat', data });
      return;
    }
    if (done) return;
    const period = parsePeriod(text);
    if (!period) context.report({ span: due.span, messageId: 'notADate', data });
    else if (!options.allowPeriods) context.report({ span: due.span, messageId: 'periodNotDay', data });
    else if (pastDue) checkNotBefore(period.last, due, incident, context, `"${due.text}" (to ${toIsoDate(period.last)})`);
    return;
  }
  if (!match.valid) {
    context.report({ span: due.span, messageId: 'impossibleDate', data });
    return;
  }
  if (pastDue) checkNotBefore(match.date, due, incident, context);
}

/** A due date (or a period's last day) before the incident is a typo or a row copied from another postmortem. */
function checkNotBefore(
  date: CalendarDate,
  due: ActionItemField<unknown>,
  incident: PostmortemDocument['incidentDate'],
  context: Context,
  named = toIsoDate(date),
): void {
  if (!incident || date.year === null || compareDates(date, incident) >= 0) return;
  context.report({ span: due.span, messageId: 'dueBeforeIncident', data: { due: named, incident: toIsoDate(incident) } });
}

function checkStatus(status: ActionItemField | undefined, compiled: Compiled, context: Context): void {
  if (!status || status.text === '') return;
  const match = matchValue(status.text, compiled.statuses, normalizeStatus);
  if (match === 'ok') return;
  // "Shipped" means what a configured "Done" means; "To Do" what "TODO" means.
  const meaning = statusMeaning(status.value);
  if (match === 'invalid' && meaning !== null && compiled.statuses.some((entry) => statusMeaning(entry) === meaning)) return;
  // "-" or "?" in a status cell states no status; a required one is reported as missing.
  if (match === 'invalid' && isPlaceholder(status.text, compiled)) return;
  context.report({
    span: status.span,
    messageId: match === 'several' ? 'severalStatuses' : 'invalidStatus',
    data: { value: status.text, statuses: compiled.statusText },
  });
}
