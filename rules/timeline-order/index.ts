import { defineRule, type Report } from '../../src/engine/types.js';
import {
  datesOutOfPlace, formatClock, isBefore, mustPrecede, oneLine, placeEntries, sameZone, toIsoDate, zoneOffsetPairs,
  type TimedEntry, type Timeline, type TimelineEntry,
} from '../../src/model/index.js';

interface Options {
  allowMidnightCrossing: boolean;
  maxBackwardsHours: number;
  allowMixedZones: boolean;
  requireZone: boolean;
}

/** The entry as written, on one line, for messages. */
function shown(entry: TimelineEntry): string {
  return oneLine(entry.raw);
}

const MILESTONE_NAMES: Record<string, string> = {
  started: 'Started', detected: 'Detected', acknowledged: 'Acknowledged', declared: 'Declared', mitigated: 'Mitigated', repaired: 'Repaired', resolved: 'Resolved',
};

export default defineRule<Options>({
  id: 'timeline-order',
  description:
    'Requires timeline entries to be in chronological order, with times and dates that exist, and one time zone per timeline.',
  severity: 'error',
  recommended: true,
  messages: {
    outOfOrder: 'Timeline entry {{time}} is earlier than the entry before it ({{previous}} on line {{previousLine}}); expected times in order.',
    outOfOrderNewestFirst:
      'Timeline entry {{time}} is later than the entry before it ({{previous}} on line {{previousLine}}) in a timeline told newest first; expected times in reverse order.',
    impossible: 'Impossible timestamp {{time}}: {{reason}}.',
    mixedZones:
      'Timeline entry {{time}} is in {{zone}}, but the entry on line {{previousLine}} is in {{previousZone}}; expected one time zone per timeline, or say how they relate.',
    missingZone: 'Timeline has no time zone; expected a zone on its entries or a statement such as "All times UTC".',
    backwardsRange: 'Timeline entry {{time}} is a range that ends at {{end}}, before it starts, on every reading; expected an end after the start.',
    clocksDisagree:
      'Timeline entry {{time}} gives {{second}} beside it, but {{clock}} is {{expected}}; expected both clocks to name the same moment.',
    zoneOutOfSeason: 'Time zone {{zone}} in {{time}} is not in effect on {{date}}; expected {{standard}} (summer time is not in force then).',
    milestoneOrder:
      '{{milestone}} at {{time}} is earlier than {{other}} at {{otherTime}} (line {{otherLine}}); expected {{other}} first.',
  },
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      allowMidnightCrossing: {
        type: 'boolean',
        default: true,
        description:
          'Read a backwards step of more than `maxBackwardsHours` between entries whose dates are not written on them (23:55 → 00:10) as crossing midnight into the next day, not as an error.',
      },
      maxBackwardsHours: {
        type: 'number',
        minimum: 0,
        maximum: 24,
        default: 12,
        description: 'How far back (in hours) an undated entry must step to read as the next day.',
      },
      allowMixedZones: {
        type: 'boolean',
        default: false,
        description: 'Accept timelines whose entries are in different time zones (entries are still compared through their offsets).',
      },
      requireZone: {
        type: 'boolean',
        default: false,
        description: 'Require every timeline to state its time zone, on its entries or in a statement such as "All times UTC".',
      },
    },
  },
  check(document, context) {
    const { allowMidnightCrossing, maxBackwardsHours, allowMixedZones, requireZone } = context.options;
    const report = context.report.bind(context);
    for (const timeline of document.timelines) {
      let outOfSeason = false;
      for (const entry of timeline.entries) {
        if (entry.invalid) report({ span: entry.span, messageId: 'impossible', data: { time: shown(entry), reason: entry.invalid } });
        else if (entry.rangeBackwards) report({ span: entry.span, messageId: 'backwardsRange', data: { time: shown(entry), end: entry.rangeEndRaw ?? '' } });
        if (entry.secondClock?.agrees === false) {
          report({
            span: { start: entry.span.start, end: entry.secondClock.span.end },
            messageId: 'clocksDisagree',
            // "10:02 AM PT" names its zone; "14:00" under "All times UTC" is shown as "14:00 UTC".
            data: { time: shown(entry), clock: entry.zone ? shown(entry) : `${shown(entry)} ${entry.effectiveZone!.name}`, second: entry.secondClock.raw, expected: inZone(entry) },
          });
        }
        // Once per timeline: a timeline in the wrong season is so throughout.
        if (entry.zoneOutOfSeason && !outOfSeason && entry.date) {
          outOfSeason = true;
          report({
            span: entry.span,
            messageId: 'zoneOutOfSeason',
            data: { zone: (entry.zone ?? entry.secondClock?.zone)!.name, time: shown(entry), date: toIsoDate(entry.date), standard: entry.zoneOutOfSeason },
          });
        }
      }
      // A date typo that date-consistency reports (2022-02-20 among 2022-02-02) is not also an order break.
      const skip = new Set(datesOutOfPlace(timeline).map((found) => found.entry));
      const placed = placeEntries(timeline, { allowMidnightCrossing, maxBackwardsHours, skip });
      if (timeline.kind === 'milestones') checkMilestones(placed, report);
      else checkOrder(placed, timeline.newestFirst, report);
      if (!allowMixedZones) checkZones(timeline, report);
      if (requireZone && timeline.entries.length > 0 && timeline.entries.every((entry) => entry.effectiveZone === null)) {
        report({ span: timeline.entries[0]!.span, messageId: 'missingZone' });
      }
    }
    for (const found of document.proseDates.zonesOutOfSeason) {
      report({
        span: found.span,
        messageId: 'zoneOutOfSeason',
        data: { zone: found.zone.name, time: found.text, date: toIsoDate(found.date), standard: found.standard },
      });
    }
  },
});

