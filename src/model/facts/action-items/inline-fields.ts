import type { LineIndex, Span } from '../../parse/positions.js';
import { findDates, isMonthOrWeekdayName, parseDate, parsePeriod, type DateMatch } from '../../text/dates.js';
import { normalizeText, stripEmoji } from '../../text/normalize.js';
import { findBrackets, valueOnNextLine } from '../../text/placeholders.js';
import type { TextView } from '../../text/text-view.js';
import { NOTE_STATUSES, normalizeStatus } from './statuses.js';
import { IMPERATIVE_VERBS } from './words.js';

/**
 * The fields an action item writes inside its text: "owner: @x", "**Priority:** P1",
 * "due 2026-03-01", "(P1)", "@x", "[Team] Do X", a tracker URL, and notes that say the
 * work is done ("(done in grafana)", "*(shipped — v2)*", "Note: we already do this").
 */

export type ActionItemFieldName = 'owner' | 'priority' | 'due' | 'status' | 'ticket';

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

/**
 * Labelled fields inside an item: "owner: @x", "**Priority:** P1", "due date = 2026-03-01".
 * The label is one of a fixed set; its value runs to the next delimiter.
 */
export const FIELD_LABEL =
  /(?<![\p{L}\p{N}_])(owners?|assignees?|assigned to|who|responsible|dri|priority|prio|pri|due date|due by|due on|due|deadline|target date|eta|status|tickets?|tracking bug|tracking issue|tracking|jira)[ \t]*[:=][ \t]*/giu;
/**
 * A due date written without a colon ("due 2026-03-01", "by 2026-03-01", "deadline Mar 1"; the
 * date may be on the next line, where an editor wrapped the item), or
 * after a word that is a due date's label only before a date or a period ("target: 2026-05-08";
 * "target: 99.9%" states no date).
 */
const DUE_WORD = /(?<![\p{L}\p{N}_])(?:due(?: date| by| on)?|deadline|by|eta|target date|target:|targeted for|planned for)(?:[ \t]+|[ \t]*\n[ \t]*)(?=[\p{N}\p{L}])/giu;
const LABEL_ROLE: Record<string, ActionItemFieldName> = {
  owner: 'owner', owners: 'owner', assignee: 'owner', assignees: 'owner', 'assigned to': 'owner', who: 'owner',
  responsible: 'owner', dri: 'owner', priority: 'priority', prio: 'priority', pri: 'priority', 'due date': 'due',
  'due by': 'due', 'due on': 'due', due: 'due', deadline: 'due', 'target date': 'due', eta: 'due', status: 'status',
  ticket: 'ticket', tickets: 'ticket', 'tracking bug': 'ticket', 'tracking issue': 'ticket', tracking: 'ticket', jira: 'ticket',
};
/**
 * Where a field label may stand: at the start, after a delimiter (, ; ( [ | a dash, a
 * bullet, the end of a sentence), after two spaces or a line break. "DevOnboarder Tool
 * Priority: Use…" is a title, not a priority.
 */
