import { describe, expect, it } from 'vitest';
import {
  findDurations, findTimeRanges, isBefore, findZoneStatement, formatDuration, parseTimestamp, parseZone, PostmortemDocument, placeEntries,
} from '../src/model/index.js';
import { readClockDuration, writesHourClocks } from '../src/model/text/times.js';

/** The parts of a parsed timestamp that tests compare. */
function parsed(text: string) {
  const result = parseTimestamp(text);
  if (!result) return null;
  return {
    time: text.slice(result.start, result.end),
    date: result.date,
    seconds: result.seconds,
    precision: result.precision,
    zone: result.zone?.name ?? null,
    offset: result.zone?.offsetMinutes ?? null,
    approximate: result.approximate,
    unknown: result.unknown,
    invalid: result.invalid,
    rest: text.slice(result.rest),
  };
}

const hm = (hours: number, minutes: number, seconds = 0) => hours * 3600 + minutes * 60 + seconds;

describe('parseTimestamp: formats', () => {
  it.each([
    ['14:30 Deploy starts', { time: '14:30', seconds: hm(14, 30), precision: 'minute', zone: null, rest: 'Deploy starts' }],
    ['14:30:05 - Alert', { time: '14:30:05', seconds: hm(14, 30, 5), precision: 'second', rest: 'Alert' }],
    ['2:54 PM PST: status page', { time: '2:54 PM PST', seconds: hm(14, 54), zone: 'PST', offset: -480, rest: 'status page' }],
    ['4:26pm incident closed', { time: '4:26pm', seconds: hm(16, 26), rest: 'incident closed' }],
    ['5:02p — error alert', { time: '5:02p', seconds: hm(17, 2), rest: 'error alert' }],
    ['11:40a (next day)', { time: '11:40a', seconds: hm(11, 40), rest: '(next day)' }],
    ['12:10 AM backup', { time: '12:10 AM', seconds: hm(0, 10) }],
    ['12:10 PM lunch', { time: '12:10 PM', seconds: hm(12, 10) }],
    ['09:00 UTC start', { time: '09:00 UTC', zone: 'UTC', offset: 0, rest: 'start' }],
    ['09:00 CET start', { zone: 'CET', offset: 60 }],
    ['09:00 PDT start', { zone: 'PDT', offset: -420 }],
    ['09:00 UTC-7 start', { time: '09:00 UTC-7', zone: 'UTC-7', offset: -420 }],
    ['09:00 IST start', { zone: 'IST', offset: null }],
    ['2026-02-12T11:14:58Z - text', { time: '2026-02-12T11:14:58Z', date: { year: 2026, month: 2, day: 12 }, seconds: hm(11, 14, 58), zone: 'UTC', rest: 'text' }],
    ['2026-02-12T11:14:58.250+09:00 text', { time: '2026-02-12T11:14:58.250+09:00', zone: 'UTC+09:00', offset: 540 }],
    ['2026-03-30 14:02 | Alert', { time: '2026-03-30 14:02', date: { year: 2026, month: 3, day: 30 }, seconds: hm(14, 2), rest: 'Alert' }],
    ['2021-12-10   15:40', { time: '2021-12-10   15:40', seconds: hm(15, 40), rest: '' }],
    ['2022-02-02 1625: e-mail received', { time: '2022-02-02 1625', seconds: hm(16, 25), rest: 'e-mail received' }],
    ['[03-26 23:04] Replica rebuilt', { time: '03-26 23:04', date: { year: null, month: 3, day: 26 }, seconds: hm(23, 4), rest: 'Replica rebuilt' }],
    ['[08:47] Queue grows', { time: '08:47', seconds: hm(8, 47), rest: 'Queue grows' }],
    ['Feb 04, 2021, 21:45 (UTC): aware', { time: 'Feb 04, 2021, 21:45 (UTC)', date: { year: 2021, month: 2, day: 4 }, zone: 'UTC', rest: 'aware' }],
    ['April 4, 2023, 1:22 pm (UTC): report', { date: { year: 2023, month: 4, day: 4 }, seconds: hm(13, 22), zone: 'UTC' }],
    ['07-27-2023 2:14 pm - PR approved', { time: '07-27-2023 2:14 pm', date: { year: 2023, month: 7, day: 27 }, seconds: hm(14, 14), rest: 'PR approved' }],
    ['19. April, 11:00', { date: { year: null, month: 4, day: 19 }, seconds: hm(11, 0) }],
    ['Sep 27 2017 13:06', { date: { year: 2017, month: 9, day: 27 }, seconds: hm(13, 6) }],
    ['12:45 PM PST Saturday Oct 30th: wave', { time: '12:45 PM PST Saturday Oct 30th', date: { year: null, month: 10, day: 30 }, seconds: hm(12, 45), zone: 'PST', rest: 'wave' }],
    ['2021-12-10 | published', { time: '2021-12-10', precision: 'date', seconds: null }],
    ['09:11:59 PM UTC — Exploit', { seconds: hm(21, 11, 59), zone: 'UTC', rest: 'Exploit' }],
    ['06.03. 08:00 — review', { time: '06.03. 08:00', date: { year: null, month: 3, day: 6 }, seconds: hm(8, 0), rest: 'review' }],
    ['06.03. um 08:00 Uhr: Nachbesprechung', { time: '06.03. um 08:00 Uhr', date: { year: null, month: 3, day: 6 }, seconds: hm(8, 0), rest: 'Nachbesprechung' }],
    ['Mar 4, 2026 - 15:50 UTC', { time: 'Mar 4, 2026 - 15:50 UTC', date: { year: 2026, month: 3, day: 4 }, seconds: hm(15, 50), zone: 'UTC', rest: '' }],
    ['12/Mar/26 2:02 PM checkout alert', { date: { year: 2026, month: 3, day: 12 }, seconds: hm(14, 2), rest: 'checkout alert' }],
  ])('%s', (text, expected) => {
    expect(parsed(text)).toMatchObject({ invalid: null, approximate: false, unknown: false, ...expected });
  });

  it('reads a relative annotation', () => {
    expect(parseTimestamp('2026-02-12T11:16:10Z (+1m 8s) - warning')?.relativeSeconds).toBe(68);
    expect(parseTimestamp('11:16:42 (+1m 40s) failure')?.relativeSeconds).toBe(100);
    expect(parseTimestamp('11:20 (+2h 5m) done')?.relativeSeconds).toBe(7500);
  });

  it('reads ranges without taking the end for an offset', () => {
    const range = parseTimestamp('8:20 - 8:24 scaling');
    expect(range?.seconds).toBe(hm(8, 20));
    expect(range?.rangeEnd?.seconds).toBe(hm(8, 24));
    expect(parseTimestamp('14:20-15:00 investigation')?.zone).toBeNull();
  });

  it('does not read prose, durations or version numbers as timestamps', () => {
    expect(parseTimestamp('At 21:45 the team noticed')).toBeNull();
    expect(parseTimestamp('2 hours later')).toBeNull();
    expect(parseTimestamp('1.2.3 was deployed')).toBeNull();
    expect(parseTimestamp('14:30foo')).toBeNull();
    expect(parseTimestamp('5:02pst')).toBeNull();
    expect(parseTimestamp('10:00 a deploy')).toMatchObject({ seconds: hm(10, 0), clock: { meridiem: null } });
    expect(parseTimestamp('2026-03-30', false)).toBeNull();
    // After a spaced dash only a clock with its colon is a time: "2026-03-04 - 2027" is no 20:27.
    expect(parseTimestamp('2026-03-04 - 2027 budget')?.seconds ?? null).toBeNull();
  });
});

