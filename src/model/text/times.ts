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
import { DATE_FORMATS, dayNumber, daysInMonth, findDates, findMisspelledMonths, isRealDate, type CalendarDate, type NumericOrder } from './dates.js';

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

/**
 * Every offset a zone name may stand for, in minutes: one for most, several for the
 * names that are written for more than one clock (PT: -8 or -7 hours; CST: US Central or
 * China; IST: India, Ireland or Israel).
 */
export function zoneOffsets(zone: Zone): number[] {
  const ambiguous = AMBIGUOUS_OFFSETS[zone.name];
  if (ambiguous) return ambiguous;
  return zone.offsetMinutes === null ? [] : [zone.offsetMinutes];
}

const AMBIGUOUS_OFFSETS: Readonly<Record<string, number[]>> = {
  PT: [-480, -420], MT: [-420, -360], CT: [-360, -300], ET: [-300, -240],
  IST: [330, 60, 120], CST: [-360, 480], AST: [-240, 180], BST: [60, 360],
};

/**
 * Whether two clocks written side by side ("14:00 UTC / 07:00 PDT", "12:48 (6:48 PDT)")
 * can be the same moment, under some reading of their zones; a clock written without
 * am/pm may be either half of the day. Null when a zone is unknown.
 */
export function clocksAgree(first: ClockTime, firstZone: Zone, second: ClockTime, secondZone: Zone): boolean | null {
  const firstOffsets = zoneOffsets(firstZone);
  const secondOffsets = zoneOffsets(secondZone);
  if (firstOffsets.length === 0 || secondOffsets.length === 0) return null;
  const halfDay = (clock: ClockTime) => clock.meridiem === null && Number(clock.hourText) >= 1 && Number(clock.hourText) <= 12;
  const minute = (seconds: number) => Math.floor(seconds / 60);
  return zoneOffsetPairs(firstZone, secondZone).some(([a, b]) => {
    const difference = (((minute(second.seconds) - b) - (minute(first.seconds) - a)) % 1440 + 1440) % 1440;
    return difference === 0 || (difference === 720 && (halfDay(first) || halfDay(second)));
  });
}

/** The US zones written without saying whether summer time applies: their offsets, standard then summer, move together. */
const US_GENERIC = new Set(['PT', 'MT', 'CT', 'ET']);

/**
 * The offsets, in minutes, under which two zones written side by side can be read: every
 * reading of each, but PT beside ET in one season (both change to summer time on the same
 * day: "9:05 AM PT (12:05 PM ET)" is three hours apart all year).
 */
export function zoneOffsetPairs(firstZone: Zone, secondZone: Zone): Array<[number, number]> {
  const firstOffsets = zoneOffsets(firstZone);
  const secondOffsets = zoneOffsets(secondZone);
  if (US_GENERIC.has(firstZone.name) && US_GENERIC.has(secondZone.name)) return firstOffsets.map((a, index) => [a, secondOffsets[index]!]);
  return firstOffsets.flatMap((a) => secondOffsets.map((b): [number, number] => [a, b]));
}

/** Daylight-saving names and the standard name of the same clock. */
const DAYLIGHT_ZONES: Readonly<Record<string, { standard: string; rule: 'eu' | 'us' }>> = {
  // BST is left out: it is also Bangladesh Standard Time, in force all year.
  CEST: { standard: 'CET', rule: 'eu' }, MESZ: { standard: 'MEZ', rule: 'eu' },
  EEST: { standard: 'EET', rule: 'eu' }, WEST: { standard: 'WET', rule: 'eu' },
  PDT: { standard: 'PST', rule: 'us' }, MDT: { standard: 'MST', rule: 'us' }, CDT: { standard: 'CST', rule: 'us' },
  EDT: { standard: 'EST', rule: 'us' }, AKDT: { standard: 'AKST', rule: 'us' }, ADT: { standard: 'AST', rule: 'us' }, NDT: { standard: 'NST', rule: 'us' },
};

/**
 * A daylight-saving zone named on a day it is not in force ("10h47 CEST" on 17 March):
 * the standard name that applies then, or null. Summer time runs, in the EU, from the last
 * Sunday of March to the last Sunday of October, and in the US from the second Sunday of
 * March to the first Sunday of November (both changeover days count as either).
 * The opposite ("PST" in July) is left alone: people say PST for Pacific time all year.
 */
export function daylightZoneOutOfSeason(zone: Zone, date: CalendarDate): string | null {
  const daylight = DAYLIGHT_ZONES[zone.name];
  if (!daylight || date.year === null) return null;
  const day = date.month * 100 + date.day;
  const sunday = (month: number, which: number | 'last') => {
    if (which === 'last') {
      const last = daysInMonth(month, date.year);
      return last - new Date(Date.UTC(date.year!, month - 1, last)).getUTCDay();
    }
    const first = new Date(Date.UTC(date.year!, month - 1, 1)).getUTCDay();
    return 1 + ((7 - first) % 7) + (which - 1) * 7;
  };
  const [from, to] =
    daylight.rule === 'eu'
      ? [300 + sunday(3, 'last'), 1000 + sunday(10, 'last')]
      : [300 + sunday(3, 2), 1100 + sunday(11, 1)];
  return day >= from && day <= to ? null : daylight.standard;
}

// ASCII only, and without the u flag: with it, V8 scanned every paragraph of a document about
// ten times slower (case-insensitive Unicode matching), the most of any expression of the model.
const ALL_TIMES = /\ball[ \t]+(?:times|timestamps|dates[ \t]+and[ \t]+times)[ \t]+(?:are[ \t]+)?(?:(?:listed|shown|given|written|stated)[ \t]+)?(?:in[ \t]+)?/gi;
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
  /** The am/pm written on it, or null (a 24-hour time, or a 12-hour time left without it). */
  meridiem: 'am' | 'pm' | null;
  /** The hour as written ("3" in "3:10", "03" in "03:10"). */
  hourText: string;
  start: number;
  end: number;
}

