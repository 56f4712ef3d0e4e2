import { defineRule, type RuleContext } from '../../src/engine/types.js';
import {
  entriesInTimeOrder, entryMilestones, FIRST_ENTRY_REACH, formatDuration, oneLine, placeEntries,
  type Milestone, type PostmortemDocument, type StatedDuration, type TimedEntry, type Timeline,
} from '../../src/model/index.js';

interface Options {
  toleranceMinutes: number;
  tolerancePercent: number;
  checkRanges: boolean;
  checkTimeline: boolean;
  checkRelative: boolean;
}

type Context = RuleContext<Options>;

/**
 * The accepted difference, in whole seconds (whole minutes from a minute up, as messages
 * show it): the options' minutes or percent, and for a length written in round words
 * ("two hours", "approximately 24 hours") half its unit, or the whole unit when approximate.
 */
function toleranceFor(stated: StatedDuration, options: Options): number {
  let seconds = Math.max(options.toleranceMinutes * 60, (stated.seconds * options.tolerancePercent) / 100);
  if (stated.kind === 'prose' || stated.approximate) seconds = Math.max(seconds, stated.approximate ? stated.unitSeconds : stated.unitSeconds / 2);
  return seconds >= 60 ? Math.round(seconds / 60) * 60 : Math.round(seconds);
}

function shown(entry: TimedEntry): string {
  return oneLine(entry.entry.raw);
}

export default defineRule<Options>({
  id: 'duration-consistency',
  description:
    'Checks stated durations ("Duration: 47 minutes", "Time to Resolution", "the outage lasted two hours", "(14:23-15:10 UTC)", "(+1m 8s)") against the stated range or the timeline.',
  severity: 'warn',
  // In pm-lint:recommended since its precision on the labelled real postmortems reached 0.95 (npm run eval).
  recommended: true,
  messages: {
    range: 'Stated duration {{stated}} does not match the range {{range}}, which is {{computed}}; expected them to agree within {{tolerance}}.',
    timeline:
      '{{label}} is stated as {{stated}}, but the timeline gives {{computed}} ({{from}} on line {{fromLine}} to {{to}} on line {{toLine}}); expected them to agree within {{tolerance}}.',
    prose:
      'Stated duration {{stated}} ("{{label}}") does not match the timeline, which gives {{computed}} from {{from}} (line {{fromLine}}) to {{to}} (line {{toLine}}); expected them to agree within {{tolerance}}.',
    total: '{{label}} is stated as {{stated}}, but its parts add up to {{computed}} ({{parts}}); expected the total to be their sum.',
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
        description: 'Compare a duration with a range of times written next to it ("47 minutes (14:23-15:10 UTC)") or in the same sentence about the incident.',
      },
      checkTimeline: {
        type: 'boolean',
        default: true,
        description:
          'Compare "Duration", "Time to Detection / Acknowledgement / Mitigation / Resolution" fields, sentences about the whole incident and totals of parts with the timeline, when the timeline shows where they start and end.',
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
    const timelines = new Map<unknown, PlacedTimeline[]>();
    for (const stated of document.statedDurations) {
      if (stated.range) {
        if (options.checkRanges) checkRange(stated, context);
        continue;
      }
      if (!options.checkTimeline) continue;
      if (stated.kind === 'total') {
        checkTotal(stated, context);
        continue;
      }
      let candidates = timelines.get(stated.incident);
      if (!candidates) timelines.set(stated.incident, (candidates = incidentTimelines(document, stated.incident)));
      checkAgainstTimeline(stated, candidates, context);
    }
    if (options.checkRelative) checkRelative(document, context);
  },
});

/** "47 minutes (14:23-15:10 UTC)", and a sentence's one range: the stated length against the range's. */
function checkRange(stated: StatedDuration, context: Context): void {
  const range = stated.range!;
  const tolerance = toleranceFor(stated, context.options);
  if (Math.abs(range.seconds - stated.seconds) <= tolerance) return;
  context.report({
    span: stated.span,
    messageId: 'range',
    data: { stated: stated.text, range: range.text, computed: formatDuration(range.seconds), tolerance: formatDuration(tolerance) },
  });
}

/** A total that is neither the sum of its parts nor the largest of them (parts counted from the start). */
function checkTotal(stated: StatedDuration, context: Context): void {
  const parts = stated.parts!;
  const sum = parts.reduce((total, part) => total + part.seconds, 0);
  const tolerance = toleranceFor(stated, context.options);
  if (Math.abs(sum - stated.seconds) <= tolerance) return;
  if (parts.some((part) => Math.abs(part.seconds - stated.seconds) <= tolerance)) return;
  context.report({
    span: stated.span,
    messageId: 'total',
    data: {
      label: stated.label,
      stated: stated.text,
      computed: formatDuration(sum),
      parts: parts.map((part) => `${part.label} ${part.text}`).join(', '),
    },
  });
}