describe('parseTimestamp: approximate and unknown', () => {
  it.each([
    ['~01:30 - filtered', { approximate: true, unknown: false, seconds: hm(1, 30) }],
    ['approx. 14:00 restart', { approximate: true, seconds: hm(14, 0) }],
    ['22:52 (maybe earlier?)', { approximate: true, seconds: hm(22, 52) }],
    ['[???] restart', { unknown: true, seconds: null }],
    ['14:?? export', { unknown: true }],
    ['2X:XX (not sure exact time)', { unknown: true, approximate: true }],
    ['--:-- cache flushed', { unknown: true }],
    ['unknown - customer notified', { unknown: true }],
    ['2024-03-13 HH:mm | template row', { unknown: true, date: { year: 2024, month: 3, day: 13 } }],
    ['2022-02-02 X: messaged', { unknown: true }],
  ])('%s', (text, expected) => {
    expect(parsed(text)).toMatchObject({ invalid: null, ...expected });
  });
});

describe('parseTimestamp: impossible values', () => {
  it.each([
    ['25:10 deploy', 'hour 25 does not exist (expected 00 to 23)'],
    ['10:75 deploy', 'minute 75 does not exist (expected 00 to 59)'],
    ['10:15:61 deploy', 'second 61 does not exist (expected 00 to 59)'],
    ['13:55 PM PST alarms', '13:55 PM mixes 24-hour and 12-hour notation (expected 13:55 or 1:55 PM)'],
    ['23:00 AM MST empty', '23:00 AM mixes 24-hour and 12-hour notation (expected 23:00 or 11:00 PM)'],
    ['2026-02-30 10:00 start', '2026-02-30 is not a calendar date (that month has 28 days)'],
    ['2026-13-01 10:00 start', '2026-13-01 is not a calendar date (month 13 does not exist)'],
    ['20202-01-16 12:00 pipeline', '20202-01-16 has a five-digit year (expected four digits)'],
    ['08:5:12 consumers crash', '08:5:12 has a one-digit minute (expected two digits, as in 08:05:12)'],
    ['08:05:1 consumers crash', '08:05:1 has a one-digit second (expected two digits, as in 08:05:01)'],
    ['26:XX poison removed', 'hour 26 does not exist (expected 00 to 23)'],
    ['19:45 PM alert', '19:45 PM mixes 24-hour and 12-hour notation (expected 19:45 or 7:45 PM)'],
    ['eb-04-2021 09:12:40 PM attack', 'eb-04-2021 is not a date: "eb" is not a month (February?)'],
  ])('%s', (text, reason) => {
    expect(parseTimestamp(text)?.invalid).toBe(reason);
  });

  it('accepts 24:00 and 29 February of a leap year', () => {
    expect(parseTimestamp('24:00 end of day')?.invalid).toBeNull();
    expect(parseTimestamp('2024-02-29 10:00')?.invalid).toBeNull();
    expect(parseTimestamp('2023-02-29 10:00')?.invalid).toMatch(/not a calendar date/);
  });
});

