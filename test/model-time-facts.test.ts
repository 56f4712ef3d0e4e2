import { describe, expect, it } from 'vitest';
import {
  clocksAgree, zoneOffsetPairs, daylightZoneOutOfSeason, entryMilestones, entryMilestoneStatements, entryTextDates, findDates, findDurations, findMisspelledMonths, findMonthsWithoutDay, findTimestamps,
  findWeekdayDates, numericDateOrder, parseDate, parsePeriod, parseTimestamp, placeEntries, PostmortemDocument, type Timeline,
} from '../src/model/index.js';
import { expectLinearGrowth } from './helpers/linear.js';

const hm = (hours: number, minutes: number, seconds = 0) => hours * 3600 + minutes * 60 + seconds;
const doc = (text: string, path?: string) => new PostmortemDocument(text, { path });

/** The parts of a parsed timestamp that tests compare. */
function parsed(text: string) {
  const result = parseTimestamp(text);
  if (!result) return null;
  return {
    time: text.slice(result.start, result.end),
    date: result.date,
    seconds: result.seconds,
    zone: result.zone?.name ?? null,
    rangeEnd: result.rangeEnd?.seconds ?? null,
    secondClock: result.secondClock ? [result.secondClock.clock.seconds, result.secondClock.zone.name] : null,
    offsetSeconds: result.offsetSeconds,
    invalid: result.invalid,
    rest: text.slice(result.rest),
  };
}

describe('parseTimestamp: forms of issue 12', () => {
  it.each([
    ['Feb 7 1506 UTC: patch agreed', { time: 'Feb 7 1506 UTC', date: { year: null, month: 2, day: 7 }, seconds: hm(15, 6), zone: 'UTC', rest: 'patch agreed' }],
    ['Feb 9 1924 UTC: report', { date: { year: null, month: 2, day: 9 }, seconds: hm(19, 24) }],
    ['1936 UTC: v22.0.1 released', { time: '1936 UTC', date: null, seconds: hm(19, 36), zone: 'UTC', rest: 'v22.0.1 released' }],
    ['Sep 27 2017 13:06 deploy', { date: { year: 2017, month: 9, day: 27 }, seconds: hm(13, 6) }],
    ['2023-01-04/11:34: informed', { time: '2023-01-04/11:34', date: { year: 2023, month: 1, day: 4 }, seconds: hm(11, 34), rest: 'informed' }],
    ['2026-02-09_11:00 closed', { date: { year: 2026, month: 2, day: 9 }, seconds: hm(11, 0), rest: 'closed' }],
    ['23:35:26~23:36:50 - No blocks', { time: '23:35:26', seconds: hm(23, 35, 26), rangeEnd: hm(23, 36, 50), rest: 'No blocks' }],
    ['10:02:10-10:02:14 UTC burst', { time: '10:02:10', seconds: hm(10, 2, 10), zone: null, rangeEnd: hm(10, 2, 14), rest: 'burst' }],
    ['3:05-3:20 PM second burst', { seconds: hm(15, 5), rangeEnd: hm(15, 20) }],
    ['11:30-12:15 PM standup', { seconds: hm(11, 30), rangeEnd: hm(12, 15) }],
    ['10:15 PM - 10:45 rollback', { seconds: hm(22, 15), rangeEnd: hm(22, 45) }],
    ['11:40 PM-12:20 AM window', { seconds: hm(23, 40), rangeEnd: hm(0, 20) }],
    ['14:00 UTC / 07:00 PDT paused', { time: '14:00 UTC', zone: 'UTC', secondClock: [hm(7, 0), 'PDT'], rest: 'paused' }],
    ['12:48 (6:48 PDT): last block', { time: '12:48', secondClock: [hm(6, 48), 'PDT'], rest: 'last block' }],
    ['2024-03-17 10h47 CEST alert', { time: '2024-03-17 10h47 CEST', seconds: hm(10, 47), zone: 'CEST' }],
    ['T+5m error rate doubles', { time: 'T+5m', seconds: null, offsetSeconds: 300, rest: 'error rate doubles' }],
    ['T+0 flag on', { offsetSeconds: 0 }],
    ['T-30m freeze', { offsetSeconds: -1800 }],
    ['[+2 h] fix reviewed', { time: '+2 h', offsetSeconds: 7200, rest: 'fix reviewed' }],
    ['T+00:35 rollback', { time: 'T+00:35', seconds: null, offsetSeconds: 2100, rest: 'rollback' }],
    ['T-1:10:30 change merged', { time: 'T-1:10:30', offsetSeconds: -4230 }],
  ])('%s', (text, expected) => {
    expect(parsed(text)).toMatchObject({ invalid: null, ...expected });
  });

  it('keeps look-alikes possible or unknown', () => {
    expect(parseTimestamp('2X:XX (not sure)')).toMatchObject({ unknown: true, invalid: null });
    expect(parseTimestamp('00:2X removed')).toMatchObject({ unknown: true, invalid: null });
    expect(parseTimestamp('24:00 batch')?.invalid).toBeNull();
    expect(parseTimestamp('1:1 with the queue owner')).toBeNull();
    expect(parseTimestamp('11:14:58-07:00 deploy')).toMatchObject({ zone: { name: 'UTC-07:00', offsetMinutes: -420 }, rangeEnd: null });
  });

  it('finds timestamps inside a sentence, with approximation read before them', () => {
    const found = findTimestamps('Paged on-call 2026-03-04 09:29, then at approximately 1:00 PM ET.');
    expect(found.map((stamp) => [stamp.seconds, stamp.date, stamp.approximate, stamp.zone?.name ?? null])).toEqual([
      [hm(9, 29), { year: 2026, month: 3, day: 4 }, false, null],
      [hm(13, 0), null, true, 'ET'],
    ]);
  });
});