/** A second clock written beside the first, for another zone: "14:00 UTC / 07:00 PDT", "12:48 (6:48 PDT)". */
export interface SecondClock {
  clock: ClockTime;
  zone: Zone;
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
  /** Seconds since midnight; null for a date alone, an offset or an unknown time. */
  seconds: number | null;
  precision: TimestampPrecision;
  /** The clock as written, when there is one (its meridiem, its hour as written). */
  clock: ClockTime | null;
  zone: Zone | null;
  /** `~01:30`, `approx. 14:00`, `22:52 (maybe earlier?)`. */
  approximate: boolean;
  /** `[???]`, `14:??`, `2X:XX`, `HH:mm`, `unknown`: a time that is not known. */
  unknown: boolean;
  /** Why the date or time cannot exist, or null. */
  invalid: string | null;
  /** The end of a range ("8:20 - 8:24"): seconds since midnight, as written (its am/pm applied). */
  rangeEnd: ClockTime | null;
  /** The same moment on another clock ("14:00 UTC / 07:00 PDT"). */
  secondClock: SecondClock | null;
  /** A relative annotation such as "(+1m 8s)", in seconds. */
  relativeSeconds: number | null;
  /** Days only, after a time ("23:50", then "00:10 (+1d)", "(+1 day)"): the day after the timeline's first, not a length. */
  dayOffset: number | null;
  /** An entry placed by its offset from a reference moment ("T+5m", "[+2 h]", "T-30m"), in seconds. */
  offsetSeconds: number | null;
  /** Where the text after the timestamp (and its separator) starts. */
  rest: number;
}

