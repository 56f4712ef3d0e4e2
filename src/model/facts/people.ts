import type { PostmortemDocument } from '../document.js';
import type { Span } from '../parse/positions.js';
import type { Field, TableModel } from './types.js';
import { normalizeText } from '../text/normalize.js';
import { lowerBound } from '../text/sorted.js';

/** A person the document names: in metadata, a participants list, a people column, or an @handle. */
export interface Person {
  /** As written, placeholders and role notes removed: "Alice Smith", "@alice", "alice@". */
  name: string;
  /** An @handle or name@ form. */
  handle: boolean;
  span: Span;
  source: 'metadata' | 'participants' | 'table' | 'prose';
}

/** Metadata keys whose values name people (canonical keys of metadata-keys.ts and camel-cased labels). */
const PEOPLE_KEYS = new Set([
  'commander', 'responders', 'authors', 'reviewers', 'owner', 'owners', 'assignee', 'assignees', 'assignedTo',
  'dri', 'scribe', 'attendees', 'onCallEngineer', 'primaryOnCall', 'secondaryOnCall',
]);
/** Labels of people fields that teams invent: "Communications Lead", "SME - Database", "On-call Engineer". */
const PEOPLE_LABEL_SUFFIX = /\b(?:lead|commander|engineer|owner|scribe|responder|sme|dri|on ?call)$/;

/** Columns of people in any table (normalised headers). */
const PEOPLE_COLUMNS = new Set([
  'owner', 'owners', 'assignee', 'assignees', 'assigned to', 'who', 'responsible', 'dri', 'person', 'people',
  'responder', 'responders', 'participant', 'participants', 'attendee', 'attendees', 'incident commander',
]);
/**
 * "Name" names people only beside a column that says so (`| Role | Name | Joined At |`,
 * `| Name | Date | Signature |`); elsewhere it names services, metrics or fields.
 */
const NAME_COLUMNS = new Set(['name', 'names', 'full name']);
const PERSON_TABLE_HINTS = new Set(['role', 'roles', 'team', 'email', 'contact', 'signature', 'joined', 'joined at', 'responsibility', 'title', 'handle']);

/**
 * Words that are not names though they fill people fields: template placeholders
 * ("Name", "List of people"), teams and roles ("SRE team", "Engineering Manager").
 */
const NOT_NAME_WORDS = new Set([
  'name', 'names', 'list', 'of', 'people', 'person', 'persons', 'team', 'teams', 'engineer', 'engineers', 'engineering',
  'manager', 'management', 'lead', 'leads', 'owner', 'author', 'authors', 'reviewer', 'approver', 'director', 'vp', 'sre',
  'devops', 'ops', 'qa', 'dev', 'on', 'call', 'oncall', 'on-call', 'tbd', 'tba', 'n/a', 'na', 'none', 'unknown', 'yes', 'no',
  'the', 'and', 'or', 'incident', 'commander', 'responder', 'responders', 'primary', 'secondary', 'senior', 'staff',
  'todo', 'everyone', 'all', 'support', 'security', 'platform', 'infrastructure', 'product', 'customer', 'customers',
  'automated', 'automation', 'system', 'bot', 'prometheus', 'pagerduty', 'slack', 'github', 'jira',
]);

/** Slack and GitHub mentions that address a group or a channel, never one person. */
const BROADCAST_HANDLES = new Set(['channel', 'here', 'everyone', 'all', 'team', 'oncall', 'on-call']);