describe('zones', () => {
  const clock = (text: string) => parseTimestamp(text)!.clock!;
  it('compares two clocks through every reading of their zones', () => {
    expect(clocksAgree(clock('14:00'), { name: 'UTC', offsetMinutes: 0 }, clock('07:00'), { name: 'PDT', offsetMinutes: -420 })).toBe(true);
    expect(clocksAgree(clock('12:48'), { name: 'UTC', offsetMinutes: 0 }, clock('6:48'), { name: 'PDT', offsetMinutes: -420 })).toBe(false);
    expect(clocksAgree(clock('17:10'), { name: 'UTC', offsetMinutes: 0 }, clock('10:10'), { name: 'PT', offsetMinutes: null })).toBe(true);
    expect(clocksAgree(clock('18:10'), { name: 'UTC', offsetMinutes: 0 }, clock('10:10'), { name: 'PT', offsetMinutes: null })).toBe(true);
    expect(clocksAgree(clock('14:00'), { name: 'UTC', offsetMinutes: 0 }, clock('2:00'), { name: 'UTC', offsetMinutes: 0 })).toBe(true);
    // PT and ET are read in one season: three hours apart, never four.
    const pt = { name: 'PT', offsetMinutes: null };
    const et = { name: 'ET', offsetMinutes: null };
    expect(clocksAgree(clock('10:02 AM'), pt, clock('1:02 PM'), et)).toBe(true);
    expect(clocksAgree(clock('10:02 AM'), pt, clock('2:02 PM'), et)).toBe(false);
    expect(zoneOffsetPairs(pt, et)).toEqual([[-480, -300], [-420, -240]]);
    expect(zoneOffsetPairs(pt, { name: 'UTC', offsetMinutes: 0 })).toEqual([[-480, 0], [-420, 0]]);
  });

  it('knows when summer time is in force', () => {
    const cest = { name: 'CEST', offsetMinutes: 120 };
    expect(daylightZoneOutOfSeason(cest, { year: 2024, month: 3, day: 17 })).toBe('CET');
    expect(daylightZoneOutOfSeason(cest, { year: 2024, month: 3, day: 31 })).toBeNull();
    expect(daylightZoneOutOfSeason(cest, { year: 2024, month: 10, day: 28 })).toBe('CET');
    expect(daylightZoneOutOfSeason({ name: 'PDT', offsetMinutes: -420 }, { year: 2026, month: 3, day: 7 })).toBe('PST');
    expect(daylightZoneOutOfSeason({ name: 'PDT', offsetMinutes: -420 }, { year: 2026, month: 3, day: 8 })).toBeNull();
    expect(daylightZoneOutOfSeason({ name: 'PST', offsetMinutes: -480 }, { year: 2026, month: 7, day: 1 })).toBeNull();
  });
});