describe('zones', () => {
  it('parses names and offsets', () => {
    expect(parseZone('(UTC)')).toEqual({ name: 'UTC', offsetMinutes: 0 });
    expect(parseZone('utc+9')).toEqual({ name: 'UTC+9', offsetMinutes: 540 });
    expect(parseZone('KST')).toEqual({ name: 'KST', offsetMinutes: 540 });
    expect(parseZone('est')).toBeNull();
  });

  it.each([
    ['All times UTC', 'UTC', true],
    ['All times are in PST.', 'PST', true],
    ['All times listed in PST.', 'PST', true],
    ['2015-10-21 (all times UTC)', 'UTC', true],
    ['Timeline (all times PDT, UTC-7)', 'PDT', false],
    ['Timeline (UTC)', 'UTC', false],
    ['Date and Time in CET', 'CET', false],
  ])('finds the zone statement in %s', (text, zone, allTimesOnly) => {
    expect(findZoneStatement(text, allTimesOnly)?.zone.name).toBe(zone);
  });

  it('does not read a bracketed time or prose as a statement', () => {
    expect(findZoneStatement('At 14:23 (UTC) the API failed', true)).toBeNull();
    expect(findZoneStatement('All times approximate', false)).toBeNull();
  });
});

describe('durations and ranges', () => {
  it('finds durations with joined parts, bounds and approximations', () => {
    expect(findDurations('Duration: 47 minutes').map((d) => d.seconds)).toEqual([2820]);
    expect(findDurations('survived 1 minute 45 seconds post-deployment')[0]).toMatchObject({ seconds: 105, text: '1 minute 45 seconds' });
    expect(findDurations('1 hour and 5 minutes')[0]?.seconds).toBe(3900);
    expect(findDurations('1h 20m')[0]?.seconds).toBe(4800);
    expect(findDurations('< 1 minute (automated)')[0]?.bound).toBe(true);
    expect(findDurations('~47 minutes')[0]?.approximate).toBe(true);
    expect(findDurations('X hours Y minutes')).toEqual([]);
    expect(findDurations('at 14:30 on v2.3.1')).toEqual([]);
  });

  it('reads durations in the short forms teams write', () => {
    const read = (text: string) => findDurations(text).map((d) => [d.text, d.seconds]);
    expect(read('1h53m')).toEqual([['1h53m', 6780]]);
    expect(read('1h53min; 2d4h')).toEqual([['1h53min', 6780], ['2d4h', 187200]]);
    expect(read('1 h 53 min')).toEqual([['1 h 53 min', 6780]]);
    expect(read('1 hr. 53 mins')).toEqual([['1 hr. 53 mins', 6780]]);
    // "14h30" is a time of day in French; "1,5 h" and "10,000 seconds" are figures this does not read, not "5 h".
    expect(read('à 14h30, 1h53')).toEqual([]);
    expect(read('1,5 h and 10,000 seconds')).toEqual([]);
  });

  it('reads halves: "an hour and a half", "two and a half hours", "1½ hours", "a half-hour"', () => {
    const read = (text: string) => findDurations(text).map((d) => [d.text, d.seconds]);
    expect(read('an hour and a half later')).toEqual([['an hour and a half', 5400]]);
    expect(read('two and a half hours; 1½ hours')).toEqual([['two and a half hours', 9000], ['1½ hours', 5400]]);
    expect(read('a half-hour outage; half an hour; 1 heure et demie')).toEqual([['half-hour', 1800], ['half an hour', 1800], ['1 heure et demie', 5400]]);
    // "halfway" is no half, and "half the time" no duration.
    expect(read('an hour and a halfway; half the time')).toEqual([['an hour', 3600]]);
  });

  it('reads durations in German, French, Spanish and Portuguese', () => {
    const read = (text: string) => findDurations(text).map((d) => [d.text, d.seconds, d.approximate, d.boundKind]);
    expect(read('2 Stunden und 30 Minuten')).toEqual([['2 Stunden und 30 Minuten', 9000, false, null]]);
    expect(read('etwa 2 Std. 30 Min.')).toEqual([['2 Std. 30 Min', 9000, true, null]]);
    expect(read('mehr als 3 Tage')).toEqual([['3 Tage', 259200, false, 'least']]);
    expect(read('1 heure et 15 minutes; 2 jours')).toEqual([['1 heure et 15 minutes', 4500, false, null], ['2 jours', 172800, false, null]]);
    expect(read('1 hora y 20 minutos; 1 hora e 20 minutos; 90 segundos')).toEqual([
      ['1 hora y 20 minutos', 4800, false, null],
      ['1 hora e 20 minutos', 4800, false, null],
      ['90 segundos', 90, false, null],
    ]);
    // English words that only begin like one: no duration.
    expect(read('3 tags and 2 stands')).toEqual([]);
  });

  it('reads durations in Japanese, Chinese and Korean, not days of the month or minutes of a clock', () => {
    const read = (text: string) => findDurations(text).map((d) => [d.text, d.seconds, d.approximate]);
    expect(read('約1時間20分')).toEqual([['1時間20分', 4800, true]]);
    expect(read('约1小时15分钟')).toEqual([['1小时15分钟', 4500, true]]);
    expect(read('약 1시간 20분; 45분간')).toEqual([['1시간 20분', 4800, true], ['45분간', 2700, false]]);
    expect(read('3天; 30秒')).toEqual([['3天', 259200, false], ['30秒', 30, false]]);
    expect(read('2026年3月4日 14時05分; 14点05分; 9월 7일 14시 5분')).toEqual([]);
  });

  it('reads an hour with am or pm as a clock on the hour', () => {
    expect(parseTimestamp('9am — standup')?.seconds).toBe(hm(9, 0));
    expect(parseTimestamp('3 p.m. PT: rollback')).toMatchObject({ seconds: hm(15, 0), zone: { name: 'PT' } });
    expect(parseTimestamp('12 AM — batch starts')?.seconds).toBe(0);
    expect(parseTimestamp('9am-10:30am — window')?.rangeEnd?.seconds).toBe(hm(10, 30));
    // Not an hour of a 12-hour clock, or not a meridiem.
    expect(parseTimestamp('13pm — x')).toBeNull();
    expect(parseTimestamp('10 amps drawn')).toBeNull();
  });

  it('reads a clock written with a full stop only with its am/pm or Uhr', () => {
    expect(parseTimestamp('9.05am — gateway starts declining')).toMatchObject({ seconds: hm(9, 5), end: 6 });
    expect(parseTimestamp('10.40 p.m. — resolved')?.seconds).toBe(hm(22, 40));
    expect(parseTimestamp('2026-03-13 9.05am — x')?.seconds).toBe(hm(9, 5));
    expect(parseTimestamp('14.05 Uhr: Störung behoben')?.seconds).toBe(hm(14, 5));
    // A number, a version or a one-digit minute is no clock.
    expect(parseTimestamp('9.05 was the rate')).toBeNull();
    expect(parseTimestamp('1.5 am')).toBeNull();
    expect(parseTimestamp('13.30pm — x')?.invalid).toBe('13:30 PM mixes 24-hour and 12-hour notation (expected 13:30 or 1:30 PM)');
  });

  it('reads "9h30" as a clock before a zone, or in a document that opens its entries so', () => {
    expect(parseTimestamp('9h30 — relay queue grows')).toBeNull();
    expect(parseTimestamp('9h30 CEST — relay queue grows')?.seconds).toBe(hm(9, 30));
    expect(parseTimestamp('9h30 — relay queue grows', { hourClocks: true })?.seconds).toBe(hm(9, 30));
    expect(writesHourClocks('- 9h30 — a\n- 10h05 — b\n')).toBe(true);
    expect(writesHourClocks('| **9h30** | a |\n| 10h05 | b |\n')).toBe(true);
    // After a date, or as a heading.
    expect(writesHourClocks('| 2021-12-13   09h15 | a |\n| 2021-12-13   11h45 | b |\n')).toBe(true);
    expect(writesHourClocks('### 14h43\n\nA.\n\n### 15h10\n\nB.\n')).toBe(true);
    expect(writesHourClocks('*2023-01-04 05h16*: a\n\n*13.03.2026 06h20*: b\n')).toBe(true);
    // One such line, or durations ("2h30m"), say nothing.
    expect(writesHourClocks('- 9h30 — a\n- took 2h30 more\n- 2h30m later\n')).toBe(false);
  });

  it('reads a clock as a duration only where the whole value is one', () => {
    expect(readClockDuration('1:23 (hh:mm)')).toMatchObject({ seconds: 4980, text: '1:23', approximate: false });
    expect(readClockDuration(' ~01:23:10 ')).toMatchObject({ seconds: 4990, text: '01:23:10', approximate: true });
    expect(readClockDuration('14:02 to 15:25')).toBeNull();
    expect(readClockDuration('1:75')).toBeNull();
    // Hours and their minutes as French and German teams write a length: "1h30", "~2 h 05".
    expect(readClockDuration('1h30')).toMatchObject({ seconds: 5400, text: '1h30', approximate: false });
    expect(readClockDuration('~2 h 05')).toMatchObject({ seconds: 7500, text: '2 h 05', start: 1, approximate: true });
    expect(readClockDuration('1h3')).toBeNull();
    expect(readClockDuration('1h75')).toBeNull();
  });

  it('finds ranges of clock times', () => {
    const [range] = findTimeRanges('Complete outage: 47 minutes (14:23-15:10 UTC)');
    expect(range).toMatchObject({ from: { seconds: hm(14, 23) }, to: { seconds: hm(15, 10) }, toZone: { name: 'UTC' } });
    expect(findTimeRanges('10:15 UTC ~ 11:02 UTC (47 minutes)')).toHaveLength(1);
    expect(findTimeRanges('between 14:02 and 14:40 UTC')).toHaveLength(1);
    expect(findTimeRanges('14:02 and 14:40')).toHaveLength(0);
    // A range opened by "between" or "from" starts there for what quotes it; its clocks start at the first time.
    expect(findTimeRanges('for 50 minutes between 09:12 and 10:02')[0]).toMatchObject({ openingStart: 15, start: 23 });
    expect(findTimeRanges('47 minutes (14:23-15:10 UTC)')[0]).toMatchObject({ openingStart: 12, start: 12 });
  });

  it('formats durations for messages', () => {
    expect(formatDuration(68)).toBe('1 minute 8 seconds');
    expect(formatDuration(3900)).toBe('1 hour 5 minutes');
    expect(formatDuration(0)).toBe('0 seconds');
  });
});

