/**
 * Timelines: where a postmortem says when things happened, as sequences of entries with
 * parsed times. Found in
 *   - tables whose first column is a time, date, "when" or timestamp column (anywhere;
 *     outside a timeline section the header must name a time or a row must hold a clock
 *     time, so that a revision-history "| Date | Change |" table is not one);
 *   - lists whose items begin with a time (bold `**14:30**`, bracketed `[08:47]`, code,
 *     plain): inside a timeline section any such list, elsewhere lists with at least two
 *     items that begin with a clock time, half of the items or more;
 *   - inside a timeline section (sub-sections, "Key events" and the date- or time-titled
 *     sections that directly follow it included): headings that begin with a time
 *     (`### 13:35`, `### 2018-01-18 4:19`) and paragraph lines that do
 *     (`**2026-02-12T11:14:58Z** - text`, `**Feb 04, 2021, 21:45 (UTC):** text`). These
 *     form one sequence per timeline section; each table and each list is its own.
 * Fenced code blocks are never timelines: they hold logs and examples, verbatim.
 *
 * Day context comes from a preceding date line or heading (`2015-10-21 (all times UTC)`,
 * `### November 30, 2025`, `**April 5th, 2023**`) or the last date an entry stated, else
 * from the document's incident date. A zone comes from the entry, else the timeline (its
 * section heading "Timeline (UTC)", a statement "All times in CET." in its section, a
 * "Time (CET)" header), else a statement anywhere in the document.
 */
import type { Paragraph } from 'mdast';
import type { PostmortemDocument } from '../document.js';
import { dayNumber, type CalendarDate } from '../text/dates.js';
import { TextView } from '../text/text-view.js';
import type { Span } from '../parse/positions.js';
import { findZoneStatement, parseTimestamp, type ParsedTimestamp, type TimestampPrecision, type Zone } from '../text/times.js';
import type { ListModel, Section, TableModel } from './types.js';

export type TimelineSource = 'table' | 'list' | 'section';
export type TimelineEntrySource = 'table-row' | 'list-item' | 'heading' | 'line';

export interface TimelineEntry {
  /** Position in its timeline. */
  index: number;
  source: TimelineEntrySource;
  /** The timestamp as written: date, time and zone (without brackets, marks and annotations). */
  span: Span;
  raw: string;
  /** The whole entry: the table row, list item, heading or line. */
  entrySpan: Span;
  /** What the entry says happened: the rest of the entry, Markdown removed. */
  text: string;
  /** The entry's day: as stated, from the context, or the document's date (year filled in where it can be). */
  date: CalendarDate | null;
  dateSource: 'entry' | 'context' | 'document' | null;
  /** Where the date is written: in the entry or the date line or heading it comes from. */
  dateSpan: Span | null;
  /** Whether the year was written (rather than taken from the context or the document). */
  yearStated: boolean;
  /** Seconds since midnight, as written (no zone applied); null for a date alone or an unknown time. */
  seconds: number | null;
  precision: TimestampPrecision;
  /** The zone written on the entry. */
  zone: Zone | null;
  /** The entry's zone, else its timeline's, else the document's. */
  effectiveZone: Zone | null;
  approximate: boolean;
  unknown: boolean;
  /** Why the date or time cannot exist ("13:55 PM mixes a 24-hour time with PM"), or null. */
  invalid: string | null;
  /** The end of a range entry ("8:20 - 8:24"), seconds since midnight. */
  rangeEndSeconds: number | null;
  /** A relative annotation ("(+1m 8s)"), in seconds. */
  relativeSeconds: number | null;
}

export interface Timeline {
  source: TimelineSource;
  /** The timeline section it is in (the outermost one), else the section that holds it. */
  section: Section | null;
  /** The table or list; for a section's sequence, from its first to its last entry. */
  span: Span;
  /** The zone stated for the timeline (entries may still state their own). */
  zone: Zone | null;
  entries: TimelineEntry[];
}

/** A date in force for the entries that follow it. */
interface DayContext {
  date: CalendarDate;
  span: Span;
}

const TIME_COLUMN = /^(?:time(?:stamp)?s?|when|date|date ?time|date and time|hora|heure|zeit|uhrzeit|시간|시각|일시|時刻|時間|日時|时间)(?:\s|$)/u;
const TIME_HEADER_WORD = /\b(?:time|timestamp|when)\b|시간|時刻|時間|时间/iu;
const HAS_CLOCK = /(?<!\d)\d{1,2}:\d{2}(?!\d)/;
/** What may follow a date on a date line: a note in brackets, a colon. */
const DATE_LINE_REST = /^[\s:.,–—-]*(?:\([^()]{0,80}\)[\s:.]*)?$/;

