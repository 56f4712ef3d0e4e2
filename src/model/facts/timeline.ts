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
 *     (`**2026-02-12T11:14:58Z** - text`, `**Feb 04, 2021, 21:45 (UTC):** text`, and in
 *     sentences, "At 09:12, the queue started to grow", "By 10:02 …"). These
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
import { dayNumber, findDates, isRealDate, isWeekdayName, type CalendarDate, type NumericOrder } from '../text/dates.js';
import { TextView } from '../text/text-view.js';
import { continuesWrappedSentence } from '../text/entry-stamps.js';
import type { Span } from '../parse/positions.js';
import {
  clocksAgree, daylightZoneOutOfSeason, findDurations, findTimestamps, findZoneStatement, parseTimestamp, writesHourClocks,
  type ClockTime, type ParsedTimestamp, type TimestampOptions, type TimestampPrecision, type Zone,
} from '../text/times.js';
import { incidentAt, type Incident } from './incidents.js';
import { nearestYear } from './incident-date.js';
import { withinAncestorKind } from './section-filter.js';
import { milestoneOfLabel, milestoneStatements, type Milestone, type MilestoneStatement } from './milestones.js';
import type { Field, ListModel, Section, TableModel } from './types.js';
import { lastAtOrBefore, lowerBound } from '../text/sorted.js';
import { oneLine } from '../text/normalize.js';

/** The words before a time that open a timeline told in sentences: "At 09:12, …", "By 10:02 …". */
const TOLD_AT = /^(?:at|by)[ \t]+/i;

export type TimelineSource = 'table' | 'list' | 'section' | 'fields';
export type TimelineEntrySource = 'table-row' | 'list-item' | 'heading' | 'line' | 'field';

/** A second clock written beside an entry's time ("14:00 UTC / 07:00 PDT"). */
export interface EntrySecondClock {
  raw: string;
  span: Span;
  zone: Zone;
  /** Whether some reading of both zones makes them the same moment; null when a zone is unknown. */
  agrees: boolean | null;
}

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
  /** The end of a range entry ("8:20 - 8:24"), seconds since midnight (past 24 hours when it ends the next day). */
  rangeEndSeconds: number | null;
  /** A range that ends before it starts on every reading ("14:20-2:00", "10:15 PM – 9:45 PM" stated as under an hour). */
  rangeBackwards: boolean;
  /** The end of a range as written ("2:00", "9:45 PM"). */
  rangeEndRaw: string | null;
  /** A relative annotation ("(+1m 8s)"), in seconds. */
  relativeSeconds: number | null;
  /** "00:10 (+1d)": on the day this many days after the timeline's first. */
  dayOffset: number | null;
  /** An entry placed by its offset from a reference moment ("T+5m", "[+2 h]"), in seconds. */
  offsetSeconds: number | null;
  /** The am/pm of the time: written, or (meridiemInferred) read from the entries around it as a reader does. */
  meridiem: 'am' | 'pm' | null;
  meridiemInferred: boolean;
  /** A second clock written beside the time. */
  secondClock: EntrySecondClock | null;
  /** A daylight-saving zone written on a day it is not in force: the standard name that applies ("CET"), else null. */
  zoneOutOfSeason: string | null;
  /** An entry written label first ("Paged on-call 2026-03-04 09:29", "Resolved: 14:38"). */
  labelFirst: boolean;
  /** The milestone its label names ("Resolved: 14:38"), else null. */
  milestone: Milestone | null;
  /** It says it is on the day after the entry before it: "11:40a (next day) — review". */
  nextDay: boolean;
}

/** The words of each entry, kept to be read on demand (most entries are never asked). */
const descriptions = new WeakMap<TimelineEntry, { views: () => readonly TextView[]; order: NumericOrder | null; lines: PostmortemDocument['lines'] }>();
const milestonesRead = new WeakMap<TimelineEntry, MilestoneStatement[]>();

/** The milestones an entry stands for: its label's ("Resolved: 14:38", "Paged: …") and what its words say happened. */
export function entryMilestones(entry: TimelineEntry): Milestone[] {
  return entryMilestoneStatements(entry).map((statement) => statement.milestone);
}

/** The same, each with whether the entry says it happened only in part ("Service partially restored"). */
export function entryMilestoneStatements(entry: TimelineEntry): MilestoneStatement[] {
  let found = milestonesRead.get(entry);
  if (!found) milestonesRead.set(entry, (found = milestoneStatements(entry.text, entry.milestone)));
  return found;
}

/** Full dates written in what an entry says ("SN confirms Elan 2012-04-17 …"), with where they are. */
export function entryTextDates(entry: TimelineEntry): Array<{ date: CalendarDate; text: string; span: Span }> {
  const description = descriptions.get(entry);
  if (!description || !/\d{4}/.test(entry.text)) return [];
  const found: Array<{ date: CalendarDate; text: string; span: Span }> = [];
  for (const view of description.views()) {
    if (!/\d{4}/.test(view.text)) continue;
    for (const match of findDates(view.text, undefined, description.order)) {
      if (!match.valid || match.date.year === null) continue;
      const from = view.offset(match.start);
      found.push({ date: match.date, text: match.text, span: description.lines.span(from, view.offset(match.end - 1) + 1) });
    }
  }
  return found;
}

