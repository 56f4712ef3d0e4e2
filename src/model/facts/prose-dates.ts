/**
 * Dates and times as the prose states them, outside timeline entries' own timestamps:
 * weekdays written with a date ("On Sunday, 2023-10-14", an image caption "Saturday
 * 15/10/2023"), months misspelled ("Auguest 15 2023") or named without their day ("On
 * March, Dave noticed"), and clocks with a daylight-saving zone on a day it is not in
 * force ("On 2024-03-17 10h47 CEST"). Every block is read through its text view (code
 * aside); images through their alternative text.
 */
import type { Nodes, Paragraph } from 'mdast';
import type { PostmortemDocument } from '../document.js';
import type { Span } from '../parse/positions.js';
import {
  dayNumber, findMisspelledMonths, findMonthsWithoutDay, findWeekdayDates, mayNameWeekday, weekdayOf, type CalendarDate,
} from '../text/dates.js';
import { daylightZoneOutOfSeason, findTimestamps, type Zone } from '../text/times.js';
import { oneLine } from '../text/normalize.js';
import { TextView } from '../text/text-view.js';
import { readableText } from '../text/readable.js';
import { nearestYear } from './incident-date.js';

export interface WeekdayMention {
  /** The weekday as written and the date after it, as written. */
  text: string;
  weekdayText: string;
  /** The date, its year filled in from the incident when not written. */
  date: CalendarDate;
  /** The weekday that date is (0 = Sunday). */
  actual: number;
  /** Whether the weekday written is that date's (or that of the other reading of an ambiguous 03/10/2021). */
  matches: boolean;
  span: Span;
}

export interface ProseDates {
  weekdays: WeekdayMention[];
  misspelledMonths: Array<{ text: string; month: string; span: Span }>;
  monthsWithoutDay: Array<{ text: string; span: Span }>;
  /** Clocks written with a daylight-saving zone on a day it is not in force, once per line. */
  zonesOutOfSeason: Array<{ text: string; zone: Zone; date: CalendarDate; standard: string; span: Span }>;
}

/** Daylight-saving zone names, and how far before one its date and clock may start. */
const DAYLIGHT_NAME = /(?<![A-Za-z])(?:CEST|MESZ|EEST|WEST|PDT|MDT|CDT|EDT|AKDT|ADT|NDT)(?![A-Za-z])/g;
const ZONE_REACH = 60;


const DAYLIGHT_HINT = new RegExp(DAYLIGHT_NAME.source);

/** How far from the incident a date without a year may be and still take its year. */
const YEAR_REACH_DAYS = 60;