/** The first index whose key is at least `offset`, in items sorted by key. */
function lowerBound<T>(items: readonly T[], offset: number, key: (item: T) => number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (key(items[mid]!) < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The items (in document order) that start in [start, end), found by binary search. */
function startingWithin<T extends { span: Span }>(items: readonly T[], start: number, end: number): T[] {
  const key = (item: T) => item.span.start.offset;
  return items.slice(lowerBound(items, start, key), lowerBound(items, end, key));
}

export function buildTimelines(document: PostmortemDocument): Timeline[] {
  return new TimelineBuilder(document).build();
}

class TimelineBuilder {
  private readonly timelines: Timeline[] = [];
  private readonly documentZone: Zone | null;
  private readonly documentDate: CalendarDate | null;

  constructor(private readonly document: PostmortemDocument) {
    this.documentDate = document.incidentDate;
    this.documentZone = this.findDocumentZone();
  }

  build(): Timeline[] {
    const regions = this.timelineRegions();
    // Regions are disjoint and in document order: the last one starting at or before an offset is the only candidate.
    const inRegion = (offset: number) => {
      const region = regions[lowerBound(regions, offset + 1, (candidate) => candidate.start) - 1];
      return region !== undefined && offset < region.end;
    };
    for (const region of regions) this.readRegion(region);
    // Elsewhere, a zone comes from the heading of the section holding the table or list ("Follow-up (UTC)").
    const sectionZone = (section: Section | null) => (section && findZoneStatement(section.title, false)?.zone) ?? this.documentZone;
    for (const table of this.document.tables) {
      if (!inRegion(table.span.start.offset)) this.readTable(table, null, null, sectionZone(table.section), false);
    }
    for (const list of this.document.lists) {
      if (!inRegion(list.span.start.offset)) this.readList(list, null, null, sectionZone(list.section), false);
    }
    this.timelines.sort((a, b) => a.span.start.offset - b.span.start.offset);
    return this.timelines;
  }

  /** "All times UTC" anywhere in the document's prose. */
  private findDocumentZone(): Zone | null {
    for (const paragraph of this.document.paragraphs) {
      if (paragraph.quoted) continue;
      const statement = findZoneStatement(paragraph.text, true);
      if (statement) return statement.zone;
    }
    return null;
  }

  /**
   * The outermost timeline sections, each extended over the sections right after it that
   * are titled by a date or time ("## Feb 21, 13:00" after "## Timeline").
   */
  private timelineRegions(): Array<{ section: Section; start: number; end: number; extra: Section[] }> {
    const regions: Array<{ section: Section; start: number; end: number; extra: Section[] }> = [];
    const sections = this.document.sections;
    for (const section of sections) {
      if (!section.kinds.includes('timeline')) continue;
      if (section.parent && isWithinTimeline(section.parent)) continue;
      const region = { section, start: section.extent.start, end: section.extent.end, extra: [] as Section[] };
      for (let i = section.index + 1; i < sections.length; i++) {
        const next = sections[i]!;
        if (next.extent.start < region.end) continue;
        if (next.depth !== section.depth || next.kind !== null || !parseTimestamp(next.title)) break;
        region.end = next.extent.end;
        region.extra.push(next);
      }
      regions.push(region);
    }
    return regions;
  }

  private readRegion(region: { section: Section; start: number; end: number; extra: Section[] }): void {
    const { document } = this;
    // The parts of the model in the region (each is in document order): a region reads only its own.
    const sections = startingWithin(document.sections, region.start, region.end);
    const paragraphs = startingWithin(document.paragraphs, region.start, region.end);
    const zoneStatement =
      findZoneStatement(region.section.title, false) ??
      sections
        .filter((section) => section !== region.section)
        .map((section) => findZoneStatement(section.title, false))
        .find((found) => found !== null) ??
      paragraphs
        .filter((paragraph) => !paragraph.quoted)
        .map((paragraph) => findZoneStatement(paragraph.text, true))
        .find((found) => found !== null) ??
      null;
    const zone = zoneStatement?.zone ?? this.documentZone;

    type Block =
      | { offset: number; kind: 'heading'; section: Section }
      | { offset: number; kind: 'paragraph'; node: Paragraph }
      | { offset: number; kind: 'list'; list: ListModel }
      | { offset: number; kind: 'table'; table: TableModel };
    const blocks: Block[] = [];
    for (const section of sections) {
      if (section !== region.section) blocks.push({ offset: section.span.start.offset, kind: 'heading', section });
    }
    for (const paragraph of paragraphs) {
      if (!paragraph.quoted && paragraph.listItem === null) {
        blocks.push({ offset: paragraph.span.start.offset, kind: 'paragraph', node: paragraph.node });
      }
    }
    for (const list of startingWithin(document.lists, region.start, region.end)) blocks.push({ offset: list.span.start.offset, kind: 'list', list });
    for (const table of startingWithin(document.tables, region.start, region.end)) blocks.push({ offset: table.span.start.offset, kind: 'table', table });
    blocks.sort((a, b) => a.offset - b.offset);

    const sequence: Timeline = { source: 'section', section: region.section, span: region.section.span, zone, entries: [] };
    const state = { context: null as DayContext | null };
    for (const block of blocks) {
      switch (block.kind) {
        case 'heading': {
          const flat = document.textOf(block.section.heading);
          this.readLine(flat, sequence, state, 'heading', block.section.span, zone);
          break;
        }
        case 'paragraph': {
          const flat = document.textOf(block.node);
          let last: TimelineEntry | null = null;
          for (const line of flat.lines()) {
            const lineSpan = this.spanOf(line, 0, line.text.length);
            const entry = this.readLine(line, sequence, state, 'line', lineSpan, zone);
            if (entry) last = entry;
            else if (last && line.text.trim()) {
              // A line that continues the entry before it.
              last.text = `${last.text} ${line.text.trim()}`.trim();
              last.entrySpan = { start: last.entrySpan.start, end: lineSpan.end };
            }
          }
          break;
        }
        case 'list':
          state.context = this.readList(block.list, region.section, state.context, zone, true) ?? state.context;
          break;
        case 'table':
          state.context = this.readTable(block.table, region.section, state.context, zone, true) ?? state.context;
          break;
      }
    }
    if (sequence.entries.length > 0) {
      sequence.span = { start: sequence.entries[0]!.entrySpan.start, end: sequence.entries.at(-1)!.entrySpan.end };
      this.timelines.push(sequence);
    }
  }

  /**
   * A heading or paragraph line in a timeline section: an entry when it begins with a
   * time, a day context when it is only a date; null otherwise.
   */
  private readLine(
    flat: TextView,
    sequence: Timeline,
    state: { context: DayContext | null },
    source: 'heading' | 'line',
    entrySpan: Span,
    zone: Zone | null,
  ): TimelineEntry | null {
    const parsed = parseTimestamp(flat.text);
    if (!parsed) return null;
    const rest = flat.text.slice(parsed.rest);
    if (parsed.seconds === null && !parsed.unknown && parsed.date && (source === 'heading' || DATE_LINE_REST.test(rest))) {
      if (!parsed.invalid) state.context = this.contextFrom(parsed, flat, state.context);
      return null;
    }
    const entry = this.entry(parsed, flat, source, entrySpan, rest.trim(), state.context, zone, sequence.entries.length);
    if (entry.dateSource === 'entry' && entry.date && !entry.invalid) state.context = { date: entry.date, span: entry.dateSpan! };
    sequence.entries.push(entry);
    return entry;
  }

  private contextFrom(parsed: ParsedTimestamp, flat: TextView, previous: DayContext | null): DayContext {
    const { date } = this.fillYear(parsed.date!, previous);
    return { date, span: this.spanOf(flat, parsed.dateStart, parsed.dateEnd) };
  }

  /** A list in which items begin with times; returns the day context after it. */
  private readList(
    list: ListModel,
    section: Section | null,
    context: DayContext | null,
    zone: Zone | null,
    inTimelineSection: boolean,
  ): DayContext | null {
    const candidates: Array<{ parsed: ParsedTimestamp; flat: TextView; index: number }> = [];
    list.items.forEach((item, index) => {
      if (!item.paragraph) return;
      const flat = this.document.textOf(item.paragraph).lines()[0]!;
      const parsed = parseTimestamp(flat.text, inTimelineSection);
      if (parsed) candidates.push({ parsed, flat, index });
    });
    if (!inTimelineSection) {
      const clocks = candidates.filter((candidate) => candidate.parsed.seconds !== null).length;
      if (clocks < 2 || clocks * 2 < list.items.length) return context;
    }
    if (candidates.length === 0) return context;
    const timeline: Timeline = { source: 'list', section: section ?? list.section, span: list.span, zone, entries: [] };
    let current = context;
    for (const { parsed, flat, index } of candidates) {
      const item = list.items[index]!;
      const rest = flat.text.slice(parsed.rest);
      if (parsed.seconds === null && !parsed.unknown && parsed.date && !rest.trim()) {
        if (!parsed.invalid) current = this.contextFrom(parsed, flat, current);
        continue;
      }
      const text = item.text.length > flat.text.length ? `${rest} ${item.text.slice(flat.text.length)}` : rest;
      const entry = this.entry(parsed, flat, 'list-item', item.span, text, current, zone, timeline.entries.length);
      if (entry.dateSource === 'entry' && entry.date && !entry.invalid) current = { date: entry.date, span: entry.dateSpan! };
      timeline.entries.push(entry);
    }
    if (timeline.entries.length > 0) this.timelines.push(timeline);
    return current;
  }

  /** A table whose first column (with a second "Time" column) holds timestamps. */
  private readTable(
    table: TableModel,
    section: Section | null,
    context: DayContext | null,
    zone: Zone | null,
    inTimelineSection: boolean,
  ): DayContext | null {
    const first = table.columns[0] ?? '';
    if (!TIME_COLUMN.test(first)) return context;
    const headerText = table.header.cells[0]?.text ?? '';
    if (!inTimelineSection && !TIME_HEADER_WORD.test(headerText) && !table.rows.some((row) => HAS_CLOCK.test(row.cells[0]?.text ?? ''))) {
      return context;
    }
    const secondIsTime = table.columns.length > 2 && /^time\b/.test(table.columns[1] ?? '') && !/^time/.test(first);
    const timeCells = secondIsTime ? 2 : 1;
    const headerZone =
      table.header.cells
        .slice(0, timeCells)
        .map((cell) => findZoneStatement(cell.text, false)?.zone ?? null)
        .find((found) => found !== null) ?? null;
    const timelineZone = headerZone ?? zone;
    const timeline: Timeline = { source: 'table', section: section ?? table.section, span: table.span, zone: timelineZone, entries: [] };
    let current = context;
    for (const row of table.rows) {
      const cells = row.cells.slice(0, timeCells).map((cell) => this.document.textOf(cell.node));
      if (cells.length === 0) continue;
      const flat = cells.length > 1 ? TextView.join(cells) : cells[0]!;
      const parsed = parseTimestamp(flat.text);
      if (!parsed) continue;
      const description = [flat.text.slice(parsed.rest), ...row.cells.slice(timeCells).map((cell) => cell.text)]
        .map((part) => part.trim())
        .filter(Boolean)
        .join(' | ');
      const entry = this.entry(parsed, flat, 'table-row', row.span, description, current, timelineZone, timeline.entries.length);
      if (entry.dateSource === 'entry' && entry.date && !entry.invalid) current = { date: entry.date, span: entry.dateSpan! };
      timeline.entries.push(entry);
    }
    if (timeline.entries.length > 0) this.timelines.push(timeline);
    return current;
  }

  private entry(
    parsed: ParsedTimestamp,
    flat: TextView,
    source: TimelineEntrySource,
    entrySpan: Span,
    text: string,
    context: DayContext | null,
    zone: Zone | null,
    index: number,
  ): TimelineEntry {
    const span = this.spanOf(flat, parsed.start, parsed.end);
    let date: CalendarDate | null = null;
    let dateSource: TimelineEntry['dateSource'] = null;
    let dateSpan: Span | null = null;
    let yearStated = false;
    if (parsed.date) {
      const filled = this.fillYear(parsed.date, context);
      date = filled.date;
      yearStated = filled.stated;
      dateSource = 'entry';
      dateSpan = this.spanOf(flat, parsed.dateStart, parsed.dateEnd);
    } else if (context) {
      date = context.date;
      dateSource = 'context';
      dateSpan = context.span;
    } else if (this.documentDate) {
      date = this.documentDate;
      dateSource = 'document';
    }
    return {
      index,
      source,
      span,
      raw: this.document.text.slice(span.start.offset, span.end.offset),
      entrySpan,
      text: text.replace(/\s+/g, ' ').trim(),
      date,
      dateSource,
      dateSpan,
      yearStated,
      seconds: parsed.seconds,
      precision: parsed.precision,
      zone: parsed.zone,
      effectiveZone: parsed.zone ?? zone,
      approximate: parsed.approximate,
      unknown: parsed.unknown,
      invalid: parsed.invalid,
      rangeEndSeconds: parsed.rangeEnd && !parsed.rangeEnd.invalid ? parsed.rangeEnd.seconds : null,
      relativeSeconds: parsed.relativeSeconds,
    };
  }

  /**
   * A date without a year takes the context's year (or the document's), and the next
   * year when months wrap from December to January.
   */
  private fillYear(date: CalendarDate, context: DayContext | null): { date: CalendarDate; stated: boolean } {
    if (date.year !== null) return { date, stated: true };
    const base = context?.date ?? this.documentDate;
    if (!base || base.year === null) return { date, stated: false };
    const year = date.month < base.month - 6 ? base.year + 1 : base.year;
    return { date: { ...date, year }, stated: false };
  }

  private spanOf(flat: TextView, start: number, end: number): Span {
    const from = flat.offset(Math.min(start, flat.text.length));
    const to = end > start ? flat.offset(end - 1) + 1 : from;
    return this.document.lines.span(from, Math.max(from, to));
  }
}

function isWithinTimeline(section: Section): boolean {
  for (let current: Section | null = section; current; current = current.parent) {
    if (current.kinds.includes('timeline')) return true;
  }
  return false;
}

/** An entry placed on one clock: for ordering and durations. */
export interface TimedEntry {
  entry: TimelineEntry;
  /** Seconds since 1970 (UTC when every compared entry's zone offset is known; else local clock). */
  instant: number;
  /** The day number the entry is placed on (days since 1970, local). */
  day: number;
  /** A date without a time: compare days only. */
  dayOnly: boolean;
  /** Placed on the next day because the time stepped back across midnight. */
  crossedMidnight: boolean;
}

export interface PlacementOptions {
  /** Read a backwards step of more than `maxBackwardsHours` between undated entries as crossing midnight. */
  allowMidnightCrossing?: boolean;
  maxBackwardsHours?: number;
}

/**
 * The entries of a timeline that can be compared (not approximate, unknown or impossible),
 * placed on one clock. Entries without a date of their own continue the day of the entry
 * before them; a step back of more than `maxBackwardsHours` (default 12) between such
 * entries reads as crossing midnight.
 */
export function placeEntries(timeline: Timeline, options: PlacementOptions = {}): TimedEntry[] {
  const allowCrossing = options.allowMidnightCrossing ?? true;
  const maxBackwards = (options.maxBackwardsHours ?? 12) * 3600;
  const comparable = timeline.entries.filter(
    (entry) => !entry.approximate && !entry.unknown && !entry.invalid && (entry.seconds !== null || entry.date !== null),
  );
  const useOffsets = comparable.every((entry) => entry.seconds === null || entry.effectiveZone?.offsetMinutes != null);
  const placed: TimedEntry[] = [];
  let currentDay = 0;
  let contextDay: number | null = null;
  for (const entry of comparable) {
    let day: number;
    if (entry.date && entry.dateSource === 'entry') {
      day = dayNumber(entry.date);
      contextDay = day;
    } else if (entry.date) {
      const fromContext = dayNumber(entry.date);
      day = fromContext === contextDay ? currentDay : fromContext;
      contextDay = fromContext;
    } else {
      day = currentDay;
    }
    // Month-days with no year anywhere ([12-31 23:58] then [01-01 00:10]) wrap into the next year.
    const previousDay = placed.at(-1)?.day;
    if (entry.date && entry.date.year === null && previousDay !== undefined) {
      while (day < previousDay - 180) day += 365;
    }
    const dayOnly = entry.seconds === null;
    const offset = useOffsets && !dayOnly ? (entry.effectiveZone?.offsetMinutes ?? 0) * 60 : 0;
    let instant = day * 86400 + (entry.seconds ?? 0) - offset;
    let crossedMidnight = false;
    const previous = placed.at(-1);
    if (allowCrossing && previous && !dayOnly && !previous.dayOnly && entry.dateSource !== 'entry' && day === previous.day) {
      if (previous.instant - instant > maxBackwards) {
        day += 1;
        instant += 86400;
        crossedMidnight = true;
      }
    }
    currentDay = day;
    placed.push({ entry, instant, day, dayOnly, crossedMidnight });
  }
  return placed;
}

/**
 * Whether `later` is placed before `earlier`: by day when either is a date alone, else by
 * instant at the coarser of the two precisions (a minute against a second).
 */
export function isBefore(later: TimedEntry, earlier: TimedEntry): boolean {
  if (later.dayOnly || earlier.dayOnly) return later.day < earlier.day;
  if (later.entry.precision === 'second' && earlier.entry.precision === 'second') return later.instant < earlier.instant;
  return Math.floor(later.instant / 60) < Math.floor(earlier.instant / 60);
}

