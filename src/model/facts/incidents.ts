/**
 * Several incidents in one document ("Testnet incident reports", a quarter's incidents):
 * sections side by side that each hold their own timeline section, and usually their own
 * `Date:` and `Duration:` fields. Each incident's timeline is its own sequence, its entries
 * take their day from its own date, and its stated durations are compared with its own
 * timeline, never with the first one in the file.
 */
import type { PostmortemDocument } from '../document.js';
import { parseDate, type CalendarDate, type NumericOrder } from '../text/dates.js';
import type { Field, Section, Span } from './types.js';
import { rangeHolding } from '../text/sorted.js';

export interface Incident {
  /** The section that holds the incident: its heading, fields and timeline. */
  section: Section;
  /** The incident's own `Date:` field, when it has one. */
  dateField: Field | null;
  /** That field's date (year written), when it is one. */
  date: CalendarDate | null;
  dateSpan: Span | null;
  /** The incident's number in its heading ("Incident #6", "Incident 2:"), or null. */
  number: number | null;
}

const NUMBER = /(?:#|\bincident[ \t]+#?|\bno\.?[ \t]*)(\d{1,4})\b/i;

/**
 * The incidents of a document that reports several: sibling sections that each hold a
 * timeline section of their own, or each state their own `Date:`. Empty for a document
 * about one incident.
 */
export function findIncidents(document: PostmortemDocument, order: NumericOrder | null): Incident[] {
  const dateFields = document.fields.filter((field) => field.key === 'date' && field.source !== 'front-matter' && field.section && !isTimeline(field.section));
  // Two incidents need two dates or two timelines: most documents have neither.
  if (dateFields.length < 2 && document.sections.filter((section) => section.kinds.includes('timeline')).length < 2) return [];
  const dateFieldOf = (section: Section) => dateFields.find((field) => within(field.span.start.offset, section)) ?? null;
  /** A `Date:` at the head of the section (its first two blocks), as an incident states its own. */
  const statesOwnDate = (section: Section) => {
    const head = section.content.slice(0, 2).map((node) => node.position?.end.offset ?? 0);
    const end = head.length ? Math.max(...head) : section.span.end.offset;
    return dateFields.some((field) => field.section === section && field.span.start.offset <= end);
  };
  const byTimeline = new Map<Section | null, Section[]>();
  const byDate = new Map<Section | null, Section[]>();
  for (const section of document.sections) {
    if (section.kinds.includes('timeline') || isTimeline(section.parent)) continue;
    if (document.title && section.heading === document.title.heading) continue;
    for (const [holds, groups] of [[section.children.some(holdsTimeline), byTimeline], [statesOwnDate(section), byDate]] as const) {
      if (!holds) continue;
      const siblings = groups.get(section.parent) ?? [];
      siblings.push(section);
      groups.set(section.parent, siblings);
    }
  }
  const chosen = new Set<Section>();
  for (const groups of [byTimeline, byDate]) {
    for (const sections of groups.values()) if (sections.length >= 2) for (const section of sections) chosen.add(section);
  }
  const incidents: Incident[] = [];
  for (const section of outermost([...chosen])) {
    const dateField = dateFieldOf(section);
    const match = dateField ? parseDate(dateField.value, undefined, order) : null;
    const number = NUMBER.exec(section.title);
    incidents.push({
      section,
      dateField,
      date: match && match.valid && match.date.year !== null ? match.date : null,
      dateSpan: dateField?.span ?? null,
      number: number ? Number(number[1]) : null,
    });
  }
  return incidents;
}

/**
 * The outermost of some sections, in document order: the incidents (an incident's
 * sub-section may state a date too). Sections nest, so in order of start (a parent before
 * its first child) a section is outermost unless it starts inside the last outermost one.
 */
function outermost(sections: Section[]): Section[] {
  const ordered = sections.sort((a, b) => a.extent.start - b.extent.start || b.extent.end - a.extent.end);
  const found: Section[] = [];
  for (const section of ordered) {
    const last = found.at(-1);
    if (!last || !within(section.extent.start, last)) found.push(section);
  }
  return found;
}

/** The incident whose section holds an offset, or null (incidents are in document order and apart: a binary search). */
export function incidentAt(incidents: readonly Incident[], offset: number): Incident | null {
  return rangeHolding(incidents, offset, (incident) => [incident.section.extent.start, incident.section.extent.end]) ?? null;
}

function within(offset: number, section: Section): boolean {
  return offset >= section.extent.start && offset < section.extent.end;
}

function holdsTimeline(section: Section): boolean {
  return section.kinds.includes('timeline') || section.children.some(holdsTimeline);
}

function isTimeline(section: Section | null): boolean {
  for (let current = section; current; current = current.parent) if (current.kinds.includes('timeline')) return true;
  return false;
}