export function readProseDates(document: PostmortemDocument): ProseDates {
  const result: ProseDates = { weekdays: [], misspelledMonths: [], monthsWithoutDay: [], zonesOutOfSeason: [] };
  const order = document.numericDateOrder;
  // A date without a year takes the incident's; without a stated incident date, the first date the timeline states.
  const incident = document.incidentDate ?? firstTimelineDate(document);
  const timestamps: Span[] = [];
  const entryLines = new Set<number>();
  for (const timeline of document.timelines) {
    for (const entry of timeline.entries) {
      timestamps.push(entry.span);
      for (let line = entry.entrySpan.start.line; line <= entry.entrySpan.end.line; line++) entryLines.add(line);
    }
  }
  const inTimestamp = (offset: number) => timestamps.some((span) => span.start.offset <= offset && offset < span.end.offset);
  const spanOf = (view: TextView, start: number, end: number) => document.lines.span(view.offset(start), view.offset(end - 1) + 1);

  const read = (view: TextView) => {
    const text = readableText(view);
    for (const found of findMonthsWithoutDay(text)) {
      result.monthsWithoutDay.push({ text: found.text, span: spanOf(view, found.start, found.end) });
    }
    if (!/\d/.test(text)) return;
    for (const found of mayNameWeekday(text) ? findWeekdayDates(text, order) : []) {
      let date = found.date.date;
      if (date.year === null) {
        if (!incident || incident.year === null) continue;
        date = nearestYear(date, incident);
        if (Math.abs(dayNumber(date) - dayNumber(incident)) > YEAR_REACH_DAYS) continue;
      }
      const actual = weekdayOf(date);
      const other = found.alternative ? { ...found.alternative, year: date.year } : null;
      const matches = actual === found.weekday || (other !== null && weekdayOf(other) === found.weekday);
      // The weekday before the date, or after it ("2026年3月14日(土)").
      const start = Math.min(found.start, found.date.start);
      const end = Math.max(found.end, found.date.end);
      result.weekdays.push({ text: oneLine(text.slice(start, end)), weekdayText: found.weekdayText, date, actual, matches, span: spanOf(view, start, end) });
    }
    for (const found of findMisspelledMonths(text)) {
      if (inTimestamp(view.offset(found.start))) continue;
      result.misspelledMonths.push({ text: found.text, month: found.month, span: spanOf(view, found.start, found.end) });
    }
    DAYLIGHT_NAME.lastIndex = 0;
    if (!DAYLIGHT_NAME.test(view.text)) return;
    for (const line of view.lines()) {
      DAYLIGHT_NAME.lastIndex = 0;
      if (!DAYLIGHT_NAME.test(line.text) || entryLines.has(document.lines.point(line.offset(0)).line)) continue;
      const masked = readableText(line);
      // Only around a daylight-saving name: the clock and date before it.
      DAYLIGHT_NAME.lastIndex = 0;
      for (let m = DAYLIGHT_NAME.exec(masked); m; m = DAYLIGHT_NAME.exec(masked)) {
        const from = Math.max(0, m.index - ZONE_REACH);
        const stamp = findTimestamps(masked.slice(from, m.index + m[0].length + 1), order).find((candidate) => candidate.end >= m!.index - from + m![0].length);
        const zone = stamp ? (stamp.zone ?? stamp.secondClock?.zone) : null;
        if (!stamp || !zone || !stamp.date || stamp.date.year === null || stamp.invalid) continue;
        const standard = daylightZoneOutOfSeason(zone, stamp.date);
        if (!standard) continue;
        result.zonesOutOfSeason.push({ text: masked.slice(from + stamp.start, from + stamp.end), zone, date: stamp.date, standard, span: spanOf(line, from + stamp.start, from + stamp.end) });
        break;
      }
    }
  };

  // A block is read through its view (for exact places) only when its plain text holds one of the forms: most hold none.
  const mayHold = (text: string) =>
    findMonthsWithoutDay(text).length > 0 ||
    (/\d/.test(text) &&
      (DAYLIGHT_HINT.test(text) || findMisspelledMonths(text).length > 0 || (mayNameWeekday(text) && findWeekdayDates(text, order).length > 0)));
  for (const paragraph of document.paragraphs) {
    if (paragraph.quoted) continue;
    if (mayHold(paragraph.text)) read(document.textOf(paragraph.node));
    if (paragraph.node.children.some((child) => child.type !== 'text')) for (const alt of imageTexts(paragraph.node, document)) read(alt);
  }
  for (const section of document.sections) if (mayHold(section.title)) read(document.textOf(section.heading));
  for (const table of document.tables) {
    for (const row of [table.header, ...table.rows]) for (const cell of row.cells) if (mayHold(cell.text)) read(document.textOf(cell.node));
  }
  return result;
}

function firstTimelineDate(document: PostmortemDocument): CalendarDate | null {
  for (const timeline of document.timelines) {
    for (const entry of timeline.entries) if (entry.date && entry.date.year !== null && !entry.invalid && entry.dateSource !== 'document') return entry.date;
  }
  return null;
}

/** The alternative texts of a paragraph's images, as views with their source offsets ("![Saturday 15/10/2023 - …](…)"). */
function imageTexts(paragraph: Paragraph, document: PostmortemDocument): TextView[] {
  const views: TextView[] = [];
  const stack: Nodes[] = [...paragraph.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'image' && node.alt && node.position?.start.offset !== undefined) {
      const at = document.text.indexOf(node.alt, node.position.start.offset);
      if (at >= 0 && at < (node.position.end.offset ?? at)) {
        views.push(new TextView(node.alt, [{ at: 0, map: (index) => at + index }], at + node.alt.length));
      }
    } else if ('children' in node) stack.push(...(node.children as Nodes[]));
  }
  return views;
}

