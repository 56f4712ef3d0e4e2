/**
 * Calendar dates as postmortems write them: ISO (`2026-03-30`, `2026/03/30`, inside
 * `2026-03-30T14:02:00Z`), month names (`Feb 04, 2021`, `April 5th, 2023`, `4 February
 * 2021`, `19. April`, `31-Mar-2026`), year, month and day in Japanese, Chinese or Korean
 * (`2026年3月4日`, `2026년 3월 4일`), US numeric (`07-27-2023`, `5/26/21`) and European numeric
 * (`27.07.2023`, `27/07/2023`, `29-09-2021`). Impossible dates (`2026-02-30`) are found
 * and marked invalid, so rules can say so instead of ignoring them.
 *
 * A numeric date whose two first numbers could both be the month (`03/10/2021`) reads as
 * US unless the caller knows the document writes the day first (`order`: see
 * `numericDateOrder`, which a document's unambiguous dates decide).
 */

import { withoutTrailingNote } from './normalize.js';

export type DateFormat = 'iso' | 'long' | 'us' | 'eu';
/** The order of a document's numeric dates: day first (`29/09/2021`) or month first (`09/29/2021`). */
export type NumericOrder = 'dmy' | 'mdy';
export const DATE_FORMATS: readonly DateFormat[] = ['iso', 'long', 'us', 'eu'];

export interface CalendarDate {
  /** Null when the text gives no year ("19. April", "Feb 20"). */
  year: number | null;
  month: number;
  day: number;
}

