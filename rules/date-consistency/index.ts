import { defineRule, type RuleContext } from '../../src/engine/types.js';
import {
  WEEKDAY_NAMES, datesOutOfPlace, dayNumber, entryTextDates, statedDates, toIsoDate,
  type CalendarDate, type IncidentDateSource, type PostmortemDocument, type Span, type Timeline,
} from '../../src/model/index.js';

interface Options {
  maxDaysBetweenSources: number;
  maxDaysFromIncident: number;
  maxDaysFromNeighbours: number;
}

type Context = RuleContext<Options>;

/** A date a timeline states (on an entry, or on the date line or heading its entries follow). */
interface StatedDate {
  date: CalendarDate;
  day: number;
  span: Span;
}

/** Where an incident date comes from, for messages. */
interface Reference {
  date: CalendarDate;
  name: string;
}

const SOURCE_NAMES: Record<IncidentDateSource['source'], string> = {
  metadata: 'metadata',
  'date-heading': 'date heading',
  title: 'title',
  'lead-sentence': 'lead sentence',
  'file-name': 'file name',
};

function describeSource(source: IncidentDateSource): string {
  const name = SOURCE_NAMES[source.source];
  return source.span ? `${name} (line ${source.span.start.line})` : name;
}

/** How close two stated moments of a status page must be (a minute's rounding, and no more). */
const STATUS_SLACK_SECONDS = 15 * 60;
/** Without a zone on one side, how far apart they may be under some reading of the zone. */
const UNZONED_SLACK_SECONDS = 14 * 3600;
const RESOLVED_SLACK_SECONDS = 5 * 60;

export default defineRule<Options>({
  id: 'date-consistency',
  description:
    "Requires the incident date in metadata, headings, the title, the lead sentence and the file name to agree, weekdays to match their dates, and the timeline's dates to lie near the incident and each other.",
  severity: 'error',
  recommended: true,
  messages: {
    sources: 'The {{source}} gives the incident date as {{date}}, but the {{other}} gives {{otherDate}}; expected one date.',
    timelineElsewhere:
      "The timeline's dates ({{first}} to {{last}}) are at least {{days}} days from the incident date {{incident}} in the {{source}}; expected the timeline around the incident date.",
    outsideWindow:
      'Timeline date {{date}} is {{days}} days {{direction}} the incident date {{incident}} in the {{source}}; expected dates within {{max}} days of it (a typo in the year or month?).',
    outOfPlace:
      'Timeline date {{date}} is {{days}} days from the entries around it ({{previous}} on line {{previousLine}}, {{next}} on line {{nextLine}}); expected a date near them (a typo?).',
    weekday: '{{text}}: {{date}} is a {{actual}}, not a {{weekday}}; expected the weekday of the date.',
    misspelledMonth: 'Date {{text}} has a misspelled month; expected {{month}}.',
    monthWithoutDay: '"{{text}}" names a month without its day; expected a full date.',
    textDate:
      'Date {{date}} in a timeline entry of {{entryDate}} (dated on line {{entryLine}}) differs from that date only in the year; expected {{expected}} (a typo in the year?).',
    outsidePeriod:
      'The timeline heading states {{from}} to {{to}}, but the entry on line {{line}} is dated {{date}}; expected the entries within the period the heading states.',
    incidentSequence:
      'Incident #{{number}} is dated {{date}}, out of sequence between incident #{{previous}} ({{previousDate}}, line {{previousLine}}) and #{{next}} ({{nextDate}}, line {{nextLine}}); expected incidents dated in the order of their numbers (a typo in the year?).',
    statusZeroLength:
      'The front matter gives the same start and end, {{time}} (lines {{line}} and {{endLine}}), but the updates run from {{first}} (line {{firstLine}}) to {{last}} (line {{lastLine}}); expected the start of the incident in date and its end in resolvedWhen.',
    statusEndBeforeStart: 'The front matter ends the incident ({{end}}, line {{endLine}}) before it starts ({{start}}, line {{line}}); expected resolvedWhen after date.',
    statusStartAfterUpdate:
      'The front matter starts the incident at {{start}} (line {{line}}), after the update stamped {{update}} on line {{updateLine}}; expected the start no later than the first update.',
    statusResolvedEarly:
      'The update on line {{line}} says the incident is resolved at {{update}}, but the front matter gives resolvedWhen {{end}} (line {{endLine}}); expected the two to agree.',
  },
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      maxDaysBetweenSources: {
        type: 'integer',
        minimum: 0,
        default: 0,
        description: 'How many days the incident dates in metadata, a date heading, the title, the lead sentence and the file name may differ.',
      },
      maxDaysFromIncident: {
        type: 'integer',
        minimum: 1,
        default: 30,
        description:
          "How many days before or after the incident date a timeline's date may lie. A date beyond it told as lead-up or follow-up (within three years, in order at the timeline's start or end, and not one year, month or day away from a date inside) is not reported.",
      },
      maxDaysFromNeighbours: {
        type: 'integer',
        minimum: 1,
        default: 7,
        description:
          'Report a timeline date more than this many days from both entries around it when those two are within a day of each other (2022-02-20 between two entries of 2022-02-02).',
      },
    },
  },
  check(document, context) {
    const reported = new Set<Span>();
    const sourcesAgree = checkSources(document, context);
    const incident = document.incidentDateSources.find((source) => source.valid) ?? null;
    const byIncident = new Map<PostmortemDocument['incidents'][number] | null, Timeline[]>();
    for (const timeline of document.timelines) {
      const key = timeline.incident?.date ? timeline.incident : null;
      byIncident.set(key, [...(byIncident.get(key) ?? []), timeline]);
    }
    for (const [own, timelines] of byIncident) {
      const reference: Reference | null = own?.date
        ? { date: own.date, name: `Date field of its incident (line ${own.dateSpan!.start.line})` }
        : incident
          ? { date: incident.date, name: describeSource(incident) }
          : null;
      // When the sources disagree, that is the finding; the timeline is not measured against one of them.
      if (reference && (own || sourcesAgree)) checkWindow(timelines.flatMap(datesOf), reference, context, reported);
    }
    for (const timeline of document.timelines) {
      checkNeighbours(timeline, context, reported);
      checkPeriod(timeline, context);
      checkTextDates(timeline, context);
    }
    checkIncidentSequence(document, context);
    checkProse(document, context);
    checkStatusPage(document, context);
  },
});