const LABEL_PRECEDER = /(?:[,;([|—–•·.!?:]|\s-|\s{2}|\n)\s*$/;
/** Words a labelled value may have before it reads as prose ("Priority: Use the safe scripts first"). */
const MAX_VALUE_WORDS: Partial<Record<ActionItemFieldName, number>> = { priority: 3, status: 4 };
/** Nothing after a label up to the end of its line, and the next line's indentation. */
const LINE_END_AFTER_LABEL = /^[ \t]*\n[ \t]*/;
/** Where an inline value ends. */
const VALUE_END = /[,;|)\]]|[ \t][-–—][ \t]|[ \t]{2}|\n/g;
/** An e-mail address, the whole of a piece between delimiters. */
const EMAIL = /^[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,4}$/;
/** "@handle", "@org/team" (not an e-mail address), or "name@" (Google's style). */
const HANDLE = /(?<![\p{L}\p{N}_@./+-])@[A-Za-z0-9](?:[\w./-]{0,38}\w)?|(?<![\p{L}\p{N}_@.])[a-z][\w.-]{0,30}@(?![\w.@])/gu;
/** "priority P1" without a colon. */
/** Obsidian Tasks' due date mark. */
const CALENDAR_MARK = /📅\uFE0F?[ \t]*/u;
/** Obsidian Tasks' priority marks and the priorities they stand for. */
const PRIORITY_MARKS: Record<string, string> = { '🔺': 'Highest', '⏫': 'High', '🔼': 'Medium', '🔽': 'Low', '⏬': 'Lowest' };
const PRIORITY_MARK = /🔺|⏫|🔼|🔽|⏬/u;
/** An "@" that may open a date mention ("@December 1, 2026"): not inside a word or an address. */
const DATE_MENTION = /(?<![\p{L}\p{N}_.@])@(?=[\p{L}\p{N}])/gu;
const PRIORITY_WORD = /(?<![\p{L}\p{N}_])(?:priority|prio|pri)[ \t]+(P[0-9])(?![\p{L}\p{N}])/giu;
/** A priority written alone between delimiters or in brackets: "(P1)", ", P2,". */
const BARE_PRIORITY = /^P[0-9]$/i;
const SEGMENT_DELIMITER = /[,;()[\]|·]|[ \t][-–—](?:[ \t]|\n)/g;
/** A "(done)" or "(in progress)" note; an editor may wrap it over a few lines. */
const PAREN_NOTE = /\(([^()\n]{1,60}(?:\n[^()\n]{1,60}){0,3})\)/g;
/** Where the status word of a note ends: "(shipped — v2)", "(done, #67)". */
const NOTE_STATUS_END = /\s[-–—]\s|[,;:]/;
const COMPLETION_NOTE = /^(?:[\p{L}-]{1,20}\s+){0,2}(?:done|completed?|fixed|implemented|resolved|shipped|merged|deployed)\b/iu;
const NOT_COMPLETED = /\b(?:not|if|when|once|until|after|before|to be|will be)\b/i;
/** A later sentence or note saying the work exists already: "Note: on investigation, we already do this". */
const ALREADY_DONE =
  /\b(?:(?:we|this|it|that)\s+already\s+(?:do|does|exists?|handles?)|already\s+(?:done|in place|implemented|handled|exists?|fixed|addressed|covered))\b/i;
const BARE_URL = /https?:\/\/[^\s<>()[\]]{1,300}/g;
export const TRACKER_URL =
  /\/(?:issues|pull|pulls|merge_requests|tickets?|bugs?|work_?items?)\/\d|\/browse\/[A-Z][A-Z0-9]{0,15}-\d|linear\.app\/[^/\s]+\/issue\/|show_bug\.cgi|\/-\/issues\//i;
/** A pull or merge request. */
export const CHANGE_REQUEST_URL = /\/(?:pull|pulls|merge_requests)\/\d/i;

