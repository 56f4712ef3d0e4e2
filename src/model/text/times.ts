/**
 * Times of day and timestamps as postmortem timelines write them, built on the calendar
 * dates of dates.ts: `14:30`, `14:30:05`, `2:54 PM`, `4:26pm`, zones and offsets (`UTC`,
 * `Z`, `PST`, `UTC-7`, `+09:00`), ISO-8601 (`2026-02-12T11:14:58Z`), `2026-02-12 14:30`,
 * `2022-02-02 1625`, month-day (`[03-26 23:04]`), `Feb 04, 2021, 21:45 (UTC)`,
 * `07-27-2023 2:14 pm`, `19. April, 11:00`, a date after the time (`12:45 PM PST Saturday
 * Oct 30th`), ranges (`8:20 - 8:24`), relative annotations (`(+1m 8s)`), approximate
 * (`~01:30`) and unknown (`14:??`, `2X:XX`, `[???]`, `HH:mm`) times, and durations
 * (`47 minutes`, `1 minute 45 seconds`, `1h 20m`).
 *
 * Impossible values (`25:10`, `13:55 PM`, `2026-02-30`, `20202-01-16`) are parsed and
 * marked invalid with a reason, so rules can report them instead of skipping them.
 * Every regular expression is sticky or anchored with bounded repetition (linear time).
 */
import { daysInMonth, findDates, isRealDate, type CalendarDate } from './dates.js';

/** A time zone: a name as written (upper-cased) and its offset from UTC, when known. */
export interface Zone {
  name: string;
  /** Minutes east of UTC; null for ambiguous or unknown abbreviations (IST, PT, CT). */
  offsetMinutes: number | null;
}

/**
 * Offsets of the zone abbreviations real timelines use. Ambiguous ones are null: IST is
 * India (+5:30), Irish (+1) or Israel (+2); PT/MT/CT/ET do not say whether DST applies.
 * CST is read as US Central (-6), as in US postmortems; China Standard Time is written CST
 * too, so a team that means it should write UTC+8.
 */
export const ZONE_OFFSETS: Readonly<Record<string, number | null>> = {
  UTC: 0, GMT: 0, UT: 0, Z: 0, WET: 0, WEST: 60, BST: 60, CET: 60, MEZ: 60, CEST: 120, MESZ: 120,
  EET: 120, EEST: 180, MSK: 180, IST: null, PKT: 300, ICT: 420, WIB: 420, SGT: 480, HKT: 480, AWST: 480,
  KST: 540, JST: 540, ACST: 570, AEST: 600, AEDT: 660, NZST: 720, NZDT: 780,
  HST: -600, AKST: -540, AKDT: -480, PST: -480, PDT: -420, MST: -420, MDT: -360, CST: -360, CDT: -300,
  EST: -300, EDT: -240, AST: -240, ADT: -180, NST: -210, NDT: -150, BRT: -180, ART: -180,
  PT: null, MT: null, CT: null, ET: null,
};

const ZONE_NAMES = Object.keys(ZONE_OFFSETS)
  .filter((name) => !['UTC', 'GMT', 'UT', 'Z'].includes(name))
  .sort((a, b) => b.length - a.length)
  .join('|');

/** `UTC`, `UTC+9`, `GMT-07:00`, `(UTC)`; named zones upper-case only ("est" is a word). */
const ZONE_AT = new RegExp(
  `(\\()?[ \\t]?(?:((?:UTC|GMT|UT)(?![A-Za-z]))(?:[ \\t]?([+\\-−])[ \\t]?(\\d{1,2})(?::?(\\d{2}))?)?|(${ZONE_NAMES})(?![A-Za-z])|([+\\-−])(\\d{2}):?(\\d{2})(?!\\d)|(Z)(?![A-Za-z]))[ \\t]?(\\))?`,
  'y',
);
const ZONE_AT_CASELESS_UTC = /(\()?[ \t]?(utc|gmt)(?![a-z])(?:[ \t]?([+\-−])[ \t]?(\d{1,2})(?::?(\d{2}))?)?[ \t]?(\))?/iy;