/** Incident dates from every source against the first; returns whether they all agree. */
function checkSources(document: PostmortemDocument, context: Context): boolean {
  const sources = document.incidentDateSources.filter((source) => source.valid);
  const reference = sources[0];
  if (!reference) return true;
  const span = timelineSpan(document);
  let agree = true;
  for (const source of sources.slice(1)) {
    if (sameIncidentDay(source, reference, context.options.maxDaysBetweenSources, span)) continue;
    agree = false;
    context.report({
      span: (source.span ?? reference.span)!,
      messageId: 'sources',
      data: {
        source: describeSource(source),
        date: toIsoDate(source.date),
        other: describeSource(reference),
        otherDate: toIsoDate(reference.date),
      },
    });
  }
  return agree;
}

/**
 * Whether two sources can name the same incident day: within the days allowed, one's
 * range holding the other ("On June 14-15"), both inside a timeline of a week or less
 * (an incident over midnight), or either reading of an ambiguous 03/10/2021.
 */
function sameIncidentDay(a: IncidentDateSource, b: IncidentDateSource, maxDays: number, span: [number, number] | null): boolean {
  for (const first of [a.date, a.alternative]) {
    for (const second of [b.date, b.alternative]) {
      if (!first || !second) continue;
      const x = dayNumber(first);
      const y = dayNumber(second);
      const xTo = a.until && first === a.date ? dayNumber(a.until) : x;
      const yTo = b.until && second === b.date ? dayNumber(b.until) : y;
      if (x - maxDays <= yTo && y - maxDays <= xTo) return true;
      if (span && span[1] - span[0] <= 7 && [x, y].every((day) => day >= span[0] && day <= span[1])) return true;
    }
  }
  return false;
}

/** The first and last day the document's timelines state. */
function timelineSpan(document: PostmortemDocument): [number, number] | null {
  const days = document.timelines.flatMap((timeline) => statedDates(timeline).map((date) => date.day));
  return days.length ? [Math.min(...days), Math.max(...days)] : null;
}

function datesOf(timeline: Timeline): StatedDate[] {
  return statedDates(timeline).map(({ date, day, span }) => ({ date, day, span }));
}