/**
 * A timeline's entries placed on one clock, and whether the first of them opens the
 * timeline: after an entry at an approximate time ("~07:40 consumers stop committing"), the
 * first placed one does not stand in for the incident's start. (A template row left in,
 * "2024-03-13 HH:mm", is no event and does not count.)
 */
interface PlacedTimeline {
  entries: TimedEntry[];
  opensTimeline: boolean;
}

function placed(timeline: Timeline): PlacedTimeline {
  const entries = placeEntries(timeline).filter((entry) => !entry.dayOnly && entry.clock === 'absolute');
  const inTime = entriesInTimeOrder(timeline);
  const first = entries[0] ? inTime.indexOf(entries[0].entry) : 0;
  return { entries, opensTimeline: !inTime.slice(0, first).some((entry) => entry.approximate) };
}

/**
 * The timelines an incident's durations are measured on: its timeline section's lists,
 * tables and lines merged in document order (or, without one, its longest timeline), and
 * each list of milestones. In a document of several incidents, only the incident's own.
 */
function incidentTimelines(document: PostmortemDocument, incident: StatedDuration['incident']): PlacedTimeline[] {
  const own = document.timelines.filter((timeline) => (incident ? timeline.incident === incident : document.incidents.length === 0 || timeline.incident === null));
  const groups = new Map<unknown, Timeline[]>();
  for (const timeline of own) {
    if (timeline.kind !== 'sequence') continue;
    const key = timeline.source === 'list' || timeline.source === 'table' || timeline.source === 'section' ? (timeline.section ?? timeline) : timeline;
    groups.set(key, [...(groups.get(key) ?? []), timeline]);
  }
  let main: PlacedTimeline = { entries: [], opensTimeline: false };
  for (const timelines of groups.values()) {
    const entries = timelines.flatMap((timeline) => timeline.entries).sort((a, b) => a.entrySpan.start.offset - b.entrySpan.start.offset);
    const merged = placed({ ...timelines[0]!, entries });
    if (merged.entries.length > main.entries.length) main = merged;
  }
  const milestones = own.filter((timeline) => timeline.kind === 'milestones').map(placed);
  return [main, ...milestones].filter((timeline) => timeline.entries.length >= 2);
}

function checkAgainstTimeline(stated: StatedDuration, candidates: PlacedTimeline[], context: Context): void {
  let best: Span | null = null;
  for (const timeline of candidates) {
    const span = closestSpan(timeline, stated);
    if (span && (!best || Math.abs(span.seconds - stated.seconds) < Math.abs(best.seconds - stated.seconds))) best = span;
  }
  if (!best) return;
  const tolerance = toleranceFor(stated, context.options);
  if (Math.abs(best.seconds - stated.seconds) <= tolerance) return;
  const data = {
    label: stated.label,
    stated: stated.text,
    computed: formatDuration(best.seconds),
    from: shown(best.from),
    fromLine: best.from.entry.span.start.line,
    to: shown(best.to),
    toLine: best.to.entry.span.start.line,
    tolerance: formatDuration(tolerance),
  };
  context.report({ span: stated.span, messageId: stated.kind === 'prose' ? 'prose' : 'timeline', data });
}

interface Span {
  from: TimedEntry;
  to: TimedEntry;
  seconds: number;
}

/**
 * Of every span the timeline offers for what a duration measures (from an entry that
 * starts it to an entry that ends it), the one closest to the stated duration; null when
 * the timeline shows no start or no end. The first entry stands in for the start of the
 * incident (for ends within a day of it) unless an entry at an approximate time comes
 * before it.
 */
function closestSpan({ entries: timeline, opensTimeline }: PlacedTimeline, stated: StatedDuration): Span | null {
  const says = (entry: TimedEntry, milestones: Milestone[]) => entryMilestones(entry.entry).some((milestone) => milestones.includes(milestone));
  const starts: Array<{ entry: TimedEntry; reach: number }> = timeline
    .filter((entry) => says(entry, stated.from))
    .map((entry) => ({ entry, reach: Infinity }));
  if (stated.from.includes('started') && opensTimeline) starts.unshift({ entry: timeline[0]!, reach: FIRST_ENTRY_REACH });
  const ends = timeline.filter((entry) => says(entry, stated.to));
  let best: Span | null = null;
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
function checkRelative(document: PostmortemDocument, context: Context): void {
  const { options } = context;
  for (const timeline of document.timelines) {
    if (!timeline.entries.some((entry) => entry.relativeSeconds !== null)) continue;
    const placed = placeEntries(timeline).filter((entry) => !entry.dayOnly && entry.clock === 'absolute');
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
      const seconds = Math.max(options.toleranceMinutes * 60, (relative * options.tolerancePercent) / 100);
      const tolerance = seconds >= 60 ? Math.round(seconds / 60) * 60 : Math.round(seconds);
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