export interface DateMatch {
  date: CalendarDate;
  /** Whether the day exists in that month (and year, for 29 February). */
  valid: boolean;
  format: DateFormat;
  /** Indices of the match in the searched text. */
  start: number;
  end: number;
  text: string;
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};
/** Months named in German, French, Spanish and Portuguese (written after the day). */
const FOREIGN_MONTHS: Record<string, number> = {
  januar: 1, jänner: 1, februar: 2, märz: 3, maerz: 3, mai: 5, juni: 6, juli: 7, oktober: 10, dezember: 12,
  janvier: 1, février: 2, fevrier: 2, mars: 3, avril: 4, juin: 6, juillet: 7, août: 8, aout: 8, septembre: 9, octobre: 10, novembre: 11, décembre: 12, decembre: 12,
  enero: 1, febrero: 2, marzo: 3, abril: 4, mayo: 5, junio: 6, julio: 7, agosto: 8, septiembre: 9, setiembre: 9, octubre: 10, noviembre: 11, diciembre: 12,
  janeiro: 1, fevereiro: 2, março: 3, maio: 5, junho: 6, julho: 7, setembro: 9, outubro: 10, novembro: 11, dezembro: 12,
};
const FOREIGN_MONTH_NAME = Object.keys(FOREIGN_MONTHS).sort((a, b) => b.length - a.length).join('|');
const MONTH_NAME = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAY = '(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday|sday)?\\.?,?\\s+)?';
const ORDINAL = '(?:st|nd|rd|th)?';
/** A zone right after four digits ("2036 UTC"): the digits are a compact time, not a year. Case-sensitive. */
const ZONE_AFTER = /^[ \t]*\(?(?:UTC|GMT|Z\b|[A-Z]{1,4}T\b)/;

/** Each pattern is anchored by word boundaries and uses bounded repetition only. */
const PATTERNS: Array<{ format: DateFormat; regex: RegExp; read: (m: RegExpExecArray) => CalendarDate }> = [
  {
    format: 'iso',
    regex: /(?<![\d.\-/])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d])/g,
    read: (m) => ({ year: Number(m[1]), month: Number(m[3]), day: Number(m[4]) }),
  },
  {
    // "Feb 04, 2021", "April 5th, 2023", "Sat Oct 30th 2021", "Feb 20 2018", "Feb 21";
    // without a comma four digits are a year only from 1970 to 2100 and not before a zone
    // ("Feb 7 1506 UTC" is a date and a compact time).
    format: 'long',
    regex: new RegExp(`\\b${WEEKDAY}${MONTH_NAME}\\s+(\\d{1,2})${ORDINAL}\\b(?:,\\s*(\\d{4})\\b|\\s+(19[7-9]\\d|20\\d\\d|2100)\\b)?`, 'gi'),
    read: (m) => ({ year: m[3] ?? m[4] ? Number(m[3] ?? m[4]) : null, month: MONTHS[m[1]!.toLowerCase().replace('.', '')]!, day: Number(m[2]) }),
  },
  {
    // "4 February 2021", "19. April", "30th of November, 2025"
    format: 'long',
    regex: new RegExp(`\\b(\\d{1,2})${ORDINAL}\\.?\\s+(?:of\\s+)?${MONTH_NAME}\\b(?:,?\\s+(\\d{4})\\b)?`, 'gi'),
    read: (m) => ({ year: m[3] ? Number(m[3]) : null, month: MONTHS[m[2]!.toLowerCase().replace('.', '')]!, day: Number(m[1]) }),
  },
  {
    // "4. März 2026", "4 mars 2026", "4 de marzo de 2026", "4 de março de 2026": the day, then a
    // month named in German, French, Spanish or Portuguese, then perhaps the year.
    format: 'long',
    regex: new RegExp(`(?<![\\p{L}\\d])(\\d{1,2})\\.?\\s+(?:de\\s+)?(${FOREIGN_MONTH_NAME})(?![\\p{L}\\d])(?:,?\\s+(?:de\\s+)?(\\d{4})(?!\\d))?`, 'giu'),
    read: (m) => ({ year: m[3] ? Number(m[3]) : null, month: FOREIGN_MONTHS[m[2]!.toLowerCase()]!, day: Number(m[1]) }),
  },
  {
    // "31/Mar/26" (Jira), "31-Mar-2026", "4-Feb-21": the day, the month's name and the year
    // joined by one separator.
    format: 'long',
    regex: new RegExp(`(?<![\\d.\\-/])(\\d{1,2})([-/])${MONTH_NAME}\\2(\\d{4}|\\d{2})(?![\\d\\-/])`, 'gi'),
    read: (m) => ({ year: fullYear(m[4]!), month: MONTHS[m[3]!.toLowerCase().replace('.', '')]!, day: Number(m[1]) }),
  },
  {
    // "2026年3月4日", "2026년 3월 4일": Japanese, Chinese and Korean dates, year first.
    format: 'long',
    regex: /(?<!\d)(\d{4})[ \t]?([年년])[ \t]?(\d{1,2})[ \t]?[月월][ \t]?(\d{1,2})[ \t]?[日일号號]/g,
    read: (m) => ({ year: Number(m[1]), month: Number(m[3]), day: Number(m[4]) }),
  },
  {
    // "07-27-2023", "5/26/21", "07/27/2023"
    format: 'us',
    regex: /(?<![\d.\-/])(\d{1,2})([-/])(\d{1,2})\2(\d{4}|\d{2})(?![\d\-/:])/g,
    read: (m) => ({ year: fullYear(m[4]!), month: Number(m[1]), day: Number(m[3]) }),
  },
  {
    // "27.07.2023", "27/07/2023", "29-09-2021"
    format: 'eu',
    regex: /(?<![\d.\-/])(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?![\d.\-/:])/g,
    read: (m) => ({ year: Number(m[4]), month: Number(m[3]), day: Number(m[1]) }),
  },
];