function checkWindow(dates: StatedDate[], incident: Reference, context: Context, reported: Set<Span>): void {
  if (dates.length === 0) return;
  const { maxDaysFromIncident } = context.options;
  const incidentDay = dayNumber(incident.date);
  const distance = (date: StatedDate) => Math.abs(date.day - incidentDay);
  const outside = dates.filter((date) => distance(date) > maxDaysFromIncident);
  if (outside.length === 0) return;
  if (outside.length === dates.length) {
    const sorted = [...dates].sort((a, b) => a.day - b.day);
    context.report({
      span: dates[0]!.span,
      messageId: 'timelineElsewhere',
      data: {
        first: toIsoDate(sorted[0]!.date),
        last: toIsoDate(sorted.at(-1)!.date),
        days: Math.min(...dates.map(distance)),
        incident: toIsoDate(incident.date),
        source: incident.name,
      },
    });
    for (const date of dates) reported.add(date.span);
    return;
  }
  const inWindow = dates.filter((date) => distance(date) <= maxDaysFromIncident).map((date) => date.date);
  const told = toldAsLeadUpOrFollowUp(dates, new Set(outside), incident.date, inWindow);
  for (const date of outside) {
    if (told.has(date)) continue;
    reported.add(date.span);
    context.report({
      span: date.span,
      messageId: 'outsideWindow',
      data: {
        date: toIsoDate(date.date),
        days: distance(date),
        direction: date.day < incidentDay ? 'before' : 'after',
        incident: toIsoDate(incident.date),
        source: incident.name,
        max: maxDaysFromIncident,
      },
    });
  }
}

/**
 * The furthest from the incident date a lead-up or follow-up is told: three years ("2025-01-15 —
 * the change that introduced the bug"). A typo in one field is told apart by `fieldPairs`, not by distance.
 */
const MAX_LEAD_UP_DAYS = 1096;

/**
 * The dates beyond the window that the timeline tells as lead-up or follow-up, not typos:
 * within three years of the incident date, told in order at the timeline's edge (no
 * earlier date listed before an earlier one, no later date listed after a later one:
 * "2026-09-02 — the change that moved the queries merged", first in a timeline of
 * 2026-10-14), and not one field away from the incident date or a date inside the window
 * (2025-10-14 in a timeline of 2026-10-14 is a typo in the year). One pass each way, as a
 * timeline may hold 100,000 entries.
 */
function toldAsLeadUpOrFollowUp(dates: StatedDate[], outside: ReadonlySet<StatedDate>, incident: CalendarDate, inWindow: CalendarDate[]): Set<StatedDate> {
  const incidentDay = dayNumber(incident);
  // Dates one field apart share the other two: a date outside the window differs from every anchor.
  const anchorPairs = new Set([incident, ...inWindow].flatMap(fieldPairs));
  const candidate = (date: StatedDate) =>
    outside.has(date) && Math.abs(date.day - incidentDay) <= MAX_LEAD_UP_DAYS && !fieldPairs(date.date).some((pair) => anchorPairs.has(pair));
  const told = new Set<StatedDate>();
  let latest = -Infinity;
  for (const date of dates) {
    if (date.day < incidentDay && latest <= date.day && candidate(date)) told.add(date);
    latest = Math.max(latest, date.day);
  }
  let earliest = Infinity;
  for (let i = dates.length - 1; i >= 0; i--) {
    const date = dates[i]!;
    if (date.day > incidentDay && earliest >= date.day && candidate(date)) told.add(date);
    earliest = Math.min(earliest, date.day);
  }
  return told;
}

/** Keys of the pairs of fields a date has: two dates one field apart share one of them. */
function fieldPairs(date: CalendarDate): string[] {
  return [`${date.year}-${date.month}-`, `${date.year}--${date.day}`, `-${date.month}-${date.day}`];
}

function checkNeighbours(timeline: Timeline, context: Context, reported: Set<Span>): void {
  for (const found of datesOutOfPlace(timeline, context.options.maxDaysFromNeighbours)) {
    if ([...reported].some((span) => span.start.offset === found.span.start.offset)) continue;
    context.report({
      span: found.span,
      messageId: 'outOfPlace',
      data: {
        date: toIsoDate(found.date),
        days: found.days,
        previous: toIsoDate(found.previous.date),
        previousLine: found.previous.span.start.line,
        next: toIsoDate(found.next.date),
        nextLine: found.next.span.start.line,
      },
    });
  }
}

/** "Timeline 01/16/2024 - 02/28/2024": entries dated more than a day outside the period. */
function checkPeriod(timeline: Timeline, context: Context): void {
  const period = timeline.period;
  if (!period) return;
  const from = dayNumber(period.from);
  const to = dayNumber(period.to);
  const outside = statedDates(timeline).find((date) => date.day < from - 1 || date.day > to + 1);
  if (!outside) return;
  context.report({
    span: period.span,
    messageId: 'outsidePeriod',
    data: { from: toIsoDate(period.from), to: toIsoDate(period.to), line: outside.span.start.line, date: toIsoDate(outside.date) },
  });
}