describe('dates', () => {
  it('reads day-first documents', () => {
    expect(numericDateOrder(['# x\n\n### 29-09-2021\n\n**Date**: 03/10/2021'])).toBe('dmy');
    expect(numericDateOrder(['09/29/2021 and 03/10/2021'])).toBe('mdy');
    expect(numericDateOrder(['03/10/2021 only'])).toBeNull();
    // Only ambiguous ones: the reading that agrees with the dates written another way.
    expect(numericDateOrder(['**Incident date:** 7 September 2026\n\n| 07/09/2026 | 12:02 |'])).toBe('dmy');
    expect(numericDateOrder(['| 09/07/2026 | 12:02 |', '2026-09-08-dns.md'])).toBe('mdy');
    // Both readings agree with some date, or neither does: still unknown.
    expect(numericDateOrder(['2026-07-09 and 2026-09-07, then 07/09/2026'])).toBeNull();
    expect(numericDateOrder(['March 2, 2020 and 07/09/2026'])).toBeNull();
    // Many ambiguous dates beside many other dates: linear.
    expectLinearGrowth((scale) => numericDateOrder(['| 07/09/2026 | x |\n'.repeat(2_000 * scale) + '2026-03-01 '.repeat(2_000 * scale)]), 'numericDateOrder');
    expect(findDates('03/10/2021', undefined, 'dmy')[0]?.date).toEqual({ year: 2021, month: 10, day: 3 });
    expect(findDates('03/10/2021')[0]?.date).toEqual({ year: 2021, month: 3, day: 10 });
    expect(findDates('29-09-2021')[0]?.date).toEqual({ year: 2021, month: 9, day: 29 });
  });

  it('reads a day, a month name and a year joined by one separator, as trackers export them', () => {
    expect(findDates('12/Mar/26 2:02 PM')[0]).toMatchObject({ date: { year: 2026, month: 3, day: 12 }, format: 'long', text: '12/Mar/26' });
    expect(findDates('due 31-Mar-2026.')[0]).toMatchObject({ date: { year: 2026, month: 3, day: 31 }, start: 4, end: 15 });
    // Two different separators are no date; nor is a version.
    expect(findDates('31-Mar/2026')).toEqual([]);
    expect(findDates('1.2-Mar-26')).toEqual([]);
  });

  it('reads a day and a month named in German, French, Spanish or Portuguese', () => {
    expect(findDates('am 4. März 2026')[0]).toMatchObject({ date: { year: 2026, month: 3, day: 4 }, text: '4. März 2026' });
    expect(findDates('le 4 mars 2026')[0]?.date).toEqual({ year: 2026, month: 3, day: 4 });
    expect(findDates('el 4 de marzo de 2026')[0]).toMatchObject({ date: { year: 2026, month: 3, day: 4 }, text: '4 de marzo de 2026' });
    expect(findDates('em 4 de março de 2026')[0]?.date).toEqual({ year: 2026, month: 3, day: 4 });
    expect(findDates('Mars 3 2026')).toEqual([]);
    const weekday = (text: string) => findWeekdayDates(text).map((found) => [found.weekdayText, found.weekday]);
    expect(weekday('el jueves 4 de marzo de 2026')).toEqual([['jueves', 4]]);
    expect(weekday('quarta-feira, 4 de março de 2026')).toEqual([['quarta-feira', 3]]);
    expect(weekday('dimanche 1 mars 2026')).toEqual([['dimanche', 0]]);
  });

  it('reads year, month and day written in Japanese, Chinese and Korean', () => {
    expect(findDates('発生日時：2026年3月4日（水）')[0]).toMatchObject({ date: { year: 2026, month: 3, day: 4 }, text: '2026年3月4日' });
    expect(findDates('2026년 3월 4일 14:02')[0]?.date).toEqual({ year: 2026, month: 3, day: 4 });
    expect(findDates('2026年02月30日')[0]?.valid).toBe(false);
    expect(findDates('3月4日')).toEqual([]);
    expect(parseTimestamp('2026年3月4日 14:05 JST')).toMatchObject({ date: { year: 2026, month: 3, day: 4 }, seconds: 14 * 3600 + 5 * 60 });
  });

  it('reads a whole value as a date with a weekday before it or a note in brackets after it', () => {
    expect(parseDate('Tue 31 Mar 2026')?.date).toEqual({ year: 2026, month: 3, day: 31 });
    expect(parseDate('Tuesday, 31 March 2026')?.date).toEqual({ year: 2026, month: 3, day: 31 });
    expect(parseDate('2026-03-31 (moved from 03-20)')?.date).toEqual({ year: 2026, month: 3, day: 31 });
    expect(parseDate('2026-03-31 [estimate]')?.date).toEqual({ year: 2026, month: 3, day: 31 });
    expect(parseDate('after 2026-03-31')).toBeNull();
    expect(parseDate('2026-03-31 or later')).toBeNull();
  });

  it('reads a whole value as a date after a mark that it is approximate or a deadline', () => {
    expect(parseDate('~2026-05-01')?.date).toEqual({ year: 2026, month: 5, day: 1 });
    expect(parseDate('ca. 1 May 2026')?.date).toEqual({ year: 2026, month: 5, day: 1 });
    expect(parseDate('by 2026-05-01')?.date).toEqual({ year: 2026, month: 5, day: 1 });
    expect(parseDate('not before 2026-05-01')).toBeNull();
  });

  it('reads the periods plans name instead of a day', () => {
    const april = { first: { year: 2026, month: 4, day: 1 }, last: { year: 2026, month: 6, day: 30 } };
    for (const text of ['Q2 2026', '2026-Q2', 'Q2/2026', '2Q 2026', "Q2 '26", 'by end of Q2 2026']) expect(parsePeriod(text), text).toMatchObject(april);
    expect(parsePeriod('H2 2026')).toMatchObject({ first: { month: 7, day: 1 }, last: { year: 2026, month: 12, day: 31 } });
    expect(parsePeriod('February 2028')?.last).toEqual({ year: 2028, month: 2, day: 29 });
    expect(parsePeriod('mid-April')?.last).toEqual({ year: null, month: 4, day: 30 });
    // A fiscal year's quarter has no calendar year a reader can know.
    expect(parsePeriod('Q3 FY26')?.last).toEqual({ year: null, month: 9, day: 30 });
    for (const text of ['Q5 2026', 'H3 2026', 'Sprint 14', 'next sprint', 'EOW', 'v2.4 release', 'March 31, 2026', 'Q2 2026 if staffed']) expect(parsePeriod(text), text).toBeNull();
  });

  it('finds weekdays in brackets after dates, as Japanese, Korean and Chinese write them and in the other languages', () => {
    const read = (text: string) => findWeekdayDates(text).map((found) => [found.weekday, found.weekdayText, text.slice(found.start, found.end), found.date.date]);
    expect(read('発生日時: 2026年3月14日(金) 14:05')).toEqual([[5, '金', '(金)', { year: 2026, month: 3, day: 14 }]]);
    expect(read('2026年3月14日（土曜日）')).toEqual([[6, '土曜日', '（土曜日）', { year: 2026, month: 3, day: 14 }]]);
    expect(read('2026년 3월 14일 (토요일)')).toEqual([[6, '토요일', '(토요일)', { year: 2026, month: 3, day: 14 }]]);
    expect(read('2026年3月14日（星期六）')).toEqual([[6, '星期六', '（星期六）', { year: 2026, month: 3, day: 14 }]]);
    // Not a weekday: a note in brackets, a month name.
    expect(read('2026年3月14日（予定）, 2026年3月14日(月次)')).toEqual([]);
    // A weekday named in brackets after a date, in the languages read before one.
    expect(read('2026-04-03 (Thursday), 4 March 2026 (Wed.), 3. April 2026 (Freitag)')).toEqual([
      [4, 'Thursday', '(Thursday)', { year: 2026, month: 4, day: 3 }],
      [3, 'Wed', '(Wed.)', { year: 2026, month: 3, day: 4 }],
      [5, 'Freitag', '(Freitag)', { year: 2026, month: 4, day: 3 }],
    ]);
  });

  it('finds weekdays written before dates, with the other reading of an ambiguous one', () => {
    expect(findWeekdayDates('On Sunday, 2023-10-14 and Fri 6 March 2026, but sat 2026-03-07 is a verb.').map((found) => [found.weekday, found.weekdayText, found.date.date])).toEqual([
      [0, 'Sunday', { year: 2023, month: 10, day: 14 }],
      [5, 'Fri', { year: 2026, month: 3, day: 6 }],
    ]);
    expect(findWeekdayDates('Saturday 07/03/2026')[0]?.alternative).toEqual({ year: 2026, month: 3, day: 7 });
  });

  it('finds misspelled months and months without a day, and leaves foreign names alone', () => {
    expect(findMisspelledMonths('On Tuesday Auguest 15 2023, Septmber 16 2026, eb-04-2021, Juni 5 2020, Mai 3 2021').map((found) => [found.text, found.month])).toEqual([
      ['Auguest 15 2023', 'August'],
      ['Septmber 16 2026', 'September'],
      ['eb-04-2021', 'February'],
    ]);
    expect(findMonthsWithoutDay('On March, Dave noticed it. On March 5, it broke.').map((found) => found.text)).toEqual(['On March']);
  });

  it('reads durations in words, hyphens and clock notation', () => {
    const read = (text: string) => findDurations(text).map((found) => [found.text, found.seconds, found.unitSeconds, found.approximate, found.boundKind]);
    expect(read('This effect lasted approximately nine hours')).toEqual([['nine hours', 32400, 3600, true, null]]);
    expect(read('a 5-minute outage')).toEqual([['5-minute', 300, 60, false, null]]);
    expect(read('for half an hour, then under an hour')).toEqual([['half an hour', 1800, 3600, false, null], ['an hour', 3600, 3600, false, 'most']]);
    expect(read('slow from 10:05 to 12:10 UTC (02:05h)')).toEqual([['02:05h', 7500, 60, false, null]]);
    expect(read('41h 12m')).toEqual([['41h 12m', 148320, 60, false, null]]);
    expect(read('1 hour and 5 minutes')).toEqual([['1 hour and 5 minutes', 3900, 60, false, null]]);
  });
});