/** "[Team] Do X": a bracketed owner before the action. */
const BRACKET_OWNER = /^\s*\[([A-Za-z][^\]\n]{0,29})\]\s+(?=\S)/;
/** Bracketed tags that are not owners: states, priorities, kinds of work. */
const BRACKET_TAGS = new Set([
  'x', 'todo', 'to do', 'done', 'wip', 'open', 'closed', 'in progress', 'blocked', 'planned', 'optional', 'stretch',
  'later', 'bug', 'feature', 'chore', 'docs', 'doc', 'security', 'infra', 'high', 'medium', 'low', 'critical',
  'urgent', 'nice to have', 'must have', 'should have', 'new', 'fixed', 'update', 'breaking', 'draft', 'idea',
  'question', 'tbd', 'na', 'n a', 'short term', 'long term', 'immediate', 'follow up', 'action', 'ai',
]);
const TICKET_KEY = /^[A-Z][A-Z0-9]{0,15}-\d+$/;
/** A reference to an issue (`#`) or merge request (`!`) of another project, as GitLab and GitHub write one. */
const PROJECT_REFERENCE = /(?<![\w./@-])[A-Za-z0-9][\w.-]{0,99}(?:\/[\w.-]{1,100}){1,5}[#!]\d{1,7}(?![\w-])/;
/** An issue number or tracker key opening an item, before a dash or colon. */
const LEADING_TICKET = /^\s*\[?(#\d{1,7}|[A-Z][A-Z0-9]{1,15}-\d{1,7})\]?(?:\s+[-–—]|:)\s/;
/** An issue number or tracker key in brackets closing an item. */
const TRAILING_TICKET = /[([](#\d{1,7}|[A-Z][A-Z0-9]{1,15}-\d{1,7})[)\]]\s*\.?\s*$/;

export function makeField(name: ActionItemFieldName, text: string, span: Span): ActionItemField<string | DateMatch | null> {
  if (name === 'due') return { text, span, value: parseDate(stripEmoji(text)) };
  if (name === 'status') return { text, span, value: normalizeStatus(text) };
  return { text, span, value: stripEmoji(text).trim() };
}

/** The field `name` written at [start, end) of `text` (the view's text, masked), with its span in the source. */
function fieldAt(view: TextView, lines: LineIndex, name: ActionItemFieldName, text: string, start: number, end: number): ActionItemField<string | DateMatch | null> {
  const range = view.sourceRange(start, end);
  return makeField(name, text.slice(start, end), lines.span(range.start, range.end));
}

/**
 * An item's text as the field readers see it: code is neither an owner nor a date, and a
 * struck-through value is one the writer took back ("due: ~~2026-03-20~~ 2026-03-31"), so
 * they keep their place, not their text.
 */
function fieldText(view: TextView): string {
  return view.masked(['code', 'gaps', 'deleted'], ' ');
}

/**
 * Whether the label match at `index` is written where a field label stands: at the start,
 * after a delimiter, as a bold label of its own ("**Owner:** x"), or after a lower-case word
 * ("Fix the disk alert owner: @a"). A label that ends a title is part of it: "**Tool
 * Priority**: Use…", "Release Owner: Add…".
 */
function labelPlaced(text: string, index: number, label: string, view: TextView): boolean {
  const from = Math.max(0, index - 20);
  const before = text.slice(from, index);
  if ((from === 0 && before.trim() === '') || LABEL_PRECEDER.test(before)) return true;
  const runs = [...view.strong, ...view.emphasis].filter((range) => range.start <= index && range.end > index);
  // "**Owner:** x", "_Priority_: P1": the label is the whole of a bold or italic run.
  if (runs.some((range) => text.slice(range.start, index).trim() === '' && normalizeText(text.slice(range.start, range.end)) === normalizeText(label))) {
    return true;
  }
  if (runs.length > 0) return false;
  const previous = /(\S+)\s+$/.exec(before)?.[1] ?? '';
  return previous !== '' && !/^[\p{Lu}]/u.test(previous);
}

/**
 * Reads the fields written in a text (earlier fields win) and tells whether it notes the
 * work as done ("(done in grafana)", "_done_", "*(shipped — v2)*", "Note: we already do this").
 */
export function readInlineFields(view: TextView, lines: LineIndex, fields: ActionItemFields): boolean {
  const text = fieldText(view);
  const set = (name: ActionItemFieldName, start: number, end: number) => {
    if (fields[name]) return;
    const value = text.slice(start, end);
    const trimmedStart = start + (value.length - value.trimStart().length);
    fields[name] = fieldAt(view, lines, name, text, trimmedStart, trimmedStart + value.trim().length) as never;
  };

  const labelStarts: number[] = [];
  FIELD_LABEL.lastIndex = 0;
  const labelled: Array<{ role: ActionItemFieldName; valueStart: number }> = [];
  for (let m = FIELD_LABEL.exec(text); m; m = FIELD_LABEL.exec(text)) {
    if (!labelPlaced(text, m.index, m[1]!, view)) continue;
    labelStarts.push(m.index);
    labelled.push({ role: LABEL_ROLE[m[1]!.toLowerCase()]!, valueStart: m.index + m[0].length });
  }
  for (const [i, labelledField] of labelled.entries()) {
    const { role } = labelledField;
    if (fields[role]) continue;
    const limit = labelStarts[i + 1] ?? text.length;
    // "(owner: @ana, due:" / "  2026-03-01)": a label that ends a line the editor wrapped takes its value from the next.
    const wrapped = LINE_END_AFTER_LABEL.exec(text.slice(labelledField.valueStart, limit));
    const nextLine = wrapped ? labelledField.valueStart + wrapped[0].length : -1;
    const nextLineEnd = text.indexOf('\n', nextLine);
    const valueStart =
      wrapped && valueOnNextLine(text.slice(nextLine, nextLineEnd === -1 ? text.length : nextLineEnd)) ? nextLine : labelledField.valueStart;
    // A date may hold a comma ("Mar 1, 2026"): take the whole date when one starts here.
    const date = role === 'due' ? dateAt(text, valueStart, limit) : null;
    const end = date ?? valueEnd(text, valueStart, limit);
    const maxWords = MAX_VALUE_WORDS[role];
    // Counted over a line break: "(priority: high with a" / "canary)" is prose an editor wrapped.
    const counted = maxWords === undefined ? '' : text.slice(valueStart, valueEnd(text.replaceAll('\n', ' '), valueStart, limit));
    if (maxWords !== undefined && counted.trim().split(/\s+/).length > maxWords) continue;
    const named = role === 'owner' ? nameInBrackets(text, valueStart, end) : null;
    if (named) set(role, named.start, named.end);
    else set(role, valueStart, end);
  }

  if (!fields.due) {
    DUE_WORD.lastIndex = 0;
    for (let m = DUE_WORD.exec(text); m; m = DUE_WORD.exec(text)) {
      const start = m.index + m[0].length;
      const end = dateAt(text, start, text.length) ?? periodAt(text, start, text.length);
      if (end !== null) {
        set('due', start, end);
        break;
      }
    }
  }

  if (!fields.due) {
    // "@December 1, 2026": a date mention, as Notion exports one, is the item's date.
    DATE_MENTION.lastIndex = 0;
    for (let m = DATE_MENTION.exec(text); m; m = DATE_MENTION.exec(text)) {
      const end = dateAt(text, m.index + 1, text.length);
      if (end !== null) {
        set('due', m.index + 1, end);
        break;
      }
    }
  }

  if (!fields.owner) {
    HANDLE.lastIndex = 0;
    for (let m = HANDLE.exec(text); m; m = HANDLE.exec(text)) {
      if (m[0].startsWith('@') && dateAt(text, m.index + 1, text.length) !== null) continue;
      set('owner', m.index, m.index + m[0].length);
      break;
    }
  }

  if (!fields.owner) {
    const bracket = BRACKET_OWNER.exec(text);
    const name = bracket?.[1]!.trim();
    if (bracket && name && isBracketOwner(name)) {
      const start = bracket[0].indexOf('[') + 1;
      set('owner', start, start + bracket[1]!.length);
    }
  }

  if (!fields.due) {
    // "📅 2026-11-15": the due date of Obsidian Tasks.
    const calendar = CALENDAR_MARK.exec(text);
    const end = calendar ? dateAt(text, calendar.index + calendar[0].length, text.length) : null;
    if (calendar && end !== null) set('due', calendar.index + calendar[0].length, end);
  }

  if (!fields.priority) {
    // "⏫": a priority of Obsidian Tasks, read as the word it stands for.
    const mark = PRIORITY_MARK.exec(text);
    if (mark) {
      const range = view.sourceRange(mark.index, mark.index + mark[0].length);
      fields.priority = { text: mark[0], span: lines.span(range.start, range.end), value: PRIORITY_MARKS[mark[0]]! };
    }
  }

  if (!fields.priority) {
    PRIORITY_WORD.lastIndex = 0;
    const word = PRIORITY_WORD.exec(text);
    if (word) set('priority', word.index + word[0].length - word[1]!.length, word.index + word[0].length);
  }

  // The pieces between delimiters ("… — @ana — 2026-03-01", "(@ana, P2, 2026-03-01)"): where bare fields stand.
  let pieces: Array<{ start: number; text: string }> | undefined;
  const segments = () => (pieces ??= segmentsOf(text));

  if (!fields.priority) {
    const bare = segments().find((segment) => BARE_PRIORITY.test(segment.text.trim()));
    if (bare) {
      const at = bare.start + bare.text.indexOf(bare.text.trim());
      set('priority', at, at + bare.text.trim().length);
    }
  }

  if (!fields.priority) {
    // "**P1** Add a failover drill": a bold priority opening the item.
    const lead = text.length - text.trimStart().length;
    const bold = view.strong.find((range) => range.start === lead);
    if (bold && BARE_PRIORITY.test(text.slice(bold.start, bold.end).trim())) set('priority', bold.start, bold.end);
  }

  if (!fields.owner && fields.priority) {
    // "… — ops@acme.io, P2, 2026-03-31": an e-mail address standing alone beside a priority, not the item's first piece.
    const mail = segments().slice(1).find((segment) => EMAIL.test(segment.text.trim()));
    if (mail) {
      const at = mail.start + mail.text.indexOf(mail.text.trim());
      set('owner', at, at + mail.text.trim().length);
    }
  }

  if (!fields.due && (fields.owner || fields.priority)) {
    // A date, a period ("end of June", "Q3 2026") or a schedule ("next sprint") standing alone
    // between delimiters, beside other fields; not the item's first piece.
    for (const segment of segments().slice(1)) {
      const date = parseDate(segment.text);
      if (date && date.date.year !== null && date.end - date.start === segment.text.trim().length) {
        set('due', segment.start + date.start, segment.start + date.end);
        break;
      }
      if (parsePeriod(segment.text) || SCHEDULE.test(segment.text.trim())) {
        set('due', segment.start, segment.start + segment.text.length);
        break;
      }
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

  if (!fields.ticket) {
    // "gitlab-org/gitlab#4412", "acme/api!88": a reference to another project's issue or merge request.
    const reference = PROJECT_REFERENCE.exec(text);
    if (reference) set('ticket', reference.index, reference.index + reference[0].length);
  }

  if (!fields.ticket) {
    // "#812 — Add an alert", "OPS-4410: Add an alert", "… (OPS-4410)": a ticket that opens the item or closes it in brackets.
    const leading = LEADING_TICKET.exec(text);
    const trailing = leading ? null : TRAILING_TICKET.exec(text);
    const found = leading ?? trailing;
    if (found) {
      const at = found.index + found[0].indexOf(found[1]!);
      set('ticket', at, at + found[1]!.length);
    }
  }

  let completedNote = false;
  PAREN_NOTE.lastIndex = 0;
  for (let m = PAREN_NOTE.exec(text); m; m = PAREN_NOTE.exec(text)) {
    const inner = m[1]!;
    const note = inner.replace(/\s+/g, ' ').trim();
    // "(shipped — v2)", "(done, #67)": the status is the note's first part.
    const head = inner.split(NOTE_STATUS_END)[0]!;
    if (!fields.status && NOTE_STATUSES.has(normalizeStatus(head))) {
      set('status', m.index + 1, m.index + 1 + head.length);
    } else if (isCompletionNote(note)) completedNote = true;
  }
  for (const range of view.emphasis) {
    const note = text.slice(range.start, range.end).replace(/\s+/g, ' ').trim().replace(/^\((.*)\)$/, '$1');
    if (isCompletionNote(note)) completedNote = true;
  }
  if (!completedNote) completedNote = notesAlreadyDone(text);
  return completedNote;
}

/** The pieces of a text between delimiters (commas, brackets, pipes, spaced dashes), each with where it starts. */
function segmentsOf(text: string): Array<{ start: number; text: string }> {
  const found: Array<{ start: number; text: string }> = [];
  let start = 0;
  SEGMENT_DELIMITER.lastIndex = 0;
  for (let m = SEGMENT_DELIMITER.exec(text); m; m = SEGMENT_DELIMITER.exec(text)) {
    found.push({ start, text: text.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  found.push({ start, text: text.slice(start) });
  return found;
}

/** The word after a name that makes it a group of people: "Platform team", "Storage on-call". */
const GROUP_WORD = '(?:team|squad|group|on-?call)';
/** "ICL to build 22.0.3", "Hypha will run the tests", "Platform team to review …": a name, then the work it is to do. */
const SUBJECT_OWNER = new RegExp(`^\\s*([A-Z][\\p{L}0-9&-]{1,30}(?:\\s+${GROUP_WORD})?)\\s+(?:to|will|shall)\\s+(?!be\\b)([a-z]+)`, 'u');
/**
 * Endings of the nouns that open an item as its subject without naming anyone
 * ("Monitoring to include …", "Documentation to cover …", "Backups to run …"); a name may
 * end in -as, -is, -os or -us ("Thomas", "Chris", "Carlos", "Marcus").
 */
const NOUN_ENDING = /(?:ing|tion|sion|ment|ness|ity|ance|ence|ure|[^aiou]s)$/i;
/** Capitalised words that open such a sentence without naming anyone. */
const NOT_OWNERS = new Set([
  'we', 'the', 'team', 'this', 'that', 'it', 'they', 'you', 'everyone', 'someone', 'all', 'each', 'users', 'customers',
  'continue', 'ensure', 'need', 'needs', 'plan', 'plans', 'work', 'going', 'how', 'what', 'when', 'who', 'where', 'why',
]);

/**
 * The owner named as the subject of an item: "ICL to subscribe to security alerts",
 * "Hypha will run the full suite", "Ana to add an alert". The name must be one: an
 * acronym, a word the document also capitalises in mid-sentence (`isName`), or a word
 * that is neither a verb nor a noun by its ending, before a verb of work ("Ana to add",
 * not "Update to version 2" or "Monitoring to include disks").
 */
export function readSubjectOwner(view: TextView, lines: LineIndex, fields: ActionItemFields, isName: (word: string) => boolean): void {
  if (fields.owner) return;
  const text = fieldText(view);
  const match = SUBJECT_OWNER.exec(text);
  const name = match?.[1];
  if (!match || !name) return;
  const first = name.split(/\s+/)[0]!;
  if (NOT_OWNERS.has(first.toLowerCase())) return;
  const namedByForm = IMPERATIVE_VERBS.has(match[2]!) && !IMPERATIVE_VERBS.has(first.toLowerCase()) && !NOUN_ENDING.test(first);
  if (!namedByForm && !isName(first)) return;
  const start = match[0].indexOf(name);
  fields.owner = fieldAt(view, lines, 'owner', text, start, start + name.length) as ActionItemField;
}

/** A spaced dash: what follows an item's last one may sign the item with its owner or status. */
const SIGNATURE_DASH = /[ \t][-–—](?:[ \t]+|[ \t]*\n[ \t]*)(?=\S)/g;

/** A spaced dash in an item: where it stands, and where the words after it start. */
interface Dash {
  at: number;
  after: number;
}

function spacedDashes(text: string): Dash[] {
  const dashes: Dash[] = [];
  SIGNATURE_DASH.lastIndex = 0;
  for (let m = SIGNATURE_DASH.exec(text); m; m = SIGNATURE_DASH.exec(text)) dashes.push({ at: m.index, after: m.index + m[0].length });
  return dashes;
}
/** A closing "(Ben, P2, by 2026-03-01)": a name first, then fields. */
const CLOSING_PARENS = /\(([^()\n]{1,80})\)[ \t]*\.?[ \t]*$/;
/** One to three capitalised words ("Ana", "Ana Lopez", "SRE"), or a team ("Platform team"). */
const SIGNED_NAME = new RegExp(`^[\\p{Lu}][\\p{L}'’.-]{0,30}(?:\\s+[\\p{Lu}][\\p{L}'’.-]{0,30}){0,2}(?:\\s+${GROUP_WORD})?$`, 'u');
/** Capitalised words that sign no one: answers, schedules, kinds of work. */
const NOT_SIGNATURES = new Set(['yes', 'no', 'maybe', 'ongoing', 'backlog', 'later', 'soon', 'asap', 'team', 'everyone', 'all', 'we', 'us', 'tba']);
/** A part of a closing parenthesis that states a field: "P2", "due …", "by …", a date, a status. */
const FIELD_PART = /^(?:P[0-9]|(?:due|by|eta|deadline|target)\b.*)$/i;
/** A schedule written where a due date goes: "next sprint", "this week", "EOQ", "ASAP", "Sprint 42". */
const SCHEDULE = /^(?:(?:next|this|following|the next)[ \t]+(?:sprint|week|month|quarter|release|iteration|cycle)|eo[dwmqy]|asap|sprint[ \t]+\d{1,4})$/i;

/**
 * The fields an item writes after its action: a signature and tags (see readSignature and
 * readTrailingTags). Fields the item states elsewhere win.
 */
export function readItemEnd(view: TextView, lines: LineIndex, fields: ActionItemFields): void {
  const text = fieldText(view);
  readSignature(view, lines, text, fields);
  readTrailingTags(view, lines, text, fields);
}

/**
 * What an item's end says after the action, as a signature: its owner ("Document the
 * limits — Ana", "Add a disk panel — Ben, by end of February", "Add an alert (Ana Lopez,
 * P2, due 2026-03-01)") or its status ("Review the threshold — Done"). An owner is one to
 * three capitalised words, or a team, standing alone after the item's last spaced dash, or
 * first in a closing parenthesis whose other parts state fields. A word that is a priority,
 * tag, month or weekday signs nothing ("— P1", "— Friday"), and neither does a dash
 * followed by prose ("— see the runbook").
 */
function readSignature(view: TextView, lines: LineIndex, text: string, fields: ActionItemFields): void {
  if (fields.owner && fields.status) return;
  const set = (name: 'owner' | 'status', signature: { start: number; end: number }) => {
    fields[name] = fieldAt(view, lines, name, text, signature.start, signature.end) as never;
  };
  const dashes = spacedDashes(text);
  const afterDash = segmentAfterDash(text, dashes);
  if (afterDash && !fields.status && NOTE_STATUSES.has(normalizeStatus(text.slice(afterDash.start, afterDash.end)))) {
    return set('status', afterDash);
  }
  if (fields.owner) return;
  const signature = (afterDash && isSignedName(text.slice(afterDash.start, afterDash.end)) ? afterDash : null) ?? signatureInParentheses(text);
  if (signature) return set('owner', signature);
  const dashed = signatureBeforeDashedFields(text, dashes);
  if (!dashed) return;
  set('owner', dashed.name);
  // The date among the fields after the name is the due date ("— Ana Lopez — 2026-04-16").
  if (!fields.due && dashed.date) fields.due = fieldAt(view, lines, 'due', text, dashed.date.start, dashed.date.end) as never;
}

/**
 * "… — Bob — P3 — 2026-04-30": a name in the run of dash-separated pieces an item ends
 * with, when every piece after it states a field, as in a closing parenthesis.
 */
function signatureBeforeDashedFields(
  text: string,
  dashes: readonly Dash[],
): { name: { start: number; end: number }; date: { start: number; end: number } | null } | null {
  if (dashes.length < 2 || !/\p{L}/u.test(text.slice(0, dashes[0]!.at))) return null;
  // The piece after each dash, up to the next one; the text before the first dash is the action.
  const pieces = dashes.map((dash, i) => {
    const piece = text.slice(dash.after, dashes[i + 1]?.at ?? text.length).trimEnd().replace(/\.$/, '');
    return { start: dash.after, end: dash.after + piece.length, text: piece };
  });
  let i = pieces.length - 1;
  while (i >= 0 && isFieldPart(pieces[i]!.text)) i--;
  if (i < 0 || i === pieces.length - 1) return null;
  const name = pieces[i]!;
  if (!isSignedName(name.text)) return null;
  const date = pieces.slice(i + 1).find((piece) => parseDate(piece.text)?.date.year != null);
  return { name: { start: name.start, end: name.end }, date: date ? { start: date.start, end: date.end } : null };
}

/** The words after an item's last spaced dash, up to a comma, semicolon or parenthesis. */
function segmentAfterDash(text: string, dashes: readonly Dash[]): { start: number; end: number } | null {
  const start = dashes.at(-1)?.after ?? -1;
  if (start < 0 || !/\p{L}/u.test(text.slice(0, start))) return null;
  const segment = text.slice(start).split(/[,;(]/)[0]!.trimEnd().replace(/\.$/, '');
  return { start, end: start + segment.length };
}

/**
 * The name in a closing parenthesis of fields: first, before parts of which one states a
 * field ("(Ben, P2, by 2026-03-01)"), or anywhere among parts that all do ("(P2, Maria,
 * end of June)").
 */
function signatureInParentheses(text: string): { start: number; end: number } | null {
  const match = CLOSING_PARENS.exec(text);
  if (!match || !/\p{L}/u.test(text.slice(0, match.index))) return null;
  const parts: Array<{ start: number; text: string }> = [];
  let at = 0;
  for (const piece of match[1]!.split(/[,;]/)) {
    parts.push({ start: at + (piece.length - piece.trimStart().length), text: piece.trim() });
    at += piece.length + 1;
  }
  if (parts.length < 2) return null;
  const fieldParts = parts.map((part) => isFieldPart(part.text));
  const unfilled = parts.filter((_, i) => !fieldParts[i]);
  const name = !fieldParts[0] && fieldParts.slice(1).some(Boolean) ? parts[0]! : unfilled.length === 1 ? unfilled[0]! : null;
  if (!name || !isSignedName(name.text)) return null;
  const start = match.index + 1 + name.start;
  return { start, end: start + name.text.length };
}

function isFieldPart(part: string): boolean {
  return FIELD_PART.test(part) || findDates(part).length > 0 || parsePeriod(part) !== null || SCHEDULE.test(part) || NOTE_STATUSES.has(normalizeStatus(part));
}

function isSignedName(name: string): boolean {
  if (!SIGNED_NAME.test(name) || !isBracketOwner(name) || NOT_SIGNATURES.has(normalizeText(name))) return false;
  return !name.split(/[ \t]+/).some(isMonthOrWeekdayName) && findDates(name).length === 0;
}

/** A tag an item may end with, as exports of issue trackers write them: "@maya", "P1", "2026-10-02". */
const TRAILING_TAG = /(?:^|\s)(@[A-Za-z0-9][\w./-]{0,39}|P[0-9]|\d{4}-\d{2}-\d{2})\s*$/;

/**
 * Fields an item ends with as bare tags, two or more in a row: "Make checkout fail open
 * @maya-chen P1 2026-10-02". A date alone at the end is not one ("Retire v1 after
 * 2026-10-02"); with a handle or a priority beside it, it is the due date.
 */
function readTrailingTags(view: TextView, lines: LineIndex, text: string, fields: ActionItemFields): void {
  const tags: Array<{ tag: string; start: number }> = [];
  let rest = text.trimEnd();
  for (let m = TRAILING_TAG.exec(rest); m; m = TRAILING_TAG.exec(rest)) {
    tags.unshift({ tag: m[1]!, start: m.index + m[0].indexOf(m[1]!) });
    rest = rest.slice(0, m.index);
  }
  if (tags.length < 2 || !/\p{L}/u.test(rest)) return;
  for (const { tag, start } of tags) {
    const name: ActionItemFieldName = tag.startsWith('@') ? 'owner' : BARE_PRIORITY.test(tag) ? 'priority' : 'due';
    if (!fields[name]) fields[name] = fieldAt(view, lines, name, text, start, start + tag.length) as never;
  }
}

/** Whether a bracketed prefix names who does the work ("[Hypha]", "[SRE team]"), not a tag ("[P1]", "[x]", "[optional]"). */
function isBracketOwner(name: string): boolean {
  if (name.split(/\s+/).length > 3 || TICKET_KEY.test(name) || BARE_PRIORITY.test(name)) return false;
  const normalized = normalizeText(name);
  return normalized !== '' && !BRACKET_TAGS.has(normalized) && !NOTE_STATUSES.has(normalizeStatus(name));
}

/** "Note: on investigation, we already do this": a later sentence that says the work exists. */
function notesAlreadyDone(text: string): boolean {
  const match = ALREADY_DONE.exec(text);
  if (!match) return false;
  const before = text.slice(0, match.index);
  return /[.!?]\s/.test(before) || /\bnote\s*:/i.test(before);
}

/** A note that says the work is done: "(monitoring done in grafana)", "_done in grafana_". */
export function isCompletionNote(note: string): boolean {
  return note.length <= 80 && COMPLETION_NOTE.test(note.trim()) && !NOT_COMPLETED.test(note);
}

/** The end of a date that starts at `start` (spaces aside) and ends before `limit`, or null. */
function dateAt(text: string, start: number, limit: number): number | null {
  const candidate = text.slice(start, Math.min(limit, start + 40));
  const [first] = findDates(candidate);
  if (!first || candidate.slice(0, first.start).trim() !== '') return null;
  return start + first.end;
}

/** The end of a period ("end of February", "Q2 2026") that starts at `start` and runs to the value's end, or null. */
function periodAt(text: string, start: number, limit: number): number | null {
  const end = valueEnd(text, start, limit);
  return parsePeriod(text.slice(start, end)) ? end : null;
}

/**
 * "owner: [Ana Lopez]": a name in brackets that is not a template's ("[Owner]", "[Name]",
 * "[team name]" stay whole, and so are placeholders). Its range without the brackets, or null.
 */
function nameInBrackets(text: string, start: number, end: number): { start: number; end: number } | null {
  const value = text.slice(start, end).trim();
  const [bracket] = value.startsWith('[') && value.endsWith(']') ? findBrackets(value) : [];
  if (!bracket || bracket.start !== 0 || bracket.end !== value.length || bracket.telling || !isBracketOwner(value.slice(1, -1).trim())) return null;
  const at = text.indexOf('[', start) + 1;
  return { start: at, end: at + value.length - 2 };
}

/**
 * Where an inline value that starts at `start` ends: at a delimiter, the limit, or 100
 * characters. A value in brackets keeps its closing one ("owner: [Owner]" is "[Owner]").
 */
function valueEnd(text: string, start: number, limit: number): number {
  const window = text.slice(start, Math.min(limit, start + 100));
  const lead = window.length - window.trimStart().length;
  if (window[lead] === '[') {
    const close = window.indexOf(']', lead);
    if (close > lead && !window.slice(lead + 1, close).includes('[')) {
      VALUE_END.lastIndex = close + 1;
      const after = VALUE_END.exec(window);
      return start + (after ? after.index : window.length);
    }
  }
  VALUE_END.lastIndex = 0;
  const match = VALUE_END.exec(window);
  return start + (match ? match.index : window.length);
}
