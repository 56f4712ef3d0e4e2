import { defineRule, type RuleContext } from '../../src/engine/types.js';
import {
  findDurations, findTimeRanges, formatDuration, normalizeText, placeEntries,
  type DurationMatch, type PostmortemDocument, type TimedEntry,
} from '../../src/model/index.js';

interface Options {
  toleranceMinutes: number;
  tolerancePercent: number;
  checkRanges: boolean;
  checkTimeline: boolean;
  checkRelative: boolean;
}

type Metric = 'duration' | 'detection' | 'acknowledgement' | 'mitigation' | 'resolution';

/** Field labels (normalised) that state a duration, and what each measures. */
const METRICS: Array<[RegExp, Metric]> = [
  [/^(?:total |incident |outage |impact )?duration(?: of (?:the )?(?:impact|outage|incident))?$|^(?:total )?downtime$/, 'duration'],
  [/^(?:mean )?time to (?:detect|detection)\b|^m?ttd\b/, 'detection'],
  [/^(?:mean )?time to (?:ack|acknowledge|acknowledgement|acknowledgment)\b|^m?tta\b/, 'acknowledgement'],
  [/^(?:mean )?time to (?:mitigate|mitigation)\b|^m?ttm\b/, 'mitigation'],
  [/^(?:mean )?time to (?:resolve|resolution|recover|recovery|restore|restoration)\b|^m?ttr\b/, 'resolution'],
];


/**
 * What timeline entries say, by keywords in their text (documented in the README):
 * the start of the incident, its detection, acknowledgement, mitigation and resolution.
 */
const START = /\b(?:incident|impact|outage|issues?|problems?|errors?|degradation|disruption|downtime|failures?)\b[^.;]{0,40}?\b(?:begins?|began|beginning|starts?|started|starting)\b|\bfirst (?:symptoms?|errors?|failures?)\b|\bstart of (?:the )?(?:incident|impact|outage)\b|\bonset\b/i;
const DETECTION = /\b(?:alert(?:s|ed)?|alarm(?:s|ed)?|detect(?:s|ed|ion)?|paged?|notic(?:e|es|ed)|report(?:s|ed)?|discover(?:s|ed)?|aware|fire[sd]?|triggered)\b/i;
const ACKNOWLEDGEMENT = /\backnowledg\w*|\back(?:ed|'d)?\b|\bresponds?\b|\bon the scene\b|\bjoin(?:s|ed)?\b|\bengaged?\b/i;
const MITIGATION = /\bmitigat\w*|\bworkaround\b|\broll(?:ed|ing)?[ -]?back\b|\brollback\b|\brestart(?:s|ed)?\b|\brevert(?:s|ed)?\b|\bfail(?:ed)?[ -]?over\b|\bhotfix\b|\bfix (?:is |was )?(?:applied|deployed)\b|\bcircuit breaker\b/i;
const RESOLUTION = /\bresolv(?:e|ed|es)\b|\bresolution\b|\brestored?\b|\brecover(?:ed|y)?\b|\bback to normal\b|\bfully (?:operational|recovered|restored)\b|\ball clear\b|\bclosed?\b|\bstable\b|\bhealthy\b/i;

const END_OF: Record<Metric, RegExp> = {
  duration: RESOLUTION,
  detection: DETECTION,
  acknowledgement: ACKNOWLEDGEMENT,
  mitigation: MITIGATION,
  resolution: RESOLUTION,
};

/** The first entry stands in for the incident's start only for ends within a day of it. */
const FIRST_ENTRY_REACH = 24 * 3600;
/** Text allowed between a range and the duration that states its length: "47 minutes (14:23-15:10 UTC)". */
const ADJACENT = /^[\s()[\],:;=–—-]{0,4}$/;

/** The accepted difference, in whole seconds (whole minutes from a minute up, as messages show it). */
function toleranceFor(stated: number, options: Options): number {
  const seconds = Math.max(options.toleranceMinutes * 60, (stated * options.tolerancePercent) / 100);
  return seconds >= 60 ? Math.round(seconds / 60) * 60 : Math.round(seconds);
}

function shown(entry: TimedEntry): string {
  return entry.entry.raw.replace(/\s+/g, ' ');
}

export default defineRule<Options>({
  id: 'duration-consistency',
  description:
    'Checks stated durations ("Duration: 47 minutes", "Time to Resolution", "(14:23-15:10 UTC)", "(+1m 8s)") against the stated range or the timeline.',
  severity: 'warn',
  recommended: false,
  messages: {
    range: 'Stated duration {{stated}} does not match the range {{range}}, which is {{computed}}; expected them to agree within {{tolerance}}.',
    timeline:
      '{{label}} is stated as {{stated}}, but the timeline gives {{computed}} ({{from}} on line {{fromLine}} to {{to}} on line {{toLine}}); expected them to agree within {{tolerance}}.',
    relative:
      'Relative time {{relative}} does not match the timeline, which gives {{computed}} after {{anchor}} on line {{anchorLine}}; expected them to agree within {{tolerance}}.',
  },
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      toleranceMinutes: {
        type: 'number',
        minimum: 0,
        default: 1,
        description: 'Differences up to this many minutes are accepted (the larger of this and `tolerancePercent` applies).',
      },
      tolerancePercent: {
        type: 'number',
        minimum: 0,
        maximum: 100,
        default: 5,
        description: 'Differences up to this percentage of the stated duration are accepted.',
      },
      checkRanges: {
        type: 'boolean',
        default: true,
        description: 'Compare a duration with a range of times written next to it ("47 minutes (14:23-15:10 UTC)").',
      },
      checkTimeline: {
        type: 'boolean',
        default: true,
        description:
          'Compare "Duration", "Time to Detection / Acknowledgement / Mitigation / Resolution" fields with the timeline, when the timeline shows where they start and end.',
      },
      checkRelative: {
        type: 'boolean',
        default: true,
        description: 'Compare relative annotations on timeline entries ("(+1m 8s)") with the entries\' times.',
      },
    },
  },
  check(document, context) {
    const { options } = context;
    // Lines whose duration was read with a range next to it are not compared again with the timeline.
    const rangeLines = new Set<number>();
    if (options.checkRanges) checkRanges(document, context, rangeLines);
    if (options.checkTimeline) checkFields(document, context, rangeLines);
    if (options.checkRelative) checkRelative(document, context);
  },
});