describe('timelines', () => {
  const entriesOf = (timeline: Timeline) => timeline.entries.map((entry) => [entry.raw, entry.seconds, entry.labelFirst, entry.milestone]);

  it('reads label-first entries in a timeline section', () => {
    const [timeline] = doc('# X\n\n## Timeline (UTC)\n\n- Paged on-call 2026-03-04 09:29\n- Resolved: 09:50\n- Rollback started 09:40, finished 09:52\n- Notes from the review\n').timelines;
    expect(entriesOf(timeline!)).toEqual([
      ['2026-03-04 09:29', hm(9, 29), true, null],
      ['09:50', hm(9, 50), true, 'resolved'],
      ['09:40', hm(9, 40), true, null],
    ]);
    expect(timeline!.entries[0]!.text).toBe('Paged on-call');
    expect(entryMilestones(timeline!.entries[0]!)).toEqual(['detected']);
  });

  it('takes from a list of time-first entries only the label-first items that name a milestone', () => {
    const [timeline] = doc('# X\n\n## Timeline (UTC)\n\n- 14:00 Latency alert.\n- Root cause: the deploy at 13:00 changed the shard map.\n- Resolved: 14:30\n').timelines;
    expect(entriesOf(timeline!)).toEqual([
      ['14:00', hm(14, 0), false, null],
      ['14:30', hm(14, 30), true, 'resolved'],
    ]);
  });

  it('reads a key events list as milestones, not a sequence', () => {
    const [timeline] = doc('# X\n\n## Key events\n\n- **Resolved:** 2026-05-12 16:40 UTC\n- **Detected:** 2026-05-12 11:02 UTC\n').timelines;
    expect(timeline!.kind).toBe('milestones');
    expect(timeline!.entries.map((entry) => entry.milestone)).toEqual(['resolved', 'detected']);
  });

  it('reads milestones stated as fields', () => {
    const [timeline] = doc('| Field | Value |\n|---|---|\n| **Detected** | `2021-04-16 10:44` |\n| **Resolved** | `2021-04-17 16:14` |\n').timelines;
    expect(timeline).toMatchObject({ source: 'fields', kind: 'milestones' });
    expect(timeline!.entries.map((entry) => [entry.raw, entry.milestone])).toEqual([['2021-04-16 10:44', 'detected'], ['2021-04-17 16:14', 'resolved']]);
  });

  it('reads the 12-hour clock from the entries around it', () => {
    const [timeline] = doc('# X\n\n## Timeline\n\n- 2:55pm a\n- 3:10 b\n- 11:50 c\n- 12:05am d\n').timelines;
    expect(timeline!.entries.map((entry) => [entry.seconds, entry.meridiem, entry.meridiemInferred])).toEqual([
      [hm(14, 55), 'pm', false],
      [hm(15, 10), 'pm', true],
      [hm(23, 50), 'pm', true],
      [hm(0, 5), 'am', false],
    ]);
    const [twentyFour] = doc('# X\n\n## Timeline\n\n- 9:00am a\n- 13:00 b\n- 3:10 c\n').timelines;
    expect(twentyFour!.entries[2]!.meridiemInferred).toBe(false);
  });

  it('reads ranges as a reader does and marks the ones that end before they start', () => {
    const [timeline] = doc('# X\n\n## Timeline\n\n- 13:20-1:05 paused\n- 15:00 resumed\n- 10:15 PM – 9:45 PM burst, under an hour\n- 23:40-00:20 window\n- 23:50 done\n').timelines;
    expect(timeline!.entries.map((entry) => [entry.rangeEndSeconds, entry.rangeBackwards, entry.rangeEndRaw])).toEqual([
      [null, true, '1:05'],
      [null, false, null],
      [null, true, '9:45 PM'],
      [hm(24, 20), false, '00:20'],
      [null, false, null],
    ]);
  });

  it('compares a second clock and names a zone out of season', () => {
    const [timeline] = doc('# X\n\n## Timeline (UTC)\n\n- 12:48 (6:48 PDT) a\n- 13:10 (6:10 PDT) b\n\n## Later\n\n- 2026-01-20 08:10 CEST x\n- 2026-01-20 08:20 CEST y\n').timelines;
    expect(timeline!.entries.map((entry) => [entry.secondClock?.raw, entry.secondClock?.agrees])).toEqual([['6:48 PDT', false], ['6:10 PDT', true]]);
    const [, winter] = doc('# X\n\n## Timeline (UTC)\n\n- 12:48 a\n\n## Timeline\n\n- 2026-01-20 08:10 CEST x\n- 2026-01-20 08:20 CEST y\n').timelines;
    expect(winter!.entries.map((entry) => entry.zoneOutOfSeason)).toEqual(['CET', 'CET']);
  });

  it('places offsets from a stated anchor, else among themselves', () => {
    const [anchored] = doc('# X\n\n## Timeline (offsets from the flag change at 10:00 UTC)\n\n- T+0 a\n- T+5m b\n').timelines;
    expect(anchored!.anchorSeconds).toBe(hm(10, 0));
    expect(placeEntries(anchored!).map((entry) => [entry.clock, entry.instant % 86400])).toEqual([['absolute', hm(10, 0)], ['absolute', hm(10, 5)]]);
    const [loose] = doc('# X\n\n## Timeline\n\n- T+0 a\n- T+5m b\n- 13:01 c\n').timelines;
    expect(placeEntries(loose!).map((entry) => [entry.clock, entry.instant % 86400])).toEqual([['offset', 0], ['offset', 300], ['absolute', hm(13, 1)]]);
  });

  it('fills the year of a month-day from the nearest year, backwards too', () => {
    const [timeline] = doc('# X\n\n**Date:** 2026-02-14\n\n## Timeline\n\n- 11-28 16:00 a\n- 01-05 10:00 b\n- 02-14 06:00 c\n').timelines;
    expect(timeline!.entries.map((entry) => entry.date)).toEqual([
      { year: 2025, month: 11, day: 28 },
      { year: 2026, month: 1, day: 5 },
      { year: 2026, month: 2, day: 14 },
    ]);
  });

  it('reads dates in what an entry says and a period in its heading', () => {
    const [timeline] = doc('# X\n\n## Timeline 2021-04-10 - 2021-04-20\n\n### 2021-04-17\n\n* `16:14` - SN confirms Elan 2012-04-17 is clean\n').timelines;
    expect(timeline!.period).toMatchObject({ from: { year: 2021, month: 4, day: 10 }, to: { year: 2021, month: 4, day: 20 } });
    expect(entryTextDates(timeline!.entries[0]!).map((found) => [found.text, found.span.start.line, found.span.start.column])).toEqual([['2012-04-17', 7, 30]]);
  });

  it('takes the day of a heading or date line from after its day number and weekday', () => {
    const { timelines } = doc(
      '# X\n\n**Date:** 2026-03-09\n\n## Timeline\n\n### Day 1 — Monday 9 March\n\n- 08:00 a\n\n### Tuesday, March 10\n\n- 09:00 b\n\nDay 3 (2026-03-11)\n\n- 10:05 c\n\n### Day 4 - the queue drains\n\n- 17:30 d\n',
    );
    const entries = timelines.flatMap((timeline) => timeline.entries);
    expect(entries.map((entry) => [entry.date, entry.dateSpan?.start.line, entry.dateSpan?.start.column])).toEqual([
      [{ year: 2026, month: 3, day: 9 }, 7, 20],
      [{ year: 2026, month: 3, day: 10 }, 11, 5],
      [{ year: 2026, month: 3, day: 11 }, 15, 8],
      [{ year: 2026, month: 3, day: 11 }, 15, 8],
    ]);
  });

  it('reads a timeline told newest first, by its steps or its title, and places it from its last entry', () => {
    const newest = (title: string, times: string[]) => doc(`# X\n\n## ${title}\n\n${times.map((time) => `- ${time} event`).join('\n')}\n`).timelines[0]!;
    expect(newest('Timeline', ['09:50', '09:35', '09:18', '09:12']).newestFirst).toBe(true);
    expect(newest('Timeline', ['09:50', '09:35']).newestFirst).toBe(false);
    expect(newest('Timeline', ['09:12', '09:18', '09:10', '09:50']).newestFirst).toBe(false);
    expect(newest('Timeline', ['23:50', '00:10', '00:30']).newestFirst).toBe(false);
    expect(newest('Updates (newest first)', ['14:32', '14:05', '14:15', '13:27']).newestFirst).toBe(true);
    expect(newest('Updates', ['14:32', '14:05', '14:15', '13:27']).newestFirst).toBe(false);
    const placed = placeEntries(newest('Timeline', ['09:50', '09:35', '09:18', '09:12']));
    expect(placed.map((entry) => entry.entry.raw)).toEqual(['09:12', '09:18', '09:35', '09:50']);
  });

  it('gives a heading entry the prose under it', () => {
    const [timeline] = doc('# X\n\n## Timeline\n\n### 14:35\n\nMembers notice the drop.\n\n### 18:00\n\nTraffic returns to normal.\n').timelines;
    expect(timeline!.entries.map((entry) => [entry.text, entryMilestones(entry)])).toEqual([['Members notice the drop.', ['detected']], ['Traffic returns to normal.', ['resolved']]]);
  });

  it('reads a return to baseline as the resolution', () => {
    const [timeline] = doc('# X\n\n## Timeline\n\n- 13:58 Flag enabled\n- 14:45 Flag disabled; errors back to baseline\n- 15:00 Latency returns to pre-incident levels\n').timelines;
    expect(timeline!.entries.map((entry) => entryMilestones(entry))).toEqual([[], ['resolved'], ['resolved']]);
  });

  it('reads a drained backlog and a replica caught up as the resolution, and first errors or reports as the start', () => {
    const [timeline] = doc(
      '# X\n\n## Timeline\n\n- 10:02 First 502 responses observed\n- 10:05 Lag passes 5 minutes; first customer reports\n- 10:40 Replica caught up\n- 10:50 Backlog drained; index current\n',
    ).timelines;
    expect(timeline!.entries.map((entry) => entryMilestones(entry))).toEqual([['started'], ['started', 'detected'], ['resolved'], ['resolved']]);
  });

  it('reads a chain that halts as the start and one that resumes as the resolution, not a rollout halted', () => {
    const [timeline] = doc(
      '# X\n\n## Timeline\n\n- 14:32 Block 4,131,575 fails to reach consensus; chain halts\n- 15:00 We halted the rollout\n- 17:05 Block 4,131,576 committed; chain resumes\n',
    ).timelines;
    expect(timeline!.entries.map((entry) => entryMilestones(entry))).toEqual([['started'], [], ['resolved']]);
  });

  it('reads a page sent to a person as detection, and a revert proposed or decided as no mitigation yet', () => {
    const [timeline] = doc(
      '# X\n\n## Timeline\n\n- 14:06 PagerDuty pages the on-call SRE\n- 14:10 Status pages updated\n- 14:31 Revert MR !4415 opened\n- 14:35 Opened a rollback PR\n- 14:47 Revert deployed\n',
    ).timelines;
    expect(timeline!.entries.map((entry) => entryMilestones(entry))).toEqual([['detected'], [], [], [], ['mitigated']]);
    const [decided] = doc('# X\n\n## Timeline\n\n- 13:40 Decision to fail over to the DR site\n- 13:50 Team agreed to roll back\n- 14:20 Failover complete\n').timelines;
    expect(decided!.entries.map((entry) => entryMilestones(entry))).toEqual([[], [], ['mitigated']]);
  });

  it('classifies an alert as detection, never mitigation; acknowledging the page is no second detection', () => {
    const [timeline] = doc('# X\n\n## Timeline\n\n- 13:10 Alert fires for pod restarts.\n- 13:13 Engineer acknowledges the page.\n- 13:45 Mitigated: traffic shifted.\n').timelines;
    expect(timeline!.entries.map((entry) => entryMilestones(entry))).toEqual([['detected'], ['acknowledged'], ['mitigated']]);
  });

  it('reads no detection where the words say nothing alerted or noticed', () => {
    const [timeline] = doc(
      '# X\n\n## Timeline\n\n- 08:05 Lag crosses 1M messages; no alert (threshold is 5M)\n- 08:30 No alert fired for the replica\n- 08:40 The page did not fire\n- 08:50 Errors went unnoticed\n- 09:12 Finance reports stale numbers\n',
    ).timelines;
    expect(timeline!.entries.map((entry) => entryMilestones(entry))).toEqual([[], [], [], [], ['detected']]);
  });

  it('reads what a label names and what the words say: "Paged: …" is the acknowledgement and the detection', () => {
    const [timeline] = doc('# X\n\n## Timeline\n\n- 08:10 Resolvers fail\n- 08:12 Paged: DNS error budget burning\n').timelines;
    expect(timeline!.entries[1]!.milestone).toBe('acknowledged');
    expect(entryMilestones(timeline!.entries[1]!)).toEqual(['detected', 'acknowledged']);
  });

  it('reads no action that was not taken or did not work, no report that all is well, and marks a resolution in part', () => {
    const [timeline] = doc(
      '# X\n\n## Timeline\n\n' +
        '- 02:14 Merge fails; the scheduler wrapper reports success\n' +
        '- 03:00 Unable to scale up the cluster\n' +
        '- 03:10 Tried to restart the workers\n' +
        '- 03:20 Status page updated\n' +
        '- 04:00 Service partially restored\n' +
        '- 04:30 Ops thinks it would resolve by itself\n' +
        '- 05:00 Restart does not help. Deploy rolled back.\n' +
        '- 06:00 First cluster recovered; all clusters recovered\n',
    ).timelines;
    expect(timeline!.entries.map((entry) => entryMilestoneStatements(entry))).toEqual([
      [],
      [],
      [],
      [],
      [{ milestone: 'resolved', partial: true }],
      [],
      [{ milestone: 'mitigated', partial: false }],
      [{ milestone: 'resolved', partial: false }],
    ]);
  });

  it('reads each clause of an entry on its own: an alert that fires as the impact begins is both', () => {
    const [timeline] = doc('# X\n\n## Timeline\n\n- 14:02 Error-rate alert fires for the API; impact begins\n- 14:05 Alert fires — pods restarted\n').timelines;
    expect(timeline!.entries.map((entry) => entryMilestones(entry))).toEqual([['started', 'detected'], ['detected', 'mitigated']]);
  });
});