export interface ZoneMatch {
  zone: Zone;
  start: number;
  end: number;
}

/**
 * A zone written at `position` (after optional spaces): a name, `UTC±N`, or a numeric offset.
 * Numeric offsets with a minus sign are read only when `allowMinusOffset` (ISO times with
 * seconds), as `14:20-15:00` is a range, not an offset.
 */
export function zoneAt(text: string, position: number, allowMinusOffset = true): ZoneMatch | null {
  let at = position;
  while (text[at] === ' ' || text[at] === '\t') at++;
  ZONE_AT.lastIndex = at;
  const m = ZONE_AT.exec(text);
  if (m) {
    // A bracket must close what it opens: "(UTC)" but not "(UTC" or "UTC)".
    if (Boolean(m[1]) !== Boolean(m[11])) {
      if (m[1]) return null;
      return zoneResult(m, at, m[0].trimEnd().length - 1, allowMinusOffset);
    }
    return zoneResult(m, at, m[0].trimEnd().length, allowMinusOffset);
  }
  ZONE_AT_CASELESS_UTC.lastIndex = at;
  const c = ZONE_AT_CASELESS_UTC.exec(text);
  if (!c || Boolean(c[1]) !== Boolean(c[6])) return null;
  const offset = c[3] ? signedOffset(c[3], c[4]!, c[5]) : 0;
  return { zone: { name: c[0].replace(/[()\s]/g, '').toUpperCase(), offsetMinutes: offset }, start: at, end: at + c[0].trimEnd().length };
}

function zoneResult(m: RegExpExecArray, at: number, length: number, allowMinusOffset: boolean): ZoneMatch | null {
  let zone: Zone;
  if (m[2]) {
    zone = { name: m[3] ? `UTC${normalSign(m[3])}${m[4]}${m[5] ? `:${m[5]}` : ''}` : 'UTC', offsetMinutes: m[3] ? signedOffset(m[3], m[4]!, m[5]) : 0 };
  } else if (m[6]) {
    zone = { name: m[6], offsetMinutes: ZONE_OFFSETS[m[6]] ?? null };
  } else if (m[7]) {
    if (normalSign(m[7]) === '-' && !allowMinusOffset) return null;
    zone = { name: `UTC${normalSign(m[7])}${m[8]}:${m[9]}`, offsetMinutes: signedOffset(m[7], m[8]!, m[9]) };
  } else {
    zone = { name: 'UTC', offsetMinutes: 0 };
  }
  if (zone.offsetMinutes !== null && Math.abs(zone.offsetMinutes) > 14 * 60) zone.offsetMinutes = null;
  return { zone, start: at, end: at + length };
}

function normalSign(sign: string): '+' | '-' {
  return sign === '+' ? '+' : '-';
}

function signedOffset(sign: string, hours: string, minutes: string | undefined): number {
  const value = Number(hours) * 60 + Number(minutes ?? 0);
  return normalSign(sign) === '+' ? value : -value;
}

/** The zone a whole text names ("UTC", "(CET)", "utc+9"), or null. */
export function parseZone(text: string): Zone | null {
  const trimmed = text.trim();
  const match = zoneAt(trimmed, 0);
  return match && match.end === trimmed.length ? match.zone : null;
}

/** Whether two zones are the same clock: equal known offsets, or equal names. */
export function sameZone(a: Zone, b: Zone): boolean {
  if (a.offsetMinutes !== null && b.offsetMinutes !== null) return a.offsetMinutes === b.offsetMinutes;
  return a.name === b.name;
}