const SPACES = /[ \t\u00a0]*/y;
const OPEN_BRACKET = /[[(]/y;
const LEADING_EMOJI = /(?:[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}][\u{FE0E}\u{FE0F}\u{200D}\u{20E3}\u{1F3FB}-\u{1F3FF}]*){1,3}/uy;
const APPROXIMATE_PREFIX = /(?:~|≈|approx(?:imately|\.)?[ \t]+|around[ \t]+|about[ \t]+|circa[ \t]+|ca\.[ \t]*|c\.[ \t]*)/iy;
const APPROXIMATE_BEFORE = /(?:~|≈|\bapprox(?:imately|\.)?|\baround|\babout|\bcirca|\bca\.)[ \t]*$/i;
const CLOCK = /(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?(?!\d|:\d)/y;
/** A clock with seconds and a one-digit part ("08:5:12"): a typo, not a time ("1:1" is a meeting, not a clock). */
const SHORT_PART_CLOCK = /(\d{1,2}):(\d{1,2}):(\d{1,2})(?![\d:])/y;
/** "10h47": the French and German way, read only before a zone or where writesHourClocks says the document uses it. */
const H_CLOCK = /(\d{1,2})h(\d{2})(?!\d)/y;
const COMPACT_CLOCK = /(\d{2})(\d{2})(?!\d|:\d)/y;
/** "9.05am", "10.40 p.m.", "14.05 Uhr": a clock written with a full stop, read only with its am/pm or Uhr (else "9.05" is a number). */
const DOTTED_CLOCK = /(\d{1,2})\.(\d{2})(?=[ \t]?(?:[ap]\.?m\b\.?|Uhr\b))/iy;
/** "14:05 Uhr": German writes the clock's "o'clock"; it belongs to the time. */
const UHR = /[ \t]?Uhr\b/iy;
/** "PM", "p.m.", "pm", and the bare letter some teams write right after the minutes ("5:02p", "11:40a"). */
const MERIDIEM = /[ \t]?([ap])\.?[ \t]?m\b\.?|([ap])(?![A-Za-z\d_])/iy;
/** Placeholders and unknown times: "??:??", "14:??", "2X:XX", "HH:mm", "--:--", "???", "unknown". */
const UNKNOWN_CLOCK = /(?:[\dHhXx?-]{1,2}):(?:[\dMmXx?-]{2})(?!\d|:\d)|\?{2,}|(?:unknown|tbd|tbc)\b|x(?=[ \t]*:)/iy;
/**
 * Where a date other than ISO may start: a word (a month, a weekday, a misspelled month),
 * a numeric date (07-27-2023, 27.07.2023, 03-26 before a time), or a day before a month
 * name (4 February, 19. April, 30th of November, 12/Mar/26).
 */
const DATE_START = /\p{L}|\d{4}[ \t]?[年년]|\d{1,2}[-./]\d{1,2}|\d{1,2}[-/]\p{L}|\d{1,2}(?:st|nd|rd|th)?\.?[ \t]+(?:of[ \t]+)?\p{L}/uy;
/** A word and then a day: where a misspelled month may stand ("Auguest 15 2023", "eb-04-2021"). */
const WORD_THEN_DAY = /^\p{L}{2,10}\.?[ \t-]+\d/u;
const ISO_DATE = /(\d{4,5})([-/.])(\d{1,2})\2(\d{1,2})(?![\d])/y;
const MONTH_DAY = /(\d{1,2})([-/])(\d{1,2})(?=[ \t]+\d{1,2}:\d{2})/y;
/** "06.03. 08:00", "06.03. um 08:00": day and month, each closed by a dot, as German writes them before a time. */
const DOTTED_DAY_MONTH = /(\d{1,2})\.(\d{1,2})\.(?=[ \t]+(?:um[ \t]+)?\d{1,2}[:.]\d{2})/y;
/** Between a date and its time: "T", a space, a comma, "at", "um", "@"; and "/" or "_" after a full date ("2023-01-04/11:34"). */
const DATE_TIME_SEPARATOR = /(?:T|[ \t]*,?[ \t]*(?:(?:at|um|@)[ \t]*)?)/iy;
const DATE_TIME_JOINT = /[/_]/y;
const DATE_TIME_DASH = /[ \t]+[-–—][ \t]+/y;
const TRAILING_DATE_SEPARATOR = /[ \t]*,?[ \t]*(?:on[ \t]+)?/y;
const RANGE_SEPARATOR = /[ \t]*(?:->|-|–|—|~|→|to\b|until\b)[ \t]*/y;
/** A range's end after a time with seconds ("10:02:10-10:02:14 UTC", "10:02:10-10:03 UTC"): not a zone offset. */
const RANGE_END_AHEAD = /[ \t]*(?:-|–|—|~|→)[ \t]*\d{1,2}:\d{2}(?::\d{2}|[ \t]*(?:[ap]\.?m\b|\(?[A-Z]{1,5}\b))/y;
const SECOND_CLOCK_OPEN = /[ \t]*(?:\/|\(|\bor\b)[ \t]*/y;
const SECOND_CLOCK_CLOSE = /[ \t]*\)/y;
const RELATIVE = /[ \t]*\([ \t]*(?:T[ \t]?)?\+[ \t]?((?:\d{1,4}[ \t]?(?:d|days?|h|hrs?|m|mins?|s|secs?)\b[ \t]*){1,4})\)/iy;
/** A relative annotation of whole days: "+1d", "+2 days". */
const DAYS_ONLY = /^[ \t]*(\d{1,2})[ \t]?d(?:ays?)?[ \t]*$/i;
const RELATIVE_PART = /(\d{1,4})[ \t]?(d|h|hrs?|hours?|m|mins?|minutes?|s|secs?|seconds?)\b/gi;
/** An offset from a reference moment at the start of an entry: "T+5m", "T+0", "T-30m", "+2 h". */
const OFFSET_ENTRY = /(?:T[ \t]?([+\-−])[ \t]?|(\+)[ \t]?)((?:\d{1,4}[ \t]?(?:d|days?|h|hrs?|hours?|m|mins?|minutes?|s|secs?|seconds?)\b[ \t]*){1,4}|0(?![\d:.]))/y;
/** "T+00:35", "T-01:10:00": an offset from the reference moment written as a clock (hours and minutes). */
const CLOCK_OFFSET_ENTRY = /T[ \t]?([+\-−])[ \t]?(\d{1,3}):([0-5]\d)(?::([0-5]\d))?(?![\d:])/y;
const LETTER_AT = /^\p{L}$/u;
const WORD_BEFORE_DIGIT = /[\p{L}.,' \t-]{1,30}\d/uy;
const UNKNOWN_WORD = /(?:unknown|tbd|tbc|x[ \t]*:|h{1,2}[:h])/iy;
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

/** A clock time at `position`: "14:30", "14:30:05", "2:54 PM", "4:26pm"; "08:5:12" as an impossible one. */
export function clockAt(text: string, position: number): ClockTime | null {
  const m = stickyAt(CLOCK, text, position);
  if (!m) return shortPartClockAt(text, position);
  let end = position + m[0].length;
  let hours = Number(m[1]);
  const minutes = Number(m[2]);
  const seconds = m[3] === undefined ? 0 : Number(m[3]);
  let invalid: string | null = null;
  let meridiem: ClockTime['meridiem'] = null;
  const oClock = stickyAt(UHR, text, end);
  if (oClock) end += oClock[0].length;
  const written = oClock ? null : stickyAt(MERIDIEM, text, end);
  if (written) {
    end += written[0].length;
    const pm = (written[1] ?? written[2])!.toLowerCase() === 'p';
    meridiem = pm ? 'pm' : 'am';
    if (hours > 12) {
      const suffix = pm ? 'PM' : 'AM';
      const twelve = `${hours % 12 === 0 ? 12 : hours % 12}:${m[2]} ${hours >= 12 ? 'PM' : 'AM'}`;
      invalid = `${m[1]}:${m[2]} ${suffix} mixes 24-hour and 12-hour notation (expected ${m[1]}:${m[2]} or ${twelve})`;
    }
    else hours = to24Hour(hours, pm);
  }
  if (!invalid && (hours > 24 || (hours === 24 && (minutes > 0 || seconds > 0)))) invalid = `hour ${m[1]} does not exist (expected 00 to 23)`;
  if (!invalid && minutes > 59) invalid = `minute ${m[2]} does not exist (expected 00 to 59)`;
  if (!invalid && seconds > 59) invalid = `second ${m[3]} does not exist (expected 00 to 59)`;
  return {
    seconds: hours * 3600 + minutes * 60 + seconds,
    precision: m[3] === undefined ? 'minute' : 'second',
    invalid,
    meridiem,
    hourText: m[1]!,
    start: position,
    end,
  };
}

/** An hour of the 12-hour clock (1 to 12) on the 24-hour clock: 12 AM is 0, 12 PM is 12. */
function to24Hour(hour: number, pm: boolean): number {
  if (hour === 12) return pm ? 12 : 0;
  return pm ? hour + 12 : hour;
}

/** "9am", "9 a.m.", "12 PM": an hour and its half of the day, without minutes. */
const HOUR_MERIDIEM = /(\d{1,2})[ \t]?([ap])\.?[ \t]?m\b\.?/iy;

/** A clock written as an hour with am or pm ("9am", "3 p.m."): on the hour. */
export function hourMeridiemAt(text: string, position: number): ClockTime | null {
  const m = stickyAt(HOUR_MERIDIEM, text, position);
  if (!m) return null;
  const written = Number(m[1]);
  if (written < 1 || written > 12) return null;
  const pm = m[2]!.toLowerCase() === 'p';
  const hours = to24Hour(written, pm);
  return { seconds: hours * 3600, precision: 'minute', invalid: null, meridiem: pm ? 'pm' : 'am', hourText: m[1]!, start: position, end: position + m[0].length };
}

/** "9.05am", "14.05 Uhr" (see DOTTED_CLOCK), read as the clock it would be with a colon. */
function dottedClockAt(text: string, position: number): ClockTime | null {
  const m = stickyAt(DOTTED_CLOCK, text, position);
  if (!m) return null;
  // The clock and the few characters of its am/pm or Uhr, read apart from the text (not a copy of all before it).
  const after = position + m[0].length;
  const read = clockAt(`${m[1]}:${m[2]}${text.slice(after, after + 8)}`, 0);
  return read ? { ...read, start: position, end: position + read.end } : null;
}

/** "08:5:12", "14:5": a minute or second written with one digit. */
function shortPartClockAt(text: string, position: number): ClockTime | null {
  const m = stickyAt(SHORT_PART_CLOCK, text, position);
  if (!m || (m[2]!.length === 2 && m[3]!.length === 2)) return null;
  const pad = (part: string) => part.padStart(2, '0');
  const part = m[2]!.length === 1 ? 'minute' : 'second';
  const expected = `${m[1]}:${pad(m[2]!)}:${pad(m[3]!)}`;
  return {
    seconds: Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]),
    precision: 'second',
    invalid: `${m[0]} has a one-digit ${part} (expected two digits, as in ${expected})`,
    meridiem: null,
    hourText: m[1]!,
    start: position,
    end: position + m[0].length,
  };
}

interface DateAt {
  date: CalendarDate;
  start: number;
  end: number;
  invalid: string | null;
}

/** A calendar date at `position`, in any format of dates.ts, a 5-digit year typo, or a month-day before a time. */
function dateAt(text: string, position: number, order: NumericOrder | null): DateAt | null {
  const iso = stickyAt(ISO_DATE, text, position);
  if (iso) {
    const date = { year: Number(iso[1]), month: Number(iso[3]), day: Number(iso[4]) };
    const end = position + iso[0].length;
    if (iso[1]!.length === 5) return { date, start: position, end, invalid: `${iso[0]} has a five-digit year (expected four digits)` };
    return { date, start: position, end, invalid: isRealDate(date) ? null : noSuchDay(iso[0], date) };
  }
  // Other formats: the first date of a short window, when it starts right here ("14:30" starts none).
  if (!stickyAt(DATE_START, text, position)) return null;
  const window = text.slice(position, position + 48);
  const [first] = findDates(window, DATE_FORMATS, order);
  if (first && first.start === 0 && first.format !== 'iso') {
    return { date: first.date, start: position, end: position + first.end, invalid: first.valid ? null : noSuchDay(first.text, first.date) };
  }
  // A misspelled month in a date's place ("eb-04-2021 09:12:40"): a date that cannot be read.
  const [misspelled] = WORD_THEN_DAY.test(window) ? findMisspelledMonths(window) : [];
  if (misspelled && misspelled.start === 0) {
    return {
      date: { year: null, month: 0, day: 0 },
      start: position,
      end: position + misspelled.end,
      invalid: `${misspelled.text} is not a date: "${misspelled.word}" is not a month (${misspelled.month}?)`,
    };
  }
  const monthDay = stickyAt(MONTH_DAY, text, position);
  if (monthDay) {
    const date = { year: null, month: Number(monthDay[1]), day: Number(monthDay[3]) };
    return { date, start: position, end: position + monthDay[0].length, invalid: isRealDate(date) ? null : noSuchDay(monthDay[0], date) };
  }
  const dayMonth = stickyAt(DOTTED_DAY_MONTH, text, position);
  if (dayMonth) {
    const date = { year: null, month: Number(dayMonth[2]), day: Number(dayMonth[1]) };
    return { date, start: position, end: position + dayMonth[0].length, invalid: isRealDate(date) ? null : noSuchDay(dayMonth[0], date) };
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
  return next === undefined || /[\s\-–—:|,.;()[\]*_`~→/]/.test(next);
}

export interface TimestampOptions {
  /** Accept a date alone (default true). */
  allowDateOnly?: boolean;
  /** How the document writes ambiguous numeric dates. */
  order?: NumericOrder | null;
  /** Read "9h30" as a clock without a zone after it: the document opens its timeline entries so (see writesHourClocks). */
  hourClocks?: boolean;
}

/**
 * The timestamp a text starts with (after spaces, an opening bracket and an approximation
 * mark), or null when it does not start with a date or a time. A date alone counts only
 * with `allowDateOnly`.
 */
export function parseTimestamp(text: string, allowDateOnly: boolean | TimestampOptions = true): ParsedTimestamp | null {
  const options = typeof allowDateOnly === 'boolean' ? { allowDateOnly } : allowDateOnly;
  return parseTimestampAt(text, 0, options);
}

/**
 * A line that opens with "9h30" (in a list, a table row, a heading or bold), or with a date
 * and then "9h30" ("| 2021-12-13 09h15 |", "*2023-01-04 05h16*:"): a timeline entry written
 * the French way.
 */
const HOUR_CLOCK_LINE =
  /^[ \t]*(?:[-*+][ \t]+|\d{1,3}[.)][ \t]+|\|[ \t]*|#{1,6}[ \t]+)?[*_`[]*(?:\d{4}-\d{2}-\d{2}[ \t/T]{1,4}|\d{1,2}[./]\d{1,2}[./]\d{2,4}[ \t]{1,4})?\d{1,2}h\d{2}\b/gm;

/**
 * Whether a document opens two or more lines with an "h" clock ("- 9h30 — relay queue
 * grows"): it writes its times so, and "9h30" there is a time of day without a zone after
 * it. Elsewhere "2h30" may be a duration, and is a clock only before a zone.
 */
export function writesHourClocks(text: string): boolean {
  if (!/\dh\d\d/.test(text)) return false;
  HOUR_CLOCK_LINE.lastIndex = 0;
  return HOUR_CLOCK_LINE.exec(text) !== null && HOUR_CLOCK_LINE.exec(text) !== null;
}

/** Seconds since 1970 of a date and a time of day: on UTC when the zone's offset is known, else on the clock as written. */
export function instantOf(date: CalendarDate, seconds: number, zone: Zone | null): number {
  return dayNumber(date) * 86400 + seconds - (zone?.offsetMinutes ?? 0) * 60;
}

/**
 * The one moment a timestamp names, when it has a date with its year and a time of day
 * and both exist: its instant (see instantOf), and whether that is on UTC. Null otherwise.
 */
export function momentOf(parsed: ParsedTimestamp | null): { instant: number; zoned: boolean } | null {
  if (!parsed || parsed.seconds === null || !parsed.date || parsed.date.year === null || parsed.invalid) return null;
  return { instant: instantOf(parsed.date, parsed.seconds, parsed.zone), zoned: parsed.zone?.offsetMinutes != null };
}

/** A timestamp starting at `from` (see parseTimestamp); indices are in `text`. */
export function parseTimestampAt(text: string, from: number, options: TimestampOptions = {}): ParsedTimestamp | null {
  const allowDateOnly = options.allowDateOnly ?? true;
  const order = options.order ?? null;
  let position = skipSpaces(text, from);
  // "🔴 14:05 — …", "### 🕐 14:29": an emoji that marks an entry, before its time.
  const marker = text.charCodeAt(position) > 0x2000 ? stickyAt(LEADING_EMOJI, text, position) : null;
  if (marker) position = skipSpaces(text, position + marker[0].length);
  const bracketed = stickyAt(OPEN_BRACKET, text, position) !== null;
  if (bracketed) position = skipSpaces(text, position + 1);
  let approximate = false;
  const prefix = stickyAt(APPROXIMATE_PREFIX, text, position);
  if (prefix) {
    approximate = true;
    position = skipSpaces(text, position + prefix[0].length);
  }
  // Most texts start with a word: a timestamp starts so only with a month or weekday soon followed by digits, or an unknown time.
  if (LETTER_AT.test(text[position] ?? '') && !stickyAt(WORD_BEFORE_DIGIT, text, position) && !stickyAt(UNKNOWN_WORD, text, position) && !stickyAt(OFFSET_ENTRY, text, position) && !stickyAt(CLOCK_OFFSET_ENTRY, text, position)) {
    return null;
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
    // "26:XX": the known hour cannot exist.
    const hour = /^(\d{2}):/.exec(m[0]);
    if (hour && Number(hour[1]) > 24 && !invalid) invalid = `hour ${hour[1]} does not exist (expected 00 to 23)`;
    return at + m[0].length;
  };
  /** "1506 UTC", "2022-02-02 1625": four digits that are a time. */
  const compactAt = (at: number, needZone: boolean): ClockTime | null => {
    const compact = stickyAt(COMPACT_CLOCK, text, at);
    if (!compact) return null;
    if (needZone && !zoneAt(text, at + 4, false)) return null;
    const read = clockAt(`${compact[1]}:${compact[2]}`, 0);
    return read ? { ...read, start: at, end: at + 4 } : null;
  };
  /** "10h47 CEST": only before a zone, unless the document opens its entries with such clocks. */
  const hClockAt = (at: number): ClockTime | null => {
    const m = stickyAt(H_CLOCK, text, at);
    if (!m || (!options.hourClocks && !zoneAt(text, at + m[0].length, false))) return null;
    const read = clockAt(`${m[1]}:${m[2]}`, 0);
    return read ? { ...read, hourText: m[1]!, start: at, end: at + m[0].length } : null;
  };

  const clockOffset = stickyAt(CLOCK_OFFSET_ENTRY, text, position);
  if (clockOffset) {
    const sign = clockOffset[1] === '+' ? 1 : -1;
    const seconds = Number(clockOffset[2]) * 3600 + Number(clockOffset[3]) * 60 + Number(clockOffset[4] ?? 0);
    const end = position + clockOffset[0].length;
    if (boundaryAt(text, end)) return offsetTimestamp(text, start, end, sign * seconds, bracketed, approximate);
  }
  const offset = stickyAt(OFFSET_ENTRY, text, position);
  if (offset) {
    const sign = (offset[1] ?? offset[2]) === '+' ? 1 : -1;
    const seconds = offset[3] === '0' ? 0 : durationParts(offset[3]!);
    const end = position + offset[0].trimEnd().length;
    if (boundaryAt(text, end)) return offsetTimestamp(text, start, end, sign * seconds, bracketed, approximate);
  }

  date = dateAt(text, position, order);
  if (date) {
    invalid = date.invalid;
    position = date.end;
    const joint = date.date.year !== null ? stickyAt(DATE_TIME_JOINT, text, position) : null;
    const jointClock = joint ? clockAt(text, position + 1) : null;
    const separator = jointClock ? joint : stickyAt(DATE_TIME_SEPARATOR, text, position);
    const timeStart = separator ? position + separator[0].length : position;
    clock = jointClock ?? clockAt(text, timeStart);
    if (!clock && separator && separator[0].length > 0) {
      // "2022-02-02 1625": four digits after a full date are a time; after a month-day, only before a zone ("Feb 7 1506 UTC").
      clock = compactAt(timeStart, date.date.year === null) ?? hClockAt(timeStart) ?? dottedClockAt(text, timeStart) ?? hourMeridiemAt(text, timeStart);
    }
    if (!clock) {
      // "Mar 4, 2026 - 15:50 UTC", as status pages stamp their updates: a spaced dash, then a
      // clock with its colon (never four bare digits, which may be the year of a date range).
      const dash = stickyAt(DATE_TIME_DASH, text, position);
      clock = dash ? clockAt(text, position + dash[0].length) : null;
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
    clock = clockAt(text, position) ?? compactAt(position, true) ?? hClockAt(position) ?? dottedClockAt(text, position) ?? hourMeridiemAt(text, position);
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

  let secondClock: SecondClock | null = null;
  let firstEnd = -1;
  if (clock) {
    const iso = text[clock.start - 1] === 'T' || clock.precision === 'second';
    zone = zoneAt(text, position, iso && !stickyAt(RANGE_END_AHEAD, text, position));
    if (zone) position = zone.end;
    firstEnd = position;
    secondClock = secondClockAt(text, position);
    if (secondClock) position = secondClock.end;
    // A date after the time: "12:45 PM PST Saturday Oct 30th".
    if (!date) {
      const separator = stickyAt(TRAILING_DATE_SEPARATOR, text, position);
      const at = separator ? position + separator[0].length : position;
      const trailing = at > position || zone ? dateAt(text, at, order) : null;
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
  const end = secondClock ? firstEnd : position;

  let rangeEnd: ClockTime | null = null;
  if (clock || unknown) {
    const separator = stickyAt(RANGE_SEPARATOR, text, position);
    if (separator) {
      const next = clockAt(text, position + separator[0].length) ?? (clock?.meridiem ? hourMeridiemAt(text, position + separator[0].length) : null);
      if (next && boundaryAt(text, next.end)) {
        rangeEnd = next;
        position = next.end;
        const endZone = zoneAt(text, position, false);
        if (endZone) position = endZone.end;
        if (clock && !clock.invalid && !next.invalid) [clock, rangeEnd] = shareMeridiem(clock, next);
      }
    }
  }
  let relativeSeconds: number | null = null;
  let dayOffset: number | null = null;
  for (;;) {
    const relative = stickyAt(RELATIVE, text, position);
    if (relative) {
      const days = clock ? DAYS_ONLY.exec(relative[1]!) : null;
      if (days) dayOffset = Number(days[1]);
      else relativeSeconds = durationParts(relative[1]!);
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
    clock: clock && !unknown ? clock : null,
    zone: zone?.zone ?? null,
    approximate,
    unknown,
    invalid,
    rangeEnd,
    secondClock,
    relativeSeconds,
    dayOffset,
    offsetSeconds: null,
    rest,
  };
}

function offsetTimestamp(text: string, start: number, end: number, offsetSeconds: number, bracketed: boolean, approximate: boolean): ParsedTimestamp {
  let position = end;
  if (bracketed) {
    const close = stickyAt(CLOSE_BRACKET, text, position);
    if (close) position += close[0].length;
  }
  const separator = stickyAt(REST_SEPARATOR, text, position);
  return {
    start, end, date: null, dateStart: -1, dateEnd: -1, seconds: null, precision: 'minute', clock: null, zone: null,
    approximate, unknown: false, invalid: null, rangeEnd: null, secondClock: null, relativeSeconds: null, dayOffset: null, offsetSeconds,
    rest: separator ? position + separator[0].length : position,
  };
}

/** "/ 07:00 PDT", "(6:48 PDT)", "or 2:30 PM EST": the same moment on another clock, which names its zone. */
function secondClockAt(text: string, position: number): SecondClock | null {
  const open = stickyAt(SECOND_CLOCK_OPEN, text, position);
  if (!open) return null;
  const clock = clockAt(text, position + open[0].length);
  if (!clock || clock.invalid) return null;
  const zone = zoneAt(text, clock.end, false);
  if (!zone || zone.zone.name === 'Z') return null;
  let end = zone.end;
  if (open[0].includes('(') && !text.slice(zone.start, zone.end).endsWith(')')) {
    const close = stickyAt(SECOND_CLOCK_CLOSE, text, end);
    if (!close) return null;
    end += close[0].length;
  }
  // A range of two clocks ("14:00 UTC / 15:00") is not a second clock; neither is a clock that goes on ("(07:00-08:00 PDT)").
  if (!boundaryAt(text, end) || stickyAt(RANGE_SEPARATOR, text, clock.end) && /\d/.test(text[RANGE_SEPARATOR.lastIndex] ?? '')) return null;
  return { clock, zone: zone.zone, start: position + open[0].length, end };
}

/**
 * A meridiem written on one end of a range applies to the other as a reader takes it:
 * "3:05-3:20 PM" is 15:05 to 15:20, "11:30-12:15 PM" 11:30 to 12:15, "10:15 PM - 10:45"
 * 22:15 to 22:45: the reading of the bare end that makes the range shortest and forward.
 */
function shareMeridiem(from: ClockTime, to: ClockTime): [ClockTime, ClockTime] {
  const twelveHour = (clock: ClockTime) => clock.meridiem === null && Number(clock.hourText) >= 1 && Number(clock.hourText) <= 12;
  const readings = (clock: ClockTime) => {
    const hour = Number(clock.hourText) % 12;
    const rest = clock.seconds - Number(clock.hourText) * 3600;
    return [hour * 3600 + rest, (hour + 12) * 3600 + rest];
  };
  if (to.meridiem && twelveHour(from)) {
    const best = readings(from)
      .filter((seconds) => seconds <= to.seconds && to.seconds - seconds <= 12 * 3600)
      .sort((a, b) => b - a)[0];
    if (best !== undefined) return [{ ...from, seconds: best }, to];
  }
  if (from.meridiem && twelveHour(to)) {
    const best = readings(to)
      .filter((seconds) => seconds >= from.seconds && seconds - from.seconds <= 12 * 3600)
      .sort((a, b) => a - b)[0];
    if (best !== undefined) return [from, { ...to, seconds: best }];
  }
  return [from, to];
}

/**
 * Every timestamp with a clock in a text, wherever it stands ("Paged on-call 2026-03-04
 * 09:29", "at approximately 1:00 PM ET"): what a label-first entry or a sentence states.
 */
export function findTimestamps(text: string, order: NumericOrder | null = null): ParsedTimestamp[] {
  const found: ParsedTimestamp[] = [];
  // Every timestamp found here has a clock: most texts have none.
  if (!CLOCK_HINT.test(text)) return found;
  TIMESTAMP_START.lastIndex = 0;
  for (let m = TIMESTAMP_START.exec(text); m; m = TIMESTAMP_START.exec(text)) {
    const parsed = parseTimestampAt(text, m.index, { allowDateOnly: false, order });
    if (!parsed || (parsed.clock === null && !parsed.invalid) || parsed.offsetSeconds !== null) continue;
    if (APPROXIMATE_BEFORE.test(text.slice(Math.max(0, m.index - 16), m.index))) parsed.approximate = true;
    found.push(parsed);
    TIMESTAMP_START.lastIndex = Math.max(parsed.end, m.index + 1);
  }
  return found;
}

const CLOCK_HINT = /\d:\d\d|\d{4}[ \t]*\(?(?:UTC|GMT|Z\b|[A-Z]{2,5}\b)|\dh\d\d/;
const TIMESTAMP_START = /(?<![\p{L}\d:.,/\-+])(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\p{L}{0,9}\.?[ \t]+\d|\p{L}{2,3}-\d{1,2}-\d{4}[ \t])/giu;

const UNIT_SECONDS: Record<string, number> = { d: 86400, h: 3600, m: 60, s: 1 };

function durationParts(text: string): number {
  let total = 0;
  RELATIVE_PART.lastIndex = 0;
  for (let m = RELATIVE_PART.exec(text); m; m = RELATIVE_PART.exec(text)) {
    total += Number(m[1]) * UNIT_SECONDS[m[2]!.toLowerCase()[0]!]!;
  }
  return total;
}

/** A stated length of time: "47 minutes", "1 minute 45 seconds", "1h 20m", "2.5 hours", "nine hours", "a 5-minute outage". */
export interface DurationMatch {
  seconds: number;
  start: number;
  end: number;
  text: string;
  /** "< 1 minute", "over 2 hours", "up to 5 minutes": a bound, not a value. */
  bound: boolean;
  /** Which bound: at most ("under an hour") or at least ("over 2 hours"); null for a value. */
  boundKind: 'most' | 'least' | null;
  /** "~47 minutes", "about 45 minutes". */
  approximate: boolean;
  /** The unit the length is written in, in seconds (3600 for "nine hours", 60 for "1h 20m"). */
  unitSeconds: number;
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, thirty: 30, forty: 40, 'forty-five': 45, fifty: 50, sixty: 60, ninety: 90, half: 0.5,
};
const NUMBER_WORD = Object.keys(NUMBER_WORDS).sort((a, b) => b.length - a.length).join('|');
/**
 * One part of a duration: a number and its unit. Compact parts follow one another without a
 * space ("1h53m", "2d4h"); a bare number after "1h" is a clock ("14h30" is a time of day in
 * French), not minutes. "1 h" takes a space, as German and French write it ("1 h 53 min").
 * A number after a digit and a comma ("1,5 h", "10,000 seconds") is not read: the whole
 * figure is not one this reads, and its tail would be a wrong one.
 */
/** Units in the other languages whose sections pm-lint reads: German, French, Spanish, Portuguese. */
const FOREIGN_UNITS = 'stunden?|std|minuten|sekunden?|sek|tage?n?|heures?|secondes?|jours?|horas?|minutos?|segundos?|d[ií]as?';
/**
 * Japanese, Chinese and Korean units, written right after the number ("1時間20分", "约2小时",
 * "45분간"). Not a day of the month ("4日", "7일") and not the minutes of a clock ("14時05分",
 * "14点05分", "14시 5분": the lookbehind before the number).
 */
const CJK_UNITS = '時間|小时|小時|시간|分間|分钟|分鐘|分|분간|분|秒間|秒钟|秒鐘|秒|초|日間|天';
const CJK_UNIT_LETTER: Readonly<Record<string, string>> = {
  時間: 'h', 小时: 'h', 小時: 'h', 시간: 'h', 分間: 'm', 分钟: 'm', 分鐘: 'm', 分: 'm', 분간: 'm', 분: 'm',
  秒間: 's', 秒钟: 's', 秒鐘: 's', 秒: 's', 초: 's', 日間: 'd', 天: 'd',
};
const DURATION_PART = new RegExp(
  `(?:(?<![\\w.:-])(?<!\\d,)(?<!(?:時|点|點|시)[ \\t]?)|(?<=\\d[dhm]))(\\d{1,5}(?:\\.\\d{1,3})?½?|(?:half[ \\t]+)?(?:${NUMBER_WORD})(?=[ \\t-]))(?:[ \\t]+and[ \\t]+a[ \\t]+half(?=[ \\t]))?` +
    `(?:[ \\t\\u00a0-]?(days?|hours?|hrs?|minutes?|mins?|seconds?|secs?|${FOREIGN_UNITS})\\b|[ \\t\\u00a0](h)(?![\\w])|(d|h|m|s)(?![\\p{L}_])(?!\\d+(?!\\d)(?!mins?\\b|secs?\\b|[dhms](?![\\p{L}_])))|[ \\t]?(${CJK_UNITS}))`,
  'giu',
);
/** An abbreviated unit may end with a full stop before the next part: "1 hr. 53 mins", "2 Std. 30 Min.". */
const ABBREVIATED_UNIT_END = /(?:hrs?|mins?|secs?|std|sek)$/i;
/** A half of the part's unit, written after it: "an hour and a half", "1 heure et demie", "una hora y media". */
const AND_A_HALF = /[ \t]+(?:and[ \t]+a[ \t]+half|et[ \t]+demie?|y[ \t]+media|e[ \t]+meia)\b/iy;
/** A half of the part's number, written with it: "two and a half hours", "1½ hours". */
const HALF_IN_PART = /\band[ \t]+a[ \t]+half\b|½/i;
const DURATION_JOIN = /[ \t]*(?:,|(?:and|und|et|y|e)(?=[ \t]))?[ \t]*/y;
const DURATION_AT_MOST = /(?:<|≤|less than|under|up to|at most|within|no more than|weniger als|unter|höchstens|moins de|menos de)[ \t]*$/i;
const DURATION_AT_LEAST = /(?:>|≥|more than|over|at least|no less than|mehr als|über|plus de|más de|mais de)[ \t]*$/i;
const DURATION_APPROXIMATE = /(?:~|≈|about|around|approx(?:imately|\.)?|roughly|nearly|almost|some|etwa|ca\.|rund|ungefähr|environ|unos|unas|cerca de|aproximadamente|約|约|大约|약)[ \t]*$/i;

/** Every stated duration in a text, adjacent parts joined ("1 hour and 5 minutes"). */
export function findDurations(text: string): DurationMatch[] {
  const found: DurationMatch[] = [];
  DURATION_PART.lastIndex = 0;
  let m = DURATION_PART.exec(text);
  while (m) {
    const start = m.index;
    let end = m.index + m[0].length;
    let seconds = partSeconds(m);
    let unitSeconds = unitOf(m);
    const half = stickyAt(AND_A_HALF, text, end);
    if (half) {
      seconds += unitOf(m) / 2;
      end += half[0].length;
    }
    let next: RegExpExecArray | null = null;
    for (;;) {
      DURATION_PART.lastIndex = end;
      next = DURATION_PART.exec(text);
      if (!next) break;
      const stop = text[end] === '.' && ABBREVIATED_UNIT_END.test(text.slice(start, end)) ? 1 : 0;
      const join = stickyAt(DURATION_JOIN, text, end + stop);
      if (!join || end + stop + join[0].length !== next.index) break;
      seconds += partSeconds(next);
      unitSeconds = Math.min(unitSeconds, unitOf(next));
      end = next.index + next[0].length;
    }
    const before = text.slice(Math.max(0, start - 16), start);
    const boundKind = DURATION_AT_MOST.test(before) ? 'most' : DURATION_AT_LEAST.test(before) ? 'least' : null;
    found.push({
      seconds,
      start,
      end,
      text: text.slice(start, end),
      bound: boundKind !== null,
      boundKind,
      approximate: DURATION_APPROXIMATE.test(before),
      unitSeconds,
    });
    m = next && next.index >= end ? next : null;
    if (!m) {
      DURATION_PART.lastIndex = end;
      m = DURATION_PART.exec(text);
    }
  }
  // "(00:35h)", "02:05h": hours and minutes written as a clock with an "h".
  CLOCK_DURATION.lastIndex = 0;
  for (let c = CLOCK_DURATION.exec(text); c; c = CLOCK_DURATION.exec(text)) {
    if (Number(c[2]) > 59) continue;
    const before = text.slice(Math.max(0, c.index - 16), c.index);
    const boundKind = DURATION_AT_MOST.test(before) ? 'most' : DURATION_AT_LEAST.test(before) ? 'least' : null;
    found.push({
      seconds: Number(c[1]) * 3600 + Number(c[2]) * 60,
      start: c.index,
      end: c.index + c[0].length,
      text: c[0],
      bound: boundKind !== null,
      boundKind,
      approximate: DURATION_APPROXIMATE.test(before),
      unitSeconds: 60,
    });
  }
  return found.sort((a, b) => a.start - b.start);
}

const CLOCK_DURATION = /(?<![\d:.])(\d{1,3}):(\d{2})[ \t]?h(?![\w])/g;

/**
 * A duration written as a clock, the whole value of a "Duration" field: "1:23", "01:23:00",
 * "~0:47", "1:23 (hh:mm)", and hours with their minutes as French and German teams write them,
 * "1h30". Only where the label says the value is a length: elsewhere "14:09" and "9h30" are
 * times of day.
 */
const CLOCK_VALUE = /^(~|≈|(?:about|around|approx(?:imately|\.)?|roughly)[ \t]+)?(\d{1,3})(?::|[ \t]?h[ \t]?(?=\d\d$))([0-5]\d)(?::([0-5]\d))?(?:[ \t]*\(hh?:mm(?::ss)?\))?$/i;

export function readClockDuration(value: string): DurationMatch | null {
  const trimmed = value.trim();
  const m = CLOCK_VALUE.exec(trimmed);
  if (!m) return null;
  const start = value.indexOf(trimmed) + (m[1]?.length ?? 0);
  const clock = trimmed.slice(m[1]?.length ?? 0, trimmed.length - (/\([^)]*\)$/.exec(trimmed)?.[0].length ?? 0)).trimEnd();
  return {
    seconds: Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4] ?? 0),
    start,
    end: start + clock.length,
    text: clock,
    bound: false,
    boundKind: null,
    approximate: m[1] !== undefined,
    unitSeconds: m[4] ? 1 : 60,
  };
}

/** The unit's letter where its first letter is not it: Stunde, Std., Tag, jour. */
const UNIT_LETTER: Readonly<Record<string, string>> = { st: 'h', ta: 'd', jo: 'd' };

function unitOf(m: RegExpExecArray): number {
  if (m[5]) return UNIT_SECONDS[CJK_UNIT_LETTER[m[5]]!]!;
  const unit = (m[2] ?? m[3] ?? m[4]!).toLowerCase();
  const letter = UNIT_LETTER[unit.slice(0, 2)] ?? unit[0]!;
  return UNIT_SECONDS[letter === 'd' || letter === 'h' || letter === 'm' ? letter : 's']!;
}

function partSeconds(m: RegExpExecArray): number {
  const written = m[1]!.toLowerCase().replace(/[ \t]+/g, ' ');
  const half = written.startsWith('half ');
  const number = written.replace('½', '');
  const value = /^\d/.test(number) ? Number(number) : NUMBER_WORDS[half ? number.slice(5) : number]! * (half ? 0.5 : 1);
  return Math.round((value + (HALF_IN_PART.test(m[0]) ? 0.5 : 0)) * unitOf(m));
}

/** A range of times in a text: "14:23-15:10 UTC", "10:15 UTC ~ 11:02 UTC", "between 14:02 and 14:40". */
export interface TimeRangeMatch {
  from: ClockTime;
  to: ClockTime;
  fromZone: Zone | null;
  toZone: Zone | null;
  start: number;
  end: number;
  /** Where the range's words start: at its "between" or "from" ("from 14:23 to 15:10"), else at `start`. */
  openingStart: number;
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
    const opening = BETWEEN_BEFORE.exec(text.slice(Math.max(0, m.index - 12), m.index));
    const between = opening !== null;
    const separator = stickyAt(between ? AND_SEPARATOR : RANGE_SEPARATOR, text, position);
    if (!separator) continue;
    const to = clockAt(text, position + separator[0].length);
    if (!to || !boundaryAt(text, to.end)) continue;
    position = to.end;
    const toZone = zoneAt(text, position, false);
    if (toZone) position = toZone.end;
    const openingStart = opening ? m.index - opening[0].length : m.index;
    found.push({ from, to, fromZone: fromZone?.zone ?? null, toZone: toZone?.zone ?? null, start: m.index, end: position, openingStart });
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