/** `@alice`, `@alice-b`, `@org/team` (not an e-mail address or a decorator inside a word). */
const AT_HANDLE = /(?<![\p{L}\p{N}_.@])@([\p{L}\p{N}][\p{L}\p{N}_-]{0,38})(?:\/[\p{L}\p{N}_-]{1,39})?/gu;
/** `alice@` (Google style), not an e-mail address. */
const TRAILING_HANDLE = /^([a-z][a-z0-9._-]{0,38})@$/i;
/** Separators of several people in one value. */
const PEOPLE_SEPARATOR = /\s*(?:[,;/&+·•\n]|\band\b)\s*/;
/** Placeholders and role notes inside a value: "[Name]", "____", "(IC)". */
const BRACKETED = /\[[^\]]*\]|\([^)]*\)|<[^>]*>/g;
const NAME_WORD = /^\p{Lu}[\p{L}'’.-]*$/u;

/** The people a document names, and a lookup by word for prose that mentions them. */
export class People {
  readonly persons: readonly Person[];
  /** Words of full names, as written ("Alice", "Smith"). */
  private readonly nameWords = new Set<string>();
  /** Handles, lower case, without "@". */
  private readonly handles = new Set<string>();

  constructor(persons: Person[]) {
    this.persons = persons;
    for (const person of persons) {
      if (person.handle) this.handles.add(person.name.replace(/^@|@$/g, '').toLowerCase());
      else for (const word of person.name.split(/\s+/)) if (word) this.nameWords.add(word);
    }
  }

  /** Whether a word is part of a known person's name ("Alice" of "Alice Smith"), compared as written. */
  isNameWord(word: string): boolean {
    return this.nameWords.has(word);
  }

  /** Whether a handle ("@alice", "alice@" or "alice") is one the document names. */
  isHandle(handle: string): boolean {
    return this.handles.has(handle.replace(/^@|@$/g, '').toLowerCase());
  }
}

/**
 * Handles that name software, not a person: bots ("@pagerbot", "@deploy-bot",
 * "@renovate[bot]"; not "@talbot", a surname) and the tools that post as themselves
 * (Dependabot, Alertmanager, GitHub Actions, PagerDuty, Grafana …).
 */
const SOFTWARE_HANDLE =
  /(?:^|[-_.]|pager|deploy|alert|merge|release|ci|chat|ops|status|build|bors|auto|infra|slack|git|review|triage|notify|incident|page|cron|test)bot$|bot[-_[]|^(?:dependabot|renovate|github-actions|actions|alertmanager|pagerduty|opsgenie|grafana|prometheus|sentry|datadog|jenkins|circleci|argocd|argo|flux|snyk|codecov|mergify|kodiak|atlantis|terraform|k8s|kubernetes|statuspage|incident-io|incidentio|firehydrant|rootly|slackbot|jira|linear)$/i;

/** Whether a handle ("@pagerbot", "dependabot[bot]") names software rather than a person. */
export function namesSoftware(handle: string): boolean {
  return SOFTWARE_HANDLE.test(handle.replace(/^@|@$/g, ''));
}

/** Collects the people of a document (see PostmortemDocument.people). */
export function collectPeople(document: PostmortemDocument): People {
  const persons: Person[] = [];
  for (const field of document.fields) {
    if (isPeopleField(field)) persons.push(...namesIn(field.value, field.span, 'metadata'));
  }
  for (const list of document.lists) {
    if (!isParticipantsSection(list.section)) continue;
    for (const item of list.items) {
      if (!item.paragraph) continue;
      const span = document.span(item.paragraph);
      // "- **IC:** Bob" is a field (read above); "- Alice Smith (SRE)" is a name.
      if (holdsField(document.fields, span.start.offset, span.end.offset)) continue;
      persons.push(...namesIn(item.text, span, 'participants'));
    }
  }
  for (const table of document.tables) {
    for (const column of peopleColumns(table)) {
      for (const row of table.rows) {
        const cell = row.cell(column);
        if (cell) persons.push(...namesIn(cell.text, cell.span, 'table'));
      }
    }
  }
  for (const paragraph of document.paragraphs) {
    if (!paragraph.text.includes('@')) continue;
    // Code is not prose: a handle in `@types/node` names no one.
    const view = document.textOf(paragraph.node);
    for (const match of view.masked(['code', 'gaps'], ' ').matchAll(AT_HANDLE)) {
      if (BROADCAST_HANDLES.has(match[1]!.toLowerCase())) continue;
      const range = view.sourceRange(match.index, match.index + match[0].length);
      persons.push({ name: match[0], handle: true, span: document.lines.span(range.start, range.end), source: 'prose' });
    }
  }
  return new People(persons);
}

/** Whether a field lies within [start, end): fields are sorted by offset, so a binary search. */
function holdsField(fields: readonly Field[], start: number, end: number): boolean {
  const field = fields[lowerBound(fields, start, (candidate) => candidate.span.start.offset)];
  return field !== undefined && field.span.start.offset < end;
}

/** Whether a field's value names people ("Author", "Incident commander", "Communications lead"). */
export function isPeopleField(field: Field): boolean {
  if (PEOPLE_KEYS.has(field.key)) return true;
  return PEOPLE_LABEL_SUFFIX.test(normalizeText(field.label));
}

function isParticipantsSection(section: PostmortemDocument['sections'][number] | null): boolean {
  for (let current = section; current; current = current.parent) {
    if (current.kinds.includes('participants')) return true;
    // "Responders" resolves to the response kind; its list is a list of people.
    if (normalizeText(current.title) === 'responders') return true;
  }
  return false;
}

function peopleColumns(table: TableModel): string[] {
  const columns = table.columns.filter((column) => PEOPLE_COLUMNS.has(column));
  if (table.columns.some((column) => PERSON_TABLE_HINTS.has(column))) {
    columns.push(...table.columns.filter((column) => NAME_COLUMNS.has(column)));
  }
  return columns;
}

/**
 * The names in one value: "Alice Smith (IC), @bob and carol@" → three people. Placeholders
 * ("[Name]", "____") and teams or roles ("SRE team", "Engineering Manager") are dropped.
 */
export function namesIn(value: string, span: Span, source: Person['source']): Person[] {
  const found: Person[] = [];
  for (const part of value.replace(BRACKETED, ' ').split(PEOPLE_SEPARATOR)) {
    const text = part.trim().replace(/^[-*–—:]+\s*|[.:]+$/g, '');
    if (!text) continue;
    const handles = [...text.matchAll(AT_HANDLE)].filter((match) => !BROADCAST_HANDLES.has(match[1]!.toLowerCase()));
    if (handles.length > 0) {
      for (const match of handles) found.push({ name: match[0], handle: true, span, source });
      continue;
    }
    if (TRAILING_HANDLE.test(text)) {
      found.push({ name: text, handle: true, span, source });
      continue;
    }
    const words = text.split(/\s+/);
    if (words.length > 4) continue;
    const nameWords = words.filter((word) => NAME_WORD.test(word) && !NOT_NAME_WORDS.has(word.toLowerCase()));
    // Every word must be a name word ("Alice Smith"), or the value is a team or a role.
    if (nameWords.length === 0 || nameWords.length !== words.length) continue;
    found.push({ name: nameWords.join(' '), handle: false, span, source });
  }
  return found;
}