/** "47 minutes (14:23-15:10 UTC)" and "10:15 UTC ~ 11:02 UTC (47 minutes)" in prose and fields. */
function checkRanges(document: PostmortemDocument, context: RuleContext<Options>, rangeLines: Set<number>): void {
  for (const paragraph of document.paragraphs) {
    if (paragraph.quoted || !/\d:\d\d/.test(paragraph.text)) continue;
    for (const line of document.textOf(paragraph.node).lines()) {
      const ranges = findTimeRanges(line.text);
      if (ranges.length === 0) continue;
      const durations = findDurations(line.text).filter((duration) => !duration.bound);
      for (const range of ranges) {
        const duration = durations.find(
          (candidate) =>
            (candidate.end <= range.start && ADJACENT.test(line.text.slice(candidate.end, range.start))) ||
            (candidate.start >= range.end && ADJACENT.test(line.text.slice(range.end, candidate.start))),
        );
        if (!duration) continue;
        rangeLines.add(document.lines.point(line.offset(0)).line);
        let length = range.to.seconds - range.from.seconds;
        const fromOffset = range.fromZone?.offsetMinutes ?? range.toZone?.offsetMinutes;
        const toOffset = range.toZone?.offsetMinutes ?? range.fromZone?.offsetMinutes;
        if (fromOffset != null && toOffset != null) length -= (toOffset - fromOffset) * 60;
        if (length < 0) length += 86400;
        const tolerance = toleranceFor(duration.seconds, context.options);
        if (Math.abs(length - duration.seconds) <= tolerance) continue;
        const start = Math.min(range.start, duration.start);
        const end = Math.max(range.end, duration.end);
        context.report({
          offsets: line.sourceRange(start, end),
          messageId: 'range',
          data: {
            stated: duration.text,
            range: line.text.slice(range.start, range.end),
            computed: formatDuration(length),
            tolerance: formatDuration(tolerance),
          },
        });
      }
    }
  }
}

/** The timeline the document's durations refer to: the one with the most comparable entries. */
function mainTimeline(document: PostmortemDocument): TimedEntry[] {
  let best: TimedEntry[] = [];
  for (const timeline of document.timelines) {
    const placed = placeEntries(timeline).filter((entry) => !entry.dayOnly);
    if (placed.length > best.length) best = placed;
  }
  return best;
}