export interface Timeline {
  source: TimelineSource;
  /**
   * A sequence is read in order; a list of milestones ("Key events": Started, Detected,
   * Resolved, each with its time) is not, only what must hold between them.
   */
  kind: 'sequence' | 'milestones';
  /** The timeline section it is in (the outermost one), else the section that holds it. */
  section: Section | null;
  /** The table or list; for a section's sequence, from its first to its last entry. */
  span: Span;
  /** The zone stated for the timeline (entries may still state their own). */
  zone: Zone | null;
  /** The incident it belongs to, in a document that reports several. */
  incident: Incident | null;
  /** A period its heading states ("Timeline 01/16/2024 - 02/28/2024"). */
  period: { from: CalendarDate; to: CalendarDate; span: Span } | null;
  /** The moment offsets count from, when the timeline states it ("offsets from the flag change at 10:00 UTC"). */
  anchorSeconds: number | null;
  /**
   * Told newest first, as status pages and change logs do: every step between its entries
   * goes back in time (three entries at least), or its title says so ("newest first",
   * "most recent first", "reverse chronological") and more steps go back than forward.
   */
  newestFirst: boolean;
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
/** A column of the days of the times beside it: "| Day | Time (UTC) | Event |". */
const DAY_COLUMN = /^(?:date|day|datum|tag|jour|fecha|d[ií]a|data|dia|日付|日にち|日期|날짜|일자)$/u;
/**
 * A column of times after other columns ("| Step | Block | Time (UTC) | Tx |", "| # | Time |
 * Event |"): its header names only the time (a zone in brackets aside), and not "when",
 * which may be a due date.
 */
const LATER_TIME_COLUMN = /^(?:time(?:stamp)?|date ?time|date and time|uhrzeit|heure|hora|時刻|시각)(?: [\p{L}\d+−-]{1,12})?$/u;
/**
 * A table of spans: "| Start | End | Event |". The start is the entry's time and the end
 * column is left out of its text; read in a timeline section, or beside a column of what
 * happened (a table of outage windows by region need not be in order).
 */
const START_COLUMN = /^(?:start(?: time)?|started|begin|from|beginn|von|début|inicio|início)$/u;
const END_COLUMN = /^(?:end(?: time)?|ended|until|to|ende|bis|fin|fim)$/u;
/** A parenthesis closed by a sentence's punctuation, opening a line of a hard-wrapped paragraph. */
const WRAPPED_PARENTHESIS = /^[ \t]*\([^()\n]{1,40}\)[.,;](?:\s|$)/;
/** A header that gives the format of elapsed times: "Time (hh:mm)". */
const ELAPSED_LEGEND = /\b(?:hh|mm)\b/i;
/** Outside a timeline section, a later column of times is a timeline's only beside a column of what happened. */
const EVENT_COLUMN = /^(?:events?|what|what happened|description|activity|actions?|details|updates?|notes?|steps?|tx|transactions?|ereignis|événement|evento|内容|事象|事件|내용)$/u;
/** What may follow a date on a date line: a note in brackets, a colon. */
const DATE_LINE_REST = /^[\s:.,–—-]*(?:\([^()]{0,80}\)[\s:.]*)?$/;
/** "Day 2 — ", "Tag 3: ", "Day 1 (": a day's number before the date of a heading or date line. */
const DAY_NUMBER = /^(?:day|tag|jour|d[ií]a)[ \t]+\d{1,3}[ \t]*(?:[:.,–—-][ \t]*|\([ \t]*)/i;
/** A word that may be a weekday before a date: "Tuesday ", "Wed., ". */
const LEADING_WORD = /^(\p{L}+)\.?,?[ \t]+/u;

/** Whether a heading or line is a date alone (a note after it on a line) that gives the entries after it their day. */
function isDayLine(parsed: ParsedTimestamp, rest: string, source: 'heading' | 'line'): boolean {
  return parsed.seconds === null && !parsed.unknown && parsed.offsetSeconds === null && parsed.date !== null && (source === 'heading' || DATE_LINE_REST.test(rest));
}

/** What follows a day's number and a weekday at the start of a heading or line, or null when neither is there. */
function afterDayPrefix(flat: TextView): TextView | null {
  let length = DAY_NUMBER.exec(flat.text)?.[0].length ?? 0;
  const word = LEADING_WORD.exec(flat.text.slice(length));
  if (word && isWeekdayName(word[1]!)) length += word[0].length;
  return length === 0 ? null : flat.slice(length, flat.text.length);
}

/** The items (in document order) that start in [start, end), found by binary search. */
function startingWithin<T extends { span: Span }>(items: readonly T[], start: number, end: number): T[] {
  const key = (item: T) => item.span.start.offset;
  return items.slice(lowerBound(items, start, key), lowerBound(items, end, key));
}

export function buildTimelines(document: PostmortemDocument): Timeline[] {
  return new TimelineBuilder(document).build();
}

/** What the builder keeps about an entry while its timeline is read (for the passes over whole timelines). */
interface Pending {
  clock: ClockTime | null;
  rangeEnd: ClockTime | null;
}

/** A region of the document read as one timeline section. */
interface Region {
  section: Section;
  start: number;
  end: number;
  extra: Section[];
}

const OFFSET_STATEMENT = /\boffsets?\b|\bT[ \t]?[+=]|\brelative to\b/i;
const PERIOD_JOINT = /^[ \t]*(?:-|–|—|to|until|bis)[ \t]*$/i;
/** "Resolved:", "**Mitigated:**", "Paged on-call at": a label before a label-first entry's time. */
const LABEL_BEFORE = /^[\s*_]*([^:]{1,40}?)[\s*_]*(?::[\s*_]*)?(?:\b(?:at|on|@)[ \t]*)?$/i;
/** A description that opens with a milestone label ("Mitigated: traffic shifted"). */
const LABEL_OPENING = /^[\s*_]*([A-Za-z][A-Za-z ]{1,30}?)[\s*_]*:/;
/** How far into a label-first entry its time may stand. */
const LABEL_FIRST_REACH = 80;
/** A note opening an entry's words that moves it to the next day: "(next day)", "(the following morning)". ("(+1d)" after the time is a day offset: ParsedTimestamp.dayOffset.) */
const NEXT_DAY_NOTE = /^[\s—–-]*\((?:the\s+)?(?:next|following)\s+(?:day|morning)\)/i;

class TimelineBuilder {
  private readonly timelines: Timeline[] = [];
  private readonly documentZone: Zone | null;
  private readonly documentDate: CalendarDate | null;
  private readonly order: NumericOrder | null;
  /** How entries' timestamps are read: the document's date order, and whether it writes "9h30". */
  private readonly stamp: TimestampOptions;
  private readonly incidents: Incident[];
  private readonly pending = new Map<TimelineEntry, Pending>();

  constructor(private readonly document: PostmortemDocument) {
    this.documentDate = document.incidentDate;
    this.documentZone = this.findDocumentZone();
    this.order = document.numericDateOrder;
    this.stamp = { order: this.order, hourClocks: writesHourClocks(document.text) };
    this.incidents = document.incidents;
  }

  build(): Timeline[] {
    const regions = this.timelineRegions();
    // Regions are disjoint and in document order: the last one starting at or before an offset is the only candidate.
    const inRegion = (offset: number) => {
      const region = lastAtOrBefore(regions, offset, (candidate) => candidate.start);
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
    this.readMilestoneFields();
    this.timelines.sort((a, b) => a.span.start.offset - b.span.start.offset);
    for (const timeline of this.timelines) {
      if (timeline.kind === 'sequence') resolveTwelveHourClock(timeline, this.pending);
      this.resolveRanges(timeline);
      if (timeline.kind === 'sequence') timeline.newestFirst = toldNewestFirst(timeline);
    }
    this.pending.clear();
    return this.timelines;
  }

  /** The date undated entries at an offset take: their incident's, else the document's. */
  private dateAt(offset: number): CalendarDate | null {
    return incidentAt(this.incidents, offset)?.date ?? this.documentDate;
  }

  private newTimeline(source: TimelineSource, section: Section | null, span: Span, zone: Zone | null, kind: Timeline['kind'] = 'sequence'): Timeline {
    return { source, kind, section, span, zone, incident: incidentAt(this.incidents, span.start.offset), period: null, anchorSeconds: null, newestFirst: false, entries: [] };
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
  private timelineRegions(): Region[] {
    const regions: Region[] = [];
    const sections = this.document.sections;
    for (const section of sections) {
      if (!section.kinds.includes('timeline')) continue;
      if (withinAncestorKind(section.parent, 'timeline')) continue;
      const region: Region = { section, start: section.extent.start, end: section.extent.end, extra: [] };
      for (let i = section.index + 1; i < sections.length; i++) {
        const next = sections[i]!;
        if (next.extent.start < region.end) continue;
        if (next.depth !== section.depth || next.kind !== null || !parseTimestamp(next.title, this.stamp)) break;
        region.end = next.extent.end;
        region.extra.push(next);
      }
      regions.push(region);
    }
    return regions;
  }

  private readRegion(region: Region): void {
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
    const period = this.periodOf(region.section);
    const anchorSeconds = this.anchorOf(region.section.title) ??
      paragraphs.filter((paragraph) => !paragraph.quoted && paragraph.listItem === null).map((paragraph) => this.anchorOf(paragraph.text)).find((found) => found !== null) ?? null;

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

    const sequence = this.newTimeline('section', region.section, region.section.span, zone);
    sequence.period = period;
    sequence.anchorSeconds = anchorSeconds;
    const first = this.timelines.length;
    const state = { context: null as DayContext | null };
    let heading: TimelineEntry | null = null;
    for (const block of blocks) {
      switch (block.kind) {
        case 'heading': {
          const flat = document.textOf(block.section.heading);
          heading = this.readLine(flat, sequence, state, 'heading', block.section.span, zone);
          break;
        }
        case 'paragraph': {
          const flat = document.textOf(block.node);
          let last: TimelineEntry | null = null;
          const lines = flat.lines();
          for (const [index, line] of lines.entries()) {
            const lineSpan = this.spanOf(line, 0, line.text.length);
            // A line the writer's editor wrapped, that opens with the end of a parenthesis ("(11:00 UTC). We've…")
            // or with a time in the middle of a sentence, continues the sentence.
            const wrapped = index > 0 && (WRAPPED_PARENTHESIS.test(line.text) || continuesWrappedSentence(line.text, lines[index - 1]!.text));
            const entry = wrapped ? null : this.readLine(line, sequence, state, 'line', lineSpan, zone);
            if (entry) last = entry;
            else if (last && line.text.trim()) {
              // A line that continues the entry before it.
              last.text = `${last.text} ${line.text.trim()}`.trim();
              last.entrySpan = { start: last.entrySpan.start, end: lineSpan.end };
            } else if (!last && heading && line.text.trim()) {
              // What a heading entry ("### 14:35") says is the prose under it.
              heading.text = `${heading.text} ${line.text.trim()}`.trim();
            }
          }
          if (last) heading = null;
          break;
        }
        case 'list':
          state.context = this.readList(block.list, region.section, state.context, zone, true) ?? state.context;
          heading = null;
          break;
        case 'table':
          state.context = this.readTable(block.table, region.section, state.context, zone, true) ?? state.context;
          heading = null;
          break;
      }
    }
    if (sequence.entries.length > 0) {
      sequence.span = { start: sequence.entries[0]!.entrySpan.start, end: sequence.entries.at(-1)!.entrySpan.end };
      this.timelines.push(sequence);
    }
    for (const timeline of this.timelines.slice(first)) {
      timeline.period ??= period;
      timeline.anchorSeconds ??= anchorSeconds;
    }
  }

  /** "Timeline (all times PST) 01/16/2024 - 02/28/2024": two dates joined by a dash or "to". */
  private periodOf(section: Section): Timeline['period'] {
    const view = this.document.textOf(section.heading);
    const dates = findDates(view.text, undefined, this.order).filter((date) => date.valid && date.date.year !== null);
    if (dates.length !== 2 || !PERIOD_JOINT.test(view.text.slice(dates[0]!.end, dates[1]!.start))) return null;
    return { from: dates[0]!.date, to: dates[1]!.date, span: this.spanOf(view, dates[0]!.start, dates[1]!.end) };
  }

  /** The clock offsets count from: "offsets from the flag change at 10:00 UTC", "T+0 = 10:00". */
  private anchorOf(text: string): number | null {
    if (!OFFSET_STATEMENT.test(text)) return null;
    const [found] = findTimestamps(text, this.order);
    return found?.seconds ?? null;
  }

  /**
   * A heading or paragraph line in a timeline section: an entry when it begins with a
   * time, a day context when it is only a date; null otherwise.
   */
  private readLine(
    line: TextView,
    sequence: Timeline,
    state: { context: DayContext | null },
    source: 'heading' | 'line',
    entrySpan: Span,
    zone: Zone | null,
  ): TimelineEntry | null {
    let flat = line;
    let parsed = parseTimestamp(flat.text, this.stamp);
    if (!parsed && source === 'line') {
      // "At 09:12, the queue started to grow.": a timeline told in sentences.
      const told = TOLD_AT.exec(flat.text);
      const after = told ? flat.slice(told[0].length, flat.text.length) : null;
      const stamp = after ? parseTimestamp(after.text, this.stamp) : null;
      if (after && stamp && stamp.clock !== null) {
        flat = after;
        parsed = stamp;
      }
    }
    if (!parsed) {
      // "### Day 2 — Tuesday 10 March", "Day 3 (2026-03-11)": the date after a day's number or weekday.
      const dated = afterDayPrefix(flat);
      const day = dated ? parseTimestamp(dated.text, this.stamp) : null;
      if (dated && day && !day.invalid && isDayLine(day, dated.text.slice(day.rest).replace(/^\)/, ''), source)) {
        state.context = this.contextFrom(day, dated, state.context);
      }
      return null;
    }
    const rest = flat.text.slice(parsed.rest);
    if (isDayLine(parsed, rest, source)) {
      if (!parsed.invalid) state.context = this.contextFrom(parsed, flat, state.context);
      return null;
    }
    const entry = this.entry(parsed, flat, source, entrySpan, rest.trim(), state.context, zone, sequence.entries.length, () => [flat.slice(parsed.rest, flat.text.length)]);
    if (entry.dateSource === 'entry' && entry.date && !entry.invalid) state.context = { date: entry.date, span: entry.dateSpan! };
    sequence.entries.push(entry);
    return entry;
  }

  private contextFrom(parsed: ParsedTimestamp, flat: TextView, previous: DayContext | null): DayContext {
    const { date } = this.fillYear(parsed.date!, previous, flat.offset(0));
    return { date, span: this.spanOf(flat, parsed.dateStart, parsed.dateEnd) };
  }

  /**
   * A list in which items begin with times; returns the day context after it. In a
   * timeline section an item may also be written label first ("Paged on-call 2026-03-04
   * 09:29", "Resolved: 14:38"). A list whose items all name a milestone with its time
   * ("**Detected:** 11:02 UTC") is a list of milestones, not a sequence.
   */
  private readList(
    list: ListModel,
    section: Section | null,
    context: DayContext | null,
    zone: Zone | null,
    inTimelineSection: boolean,
  ): DayContext | null {
    const candidates: Array<{ parsed: ParsedTimestamp; flat: TextView; index: number; label: string | null }> = [];
    list.items.forEach((item, index) => {
      if (!item.paragraph) return;
      const view = this.document.textOf(item.paragraph);
      const flat = view.lines()[0]!;
      const parsed = parseTimestamp(flat.text, { ...this.stamp, allowDateOnly: inTimelineSection });
      if (parsed) {
        candidates.push({ parsed, flat, index, label: null });
        return;
      }
      const labelled = /\d/.test(flat.text) ? this.labelFirst(flat) : null;
      if (labelled && (inTimelineSection || labelled.milestone)) candidates.push({ parsed: labelled.parsed, flat, index, label: labelled.label });
    });
    // In a list of time-first entries, an item written label first is an entry only when its label names a milestone
    // ("Resolved: 14:38"): "Root cause: the deploy at 13:00 …" is a note about another moment.
    if (candidates.some((candidate) => candidate.label === null)) {
      const kept = candidates.filter((candidate) => candidate.label === null || milestoneOfLabel(candidate.label) !== null);
      candidates.splice(0, candidates.length, ...kept);
    }
    const milestones =
      candidates.length >= 2 &&
      candidates.length === list.items.length &&
      candidates.every((candidate) => candidate.label !== null && milestoneOfLabel(candidate.label) !== null);
    if (!milestones) {
      // Outside a timeline section, only a list of time-first items is a timeline.
      if (!inTimelineSection) {
        const timeFirst = candidates.filter((candidate) => candidate.label === null);
        const clocks = timeFirst.filter((candidate) => candidate.parsed.seconds !== null).length;
        if (clocks < 2 || clocks * 2 < list.items.length) return context;
        candidates.splice(0, candidates.length, ...timeFirst);
      }
    }
    if (candidates.length === 0) return context;
    const timeline = this.newTimeline('list', section ?? list.section, list.span, zone, milestones ? 'milestones' : 'sequence');
    let current = context;
    for (const { parsed, flat, index, label } of candidates) {
      const item = list.items[index]!;
      const rest = label === null ? flat.text.slice(parsed.rest) : `${label} ${flat.text.slice(parsed.rest)}`.trim();
      if (label === null && parsed.seconds === null && !parsed.unknown && parsed.offsetSeconds === null && parsed.date && !rest.trim()) {
        if (!parsed.invalid) current = this.contextFrom(parsed, flat, current);
        continue;
      }
      const view = this.document.textOf(item.paragraph!);
      const text = item.text.length > flat.text.length ? `${rest} ${item.text.slice(flat.text.length)}` : rest;
      const described = () => (label === null ? [view.slice(parsed.rest, view.text.length)] : [view.slice(0, parsed.start), view.slice(parsed.rest, view.text.length)]);
      const entry = this.entry(parsed, flat, 'list-item', item.span, text, current, zone, timeline.entries.length, described);
      if (label !== null) {
        entry.labelFirst = true;
        entry.milestone = milestoneOfLabel(label);
      }
      if (entry.dateSource === 'entry' && entry.date && !entry.invalid) current = { date: entry.date, span: entry.dateSpan! };
      timeline.entries.push(entry);
    }
    if (timeline.entries.length > 0) {
      this.timelines.push(timeline);
    }
    return milestones ? context : current;
  }

  /**
   * A line that names its event first and its time after ("Paged on-call 2026-03-04
   * 09:29", "Resolved: 14:38"): one timestamp with a clock in its first 80 characters, or
   * two that make a span ("started 09:40, finished 09:52": the first). Null otherwise.
   */
  private labelFirst(flat: TextView): { parsed: ParsedTimestamp; label: string; milestone: Milestone | null } | null {
    const head = flat.text.slice(0, LABEL_FIRST_REACH + 40);
    const found = findTimestamps(head, this.order).filter((candidate) => candidate.start < LABEL_FIRST_REACH);
    if (found.length === 0 || found.length > 2) return null;
    const [first, second] = found as [ParsedTimestamp, ParsedTimestamp | undefined];
    if (second && (first.seconds === null || second.seconds === null || second.seconds < first.seconds || second.date !== null)) return null;
    const before = flat.text.slice(0, first.start);
    const label = LABEL_BEFORE.exec(before)?.[1]?.trim() ?? before.trim();
    return { parsed: first, label, milestone: milestoneOfLabel(label) };
  }

  /**
   * A table whose first column (with a second "Time" column) holds timestamps, whose first
   * two columns are a span's start and end, or whose later column of times (see
   * LATER_TIME_COLUMN) holds clock times in two rows or more.
   */
  private readTable(
    table: TableModel,
    section: Section | null,
    context: DayContext | null,
    zone: Zone | null,
    inTimelineSection: boolean,
  ): DayContext | null {
    const first = table.columns[0] ?? '';
    let timeStart = 0;
    let timeCells = 1;
    let endColumn = -1;
    if (START_COLUMN.test(first) && END_COLUMN.test(table.columns[1] ?? '')) {
      if (!inTimelineSection && !table.columns.some((column) => EVENT_COLUMN.test(column))) return context;
      endColumn = 1;
    } else if (TIME_COLUMN.test(first)) {
      const headerText = table.header.cells[0]?.text ?? '';
      if (!inTimelineSection && !TIME_HEADER_WORD.test(headerText) && !table.rows.some((row) => HAS_CLOCK.test(row.cells[0]?.text ?? ''))) {
        return context;
      }
      const secondIsTime = table.columns.length > 2 && /^time\b/.test(table.columns[1] ?? '') && !/^time/.test(first);
      timeCells = secondIsTime ? 2 : 1;
    } else {
      const later = table.columns.findIndex(
        (column, index) => index > 0 && LATER_TIME_COLUMN.test(column) && !ELAPSED_LEGEND.test(table.header.cells[index]?.text ?? ''),
      );
      if (later < 0 || table.rows.filter((row) => HAS_CLOCK.test(row.cells[later]?.text ?? '')).length < 2) return context;
      if (!inTimelineSection && !table.columns.some((column) => EVENT_COLUMN.test(column))) return context;
      // A column of dates before it gives each time its day.
      timeStart = DAY_COLUMN.test(table.columns[later - 1] ?? '') ? later - 1 : later;
      timeCells = later + 1 - timeStart;
    }
    const isTimeCell = (index: number) => index >= timeStart && index < timeStart + timeCells;
    const headerZone =
      table.header.cells
        .slice(timeStart, timeStart + timeCells)
        .map((cell) => findZoneStatement(cell.text, false)?.zone ?? null)
        .find((found) => found !== null) ?? null;
    const timelineZone = headerZone ?? zone;
    const timeline = this.newTimeline('table', section ?? table.section, table.span, timelineZone);
    let current = context;
    for (const row of table.rows) {
      const cells = row.cells.slice(timeStart, timeStart + timeCells).map((cell) => this.document.textOf(cell.node));
      if (cells.length === 0) continue;
      const flat = cells.length > 1 ? TextView.join(cells) : cells[0]!;
      const parsed = parseTimestamp(flat.text, this.stamp);
      if (!parsed) continue;
      const others = row.cells.filter((_, index) => !isTimeCell(index) && index !== endColumn);
      const description = [flat.text.slice(parsed.rest), ...others.map((cell) => cell.text)]
        .map((part) => part.trim())
        .filter(Boolean)
        .join(' | ');
      const views = () => [flat.slice(parsed.rest, flat.text.length), ...others.map((cell) => this.document.textOf(cell.node))];
      const entry = this.entry(parsed, flat, 'table-row', row.span, description, current, timelineZone, timeline.entries.length, views);
      if (entry.dateSource === 'entry' && entry.date && !entry.invalid) current = { date: entry.date, span: entry.dateSpan! };
      timeline.entries.push(entry);
    }
    if (timeline.entries.length > 0) {
      this.timelines.push(timeline);
    }
    return current;
  }

  /**
   * Milestones stated as fields ("| **Detected** | 2021-04-16 10:44 |", "**Resolved:** 14:38"),
   * two or more in one section, outside the sequences already read: a list of milestones.
   */
  private readMilestoneFields(): void {
    const groups = new Map<string, Array<{ field: Field; milestone: Milestone; parsed: ParsedTimestamp; view: TextView }>>();
    for (const field of this.document.fields) {
      const milestone = milestoneOfLabel(field.label);
      if (!milestone || field.source === 'front-matter') continue;
      if (this.timelines.some((timeline) => timeline.entries.some((entry) => entry.entrySpan.start.offset <= field.span.start.offset && field.span.start.offset < entry.entrySpan.end.offset))) continue;
      const view = this.fieldView(field);
      if (!view) continue;
      const parsed = parseTimestamp(view.text, { ...this.stamp, allowDateOnly: false });
      if (!parsed || parsed.seconds === null || view.text.slice(parsed.rest).trim()) continue;
      const key = `${field.source}:${field.section?.index ?? -1}`;
      const group = groups.get(key) ?? [];
      group.push({ field, milestone, parsed, view });
      groups.set(key, group);
    }
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      const first = group[0]!.field;
      const span = { start: first.span.start, end: group.at(-1)!.field.span.end };
      const timeline = this.newTimeline('fields', first.section, span, this.documentZone, 'milestones');
      for (const { field, milestone, parsed, view } of group) {
        const entry = this.entry(parsed, view, 'field', { start: field.keySpan.start, end: field.span.end }, field.label, null, this.documentZone, timeline.entries.length, () => []);
        entry.milestone = milestone;
        timeline.entries.push(entry);
      }
      this.timelines.push(timeline);
    }
  }

  /** The text view of a field's value: its table cell, or its part of a key line. */
  private fieldView(field: Field): TextView | null {
    const offset = field.span.start.offset;
    if (field.source === 'table') {
      for (const table of this.document.tables) {
        for (const row of table.rows) for (const cell of row.cells) if (cell.span.start.offset === offset) return this.document.textOf(cell.node);
      }
      return null;
    }
    const paragraph = this.document.paragraphs.find((candidate) => candidate.span.start.offset <= offset && offset < candidate.span.end.offset);
    if (!paragraph) return null;
    for (const line of this.document.textOf(paragraph.node).lines()) {
      for (let i = 0; i < line.text.length; i++) {
        if (line.offset(i) >= offset) return line.slice(i, line.text.length);
      }
    }
    return null;
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
    descriptionViews: () => readonly TextView[],
  ): TimelineEntry {
    const span = this.spanOf(flat, parsed.start, parsed.end);
    let date: CalendarDate | null = null;
    let dateSource: TimelineEntry['dateSource'] = null;
    let dateSpan: Span | null = null;
    let yearStated = false;
    const documentDate = this.dateAt(entrySpan.start.offset);
    if (parsed.date && !parsed.invalid?.includes('is not a month')) {
      const filled = this.fillYear(parsed.date, context, entrySpan.start.offset);
      date = filled.date;
      yearStated = filled.stated;
      dateSource = 'entry';
      dateSpan = this.spanOf(flat, parsed.dateStart, parsed.dateEnd);
    } else if (context) {
      date = context.date;
      dateSource = 'context';
      dateSpan = context.span;
    } else if (documentDate) {
      date = documentDate;
      dateSource = 'document';
    }
    const effectiveZone = parsed.zone ?? zone;
    let secondClock: EntrySecondClock | null = null;
    if (parsed.secondClock && parsed.clock && !parsed.rangeEnd) {
      const { clock, zone: secondZone } = parsed.secondClock;
      secondClock = {
        raw: flat.text.slice(clock.start, parsed.secondClock.end).replace(/\)$/, '').trim(),
        span: this.spanOf(flat, clock.start, parsed.secondClock.end),
        zone: secondZone,
        agrees: effectiveZone ? clocksAgree(parsed.clock, effectiveZone, clock, secondZone) : null,
      };
    }
    const writtenZone = parsed.zone ?? parsed.secondClock?.zone ?? null;
    const zoneOutOfSeason =
      writtenZone && date && date.year !== null && (dateSource === 'entry' || dateSource === 'context') && isRealDate(date)
        ? daylightZoneOutOfSeason(writtenZone, date)
        : null;
    const opening = LABEL_OPENING.exec(text);
    const entry: TimelineEntry = {
      index,
      source,
      span,
      raw: rawStamp(this.document.text.slice(span.start.offset, span.end.offset), source, flat.text.slice(parsed.start, parsed.end)),
      entrySpan,
      text: oneLine(text),
      date,
      dateSource,
      dateSpan,
      yearStated,
      seconds: parsed.seconds,
      precision: parsed.precision,
      zone: parsed.zone,
      effectiveZone,
      approximate: parsed.approximate,
      unknown: parsed.unknown,
      invalid: parsed.invalid,
      rangeEndSeconds: parsed.rangeEnd && !parsed.rangeEnd.invalid ? parsed.rangeEnd.seconds : null,
      rangeBackwards: false,
      rangeEndRaw: parsed.rangeEnd ? flat.text.slice(parsed.rangeEnd.start, parsed.rangeEnd.end) : null,
      relativeSeconds: parsed.relativeSeconds,
      dayOffset: parsed.dayOffset,
      offsetSeconds: parsed.offsetSeconds,
      meridiem: parsed.clock?.meridiem ?? null,
      meridiemInferred: false,
      secondClock,
      zoneOutOfSeason,
      labelFirst: false,
      milestone: opening ? milestoneOfLabel(opening[1]!) : null,
      nextDay: NEXT_DAY_NOTE.test(text),
    };
    descriptions.set(entry, { views: descriptionViews, order: this.order, lines: this.document.lines });
    this.pending.set(entry, { clock: parsed.clock, rangeEnd: parsed.rangeEnd });
    return entry;
  }

  /**
   * A date without a year takes the year that puts it nearest the context's date (or the
   * document's): in a February report, "11-28" before "02-14" is the previous November.
   */
  private fillYear(date: CalendarDate, context: DayContext | null, offset: number): { date: CalendarDate; stated: boolean } {
    if (date.year !== null) return { date, stated: true };
    const base = context?.date ?? this.dateAt(offset);
    if (!base || base.year === null) return { date, stated: false };
    return { date: nearestYear(date, base), stated: false };
  }

  /**
   * The readings of a range's end a reader allows: as written; twelve hours later when it
   * has no am/pm; the next day for a range over the night (from 18:00 or later to 08:00 or
   * earlier), before an entry of a later day, or at the end of the timeline. A length the
   * entry states ("under an hour", "(4 seconds)") must agree. With no forward reading the
   * range ends before it starts.
   */
  private resolveRanges(timeline: Timeline): void {
    timeline.entries.forEach((entry, index) => {
      const pending = this.pending.get(entry);
      const end = pending?.rangeEnd;
      if (!end || end.invalid || entry.seconds === null || entry.invalid) return;
      const start = entry.seconds;
      const next = timeline.entries.slice(index + 1).find((candidate) => candidate.seconds !== null || candidate.date !== null);
      const readings = [end.seconds];
      const hour = Number(end.hourText);
      if (end.meridiem === null && hour >= 1 && hour <= 12) readings.push((hour % 12) * 3600 + (end.seconds - hour * 3600) + 12 * 3600);
      const nextDay =
        (start >= 18 * 3600 && end.seconds <= 8 * 3600) ||
        !next ||
        (next.date !== null && entry.date !== null && next.date.year !== null && entry.date.year !== null && dayNumber(next.date) > dayNumber(entry.date));
      if (nextDay) readings.push(...readings.map((seconds) => seconds + 86400));
      const stated = findDurations(entry.text).find((duration) => duration.seconds > 0);
      const fits = (length: number) => {
        if (!stated) return length <= 24 * 3600;
        if (stated.boundKind === 'most') return length <= stated.seconds;
        if (stated.boundKind === 'least') return length >= stated.seconds;
        return Math.abs(length - stated.seconds) <= Math.max(60, stated.seconds * 0.25);
      };
      const forward = readings.filter((seconds) => seconds >= start && fits(seconds - start)).sort((a, b) => a - b);
      if (forward.length === 0) {
        entry.rangeBackwards = true;
        entry.rangeEndSeconds = null;
      } else entry.rangeEndSeconds = forward[0]!;
    });
  }

  private spanOf(flat: TextView, start: number, end: number): Span {
    const from = flat.offset(Math.min(start, flat.text.length));
    const to = end > start ? flat.offset(end - 1) + 1 : from;
    return this.document.lines.span(from, Math.max(from, to));
  }
}

/**
 * The 12-hour clock without am/pm, read as a reader does: in a timeline that writes am/pm
 * (and no 24-hour time), a bare "3:10" after "2:55pm" is 3:10 PM. Each bare time takes the
 * reading (AM or PM) that is the nearest step forward from the entry before it; when
 * neither is, it stays as written, and the crossing of midnight or an order break is
 * judged as for any time.
 */
function resolveTwelveHourClock(timeline: Timeline, pending: ReadonlyMap<TimelineEntry, Pending>): void {
  const clocks = timeline.entries.map((entry) => pending.get(entry)?.clock ?? null);
  const twelveHour = clocks.some((clock) => clock?.meridiem && !clock.invalid);
  const twentyFourHour = clocks.some((clock) => clock && !clock.invalid && clock.meridiem === null && (Number(clock.hourText) > 12 || clock.hourText === '00'));
  if (!twelveHour || twentyFourHour) return;
  let previous: TimelineEntry | null = null;
  timeline.entries.forEach((entry, index) => {
    const clock = clocks[index];
    if (!clock || clock.invalid || entry.seconds === null || entry.invalid) return;
    const hour = Number(clock.hourText);
    // Only beside an entry on the same clock: "03:50 UTC" after "9:05 AM IST" is another zone, not the afternoon.
    if (clock.meridiem === null && hour >= 1 && hour <= 12 && previous && previous.seconds !== null && sameDay(previous, entry) && sameZone(previous, entry)) {
      const morning = (hour % 12) * 3600 + (clock.seconds - hour * 3600);
      const forward = [morning, morning + 12 * 3600].filter((seconds) => seconds >= previous!.seconds!).sort((a, b) => a - b);
      if (forward.length > 0) {
        entry.seconds = forward[0]!;
        entry.meridiem = entry.seconds >= 12 * 3600 ? 'pm' : 'am';
        entry.meridiemInferred = true;
        if (entry.rangeEndSeconds !== null && entry.rangeEndSeconds < entry.seconds) entry.rangeEndSeconds += 12 * 3600;
        const end = pending.get(entry)?.rangeEnd;
        if (end && end.meridiem === null && end.seconds < entry.seconds) (pending.get(entry) as Pending).rangeEnd = { ...end, seconds: end.seconds + 12 * 3600 };
      }
    }
    previous = entry;
  });
}

/**
 * A timestamp as written: the source, or, when a table row writes it across cells ("Nov 3 |
 * 9:02 AM"), the cells' words joined by a space.
 */
function rawStamp(source: string, from: TimelineEntrySource, joined: string): string {
  return from === 'table-row' && source.includes('|') ? joined : source;
}

/** Whether two entries read the same clock: the same zone, or no zone on either. */
function sameZone(a: TimelineEntry, b: TimelineEntry): boolean {
  const first = a.effectiveZone?.name;
  const second = b.effectiveZone?.name;
  return !first || !second || first === second;
}

function sameDay(a: TimelineEntry, b: TimelineEntry): boolean {
  if (b.dateSource !== 'entry') return true;
  return a.date !== null && b.date !== null && a.date.year === b.date.year && a.date.month === b.date.month && a.date.day === b.date.day;
}


/** An entry placed on one clock: for ordering and durations. */
export interface TimedEntry {
  entry: TimelineEntry;
  /** Seconds since 1970 (UTC when every compared entry's zone offset is known; else local clock); for an offset entry, its offset. */
  instant: number;
  /** The day number the entry is placed on (days since 1970, local). */
  day: number;
  /** A date without a time: compare days only. */
  dayOnly: boolean;
  /** Placed on the next day because the time stepped back across midnight. */
  crossedMidnight: boolean;
  /** On the clock ("14:30") or counted from a reference moment nobody placed on the clock ("T+5m"): only entries of one kind compare. */
  clock: 'absolute' | 'offset';
  /** Placed on UTC through its zone's offset (every compared entry's offset is known). */
  zoned: boolean;
}

export interface PlacementOptions {
  /** Read a backwards step of more than `maxBackwardsHours` between undated entries as crossing midnight. */
  allowMidnightCrossing?: boolean;
  maxBackwardsHours?: number;
  /** Entries to leave out (a date typo already reported: see datesOutOfPlace). */
  skip?: ReadonlySet<TimelineEntry>;
}

/**
 * The entries of a timeline that can be compared (not approximate, unknown or impossible),
 * placed on one clock. Entries without a date of their own continue the day of the entry
 * before them; a step back of more than `maxBackwardsHours` (default 12) between such
 * entries reads as crossing midnight. Offsets ("T+5m") are placed from the moment the
 * timeline says they count from, else among themselves. A timeline told newest first is
 * placed from its last entry: the result is in the order of time, not of the text.
 */
export function placeEntries(timeline: Timeline, options: PlacementOptions = {}): TimedEntry[] {
  const allowCrossing = options.allowMidnightCrossing ?? true;
  const maxBackwards = (options.maxBackwardsHours ?? 12) * 3600;
  const anchor = timeline.anchorSeconds;
  const secondsOf = (entry: TimelineEntry) => (entry.offsetSeconds !== null && anchor !== null ? anchor + entry.offsetSeconds : entry.seconds);
  const comparable = entriesInTimeOrder(timeline).filter(
    (entry) =>
      !entry.approximate && !entry.unknown && !entry.invalid && !options.skip?.has(entry) &&
      (secondsOf(entry) !== null || entry.date !== null || entry.offsetSeconds !== null),
  );
  const absolute = comparable.filter((entry) => entry.offsetSeconds === null || anchor !== null);
  const useOffsets = absolute.every((entry) => secondsOf(entry) === null || entry.effectiveZone?.offsetMinutes != null);
  const placed: TimedEntry[] = [];
  let currentDay = 0;
  let contextDay: number | null = null;
  let firstDay: number | null = null;
  let previous: TimedEntry | undefined;
  for (const entry of comparable) {
    if (entry.offsetSeconds !== null && anchor === null) {
      placed.push({ entry, instant: entry.offsetSeconds, day: 0, dayOnly: false, crossedMidnight: false, clock: 'offset', zoned: false });
      continue;
    }
    const seconds = secondsOf(entry);
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
    // "11:40a (next day)": the day after the entry before it, however far the clock steps back;
    // "00:10 (+1d)": the day after the timeline's first.
    if (entry.nextDay && entry.dateSource !== 'entry' && previous && day === previous.day) day += 1;
    if (entry.dayOffset !== null && entry.dateSource !== 'entry') day = (firstDay ?? day) + entry.dayOffset;
    else firstDay ??= day;
    // Month-days with no year anywhere ([12-31 23:58] then [01-01 00:10]) wrap into the next year.
    const previousDay = previous?.day;
    if (entry.date && entry.date.year === null && previousDay !== undefined) {
      while (day < previousDay - 180) day += 365;
    }
    const dayOnly = seconds === null;
    const offset = useOffsets && !dayOnly ? (entry.effectiveZone?.offsetMinutes ?? 0) * 60 : 0;
    let instant = day * 86400 + (seconds ?? 0) - offset;
    let crossedMidnight = false;
    if (allowCrossing && previous && !dayOnly && !previous.dayOnly && entry.dateSource !== 'entry' && day === previous.day) {
      if (previous.instant - instant > maxBackwards) {
        day += 1;
        instant += 86400;
        crossedMidnight = true;
      }
    }
    currentDay = day;
    previous = { entry, instant, day, dayOnly, crossedMidnight, clock: 'absolute', zoned: useOffsets && !dayOnly };
    placed.push(previous);
  }
  return placed;
}

/** A timeline's entries in the order of time: from the last written when it is told newest first. */
export function entriesInTimeOrder(timeline: Timeline): TimelineEntry[] {
  return timeline.newestFirst ? [...timeline.entries].reverse() : timeline.entries;
}

/** A title that says its timeline is told newest first. */
const NEWEST_FIRST_TITLE = /\b(?:newest|latest|most recent) (?:first|on top|at the top)\b|\breverse(?:d)? chronological\b|\bneueste zuerst\b/i;

/** Whether a timeline is told newest first (see Timeline.newestFirst), its steps counted between entries placed in the order written. */
function toldNewestFirst(timeline: Timeline): boolean {
  const placed = placeEntries(timeline, { allowMidnightCrossing: false }).filter((entry) => entry.clock === 'absolute');
  let back = 0;
  let forward = 0;
  for (let i = 1; i < placed.length; i++) {
    if (isBefore(placed[i]!, placed[i - 1]!)) back++;
    else if (isBefore(placed[i - 1]!, placed[i]!)) forward++;
  }
  const titled = NEWEST_FIRST_TITLE.test(timeline.section?.title ?? '');
  return (back >= 2 && forward === 0) || (titled && back > forward);
}

/**
 * Whether `later` is placed before `earlier`: by day when either is a date alone, else by
 * instant at the coarser of the two precisions (a minute against a second). Entries on
 * different clocks (an offset and a time) do not compare.
 */
export function isBefore(later: TimedEntry, earlier: TimedEntry): boolean {
  if (later.clock !== earlier.clock) return false;
  if (later.dayOnly || earlier.dayOnly) return later.day < earlier.day;
  // Clocks of two zones compare only through their offsets: "03:50 UTC" after "09:05 IST" (India? Ireland?) cannot be ordered.
  const laterZone = later.entry.effectiveZone?.name;
  const earlierZone = earlier.entry.effectiveZone?.name;
  if (!(later.zoned && earlier.zoned) && laterZone && earlierZone && laterZone !== earlierZone) return false;
  if (later.entry.precision === 'second' && earlier.entry.precision === 'second') return later.instant < earlier.instant;
  return Math.floor(later.instant / 60) < Math.floor(earlier.instant / 60);
}

/** A date in a timeline far from the dates around it, which agree with each other (a typo in its year or month). */
export interface DateOutOfPlace {
  entry: TimelineEntry;
  date: CalendarDate;
  span: Span;
  /** Days to the nearer of its neighbours. */
  days: number;
  previous: { date: CalendarDate; span: Span };
  next: { date: CalendarDate; span: Span };
}

/**
 * The dates a timeline states (on an entry, or on the date line or heading its entries
 * follow), each once, that lie more than `maxDays` from both dates around them while those
 * two are within a day of each other: "2022-02-20" between two entries of 2022-02-02.
 */
export function datesOutOfPlace(timeline: Timeline, maxDays = 7): DateOutOfPlace[] {
  const dates = statedDates(timeline);
  const found: DateOutOfPlace[] = [];
  for (let i = 1; i + 1 < dates.length; i++) {
    const previous = dates[i - 1]!;
    const current = dates[i]!;
    const next = dates[i + 1]!;
    if (Math.abs(next.day - previous.day) > 1) continue;
    const days = Math.min(Math.abs(current.day - previous.day), Math.abs(current.day - next.day));
    if (days <= maxDays) continue;
    found.push({ entry: current.entry, date: current.date, span: current.span, days, previous, next });
  }
  return found;
}

/** A timeline's stated dates in order, once per place they are written. */
export function statedDates(timeline: Timeline): Array<{ entry: TimelineEntry; date: CalendarDate; day: number; span: Span }> {
  const seen = new Set<number>();
  const dates: Array<{ entry: TimelineEntry; date: CalendarDate; day: number; span: Span }> = [];
  for (const entry of timeline.entries) {
    if (!entry.date || entry.invalid || !entry.dateSpan || entry.date.year === null) continue;
    if (entry.dateSource !== 'entry' && entry.dateSource !== 'context') continue;
    if (seen.has(entry.dateSpan.start.offset)) continue;
    seen.add(entry.dateSpan.start.offset);
    dates.push({ entry, date: entry.date, day: dayNumber(entry.date), span: entry.dateSpan });
  }
  return dates;
}