describe('incidents', () => {
  const text = '# Log\n\n## Incident #2: B\n\n**Date:** 2026/04/07\n\n### Timeline\n\n- 06:00 a\n- 06:25 b\n\n## Incident #1: A\n\n**Date:** 2026/02/11\n\n### Timeline\n\n- 13:15 c\n';
  it('finds sibling sections with their own date and timeline', () => {
    const document = doc(text);
    expect(document.incidents.map((incident) => [incident.section.title, incident.number, incident.date, incident.dateSpan?.start.line])).toEqual([
      ['Incident #2: B', 2, { year: 2026, month: 4, day: 7 }, 5],
      ['Incident #1: A', 1, { year: 2026, month: 2, day: 11 }, 14],
    ]);
    expect(document.timelines.map((timeline) => [timeline.incident?.number, timeline.entries[0]!.date])).toEqual([
      [2, { year: 2026, month: 4, day: 7 }],
      [1, { year: 2026, month: 2, day: 11 }],
    ]);
  });

  it('finds none in a document about one incident', () => {
    expect(doc('# X\n\n**Date:** 2026-01-01\n\n## Timeline\n\n- 10:00 a\n\n## Action items\n\n- Date: 2026-02-01 review\n').incidents).toEqual([]);
  });
});

describe('incident date sources', () => {
  const sources = (text: string, path?: string) =>
    doc(text, path).incidentDateSources.map((source) => [source.source, source.date, source.span?.start.line ?? null, source.until ?? null]);

  it('reads a date heading, the lead sentence and the file name', () => {
    expect(sources('# Outage\n\n## Date\n\n2026-11-21\n\n## Summary\n\nOn 3 November, x broke for a while.\n', 'docs/11-15-2026-api.md')).toEqual([
      ['date-heading', { year: 2026, month: 11, day: 21 }, 5, null],
      ['lead-sentence', { year: 2026, month: 11, day: 3 }, 9, null],
      ['file-name', { year: 2026, month: 11, day: 15 }, null, null],
    ]);
  });

  it('takes a front matter date a few days after the stated one for the post, not the incident', () => {
    const post = (date: string) => `---\ntitle: "The November outage"\ndate: ${date}\n---\n\nOn November 14, 2026, the API was down for 52 minutes.\n`;
    expect(sources(post('2026-11-20'), 'blog-src/2026-11-20-outage.md')).toEqual([['lead-sentence', { year: 2026, month: 11, day: 14 }, 6, null]]);
    // Before the stated date, or months after it, the front matter contradicts the text.
    expect(sources(post('2026-11-10')).map(([source]) => source)).toEqual(['metadata', 'lead-sentence']);
    expect(sources(post('2027-03-01')).map(([source]) => source)).toEqual(['metadata', 'lead-sentence']);
  });

  it('reads a range in the lead sentence and the front-matter title', () => {
    expect(sources('---\ntitle: "Portal down (08.04.2025)"\n---\n\nOn June 14-15, 2025, the cluster lost its storage for a day.\n')).toEqual([
      ['title', { year: 2025, month: 4, day: 8 }, 2, null],
      ['lead-sentence', { year: 2025, month: 6, day: 14 }, 5, { year: 2025, month: 6, day: 15 }],
    ]);
  });

  it('leaves out a file name that is a publication date', () => {
    const ended = '---\ndate: 2026-05-04T09:10:00+02:00\nresolvedWhen: 2026-05-04T13:45:00+02:00\n---\n\nWorkers stopped.\n';
    expect(sources(ended, 'issues/2026-05-20-workers.md').map((source) => source[0])).toEqual(['metadata']);
    expect(sources('# Fix\n\nText here.\n', 'reports/incident_report_patch_fix_16_dec.md')).toEqual([]);
    expect(sources('---\nauthors: [a]\ntags: [b]\n---\n\n# X\n\nOn September 9, 2021 we found it out.\n', 'site/2021-09-24-x.md').map((source) => source[0])).toEqual(['lead-sentence']);
  });
});