/** "Duration: 47 minutes", "Time to Detection: 2 minutes" against the timeline. */
function checkFields(document: PostmortemDocument, context: RuleContext<Options>, rangeLines: Set<number>): void {
  let timeline: TimedEntry[] | null = null;
  for (const field of document.fields) {
    const label = normalizeText(field.label);
    const metric = METRICS.find(([pattern]) => pattern.test(label))?.[1];
    if (!metric || rangeLines.has(field.span.start.line)) continue;
    if (findTimeRanges(field.value).length > 0) continue;
    const stated = findDurations(field.value).find((duration) => !duration.bound);
    if (!stated) continue;
    timeline ??= mainTimeline(document);
    if (timeline.length < 2) return;
    const best = closestSpan(timeline, metric, stated);
    if (!best) continue;
    const tolerance = toleranceFor(stated.seconds, context.options);
    if (Math.abs(best.seconds - stated.seconds) <= tolerance) continue;
    context.report({
      span: field.span,
      messageId: 'timeline',
      data: {
        label: field.label.replace(/\s+/g, ' '),
        stated: stated.text,
        computed: formatDuration(best.seconds),
        from: shown(best.from),
        fromLine: best.from.entry.span.start.line,
        to: shown(best.to),
        toLine: best.to.entry.span.start.line,
        tolerance: formatDuration(tolerance),
      },
    });
  }
}

/**
 * Of every span the timeline offers for a metric (from an entry that starts it to an entry
 * that ends it), the one closest to the stated duration; null when the timeline shows
 * no start or no end. Starts: entries that say the incident began, and the first entry
 * (for ends within a day of it); for acknowledgement, entries of detection.
 */
function closestSpan(
  timeline: TimedEntry[],
  metric: Metric,
  stated: DurationMatch,
): { from: TimedEntry; to: TimedEntry; seconds: number } | null {
  const starts: Array<{ entry: TimedEntry; reach: number }> =
    metric === 'acknowledgement'
      ? timeline.filter((entry) => DETECTION.test(entry.entry.text)).map((entry) => ({ entry, reach: Infinity }))
      : [
          { entry: timeline[0]!, reach: FIRST_ENTRY_REACH },
          ...timeline.filter((entry) => START.test(entry.entry.text)).map((entry) => ({ entry, reach: Infinity })),
        ];
  const ends = timeline.filter((entry) => END_OF[metric].test(entry.entry.text));
  let best: { from: TimedEntry; to: TimedEntry; seconds: number } | null = null;
  for (const start of starts) {
    for (const end of ends) {
      const seconds = end.instant - start.entry.instant;
      if (seconds < 0 || seconds > start.reach || end === start.entry) continue;
      if (!best || Math.abs(seconds - stated.seconds) < Math.abs(best.seconds - stated.seconds)) best = { from: start.entry, to: end, seconds };
    }
  }
  return best;
}

/** "(+1m 8s)" on an entry: its distance from the entry it counts from. */
function checkRelative(document: PostmortemDocument, context: RuleContext<Options>): void {
  for (const timeline of document.timelines) {
    if (!timeline.entries.some((entry) => entry.relativeSeconds !== null)) continue;
    const placed = placeEntries(timeline).filter((entry) => !entry.dayOnly);
    let anchor: TimedEntry | null = null;
    for (const entry of placed) {
      const relative = entry.entry.relativeSeconds;
      if (relative === null) {
        anchor = entry;
        continue;
      }
      // Counted from the last entry without an annotation, or from the first entry.
      const anchors = [anchor, placed[0]!].filter((candidate): candidate is TimedEntry => candidate !== null && candidate !== entry);
      if (anchors.length === 0) continue;
      const tolerance = toleranceFor(relative, context.options);
      if (anchors.some((candidate) => Math.abs(entry.instant - candidate.instant - relative) <= tolerance)) continue;
      const nearest = anchors[0]!;
      context.report({
        span: entry.entry.span,
        messageId: 'relative',
        data: {
          relative: `+${formatDuration(relative)}`,
          computed: formatDuration(entry.instant - nearest.instant),
          anchor: shown(nearest),
          anchorLine: nearest.entry.span.start.line,
          tolerance: formatDuration(tolerance),
        },
      });
    }
  }
}