/**
 * Each entry against the one before it on the same clock (offsets such as "T+5m" among
 * themselves). A timeline told newest first comes placed from its last entry; a step out of
 * its order is reported on the lower entry, later than the one written above it.
 */
function checkOrder(placed: TimedEntry[], newestFirst: boolean, report: (report: Report) => void): void {
  const last = new Map<TimedEntry['clock'], TimedEntry>();
  for (const current of placed) {
    const previous = last.get(current.clock);
    last.set(current.clock, current);
    if (!previous || !isBefore(current, previous)) continue;
    const [below, above] = newestFirst ? [previous, current] : [current, previous];
    report({
      span: below.entry.span,
      messageId: newestFirst ? 'outOfOrderNewestFirst' : 'outOfOrder',
      data: { time: shown(below.entry), previous: shown(above.entry), previousLine: above.entry.span.start.line },
    });
  }
}

/** A list of milestones is not read in order; what must hold between them is: detected before resolved, and so on. */
function checkMilestones(placed: TimedEntry[], report: (report: Report) => void): void {
  for (const later of placed) {
    const milestone = later.entry.milestone;
    if (!milestone) continue;
    const earlier = placed.find(
      (candidate) =>
        candidate.entry.milestone &&
        mustPrecede(candidate.entry.milestone, milestone) &&
        isBefore(later, candidate) &&
        // Two times without their dates, half a day apart, may be either side of midnight.
        !(later.entry.dateSource !== 'entry' && candidate.entry.dateSource !== 'entry' && candidate.instant - later.instant > 12 * 3600),
    );
    if (!earlier) continue;
    report({
      span: later.entry.span,
      messageId: 'milestoneOrder',
      data: {
        milestone: MILESTONE_NAMES[milestone]!,
        time: shown(later.entry),
        other: MILESTONE_NAMES[earlier.entry.milestone!]!,
        otherTime: shown(earlier.entry),
        otherLine: earlier.entry.span.start.line,
      },
    });
  }
}

/** The entry's time on the clock of its second zone ("05:48 PDT"), every reading of an ambiguous zone. */
function inZone(entry: TimelineEntry): string {
  const second = entry.secondClock!;
  const readings = new Set<string>();
  for (const [a, b] of zoneOffsetPairs(entry.effectiveZone!, second.zone)) readings.add(`${formatClock(entry.seconds! + (b - a) * 60)} ${second.zone.name}`);
  return [...readings].join(' or ');
}

/** Reports the first entry whose zone differs from the zone of the entries before it. */
function checkZones(timeline: Timeline, report: (report: Report) => void): void {
  let first: TimelineEntry | null = null;
  for (const entry of timeline.entries) {
    const zone = entry.effectiveZone;
    if (!zone) continue;
    if (!first) {
      first = entry;
      continue;
    }
    if (!sameZone(zone, first.effectiveZone!)) {
      report({
        span: entry.span,
        messageId: 'mixedZones',
        // The issue asks for a warning: mixed zones are worth a look, not a failed build.
        severity: 'warn',
        data: { time: shown(entry), zone: zone.name, previousZone: first.effectiveZone!.name, previousLine: first.span.start.line },
      });
      return;
    }
  }
}