describe('prose dates', () => {
  it('gives a weekday date without a year the incident year, else the timeline year', () => {
    const weekdays = (text: string) => doc(text).proseDates.weekdays.map((found) => [found.text, found.date, found.matches]);
    expect(weekdays('# X\n\n**Date:** 2023-10-14\n\nOn Sunday, October 15, the connections churned.\n')).toEqual([
      ['Sunday, October 15', { year: 2023, month: 10, day: 15 }, true],
    ]);
    expect(weekdays('# X\n\nOn Saturday, October 15, the connections churned.\n\n## Timeline\n\n- 2023-10-14 10:00 a\n')).toEqual([
      ['Saturday, October 15', { year: 2023, month: 10, day: 15 }, false],
    ]);
  });

  it('reads image captions and leaves code alone', () => {
    const found = doc('# X\n\n![Saturday 15/10/2023 - churn](a.png) and `Friday 2026-03-05`\n').proseDates.weekdays;
    expect(found.map((mention) => [mention.text, mention.span.start.column, mention.matches])).toEqual([['Saturday 15/10/2023', 3, false]]);
  });
});

describe('status pages', () => {
  it('reads the front matter and the stamped updates', () => {
    const page = doc('---\ntitle: Relay\ndate: 2026-04-11 12:20:00\nresolvedWhen: 2026-04-11 14:05:00\n---\n\n**Resolved**\nThe issue has been resolved.\n{{< track "2026-04-11 13:15:00" >}}\n\n**Investigating**\nMail is delayed; it will be resolved once the queue drains.\n{{< track "2026-04-11 08:20:00" >}}\n\n## 2026-04-11 09:00 - Still looking\n').statusPage!;
    expect(page.start).toMatchObject({ text: '2026-04-11 12:20:00', zoned: false });
    expect(page.updates.map((update) => [update.text, update.span.start.line, update.resolved])).toEqual([
      ['2026-04-11 13:15:00', 9, true],
      ['2026-04-11 08:20:00', 13, false],
      ['2026-04-11 09:00', 15, false],
    ]);
  });

  it('reads an update as the resolution the way a timeline entry is read, in English and German, never one only expected', () => {
    const page = doc('---\ndate: 2026-05-05 21:50:00\nresolvedWhen: 2026-05-06 02:00:00\n---\n\n## 05.05.2026, 22:10 Uhr – Störung erkannt\n\n## 06.05.2026, 01:50 Uhr – Dienste wieder erreichbar\n\n## 06.05.2026, 01:55 Uhr – Die Störung ist behoben.\n\n- 2026-05-05 23:00 We expect the issue to be resolved soon.\n- 2026-05-06 00:30 Service partially restored.\n').statusPage!;
    expect(page.updates.map((update) => [update.span.start.line, update.resolved])).toEqual([
      [6, false],
      [8, true],
      [10, true],
      [12, false],
      [13, false],
    ]);
  });
});

