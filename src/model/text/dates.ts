/**
 * Calendar dates as postmortems write them: ISO (`2026-03-30`, `2026/03/30`, inside
 * `2026-03-30T14:02:00Z`), month names (`Feb 04, 2021`, `April 5th, 2023`, `4 February
 * 2021`, `19. April`), US numeric (`07-27-2023`, `5/26/21`) and European numeric
 * (`27.07.2023`, `27/07/2023`). Impossible dates (`2026-02-30`) are found and marked
 * invalid, so rules can say so instead of ignoring them.
 */

export type DateFormat = 'iso' | 'long' | 'us' | 'eu';
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
const MONTH_NAME = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAY = '(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday|sday)?\\.?,?\\s+)?';
const ORDINAL = '(?:st|nd|rd|th)?';

/** Each pattern is anchored by word boundaries and uses bounded repetition only. */
const PATTERNS: Array<{ format: DateFormat; regex: RegExp; read: (m: RegExpExecArray) => CalendarDate }> = [
  {
    format: 'iso',
    regex: /(?<![\d.\-/])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d])/g,
    read: (m) => ({ year: Number(m[1]), month: Number(m[3]), day: Number(m[4]) }),
  },
  {
    // "Feb 04, 2021", "April 5th, 2023", "Sat Oct 30th 2021", "Feb 20 2018", "Feb 21"
    format: 'long',
    regex: new RegExp(`\\b${WEEKDAY}${MONTH_NAME}\\s+(\\d{1,2})${ORDINAL}\\b(?:,?\\s+(\\d{4})\\b)?`, 'gi'),
    read: (m) => ({ year: m[3] ? Number(m[3]) : null, month: MONTHS[m[1]!.toLowerCase().replace('.', '')]!, day: Number(m[2]) }),
  },
  {
    // "4 February 2021", "19. April", "30th of November, 2025"
    format: 'long',
    regex: new RegExp(`\\b(\\d{1,2})${ORDINAL}\\.?\\s+(?:of\\s+)?${MONTH_NAME}\\b(?:,?\\s+(\\d{4})\\b)?`, 'gi'),
    read: (m) => ({ year: m[3] ? Number(m[3]) : null, month: MONTHS[m[2]!.toLowerCase().replace('.', '')]!, day: Number(m[1]) }),
  },
  {
    // "07-27-2023", "5/26/21", "07/27/2023"
    format: 'us',
    regex: /(?<![\d.\-/])(\d{1,2})([-/])(\d{1,2})\2(\d{4}|\d{2})(?![\d\-/:])/g,
    read: (m) => ({ year: fullYear(m[4]!), month: Number(m[1]), day: Number(m[3]) }),
  },
  {
    // "27.07.2023", "27/07/2023"
    format: 'eu',
    regex: /(?<![\d.\-/])(\d{1,2})([./])(\d{1,2})\2(\d{4})(?![\d.\-/:])/g,
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
 * first number cannot be a month.
 */
export function findDates(text: string, formats: readonly DateFormat[] = DATE_FORMATS): DateMatch[] {
  const found: DateMatch[] = [];
  for (const pattern of PATTERNS) {
    if (!formats.includes(pattern.format)) continue;
    pattern.regex.lastIndex = 0;
    for (let m = pattern.regex.exec(text); m; m = pattern.regex.exec(text)) {
      const date = pattern.read(m);
      if (pattern.format === 'eu' && formats.includes('us') && m[2] === '/' && date.day <= 12) continue;
      if (pattern.format === 'us' && formats.includes('eu') && date.month > 12 && date.day <= 12) continue;
      found.push({ date, valid: isRealDate(date), format: pattern.format, start: m.index, end: m.index + m[0].length, text: m[0] });
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

/** The date a whole value states (surrounding spaces and Markdown aside), or null. */
export function parseDate(text: string, formats: readonly DateFormat[] = DATE_FORMATS): DateMatch | null {
  const trimmed = text.trim();
  const [first] = findDates(trimmed, formats);
  if (!first) return null;
  const rest = (trimmed.slice(0, first.start) + trimmed.slice(first.end)).trim();
  // A time or zone may follow ("2026-03-30 14:02 UTC", "2026-03-30T14:02:00Z").
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
