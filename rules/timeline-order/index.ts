import { defineRule, type Report } from '../../src/engine/types.js';
import { isBefore, placeEntries, sameZone, type Timeline, type TimelineEntry } from '../../src/model/index.js';

interface Options {
  allowMidnightCrossing: boolean;
  maxBackwardsHours: number;
  allowMixedZones: boolean;
  requireZone: boolean;
}

/** The entry as written, on one line, for messages. */
function shown(entry: TimelineEntry): string {
  return entry.raw.replace(/\s+/g, ' ');
}

export default defineRule<Options>({
  id: 'timeline-order',
  description:
    'Requires timeline entries to be in chronological order, with times and dates that exist, and one time zone per timeline.',
  severity: 'error',
  recommended: true,
  messages: {
    outOfOrder: 'Timeline entry {{time}} is earlier than the entry before it ({{previous}} on line {{previousLine}}); expected times in order.',
    impossible: 'Impossible timestamp {{time}}: {{reason}}.',
    mixedZones:
      'Timeline entry {{time}} is in {{zone}}, but the entry on line {{previousLine}} is in {{previousZone}}; expected one time zone per timeline, or say how they relate.',
    missingZone: 'Timeline has no time zone; expected a zone on its entries or a statement such as "All times UTC".',
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
    for (const timeline of document.timelines) {
      for (const entry of timeline.entries) {
        if (entry.invalid) context.report({ span: entry.span, messageId: 'impossible', data: { time: shown(entry), reason: entry.invalid } });
      }
      const placed = placeEntries(timeline, { allowMidnightCrossing, maxBackwardsHours });
      for (let i = 1; i < placed.length; i++) {
        const previous = placed[i - 1]!;
        const current = placed[i]!;
        if (isBefore(current, previous)) {
          context.report({
            span: current.entry.span,
            messageId: 'outOfOrder',
            data: { time: shown(current.entry), previous: shown(previous.entry), previousLine: previous.entry.span.start.line },
          });
        }
      }
      if (!allowMixedZones) checkZones(timeline, context.report.bind(context));
      if (requireZone && timeline.entries.length > 0 && timeline.entries.every((entry) => entry.effectiveZone === null)) {
        context.report({ span: timeline.entries[0]!.span, messageId: 'missingZone' });
      }
    }
  },
});

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