describe('stated durations', () => {
  const stated = (text: string) => doc(text).statedDurations.map((found) => [found.kind, found.metric, found.label, found.seconds, found.range?.seconds ?? null, found.span.start.line]);

  it('reads fields, lengths beside ranges, sentences about the incident and totals', () => {
    expect(stated('# X\n\n- Duration: 47 minutes\n- TTD: 2 minutes\n- Total: 49 minutes\n\nThe outage lasted about two hours.\nThere were 5 minutes of data loss, from 04:50:00 to 04:56:27 UTC.\nUsers saw errors for 47 minutes (14:23-15:10 UTC).\n')).toEqual([
      ['field', 'duration', 'Duration', 2820, null, 3],
      ['field', 'detection', 'TTD', 120, null, 4],
      ['total', 'duration', 'Total', 2940, null, 5],
      ['prose', 'duration', 'outage lasted about two hours', 7200, null, 7],
      ['prose', 'duration', '5 minutes of data loss', 300, 387, 8],
      ['range', 'duration', '47 minutes (14:23-15:10 UTC', 2820, 2820, 9],
    ]);
  });

  it('reads the span a question in a Question | Answer table asks for', () => {
    const document = doc(
      '# X\n\n## Detection & Response\n\n| Question | Answer |\n|---|---|\n' +
        '| How long did it take from the start of the incident to its detection? | 4 minutes |\n' +
        '| How long did it take from detection to remediation? | 41 minutes |\n' +
        '| How long did it take to find the cause? | 2 hours |\n',
    );
    expect(document.statedDurations.map((found) => [found.metric, found.seconds, found.from, found.to, found.span.start.line])).toEqual([
      ['detection', 240, ['started'], ['detected'], 7],
      ['mitigation', 2460, ['detected'], ['mitigated', 'resolved'], 8],
    ]);
  });

  it('leaves out parts, bounds, windows and documents of several outages', () => {
    expect(stated('# X\n\nThe first restore took 6 hours. We fixed it in under 10 minutes. Data from the 5-minute window of data loss was restored.\n')).toEqual([]);
    expect(stated('# X\n\nSeveral outages hit logins; the outage lasted 20 minutes.\n')).toEqual([]);
  });
});
