/**
 * How long an incident took to detect, mitigate and resolve, as the document states it or
 * its timeline shows it (for `pm-lint report`). In order of trust:
 *   1. a field that states it (read by facts/durations.ts): "Time to detection: 2 minutes",
 *      "TTR: 13 minutes", and for resolution the impact's "Duration: 38 minutes" / "Downtime";
 *   2. for resolution, the start and end the metadata give as instants:
 *      "date: 2024-02-22 15:20:43" (or "Start") with "resolvedWhen: 2024-02-22 17:19:31"
 *      (or "End", "Resolved at", "resolved_on"), as status pages write them;
 *   3. the timeline with the most timed entries: from the entry that says the incident or
 *      its impact began (else the first entry, for ends within a day of it) to the first
 *      later entry that says it was detected, mitigated or resolved in full, as
 *      facts/milestones.ts reads entries (so "unable to scale up" is no mitigation, and
 *      "partially restored" no resolution).
 * A metric none of these gives is null: the report leaves it out rather than guess.
 */
import type { PostmortemDocument } from '../document.js';
import type { Span } from '../parse/positions.js';
import { normalizeText } from '../text/normalize.js';
import { momentOf, parseTimestamp } from '../text/times.js';
import type { DurationMetric, StatedDuration } from './durations.js';
import { FIRST_ENTRY_REACH, type Milestone } from './milestones.js';
import { entryMilestoneStatements, placeEntries, type TimedEntry } from './timeline.js';
import type { Field } from './types.js';

export type ResponseMetric = 'detect' | 'mitigate' | 'resolve';
export const RESPONSE_METRICS: readonly ResponseMetric[] = ['detect', 'mitigate', 'resolve'];

export interface ResponseTime {
  metric: ResponseMetric;
  seconds: number;
  /** A field that states it, the metadata's start and end instants, or two timeline entries. */
  source: 'stated' | 'metadata' | 'timeline';
  /** Written as approximate ("~10 minutes", "about 2 hours"). */
  approximate: boolean;
  /** Where it is read: the stated field; the start and end fields; the two timeline entries. */
  spans: Span[];
  /** The field that states it (source `stated`). */
  stated: StatedDuration | null;
  /** The entries it is measured between (source `timeline`). */
  from: TimedEntry | null;
  to: TimedEntry | null;
}

export type ResponseTimes = Record<ResponseMetric, ResponseTime | null>;

/** What each stated field's metric gives: a time to repair is one to resolve; the impact's duration is one too, when nothing states that. */
const STATED: Partial<Record<DurationMetric, ResponseMetric>> = { detection: 'detect', mitigation: 'mitigate', repair: 'resolve', resolution: 'resolve' };
/** Labels of the instant an incident ended (normalised; status pages write "resolvedWhen", "resolved_on"). */
const END_LABEL = /^(?:resolved ?when|resolved (?:on|at)|resolution time|recovered at|end(?:ed)?(?: time| at)?|incident end(?:ed)?|impact end(?:ed)?|end of impact)$/;

/** The milestone that ends each metric's span; a resolution counts only when complete ("partially restored" does not). */
const ENDS: Record<ResponseMetric, { milestone: Milestone; complete: boolean }> = {
  detect: { milestone: 'detected', complete: false },
  mitigate: { milestone: 'mitigated', complete: false },
  resolve: { milestone: 'resolved', complete: true },
};

/** Metadata start and end further apart than this are not one incident's (a typo, another event). */
const METADATA_REACH = 31 * 86400;

export function findResponseTimes(document: PostmortemDocument): ResponseTimes {
  const times: ResponseTimes = { detect: null, mitigate: null, resolve: null };
  const fields = document.statedDurations.filter((stated) => stated.kind === 'field');
  for (const stated of fields) {
    const metric = STATED[stated.metric];
    // A figure counted from detection ("from detection to remediation") is no time from the start.
    if (metric && !times[metric] && stated.from.includes('started')) times[metric] = statedTime(metric, stated);
  }
  const impact = fields.find((stated) => stated.metric === 'duration');
  if (!times.resolve && impact) times.resolve = statedTime('resolve', impact);
  times.resolve ??= metadataResolution(document);
  if (RESPONSE_METRICS.some((metric) => !times[metric])) {
    const timeline = mainTimeline(document);
    for (const metric of RESPONSE_METRICS) times[metric] ??= timelineTime(metric, timeline);
  }
  return times;
}

function statedTime(metric: ResponseMetric, stated: StatedDuration): ResponseTime {
  return { metric, seconds: stated.seconds, source: 'stated', approximate: stated.approximate, spans: [stated.span], stated, from: null, to: null };
}

/** Seconds since 1970 of a field's value that is a date with a time ("2024-02-22 15:20:43", "2022-10-11T15:12:00+02:00"). */
function fieldMoment(field: Field): { instant: number; zoned: boolean } | null {
  const parsed = parseTimestamp(field.value, false);
  return parsed?.unknown || parsed?.approximate ? null : momentOf(parsed);
}

function metadataResolution(document: PostmortemDocument): ResponseTime | null {
  const startField = document.metadata.get('startTime') ?? document.metadata.get('date');
  const endField = document.metadata.get('endTime') ?? document.metadata.fields.find((field) => END_LABEL.test(normalizeText(field.label)));
  if (!startField || !endField || startField === endField) return null;
  const start = fieldMoment(startField);
  const end = fieldMoment(endField);
  // A zone on one side only leaves the two on different clocks.
  if (!start || !end || start.zoned !== end.zoned) return null;
  const seconds = end.instant - start.instant;
  if (seconds <= 0 || seconds > METADATA_REACH) return null;
  return {
    metric: 'resolve', seconds, source: 'metadata', approximate: false, spans: [startField.span, endField.span], stated: null, from: null, to: null,
  };
}

/** The timeline with the most entries placed at a time of day; empty when none has two. */
function mainTimeline(document: PostmortemDocument): TimedEntry[] {
  let best: TimedEntry[] = [];
  for (const timeline of document.timelines) {
    const placed = placeEntries(timeline).filter((entry) => !entry.dayOnly);
    if (placed.length > best.length) best = placed;
  }
  return best.length >= 2 ? best : [];
}

/** Whether an entry says a milestone happened (its label names it, or its words say so), in full when `complete`. */
function says(entry: TimedEntry, milestone: Milestone, complete: boolean): boolean {
  return entryMilestoneStatements(entry.entry).some((statement) => statement.milestone === milestone && !(complete && statement.partial));
}

function timelineTime(metric: ResponseMetric, timeline: TimedEntry[]): ResponseTime | null {
  if (timeline.length === 0) return null;
  const stated = timeline.find((entry) => says(entry, 'started', false));
  const start = stated ?? timeline[0]!;
  const reach = stated ? Infinity : FIRST_ENTRY_REACH;
  // A detection may be the start itself ("14:02 alert fires; impact begins"); a mitigation or resolution follows it.
  const end = timeline.find(
    (entry) =>
      (entry !== start || metric === 'detect') &&
      entry.instant >= start.instant &&
      entry.instant - start.instant <= reach &&
      says(entry, ENDS[metric].milestone, ENDS[metric].complete),
  );
  if (!end) return null;
  return {
    metric,
    seconds: end.instant - start.instant,
    source: 'timeline',
    approximate: false,
    spans: end === start ? [start.entry.entrySpan] : [start.entry.entrySpan, end.entry.entrySpan],
    stated: null,
    from: start,
    to: end,
  };
}