describe('timelines', () => {
  const timelines = (text: string, path?: string) => new PostmortemDocument(text, { path }).timelines;

  it('finds a table by its time column, with the zone of its header', () => {
    const [timeline] = timelines('# X\n\n## Notes\n\n| Time (CET) | Event |\n|---|---|\n| 10:00 | a |\n| 10:05 | b |\n');
    expect(timeline).toMatchObject({ source: 'table', zone: { name: 'CET' } });
    expect(timeline!.entries.map((entry) => [entry.raw, entry.text, entry.span.start.line, entry.span.start.column])).toEqual([
      ['10:00', 'a', 7, 3],
      ['10:05', 'b', 8, 3],
    ]);
    // A date and a time in cells of their own: the stamp as a reader says it.
    const [split] = timelines('# X\n\n## Timeline\n\n| Date | Time (PST) | Event |\n|---|---|---|\n| Nov 3 | 9:02 AM | alert |\n| Nov 3 | 9:10 AM | ack |\n');
    expect(split!.entries.map((entry) => entry.raw)).toEqual(['Nov 3 9:02 AM', 'Nov 3 9:10 AM']);
  });

  it('finds a table whose column of times comes after others, with the day column before it', () => {
    const [steps] = timelines('# X\n\n## Exploit\n\n| Step | Block | Time (UTC) | Tx |\n|---|---|---|---|\n| Deposit | 19,448,201 | 14:02:11 | 0x9f3c |\n| Redeem | 19,448,212 | 14:04:25 | 0x44de |\n');
    expect(steps).toMatchObject({ source: 'table', zone: { name: 'UTC' } });
    expect(steps!.entries.map((entry) => [entry.raw, entry.text, entry.span.start.column])).toEqual([
      ['14:02:11', 'Deposit | 19,448,201 | 0x9f3c', 26],
      ['14:04:25', 'Redeem | 19,448,212 | 0x44de', 25],
    ]);
    const [days] = timelines('# X\n\n## Timeline\n\n| # | Day | Time (UTC) | Event |\n|---|---|---|---|\n| 1 | 2025-03-12 | 20:25 | cause found |\n| 2 | 2025-03-13 | 11:25 | fix announced |\n');
    expect(days!.entries.map((entry) => [entry.raw, entry.date])).toEqual([
      ['2025-03-12 20:25', { year: 2025, month: 3, day: 12 }],
      ['2025-03-13 11:25', { year: 2025, month: 3, day: 13 }],
    ]);
    // Outside a timeline section, only beside a column of what happened; never a column of elapsed times.
    expect(timelines('# X\n\n## Phases\n\n| Phase | Time |\n|---|---|\n| Detect | 00:04 |\n| Resolve | 00:20 |\n')).toEqual([]);
    expect(timelines('# X\n\n## Timeline\n\n| Phase | Time (hh:mm) |\n|---|---|\n| Detect | 00:04 |\n| Resolve | 00:20 |\n')).toEqual([]);
  });

  it('does not read a revision-history table outside a timeline section as a timeline', () => {
    expect(timelines('# X\n\n## History\n\n| Date | Change |\n|---|---|\n| 2026-02-10 | b |\n| 2026-02-03 | a |\n')).toEqual([]);
  });

  it('reads lists in timeline sections with day context from date headings', () => {
    const found = timelines('# X\n\n## Timeline\n\n### 2021-03-05\n\n* `23:27` - alert\n\n### 2021-03-06\n\n* `00:28` - diagnosis\n* ~`01:30` - filtered\n');
    expect(found).toHaveLength(2);
    expect(found[1]!.entries[0]).toMatchObject({ raw: '00:28', date: { year: 2021, month: 3, day: 6 }, dateSource: 'context', text: 'diagnosis' });
    expect(found[1]!.entries[1]).toMatchObject({ raw: '01:30', approximate: true });
  });

  it('needs two clock times to read a list outside a timeline section as a timeline', () => {
    expect(timelines('# X\n\n## Response\n\n- 14:00 one thing\n- another thing\n')).toEqual([]);
    expect(timelines('# X\n\n## Response\n\n- 14:00 one\n- 14:05 two\n')).toHaveLength(1);
  });

  it('reads paragraph lines and headings of a timeline section as one sequence, and skips code blocks', () => {
    const [timeline] = timelines(
      '# X\n\n## Timeline\n\n**2026-02-12T11:14:58Z** - start\n\n**2026-02-12T11:16:10Z** (+1m 8s) - warning\ncontinued here\n\n### 11:20\n\n```\n11:00 - log line\n```\n',
    );
    expect(timeline!.source).toBe('section');
    expect(timeline!.entries.map((entry) => [entry.source, entry.raw, entry.relativeSeconds])).toEqual([
      ['line', '2026-02-12T11:14:58Z', null],
      ['line', '2026-02-12T11:16:10Z', 68],
      ['heading', '11:20', null],
    ]);
    expect(timeline!.entries[1]!.text).toBe('warning continued here');
    expect(timeline!.entries[2]!.date).toEqual({ year: 2026, month: 2, day: 12 });
  });

  it('takes the document zone and date for undated entries', () => {
    const [timeline] = timelines('# Outage\n\n**Date:** 2026-03-30\n\nAll times UTC.\n\n## Timeline\n\n- 14:02 alert\n');
    expect(timeline!.entries[0]).toMatchObject({ date: { year: 2026, month: 3, day: 30 }, dateSource: 'document', effectiveZone: { name: 'UTC' } });
  });

  it('places entries across midnight and month-days across the new year', () => {
    const [night] = timelines('# X\n\n## Timeline\n\n- 23:55 a\n- 00:10 b\n');
    const placed = placeEntries(night!);
    expect(placed[1]!.crossedMidnight).toBe(true);
    expect(placed[1]!.instant - placed[0]!.instant).toBe(15 * 60);
    const [year] = timelines('# X\n\n## Timeline\n\n- [12-31 23:58] a\n- [01-01 00:10] b\n');
    const wrapped = placeEntries(year!);
    expect(wrapped[1]!.instant - wrapped[0]!.instant).toBe(12 * 60);
  });

  it('places an entry that says "(next day)" on the day after the one before it', () => {
    const [timeline] = timelines('# X\n\n## Timeline\n\n- 5:24p errors stop\n- 11:40a (next day) — review\n- 2:00p review notes out\n');
    expect(timeline!.entries.map((entry) => [entry.seconds, entry.nextDay])).toEqual([[17 * 3600 + 24 * 60, false], [11 * 3600 + 40 * 60, true], [14 * 3600, false]]);
    const placed = placeEntries(timeline!);
    expect(placed[1]!.instant - placed[0]!.instant).toBe(18 * 3600 + 16 * 60);
    expect(placed[2]!.instant - placed[1]!.instant).toBe(2 * 3600 + 20 * 60);
    // Only as a note opening the entry's words: "fix planned for the next day" is what happened.
    const [said] = timelines('# X\n\n## Timeline\n\n- 5:24p errors stop\n- 11:40a review, fix planned for the next day\n');
    expect(said!.entries[1]!.nextDay).toBe(false);
  });

  it('places an entry marked "(+1d)" on the day after the timeline\'s first, not 24 hours after the entry before', () => {
    const [timeline] = timelines('# X\n\n## Timeline\n\n- 23:50 alert fires\n- 00:10 (+1d) failover started\n- 14:30 (+1 day) resolved\n- 09:00 (+2d) review\n');
    expect(timeline!.entries.map((entry) => [entry.dayOffset, entry.relativeSeconds])).toEqual([[null, null], [1, null], [1, null], [2, null]]);
    const placed = placeEntries(timeline!);
    expect(placed.map((entry) => entry.instant - placed[0]!.instant)).toEqual([0, 20 * 60, 14 * 3600 + 40 * 60, 33 * 3600 + 10 * 60]);
    // Any other unit is a length: "(+1m 8s)", "(+24h)".
    expect(parseTimestamp('11:16:10Z (+24h) second run')).toMatchObject({ relativeSeconds: 86400, dayOffset: null });
  });

  it('infers am or pm only beside an entry in the same zone', () => {
    const [same] = timelines('# X\n\n## Timeline\n\n- 2:20 PM UTC deploy\n- 3:50 UTC alert\n');
    expect(same!.entries[1]!.seconds).toBe(15 * 3600 + 50 * 60);
    const [zoned] = timelines('# X\n\n## Timeline\n\n- 9:05 AM IST failures\n- 3:50 UTC alert\n');
    expect(zoned!.entries[1]!.seconds).toBe(3 * 3600 + 50 * 60);
  });

  it('does not order two zones when one has no known offset', () => {
    const [timeline] = timelines('# X\n\n## Timeline\n\n- 09:05 IST failures\n- 03:50 UTC alert\n- 03:55 UTC page\n');
    const placed = placeEntries(timeline!);
    expect(isBefore(placed[1]!, placed[0]!)).toBe(false);
    expect(isBefore(placed[2]!, placed[1]!)).toBe(false);
    expect(isBefore(placed[1]!, placed[2]!)).toBe(true);
  });

  it('compares entries in different zones through their offsets', () => {
    const [timeline] = timelines('# X\n\n## Timeline\n\n- 10:00 UTC a\n- 11:30 CET b\n');
    const placed = placeEntries(timeline!);
    expect(placed[1]!.instant - placed[0]!.instant).toBe(30 * 60);
  });
});
