import { defineRule, type RuleContext } from '../../src/engine/types.js';
import { dayNumber, toIsoDate, type CalendarDate, type PostmortemDocument, type Span } from '../../src/model/index.js';
import type { IncidentDateSource } from '../../src/model/index.js';

interface Options {
  maxDaysBetweenSources: number;
  maxDaysFromIncident: number;
  maxDaysFromNeighbours: number;
}

/** A date a timeline states (on an entry, or on the date line or heading its entries follow). */
interface StatedDate {
  date: CalendarDate;
  day: number;
  span: Span;
}

const SOURCE_NAMES: Record<IncidentDateSource['source'], string> = {
  metadata: 'metadata',
  title: 'title',
  'file-name': 'file name',
};

function describeSource(source: IncidentDateSource): string {
  const name = SOURCE_NAMES[source.source];
  return source.span ? `${name} (line ${source.span.start.line})` : name;
}

export default defineRule<Options>({
  id: 'date-consistency',
  description:
    "Requires the incident date in metadata, the title and the file name to agree, and the timeline's dates to lie near it.",
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
  },
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      maxDaysBetweenSources: {
        type: 'integer',
        minimum: 0,
        default: 0,
        description: 'How many days the incident dates in metadata, the title and the file name may differ.',
      },
      maxDaysFromIncident: {
        type: 'integer',
        minimum: 1,
        default: 30,
        description:
          "How many days before or after the incident date a timeline's date may lie (lead-up and follow-up included).",
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
    checkSources(document, context);
    const timelines = statedDates(document);
    const incident = document.incidentDateSources.find((source) => source.valid) ?? null;
    const reported = new Set<Span>();
    if (incident) checkWindow(timelines.flat(), incident, context, reported);
    for (const dates of timelines) checkNeighbours(dates, context, reported);
  },
});

function checkSources(document: PostmortemDocument, context: RuleContext<Options>): void {
  const sources = document.incidentDateSources.filter((source) => source.valid);
  const reference = sources[0];
  if (!reference) return;
  for (const source of sources.slice(1)) {
    if (Math.abs(dayNumber(source.date) - dayNumber(reference.date)) <= context.options.maxDaysBetweenSources) continue;
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
}

/** Each timeline's stated dates, in order, once per place they are written. */
function statedDates(document: PostmortemDocument): StatedDate[][] {
  return document.timelines.map((timeline) => {
    const seen = new Set<number>();
    const dates: StatedDate[] = [];
    for (const entry of timeline.entries) {
      if (!entry.date || entry.invalid || !entry.dateSpan || entry.date.year === null) continue;
      if (entry.dateSource !== 'entry' && entry.dateSource !== 'context') continue;
      if (seen.has(entry.dateSpan.start.offset)) continue;
      seen.add(entry.dateSpan.start.offset);
      dates.push({ date: entry.date, day: dayNumber(entry.date), span: entry.dateSpan });
    }
    return dates;
  });
}

function checkWindow(
  dates: StatedDate[],
  incident: IncidentDateSource,
  context: RuleContext<Options>,
  reported: Set<Span>,
): void {
  if (dates.length === 0) return;
  const { maxDaysFromIncident } = context.options;
  const incidentDay = dayNumber(incident.date);
  const source = describeSource(incident);
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
        source,
      },
    });
    for (const date of dates) reported.add(date.span);
    return;
  }
  for (const date of outside) {
    reported.add(date.span);
    context.report({
      span: date.span,
      messageId: 'outsideWindow',
      data: {
        date: toIsoDate(date.date),
        days: distance(date),
        direction: date.day < incidentDay ? 'before' : 'after',
        incident: toIsoDate(incident.date),
        source,
        max: maxDaysFromIncident,
      },
    });
  }
}

function checkNeighbours(dates: StatedDate[], context: RuleContext<Options>, reported: Set<Span>): void {
  const { maxDaysFromNeighbours } = context.options;
  for (let i = 1; i + 1 < dates.length; i++) {
    const previous = dates[i - 1]!;
    const date = dates[i]!;
    const next = dates[i + 1]!;
    if (reported.has(date.span) || Math.abs(next.day - previous.day) > 1) continue;
    const days = Math.min(Math.abs(date.day - previous.day), Math.abs(date.day - next.day));
    if (days <= maxDaysFromNeighbours) continue;
    context.report({
      span: date.span,
      messageId: 'outOfPlace',
      data: {
        date: toIsoDate(date.date),
        days,
        previous: toIsoDate(previous.date),
        previousLine: previous.span.start.line,
        next: toIsoDate(next.date),
        nextLine: next.span.start.line,
      },
    });
  }
}