const ALL_TIMES = /\ball[ \t]+(?:times|timestamps|dates[ \t]+and[ \t]+times)[ \t]+(?:are[ \t]+)?(?:(?:listed|shown|given|written|stated)[ \t]+)?(?:in[ \t]+)?/giu;
const IN_ZONE = /\bin[ \t]+(?=[A-Z])/g;
const BRACKET_OPEN = /\(/g;

/**
 * A statement of the zone that a timeline's times are in: "All times UTC", "All times
 * are in PST", "(all times PDT, UTC-7)"; with `allTimesOnly` false (for headings and
 * table headers) also "Timeline (UTC)" and "Date and Time in CET".
 */
export function findZoneStatement(text: string, allTimesOnly: boolean): ZoneMatch | null {
  for (const regex of allTimesOnly ? [ALL_TIMES] : [ALL_TIMES, BRACKET_OPEN, IN_ZONE]) {
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m; m = regex.exec(text)) {
      const from = regex === BRACKET_OPEN ? m.index : m.index + m[0].length;
      const zone = zoneAt(text, from);
      // A bracket holds only the zone ("(UTC)"), or starts an "all times" note handled above.
      if (zone && (regex !== BRACKET_OPEN || text[zone.end - 1] === ')')) return zone;
    }
  }
  return null;
}

export type TimestampPrecision = 'date' | 'minute' | 'second';

/** A time of day: seconds since midnight, as written (no zone applied). */
export interface ClockTime {
  seconds: number;
  precision: 'minute' | 'second';
  /** Why the time cannot exist ("25:10", "13:55 PM"), or null. */
  invalid: string | null;
  start: number;
  end: number;
}

/** A timestamp at the start of a text: a date, a time, or both, with what surrounds them. */
export interface ParsedTimestamp {
  /** Indices in the parsed text of the date, time and zone (without brackets and annotations). */
  start: number;
  end: number;
  /** The date as written (year null when not written); null when only a time is given. */
  date: CalendarDate | null;
  /** Indices of the date text, when there is one. */
  dateStart: number;
  dateEnd: number;
  /** Seconds since midnight; null for a date alone or an unknown time. */
  seconds: number | null;
  precision: TimestampPrecision;
  zone: Zone | null;
  /** `~01:30`, `approx. 14:00`, `22:52 (maybe earlier?)`. */
  approximate: boolean;
  /** `[???]`, `14:??`, `2X:XX`, `HH:mm`, `unknown`: a time that is not known. */
  unknown: boolean;
  /** Why the date or time cannot exist, or null. */
  invalid: string | null;
  /** The end of a range ("8:20 - 8:24"): seconds since midnight. */
  rangeEnd: ClockTime | null;
  /** A relative annotation such as "(+1m 8s)", in seconds. */
  relativeSeconds: number | null;
  /** Where the text after the timestamp (and its separator) starts. */
  rest: number;
}