/** "SN confirms Elan 2012-04-17 …" in the entry of 2021-04-17: the same day, the year's digits changed or swapped. */
function checkTextDates(timeline: Timeline, context: Context): void {
  for (const entry of timeline.entries) {
    const own = entry.date;
    if (!own || own.year === null || entry.invalid) continue;
    for (const found of entryTextDates(entry)) {
      if (found.date.month !== own.month || found.date.day !== own.day || !yearTypo(found.date.year!, own.year)) continue;
      context.report({
        span: found.span,
        messageId: 'textDate',
        data: { date: found.text, entryDate: toIsoDate(own), entryLine: (entry.dateSpan ?? entry.span).start.line, expected: toIsoDate(own) },
      });
    }
  }
}

/** One digit changed, or two neighbouring digits swapped. */
function yearTypo(a: number, b: number): boolean {
  const x = String(a);
  const y = String(b);
  if (x.length !== y.length || x === y) return false;
  const different = [...x].map((char, i) => (char !== y[i] ? i : -1)).filter((i) => i >= 0);
  if (different.length === 1) return true;
  const [i, j] = different as [number, number];
  return different.length === 2 && j === i + 1 && x[i] === y[j] && x[j] === y[i];
}

/** Incidents numbered #1, #2, …: a date out of their sequence while its neighbours keep it. */
function checkIncidentSequence(document: PostmortemDocument, context: Context): void {
  const numbered = document.incidents.filter((incident) => incident.number !== null && incident.date).sort((a, b) => a.number! - b.number!);
  if (numbered.length < 4) return;
  for (let i = 1; i + 1 < numbered.length; i++) {
    const [previous, current, next] = [numbered[i - 1]!, numbered[i]!, numbered[i + 1]!];
    const [p, c, n] = [previous, current, next].map((incident) => dayNumber(incident.date!)) as [number, number, number];
    if (p > n || (c >= p && c <= n)) continue;
    context.report({
      span: current.dateSpan!,
      messageId: 'incidentSequence',
      data: {
        number: current.number!,
        date: toIsoDate(current.date!),
        previous: previous.number!,
        previousDate: toIsoDate(previous.date!),
        previousLine: previous.dateSpan!.start.line,
        next: next.number!,
        nextDate: toIsoDate(next.date!),
        nextLine: next.dateSpan!.start.line,
      },
    });
  }
}

function checkProse(document: PostmortemDocument, context: Context): void {
  const prose = document.proseDates;
  for (const found of prose.weekdays) {
    if (found.matches) continue;
    context.report({
      span: found.span,
      messageId: 'weekday',
      data: { text: found.text, date: toIsoDate(found.date), actual: WEEKDAY_NAMES[found.actual]!, weekday: found.weekdayText },
    });
  }
  for (const found of prose.misspelledMonths) context.report({ span: found.span, messageId: 'misspelledMonth', data: { text: found.text, month: found.month } });
  for (const found of prose.monthsWithoutDay) context.report({ span: found.span, messageId: 'monthWithoutDay', data: { text: found.text } });
}

/** A status page's front matter against its stamped updates. */
function checkStatusPage(document: PostmortemDocument, context: Context): void {
  const page = document.statusPage;
  if (!page || page.updates.length === 0) return;
  const { start, end, updates } = page;
  const first = updates.reduce((a, b) => (b.instant < a.instant ? b : a));
  const last = updates.reduce((a, b) => (b.instant > a.instant ? b : a));
  const line = start.field.span.start.line;
  const endLine = end.field.span.start.line;
  if (start.instant === end.instant && last.instant - first.instant >= STATUS_SLACK_SECONDS) {
    context.report({
      span: start.field.span,
      messageId: 'statusZeroLength',
      data: { time: start.text, line, endLine, first: first.text, firstLine: first.span.start.line, last: last.text, lastLine: last.span.start.line },
    });
  } else if (end.instant < start.instant) {
    context.report({ span: end.field.span, messageId: 'statusEndBeforeStart', data: { start: start.text, line, end: end.text, endLine } });
  }
  const earliest = updates.filter((update) => !update.scheduled).reduce<typeof first | null>((a, b) => (!a || b.instant < a.instant ? b : a), null);
  if (earliest) {
    const slack = earliest.zoned === start.zoned ? STATUS_SLACK_SECONDS : UNZONED_SLACK_SECONDS;
    if (start.instant - earliest.instant > slack) {
      context.report({
        span: start.field.span,
        messageId: 'statusStartAfterUpdate',
        data: { start: start.text, line, update: earliest.text, updateLine: earliest.span.start.line },
      });
    }
  }
  if (last.resolved && last.zoned === end.zoned && end.instant - last.instant > RESOLVED_SLACK_SECONDS) {
    context.report({
      span: last.span,
      messageId: 'statusResolvedEarly',
      data: { line: last.span.start.line, update: last.text, end: end.text, endLine },
    });
  }
}