function fullYear(text: string): number {
  const value = Number(text);
  return text.length === 2 ? 2000 + value : value;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(month: number, year: number | null): number {
  if (month === 2) return year === null || isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isRealDate(date: CalendarDate): boolean {
  return (
    Number.isInteger(date.month) && date.month >= 1 && date.month <= 12 &&
    Number.isInteger(date.day) && date.day >= 1 && date.day <= daysInMonth(date.month, date.year)
  );
}

/**
 * Every date in a text, in order, without overlaps (earlier and longer matches win).
 * With both "us" and "eu" allowed, a numeric date like 04/05/2026 reads as US unless its
 * first number cannot be a month, or `order` says the document writes the day first.
 */
export function findDates(text: string, formats: readonly DateFormat[] = DATE_FORMATS, order: NumericOrder | null = null): DateMatch[] {
  const found: DateMatch[] = [];
  for (const pattern of PATTERNS) {
    if (!formats.includes(pattern.format)) continue;
    pattern.regex.lastIndex = 0;
    for (let m = pattern.regex.exec(text); m; m = pattern.regex.exec(text)) {
      const date = pattern.read(m);
      if (pattern.format === 'eu' && formats.includes('us') && m[2] !== '.' && date.day <= 12 && order !== 'dmy') continue;
      if (pattern.format === 'us' && formats.includes('eu') && date.month > 12 && date.day <= 12) continue;
      if (pattern.format === 'us' && formats.includes('eu') && order === 'dmy' && date.month <= 12 && date.day <= 12 && m[4]!.length === 4) continue;
      let end = m.index + m[0].length;
      if (pattern.format === 'long' && m[4] && ZONE_AFTER.test(text.slice(end, end + 8))) {
        // "Feb 7 2036 UTC": a date and a compact time.
        date.year = null;
        end = m.index + m[0].slice(0, m[0].length - m[4].length).trimEnd().length;
      }
      found.push({ date, valid: isRealDate(date), format: pattern.format, start: m.index, end, text: text.slice(m.index, end) });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const result: DateMatch[] = [];
  for (const match of found) {
    const last = result.at(-1);
    if (last && match.start < last.end) continue;
    result.push(match);
  }
  return result;
}

/** What may come before a whole value's date: a mark that the day is approximate, or a deadline's "by". */
const DATE_LEAD_MARK = /^(?:~|≈|ca\.?|circa|approx\.?|approximately|around|about|est\.?|estimated|by)$/i;

/** The date a whole value states (surrounding spaces and Markdown aside), or null. */
export function parseDate(text: string, formats: readonly DateFormat[] = DATE_FORMATS, order: NumericOrder | null = null): DateMatch | null {
  const trimmed = text.trim();
  const [first] = findDates(trimmed, formats, order);
  if (!first) return null;
  // A weekday may come first ("Tue 31 Mar 2026"; "Tue, Mar 31" is the month-first pattern's own),
  // and a mark that the day is approximate or a deadline ("~2026-05-01", "ca. 1 May 2026", "by 2026-05-01").
  const before = trimmed.slice(0, first.start).trim().replace(/,$/, '');
  if (before && !isWeekdayName(before) && !DATE_LEAD_MARK.test(before)) return null;
  // A time or zone may follow ("2026-03-30 14:02 UTC", "2026-03-30T14:02:00Z"), and a note in
  // brackets ("2026-03-31 (moved from 03-20)").
  const rest = withoutTrailingNote(trimmed.slice(first.end)).trim();
  if (rest && !/^,?\s*(?:(?:at|@)\s+)?(?:T?\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?m\.?)?\s*(?:Z|[A-Z]{2,5}|[+-]\d{2}:?\d{2}|\(?UTC[+-]?\d{0,2}\)?)?)?$/i.test(rest)) {
    return null;
  }
  return { ...first, start: first.start + (text.length - text.trimStart().length), end: first.end + (text.length - text.trimStart().length) };
}

export function toIsoDate(date: CalendarDate): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.year ?? '????'}-${pad(date.month)}-${pad(date.day)}`;
}

/** Days since 1970-01-01 (UTC), for comparisons and differences; the year must be known. */
export function dayNumber(date: CalendarDate): number {
  return Math.floor(Date.UTC(date.year ?? 1970, date.month - 1, date.day) / 86_400_000);
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return dayNumber(a) - dayNumber(b);
}

/**
 * Day first or month first: what a document's unambiguous numeric dates say (`29/09/2021`
 * and `27.07.2023` are day first, `09/29/2021` month first), else which reading of its
 * ambiguous ones agrees with its other dates; null when they say nothing, or both.
 */
export function numericDateOrder(texts: Iterable<string>): NumericOrder | null {
  let dayFirst = 0;
  let monthFirst = 0;
  const ambiguous: Array<{ first: number; second: number; year: number }> = [];
  const all = [...texts];
  for (const text of all) {
    NUMERIC_DATE.lastIndex = 0;
    for (let m = NUMERIC_DATE.exec(text); m; m = NUMERIC_DATE.exec(text)) {
      const first = Number(m[1]);
      const second = Number(m[3]);
      if (m[2] === '.' || (first > 12 && first <= 31 && second <= 12)) dayFirst++;
      else if (second > 12 && second <= 31 && first <= 12) monthFirst++;
      else if (first >= 1 && first <= 12 && second >= 1 && second <= 12 && first !== second) ambiguous.push({ first, second, year: Number(m[4]) });
    }
  }
  if (dayFirst > 0 && monthFirst === 0) return 'dmy';
  if (monthFirst > 0 && dayFirst === 0) return 'mdy';
  if (dayFirst > 0 || ambiguous.length === 0) return null;
  return orderFromOtherDates(ambiguous, all);
}

/** How near a date written another way a reading of 07/09/2026 must lie to count as agreeing with it. */
const AGREEING_DAYS = 7;

/**
 * Only ambiguous numeric dates (07/09/2026): the reading that agrees with the dates the
 * document writes with a month name or as ISO ("7 September 2026", a file name
 * 2026-09-10), as a reader settles it. Null when both readings or neither agree.
 */
function orderFromOtherDates(ambiguous: ReadonlyArray<{ first: number; second: number; year: number }>, texts: readonly string[]): NumericOrder | null {
  const days = new Set<number>();
  for (const text of texts) for (const match of findDates(text, ['iso', 'long'])) if (match.valid && match.date.year !== null) days.add(dayNumber(match.date));
  if (days.size === 0) return null;
  const agrees = (date: CalendarDate) => {
    if (!isRealDate(date)) return false;
    const day = dayNumber(date);
    for (let near = day - AGREEING_DAYS; near <= day + AGREEING_DAYS; near++) if (days.has(near)) return true;
    return false;
  };
  let dayFirst = 0;
  let monthFirst = 0;
  for (const { first, second, year } of ambiguous) {
    const asDayFirst = agrees({ year, month: second, day: first });
    const asMonthFirst = agrees({ year, month: first, day: second });
    if (asDayFirst && !asMonthFirst) dayFirst++;
    if (asMonthFirst && !asDayFirst) monthFirst++;
  }
  if (dayFirst > 0 && monthFirst === 0) return 'dmy';
  if (monthFirst > 0 && dayFirst === 0) return 'mdy';
  return null;
}

const NUMERIC_DATE = /(?<![\d./-])(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?!\d)/g;

/** Weekday names (English, German, French) and their day (0 = Sunday). */
const WEEKDAYS: Record<string, number> = {
  sunday: 0, sun: 0, monday: 1, mon: 1, tuesday: 2, tue: 2, tues: 2, wednesday: 3, wed: 3, thursday: 4, thu: 4, thur: 4,
  thurs: 4, friday: 5, fri: 5, saturday: 6, sat: 6,
  sonntag: 0, montag: 1, dienstag: 2, mittwoch: 3, donnerstag: 4, freitag: 5, samstag: 6, sonnabend: 6,
  dimanche: 0, lundi: 1, mardi: 2, mercredi: 3, jeudi: 4, vendredi: 5, samedi: 6,
  domingo: 0, lunes: 1, martes: 2, miércoles: 3, miercoles: 3, jueves: 4, viernes: 5, sábado: 6, sabado: 6,
  'segunda-feira': 1, 'terça-feira': 2, 'terca-feira': 2, 'quarta-feira': 3, 'quinta-feira': 4, 'sexta-feira': 5,
};
/** Whether a word names a weekday ("Fri.", "Montag", "lundi"). */
export function isWeekdayName(word: string): boolean {
  return Object.hasOwn(WEEKDAYS, word.toLowerCase().replace(/\.$/, ''));
}

/** Whether a word names a month or a weekday ("March", "Fri.", "Montag"). */
export function isMonthOrWeekdayName(word: string): boolean {
  return Object.hasOwn(MONTHS, word.toLowerCase().replace(/\.$/, '')) || isWeekdayName(word);
}

export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
/** Any weekday name, anywhere: the quick test before the costly pattern (it holds every name the pattern reads). */
const WEEKDAY_HINT = new RegExp(Object.keys(WEEKDAYS).sort((a, b) => b.length - a.length).join('|'), 'i');

/**
 * A weekday in brackets after a date, as Japanese, Korean and Chinese write it:
 * "2026年3月14日(土)", "（土曜日）", "2026년 3월 14일 (토요일)", "（星期六）", "(周六)".
 */
const CJK_WEEKDAY_AFTER = /^[ \t]*[(（]([日月火水木金土])(?:曜日?)?[)）]|^[ \t]*[(（]([일월화수목금토])(?:요일)?[)）]|^[ \t]*[(（](?:星期|周|週|礼拜)([日天一二三四五六])[)）]/u;
const CJK_WEEKDAY_DAYS: Readonly<Record<string, number>> = {
  日: 0, 月: 1, 火: 2, 水: 3, 木: 4, 金: 5, 土: 6,
  일: 0, 월: 1, 화: 2, 수: 3, 목: 4, 금: 5, 토: 6,
  天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6,
};
const CJK_WEEKDAY_HINT = /[(（](?:[日月火水木金土일월화수목금토]|星期|周|週|礼拜)/u;
/** A weekday name in brackets after a date: "03.04.2026 (Friday)", "4 March 2026 (Wed)". */
const WEEKDAY_IN_BRACKETS = `\\((${Object.keys(WEEKDAYS).sort((a, b) => b.length - a.length).join('|')})\\.?\\)`;
const WEEKDAY_AFTER = new RegExp(`^[ \\t]*${WEEKDAY_IN_BRACKETS}`, 'iu');
const WEEKDAY_AFTER_HINT = new RegExp(WEEKDAY_IN_BRACKETS, 'iu');

/** Whether a text may name a weekday: false means findWeekdayDates finds nothing in it. */
export function mayNameWeekday(text: string): boolean {
  return WEEKDAY_HINT.test(text) || CJK_WEEKDAY_HINT.test(text);
}

const WEEKDAY_WORD = new RegExp(`(?<![\\p{L}\\d])(${Object.keys(WEEKDAYS).sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}\\d])\\.?,?(?:[ \\t]+|[ \\t]*\\n[ \\t]*)(?:(?:the|le|den)[ \\t]+)?`, 'giu');

/** A weekday written right before a date ("Friday 2026-03-05", "Sunday, 15/10/2023", "Fri 6 March"), or after one ("2026年3月14日(土)"). */
export interface WeekdayDate {
  /** 0 = Sunday. */
  weekday: number;
  /** The weekday as written, and where. */
  weekdayText: string;
  start: number;
  end: number;
  date: DateMatch;
  /** The other reading of an ambiguous numeric date (03/10/2021) when the order is not known. */
  alternative: CalendarDate | null;
}

/** The weekday of a date (0 = Sunday); the year must be known. */
export function weekdayOf(date: CalendarDate): number {
  return new Date(Date.UTC(date.year ?? 1970, date.month - 1, date.day)).getUTCDay();
}

/** The other reading of an ambiguous numeric date (03/10/2021) when the document's order is not known. */
function otherReading(date: DateMatch, order: NumericOrder | null): CalendarDate | null {
  if ((date.format !== 'us' && date.format !== 'eu') || order !== null || date.date.day > 12 || date.date.day === date.date.month) return null;
  return { year: date.date.year, month: date.date.day, day: date.date.month };
}

/** Every weekday written right before a date, or in brackets right after one ("(Friday)", "(金)"). */
export function findWeekdayDates(text: string, order: NumericOrder | null = null): WeekdayDate[] {
  const found: WeekdayDate[] = [];
  const cjk = CJK_WEEKDAY_HINT.test(text);
  if (cjk || WEEKDAY_AFTER_HINT.test(text)) {
    for (const date of findDates(text, DATE_FORMATS, order)) {
      if (!date.valid) continue;
      const after = text.slice(date.end, date.end + 16);
      const named = WEEKDAY_AFTER.exec(after);
      const written = named ? null : cjk ? CJK_WEEKDAY_AFTER.exec(after) : null;
      const match = named ?? written;
      if (!match) continue;
      const weekday = named ? WEEKDAYS[named[1]!.toLowerCase()]! : CJK_WEEKDAY_DAYS[(written![1] ?? written![2] ?? written![3])!]!;
      const end = date.end + match[0].length;
      found.push({ weekday, weekdayText: match[0].trim().slice(1, -1).replace(/\.$/, ''), start: end - match[0].trimStart().length, end, date, alternative: otherReading(date, order) });
    }
  }
  WEEKDAY_WORD.lastIndex = 0;
  for (let m = WEEKDAY_WORD.exec(text); m; m = WEEKDAY_WORD.exec(text)) {
    const word = m[1]!;
    // Abbreviations are names only when capitalised ("Sat 2026-03-07", not "sat 3 hours").
    if (word.length <= 4 && word[0] === word[0]!.toLowerCase()) continue;
    const at = m.index + m[0].length;
    const [date] = findDates(text.slice(at, at + 40), DATE_FORMATS, order);
    if (!date || date.start !== 0 || !date.valid) continue;
    found.push({
      weekday: WEEKDAYS[word.toLowerCase()]!,
      weekdayText: word,
      start: m.index,
      end: m.index + word.length,
      date: { ...date, start: at + date.start, end: at + date.end },
      alternative: otherReading(date, order),
    });
  }
  return found;
}

/** Month names in the languages postmortems are written in, which are not misspellings. */
const KNOWN_MONTH_WORDS = new Set([...Object.keys(MONTHS), ...Object.keys(FOREIGN_MONTHS)]);
const MONTH_FULL_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_ABBREVIATIONS = MONTH_FULL_NAMES.map((name) => name.slice(0, 3));
/** "Auguest 15 2023", "Septmber 16, 2026": a capitalised word in a month's place. */
const WORD_DAY_YEAR = /(?<![\p{L}\d/.-])(\p{Lu}\p{Ll}{3,9})\.?[ \t]+(\d{1,2})(?:st|nd|rd|th)?,?[ \t]+(\d{4})(?!\d)/gu;
const YEAR_DIGITS = /\d{4}/;
const WORD_DAY_YEAR_HINT = /[a-z]\.?[ \t]+\d{1,2}(?:st|nd|rd|th)?,?[ \t]+\d{4}/;
/** "eb-04-2021": a month abbreviation with a letter lost, before a day and a year. */
const FRAGMENT_HINT = /[A-Za-z]-\d{1,2}-\d{4}/;
const FRAGMENT_DAY_YEAR = /(?<![\p{L}\d/.-])(\p{L}{2,3})-(\d{1,2})-(\d{4})(?!\d)/gu;

/** A date whose month is misspelled: the word as written, and the month it is closest to. */
export interface MisspelledMonth {
  text: string;
  word: string;
  /** The month meant ("August"). */
  month: string;
  start: number;
  end: number;
}

/** Every date whose month name is misspelled ("Auguest 15 2023") or lost a letter ("eb-04-2021"). */
export function findMisspelledMonths(text: string): MisspelledMonth[] {
  const found: MisspelledMonth[] = [];
  // Both forms end in a year: most texts have none, and the word patterns are the costly part.
  if (!YEAR_DIGITS.test(text)) return found;
  const add = (m: RegExpExecArray, month: number) =>
    found.push({ text: m[0], word: m[1]!, month: capitalise(MONTH_FULL_NAMES[month]!), start: m.index, end: m.index + m[0].length });
  WORD_DAY_YEAR.lastIndex = 0;
  for (let m = WORD_DAY_YEAR_HINT.test(text) ? WORD_DAY_YEAR.exec(text) : null; m; m = WORD_DAY_YEAR.exec(text)) {
    const word = m[1]!.toLowerCase();
    if (KNOWN_MONTH_WORDS.has(word) || Number(m[2]) < 1 || Number(m[2]) > 31) continue;
    let best = -1;
    let bestDistance = 3;
    MONTH_FULL_NAMES.forEach((name, index) => {
      const distance = damerau(word, name);
      if (distance < bestDistance) [best, bestDistance] = [index, distance];
    });
    // One edit for short words ("Mach"), two for long ones ("Septmber", "Novemeber").
    if (best >= 0 && bestDistance >= 1 && bestDistance <= (word.length >= 6 ? 2 : 1)) add(m, best);
  }
  FRAGMENT_DAY_YEAR.lastIndex = 0;
  for (let m = FRAGMENT_HINT.test(text) ? FRAGMENT_DAY_YEAR.exec(text) : null; m; m = FRAGMENT_DAY_YEAR.exec(text)) {
    const word = m[1]!.toLowerCase();
    if (KNOWN_MONTH_WORDS.has(word) || Number(m[2]) < 1 || Number(m[2]) > 31) continue;
    const month = MONTH_ABBREVIATIONS.findIndex((abbreviation) =>
      word.length === 2 ? abbreviation.startsWith(word) || abbreviation.endsWith(word) : damerau(word, abbreviation) === 1 && sameLetters(word, abbreviation),
    );
    if (month >= 0) add(m, month);
  }
  return found.sort((a, b) => a.start - b.start);
}

/** "On March, Dave noticed": a month named without its day. */
const MONTH_WITHOUT_DAY = /\b[Oo]n[ \t]+(January|February|March|April|May|June|July|August|September|October|November|December)(?=[ \t]*[,;:](?:[ \t]|$))/g;

/** Every "On <Month>," that names a month without a day, as a date. */
export function findMonthsWithoutDay(text: string): Array<{ text: string; start: number; end: number }> {
  const found: Array<{ text: string; start: number; end: number }> = [];
  MONTH_WITHOUT_DAY.lastIndex = 0;
  for (let m = MONTH_WITHOUT_DAY.exec(text); m; m = MONTH_WITHOUT_DAY.exec(text)) found.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return found;
}

function capitalise(word: string): string {
  return word[0]!.toUpperCase() + word.slice(1);
}

/** Whether two words hold the same letters (a transposition, not a different word). */
function sameLetters(a: string, b: string): boolean {
  return [...a].sort().join('') === [...b].sort().join('');
}

/** Edit distance with transpositions (optimal string alignment); words here are short. */
function damerau(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/** A stretch of the calendar a plan names instead of a day: a quarter, a half or a month. */
export interface PeriodMatch {
  /** Its first and last day; the year is null when the text gives none ("Q3", "end of March"). */
  first: CalendarDate;
  last: CalendarDate;
  text: string;
}

const YEAR = '((?:19|20)\\d\\d)';
const PERIOD_LEAD = '(?:(?:by|until|before)\\s+)?(?:(?:the\\s+)?(?:end|start|beginning|middle)\\s+of\\s+|(?:early|mid|late)[-\\s]+)?';
/** "Q2 2026", "2026-Q2", "Q2/2026", "H2 2026", "2H 2026", "Q3 FY26" (a fiscal year's quarter: its days are the company's, so no year is read). */
const QUARTER_OR_HALF = new RegExp(
  `^${PERIOD_LEAD}(?:([QH])([1-4])|([1-4])([QH]))(?:[\\s/'-]*(?:FY)?\\s*(?:${YEAR}|'?(\\d\\d)))?$|^${YEAR}[\\s/-]*(?:([QH])([1-4])|([1-4])([QH]))$`,
  'i',
);
/** "April 2026", "Apr. 2026", "end of March", "mid-April 2026". */
const MONTH_PERIOD = new RegExp(`^${PERIOD_LEAD}${MONTH_NAME}(?:,?\\s+${YEAR})?$`, 'i');

/** The period a whole value names ("Q2 2026", "April 2026", "end of Q3"), or null. */
export function parsePeriod(text: string): PeriodMatch | null {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  const month = MONTH_PERIOD.exec(trimmed);
  if (month) {
    const number = MONTHS[month[1]!.toLowerCase().replace('.', '')]!;
    const year = month[2] ? Number(month[2]) : null;
    return { first: { year, month: number, day: 1 }, last: { year, month: number, day: daysInMonth(number, year) }, text: trimmed };
  }
  const part = QUARTER_OR_HALF.exec(trimmed);
  if (!part) return null;
  const kind = (part[1] ?? part[4] ?? part[8] ?? part[11])!.toUpperCase();
  const index = Number(part[2] ?? part[3] ?? part[9] ?? part[10]);
  const yearText = part[5] ?? part[6] ?? part[7];
  const fiscal = /FY/i.test(trimmed);
  const year = yearText === undefined || fiscal ? null : yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  const months = kind === 'Q' ? 3 : 6;
  if (index > 12 / months) return null;
  const firstMonth = (index - 1) * months + 1;
  const lastMonth = firstMonth + months - 1;
  return { first: { year, month: firstMonth, day: 1 }, last: { year, month: lastMonth, day: daysInMonth(lastMonth, year) }, text: trimmed };
}