const SPACES = /[ \t\u00a0]*/y;
const OPEN_BRACKET = /[[(]/y;
const APPROXIMATE_PREFIX = /(?:~|≈|approx(?:imately|\.)?[ \t]+|around[ \t]+|about[ \t]+|circa[ \t]+|ca\.[ \t]*|c\.[ \t]*)/iy;
const CLOCK = /(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?(?!\d|:\d)/y;
const COMPACT_CLOCK = /(\d{2})(\d{2})(?!\d|:\d)/y;
const MERIDIEM = /[ \t]?([ap])\.?[ \t]?m\b\.?/iy;
/** Placeholders and unknown times: "??:??", "14:??", "2X:XX", "HH:mm", "--:--", "???", "unknown". */
const UNKNOWN_CLOCK = /(?:[\dHhXx?-]{1,2}):(?:[\dMmXx?-]{2})(?!\d|:\d)|\?{2,}|(?:unknown|tbd|tbc)\b|x(?=[ \t]*:)/iy;
const ISO_DATE = /(\d{4,5})([-/.])(\d{1,2})\2(\d{1,2})(?![\d])/y;
const MONTH_DAY = /(\d{1,2})([-/])(\d{1,2})(?=[ \t]+\d{1,2}:\d{2})/y;
const DATE_TIME_SEPARATOR = /(?:T|[ \t]*,?[ \t]*(?:(?:at|@)[ \t]*)?)/iy;
const TRAILING_DATE_SEPARATOR = /[ \t]*,?[ \t]*(?:on[ \t]+)?/y;
const RANGE_SEPARATOR = /[ \t]*(?:-|–|—|~|to\b|until\b)[ \t]*/y;
const RELATIVE = /[ \t]*\([ \t]*(?:T[ \t]?)?\+[ \t]?((?:\d{1,4}[ \t]?(?:d|h|hrs?|m|mins?|s|secs?)\b[ \t]*){1,4})\)/iy;
const RELATIVE_PART = /(\d{1,4})[ \t]?(d|h|hrs?|m|mins?|s|secs?)\b/gi;
const APPROXIMATE_SUFFIX = /[ \t]*(?:\?(?!\w)|\((?:approx\.?|approximate(?:ly)?|roughly|estimated|est\.?|maybe[^()\n]{0,40}|not sure[^()\n]{0,40}|\?)\))/iy;
const CLOSE_BRACKET = /[ \t]*[\])]/y;
const REST_SEPARATOR = /[ \t]*(?:[-–—:|,.][ \t]*)?/y;

function stickyAt(regex: RegExp, text: string, position: number): RegExpExecArray | null {
  regex.lastIndex = position;
  return regex.exec(text);
}

function skipSpaces(text: string, position: number): number {
  return stickyAt(SPACES, text, position) ? SPACES.lastIndex : position;
}

/** A clock time at `position`: "14:30", "14:30:05", "2:54 PM", "4:26pm". */
export function clockAt(text: string, position: number): ClockTime | null {
  const m = stickyAt(CLOCK, text, position);
  if (!m) return null;
  let end = position + m[0].length;
  let hours = Number(m[1]);
  const minutes = Number(m[2]);
  const seconds = m[3] === undefined ? 0 : Number(m[3]);
  let invalid: string | null = null;
  const meridiem = stickyAt(MERIDIEM, text, end);
  if (meridiem) {
    end += meridiem[0].length;
    const pm = meridiem[1]!.toLowerCase() === 'p';
    if (hours > 12) {
      const suffix = pm ? 'PM' : 'AM';
      const twelve = `${hours % 12 === 0 ? 12 : hours % 12}:${m[2]} ${hours >= 12 ? 'PM' : 'AM'}`;
      invalid = `${m[1]}:${m[2]} ${suffix} mixes 24-hour and 12-hour notation (expected ${m[1]}:${m[2]} or ${twelve})`;
    }
    else if (hours === 12) hours = pm ? 12 : 0;
    else if (pm) hours += 12;
  }
  if (!invalid && (hours > 24 || (hours === 24 && (minutes > 0 || seconds > 0)))) invalid = `hour ${m[1]} does not exist (expected 00 to 23)`;
  if (!invalid && minutes > 59) invalid = `minute ${m[2]} does not exist (expected 00 to 59)`;
  if (!invalid && seconds > 59) invalid = `second ${m[3]} does not exist (expected 00 to 59)`;
  return {
    seconds: hours * 3600 + minutes * 60 + seconds,
    precision: m[3] === undefined ? 'minute' : 'second',
    invalid,
    start: position,
    end,
  };
}

interface DateAt {
  date: CalendarDate;
  start: number;
  end: number;
  invalid: string | null;
}

/** A calendar date at `position`, in any format of dates.ts, a 5-digit year typo, or a month-day before a time. */
function dateAt(text: string, position: number): DateAt | null {
  const iso = stickyAt(ISO_DATE, text, position);
  if (iso) {
    const date = { year: Number(iso[1]), month: Number(iso[3]), day: Number(iso[4]) };
    const end = position + iso[0].length;
    if (iso[1]!.length === 5) return { date, start: position, end, invalid: `${iso[0]} has a five-digit year (expected four digits)` };
    return { date, start: position, end, invalid: isRealDate(date) ? null : noSuchDay(iso[0], date) };
  }
  // Other formats: the first date of a short window, when it starts right here.
  const window = text.slice(position, position + 48);
  const [first] = findDates(window);
  if (first && first.start === 0 && first.format !== 'iso') {
    return { date: first.date, start: position, end: position + first.end, invalid: first.valid ? null : noSuchDay(first.text, first.date) };
  }
  const monthDay = stickyAt(MONTH_DAY, text, position);
  if (monthDay) {
    const date = { year: null, month: Number(monthDay[1]), day: Number(monthDay[3]) };
    return { date, start: position, end: position + monthDay[0].length, invalid: isRealDate(date) ? null : noSuchDay(monthDay[0], date) };
  }
  return null;
}

function noSuchDay(text: string, date: CalendarDate): string {
  if (date.month < 1 || date.month > 12) return `${text} is not a calendar date (month ${date.month} does not exist)`;
  return `${text} is not a calendar date (that month has ${daysInMonth(date.month, date.year)} days)`;
}

/** Whether a timestamp ends here: the end of the text, a space, or punctuation. */
function boundaryAt(text: string, position: number): boolean {
  const next = text[position];
  return next === undefined || /[\s\-–—:|,.;()[\]*_`]/.test(next);
}

/**
 * The timestamp a text starts with (after spaces, an opening bracket and an approximation
 * mark), or null when it does not start with a date or a time. A date alone counts only
 * with `allowDateOnly`.
 */
export function parseTimestamp(text: string, allowDateOnly = true): ParsedTimestamp | null {
  let position = skipSpaces(text, 0);
  const bracketed = stickyAt(OPEN_BRACKET, text, position) !== null;
  if (bracketed) position = skipSpaces(text, position + 1);
  let approximate = false;
  const prefix = stickyAt(APPROXIMATE_PREFIX, text, position);
  if (prefix) {
    approximate = true;
    position = skipSpaces(text, position + prefix[0].length);
  }
  const start = position;
  let invalid: string | null = null;
  let date: DateAt | null = null;
  let clock: ClockTime | null = null;
  let unknown = false;
  let zone: ZoneMatch | null = null;

  const unknownAt = (at: number): number | null => {
    const m = stickyAt(UNKNOWN_CLOCK, text, at);
    if (!m) return null;
    // "14:30" is a time, not an unknown one.
    if (/^\d{1,2}:\d{2}$/.test(m[0])) return null;
    return at + m[0].length;
  };

  date = dateAt(text, position);
  if (date) {
    invalid = date.invalid;
    position = date.end;
    const separator = stickyAt(DATE_TIME_SEPARATOR, text, position);
    const timeStart = separator ? position + separator[0].length : position;
    clock = clockAt(text, timeStart);
    if (!clock && separator && separator[0].length > 0 && date.date.year !== null) {
      // "2022-02-02 1625": four digits after a full date are a time.
      const compact = stickyAt(COMPACT_CLOCK, text, timeStart);
      if (compact) {
        clock = clockAt(`${compact[1]}:${compact[2]}`, 0);
        if (clock) clock = { ...clock, start: timeStart, end: timeStart + 4 };
      }
    }
    if (clock) position = clock.end;
    else {
      const unknownEnd = separator && separator[0].length > 0 ? unknownAt(timeStart) : null;
      if (unknownEnd !== null) {
        unknown = true;
        position = unknownEnd;
      }
    }
  } else {
    clock = clockAt(text, position);
    if (clock) position = clock.end;
    else {
      const unknownEnd = unknownAt(position);
      if (unknownEnd === null) return null;
      unknown = true;
      position = unknownEnd;
    }
  }
  if (!date && !clock && !unknown) return null;
  if (clock?.invalid && !invalid) invalid = clock.invalid;

  if (clock) {
    const iso = text[clock.start - 1] === 'T' || clock.precision === 'second';
    zone = zoneAt(text, position, iso);
    if (zone) position = zone.end;
    // A date after the time: "12:45 PM PST Saturday Oct 30th".
    if (!date) {
      const separator = stickyAt(TRAILING_DATE_SEPARATOR, text, position);
      const at = separator ? position + separator[0].length : position;
      const trailing = at > position || zone ? dateAt(text, at) : null;
      if (trailing && trailing.date.year === null && /^\d/.test(text.slice(at, at + 1))) {
        // "14:30 12-03" is not a month-day after a time; only written month names are.
      } else if (trailing) {
        date = trailing;
        if (!invalid) invalid = trailing.invalid;
        position = trailing.end;
      }
    }
  }
  if (!boundaryAt(text, position)) return null;
  if (!clock && !unknown && !allowDateOnly) return null;
  const end = position;

  let rangeEnd: ClockTime | null = null;
  if (clock || unknown) {
    const separator = stickyAt(RANGE_SEPARATOR, text, position);
    if (separator) {
      const next = clockAt(text, position + separator[0].length);
      if (next && boundaryAt(text, next.end)) {
        rangeEnd = next;
        position = next.end;
        const endZone = zoneAt(text, position, false);
        if (endZone) position = endZone.end;
      }
    }
  }
  let relativeSeconds: number | null = null;
  for (;;) {
    const relative = stickyAt(RELATIVE, text, position);
    if (relative) {
      relativeSeconds = durationParts(relative[1]!);
      position += relative[0].length;
      continue;
    }
    const suffix = stickyAt(APPROXIMATE_SUFFIX, text, position);
    if (suffix) {
      approximate = true;
      position += suffix[0].length;
      continue;
    }
    break;
  }
  if (bracketed) {
    const close = stickyAt(CLOSE_BRACKET, text, position);
    if (close) position += close[0].length;
  }
  const separator = stickyAt(REST_SEPARATOR, text, position);
  const rest = separator ? position + separator[0].length : position;
  return {
    start,
    end,
    date: date?.date ?? null,
    dateStart: date?.start ?? -1,
    dateEnd: date?.end ?? -1,
    seconds: clock && !unknown ? clock.seconds : null,
    precision: clock && !unknown ? clock.precision : 'date',
    zone: zone?.zone ?? null,
    approximate,
    unknown,
    invalid,
    rangeEnd,
    relativeSeconds,
    rest,
  };
}

const UNIT_SECONDS: Record<string, number> = { d: 86400, h: 3600, m: 60, s: 1 };

function durationParts(text: string): number {
  let total = 0;
  RELATIVE_PART.lastIndex = 0;
  for (let m = RELATIVE_PART.exec(text); m; m = RELATIVE_PART.exec(text)) {
    total += Number(m[1]) * UNIT_SECONDS[m[2]!.toLowerCase()[0]!]!;
  }
  return total;
}

/** A stated length of time: "47 minutes", "1 minute 45 seconds", "1h 20m", "2.5 hours". */
export interface DurationMatch {
  seconds: number;
  start: number;
  end: number;
  text: string;
  /** "< 1 minute", "over 2 hours", "up to 5 minutes": a bound, not a value. */
  bound: boolean;
  /** "~47 minutes", "about 45 minutes". */
  approximate: boolean;
}

const DURATION_PART = /(?<![\w.:])(\d{1,5}(?:\.\d{1,3})?)(?:[ \t\u00a0]?(days?|hours?|hrs?|minutes?|mins?|seconds?|secs?)\b|(d|h|m|s)(?![\w]))/giu;
const DURATION_JOIN = /[ \t]*(?:,|and)?[ \t]*/y;
const DURATION_BOUND = /(?:<|>|≤|≥|less than|more than|under|over|up to|at least|at most|within)[ \t]*$/i;
const DURATION_APPROXIMATE = /(?:~|≈|about|around|approx(?:imately|\.)?|roughly|nearly|almost)[ \t]*$/i;

/** Every stated duration in a text, adjacent parts joined ("1 hour and 5 minutes"). */
export function findDurations(text: string): DurationMatch[] {
  const found: DurationMatch[] = [];
  DURATION_PART.lastIndex = 0;
  let m = DURATION_PART.exec(text);
  while (m) {
    const start = m.index;
    let end = m.index + m[0].length;
    let seconds = partSeconds(m);
    let next: RegExpExecArray | null = null;
    for (;;) {
      DURATION_PART.lastIndex = end;
      next = DURATION_PART.exec(text);
      if (!next) break;
      const join = stickyAt(DURATION_JOIN, text, end);
      if (!join || end + join[0].length !== next.index) break;
      seconds += partSeconds(next);
      end = next.index + next[0].length;
    }
    const before = text.slice(Math.max(0, start - 16), start);
    found.push({
      seconds,
      start,
      end,
      text: text.slice(start, end),
      bound: DURATION_BOUND.test(before),
      approximate: DURATION_APPROXIMATE.test(before),
    });
    m = next && next.index >= end ? next : null;
    if (!m) {
      DURATION_PART.lastIndex = end;
      m = DURATION_PART.exec(text);
    }
  }
  return found;
}

function partSeconds(m: RegExpExecArray): number {
  const unit = (m[2] ?? m[3]!).toLowerCase();
  const key = unit.startsWith('d') ? 'd' : unit.startsWith('h') ? 'h' : unit.startsWith('m') ? 'm' : 's';
  return Math.round(Number(m[1]) * UNIT_SECONDS[key]!);
}

/** A range of times in a text: "14:23-15:10 UTC", "10:15 UTC ~ 11:02 UTC", "between 14:02 and 14:40". */
export interface TimeRangeMatch {
  from: ClockTime;
  to: ClockTime;
  fromZone: Zone | null;
  toZone: Zone | null;
  start: number;
  end: number;
}

const CLOCK_START = /(?<![\d:.])\d{1,2}:\d{2}/g;
const BETWEEN_BEFORE = /\b(?:between|from)[ \t]+$/i;
const AND_SEPARATOR = /[ \t]*(?:and|to|until|-|–|—)[ \t]*/iy;

/** Every range of two clock times in a text. */
export function findTimeRanges(text: string): TimeRangeMatch[] {
  const found: TimeRangeMatch[] = [];
  CLOCK_START.lastIndex = 0;
  for (let m = CLOCK_START.exec(text); m; m = CLOCK_START.exec(text)) {
    const from = clockAt(text, m.index);
    if (!from) continue;
    let position = from.end;
    const fromZone = zoneAt(text, position, false);
    if (fromZone) position = fromZone.end;
    const between = BETWEEN_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index));
    const separator = stickyAt(between ? AND_SEPARATOR : RANGE_SEPARATOR, text, position);
    if (!separator) continue;
    const to = clockAt(text, position + separator[0].length);
    if (!to || !boundaryAt(text, to.end)) continue;
    position = to.end;
    const toZone = zoneAt(text, position, false);
    if (toZone) position = toZone.end;
    found.push({ from, to, fromZone: fromZone?.zone ?? null, toZone: toZone?.zone ?? null, start: m.index, end: position });
    CLOCK_START.lastIndex = position;
  }
  return found;
}

/** "1 hour 5 minutes", "47 minutes", "45 seconds": a duration for messages. */
export function formatDuration(seconds: number): string {
  const negative = seconds < 0;
  let rest = Math.abs(Math.round(seconds));
  const days = Math.floor(rest / 86400);
  rest -= days * 86400;
  const hours = Math.floor(rest / 3600);
  rest -= hours * 3600;
  const minutes = Math.floor(rest / 60);
  const secs = rest - minutes * 60;
  const parts: string[] = [];
  const unit = (n: number, name: string) => `${n} ${name}${n === 1 ? '' : 's'}`;
  if (days) parts.push(unit(days, 'day'));
  if (hours) parts.push(unit(hours, 'hour'));
  if (minutes) parts.push(unit(minutes, 'minute'));
  if (secs || parts.length === 0) parts.push(unit(secs, 'second'));
  return (negative ? '-' : '') + parts.join(' ');
}

/** "14:30", "14:30:05" for messages. */
export function formatClock(seconds: number, precision: 'minute' | 'second' = 'minute'): string {
  const day = ((seconds % 86400) + 86400) % 86400;
  const pad = (n: number) => String(n).padStart(2, '0');
  const text = `${pad(Math.floor(day / 3600))}:${pad(Math.floor((day % 3600) / 60))}`;
  return precision === 'second' ? `${text}:${pad(day % 60)}` : text;
}
