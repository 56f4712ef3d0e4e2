/**
 * Durations a postmortem states, and what each one measures:
 *   - fields: "Duration: 47 minutes", "Time to detect / discovery / acknowledge / mitigate /
 *     repair / resolve / recover", TTD, TTA, TTM, TTR, "Downtime", "How long did it take from
 *     detection to remediation?", in key lines, lists and field tables (in a document of
 *     several incidents, each incident's own); never a range ("2 to 3 hours") or a bound. duration-consistency checks them; the report's response
 *     times take them as stated;
 *   - a length written beside a range of times: "47 minutes (14:23-15:10 UTC)",
 *     "10:05-12:10 UTC (02:05h)";
 *   - prose about the whole incident: "the outage lasted 47 minutes", "a 5-minute outage",
 *     "unavailable for about two hours", "5 minutes of data loss", compared with the one
 *     range the sentence states, else with the incident's timeline; never a part of it
 *     ("the first restore took 6 hours"), a bound ("under 10 minutes") or a window, and
 *     nothing in a document that speaks of several outages;
 *   - totals: a "Total" that should be the sum of the parts stated beside it.
 */
import type { PostmortemDocument } from '../document.js';
import type { Span } from '../parse/positions.js';
import { normalizeText } from '../text/normalize.js';
import { TextView } from '../text/text-view.js';
import { findDurations, findTimeRanges, readClockDuration, type DurationMatch, type TimeRangeMatch } from '../text/times.js';
import { incidentAt, type Incident } from './incidents.js';
import type { Milestone } from './milestones.js';
import type { Field, TableModel } from './types.js';

export type DurationMetric = 'duration' | 'detection' | 'acknowledgement' | 'mitigation' | 'repair' | 'resolution';

export interface StatedDuration {
  /** A field ("Duration:", "TTR"), a length beside a range, a sentence about the incident, or a total of parts. */
  kind: 'field' | 'range' | 'prose' | 'total';
  /** What it measures (a field's label says; prose and ranges measure the incident). */
  metric: DurationMetric;
  /** The field's label, or the words that say what lasted ("This effect lasted"). */
  label: string;
  seconds: number;
  /** As written: "47 minutes", "approximately nine hours". */
  text: string;
  approximate: boolean;
  /** The unit it is written in, in seconds ("nine hours": 3600). */
  unitSeconds: number;
  /** Where it is stated (with its range, when it has one). */
  span: Span;
  /** The range it gives the length of, when one is written with it. */
  range: { text: string; seconds: number } | null;
  /** Where the measured span starts and ends, by milestone (a field measured "from detection" starts there). */
  from: Milestone[];
  to: Milestone[];
  /** Its incident, in a document that reports several. */
  incident: Incident | null;
  /** A total's parts. */
  parts: Array<{ label: string; seconds: number; text: string }> | null;
}

const METRICS: Array<[RegExp, DurationMetric]> = [
  [/^(?:total |incident |outage |impact )?duration(?: of (?:the )?(?:impact|outage|incident))?$|^(?:total )?downtime$|^(?:outage|impact|incident) (?:length|duration)$|^(?:gesamt|ausfall|störungs)?dauer(?: der störung)?$|^durée(?: totale| de l['’]incident)?$|^duraci[oó]n$|^dura[cç][aã]o$|^(?:影響|障害|所要|継続|停止|ダウン|影响|故障|持续|中断)(?:時間|时间|时长|時長|期間)$|^(?:장애|영향|지속|중단) ?시간$/, 'duration'],
  [/^(?:mean )?time to (?:detect|detection|discovery)\b|^m?ttd\b/, 'detection'],
  [/^(?:mean )?time to (?:ack|acknowledge|acknowledgement|acknowledgment)\b|^m?tta\b/, 'acknowledgement'],
  [/^(?:mean )?time to (?:mitigate|mitigation)\b|^m?ttm\b/, 'mitigation'],
  [/^(?:mean )?time to (?:repair)\b/, 'repair'],
  [/^(?:mean )?time to (?:resolve|resolution|recover|recovery|restore|restoration)\b|^m?ttr\b/, 'resolution'],
];
/** A label of what a length should be, not what it was: "Time to resolve target", "TTR (SLO)". */
const NOT_MEASURED = /\b(?:target|targets|goal|goals|slo|sla|objective|budget|expected|limit|max|maximum|threshold)\b/;
/** The end of a range written where one duration is expected ("2 to 3 hours"): no single value. */
const RANGE_BEFORE = /\d[ \t]*(?:-|–|to)[ \t]*$/;
const FROM_DETECTION = /\b(?:from|after|since) (?:detection|detected|alert|the alert|being detected)\b/;
const SPANS: Record<DurationMetric, { from: Milestone[]; to: Milestone[] }> = {
  duration: { from: ['started'], to: ['resolved'] },
  detection: { from: ['started'], to: ['detected'] },
  acknowledgement: { from: ['detected'], to: ['acknowledged'] },
  mitigation: { from: ['started'], to: ['mitigated'] },
  repair: { from: ['started'], to: ['repaired', 'resolved'] },
  resolution: { from: ['started'], to: ['resolved'] },
};
/**
 * A question that asks for a span, as incident review templates put it in a Question |
 * Answer table: "How long did it take from the start of the incident to its detection?",
 * "How long did it take from detection to remediation?". Its two ends name milestones.
 */
const SPAN_QUESTION = /^how long (?:did it take|was it|did we take) (?:from|between) (.{3,60}?) (?:to|until|and) (.{3,60}?)\??$/;
const QUESTION_ENDS: Array<[RegExp, Milestone[]]> = [
  [/\b(?:detect\w*|alert\w*|discover\w*|notic\w*)\b/, ['detected']],
  [/\b(?:ack\w*|respon\w*|page[ds]?|engag\w*)\b/, ['acknowledged']],
  [/\b(?:remedia\w*)\b/, ['mitigated', 'resolved']],
  [/\b(?:mitigat\w*|workaround)\b/, ['mitigated']],
  [/\b(?:resol\w*|recover\w*|restor\w*|fix\w*|end)\b/, ['resolved']],
  [/\b(?:start\w*|begin\w*|beginning|began|onset|impact|incident|outage)\b/, ['started']],
];
const METRIC_BY_END: Partial<Record<Milestone, DurationMetric>> = {
  detected: 'detection', acknowledged: 'acknowledgement', mitigated: 'mitigation', resolved: 'resolution',
};

/** What a span question measures, from which milestone to which; null when either end is unclear. */
function spanQuestion(label: string): { metric: DurationMetric; from: Milestone[]; to: Milestone[] } | null {
  const question = SPAN_QUESTION.exec(label);
  if (!question) return null;
  const milestones = (phrase: string) => QUESTION_ENDS.find(([words]) => words.test(phrase))?.[1] ?? null;
  const from = milestones(question[1]!);
  const to = milestones(question[2]!);
  const metric = to && METRIC_BY_END[to[0]!];
  if (!from || !to || !metric || from.some((milestone) => to.includes(milestone))) return null;
  return { metric, from, to };
}

const TOTAL = /^(?:total|total time|total duration|sum)$/;
const TOTAL_HINT = /total|sum/i;

/**
 * Text allowed between a range (from its "between" or "from") and the duration that states
 * its length: "47 minutes (14:23-15:10 UTC)", "for 50 minutes between 09:12 and 10:02".
 */
const ADJACENT = /^[\s()[\],:;=–—-]{0,4}$/;
const NOUN = '(?:outage|downtime|incident|disruption|degradation|unavailability|data loss|interruption|stall|halt|effect|impact|service outage|storage system outage)';
const LASTED_BEFORE = new RegExp(
  `(?:\\b${NOUN}\\b[^.;]{0,40}?\\b(?:lasted|lasting|persisted|continued)[ \\t]+(?:for[ \\t]+)?(?:about|approximately|around|roughly|nearly|~)?[ \\t]*$)` +
    `|(?:\\b${NOUN}[ \\t]+(?:for|of)[ \\t]+(?:about|approximately|around|roughly|~)?[ \\t]*$)` +
    `|(?:\\b(?:was|were|been|be)[ \\t]+(?:completely[ \\t]+|totally[ \\t]+|fully[ \\t]+)?(?:down|unavailable|offline|unusable|unreachable|inaccessible)[ \\t]+for[ \\t]+(?:about|approximately|around|roughly|~)?[ \\t]*$)`,
  'i',
);
const NOUN_AFTER = new RegExp(`^(?:[ \\t]+(?:long[ \\t]+)?(?:[\\w-]+[ \\t]+){0,2}${NOUN}\\b|[ \\t]+of[ \\t]+(?:total[ \\t]+)?${NOUN}\\b)`, 'i');
const WINDOW_AFTER = /^[ \t]+(?:[\w-]+[ \t]+)?window\b/i;
/** A part of the incident, not the whole: "the first restore took", "each outage", "within 5 minutes". */
const PART = /\b(?:first|second|third|last|each|another|one of|took|takes|average|typically|usually)\b/i;
const PART_RIGHT_BEFORE = /\b(?:within|after|before|until|since|in|every|per)[ \t]+(?:about|approximately|around|roughly|~)?[ \t]*$/i;
/** A document that speaks of several outages cannot say which one a sentence means. */
const SEVERAL = /\b(?:several|multiple|two|three|four|periodic|repeated|recurring|intermittent)[ \t]+(?:\w+[ \t]+)?(?:outages|incidents|events|periods|disruptions|episodes|interruptions)\b/i;
/** A unit of time: what every duration read here needs (most paragraphs have none). */
const MAY_HOLD_DURATION = /\d[ \t\u00a0-]?(?:d|h|m|s)\b|\b(?:days?|hours?|hrs?|minutes?|mins?|seconds?|secs?)\b|\d:\d\d[ \t]?h\b/i;
const SENTENCE_END = /[.!?](?=[ \t\n]|$)/g;

export function findStatedDurations(document: PostmortemDocument): StatedDuration[] {
  const found: StatedDuration[] = [];
  const incidents = document.incidents;
  const entryLines = new Set<number>();
  for (const timeline of document.timelines) {
    if (timeline.kind !== 'sequence') continue;
    for (const entry of timeline.entries) for (let line = entry.entrySpan.start.line; line <= entry.entrySpan.end.line; line++) entryLines.add(line);
  }
  const rangeLines = new Set<number>();
  const spanOf = (view: TextView, start: number, end: number) => document.lines.span(view.offset(start), view.offset(end - 1) + 1);

  // Lengths beside ranges, and prose about the whole incident, paragraph by paragraph: first on
  // the plain text (most paragraphs state nothing), then through the view for exact places.
  const several = () => (severalOutages ??= SEVERAL.test(document.text));
  let severalOutages: boolean | undefined;
  for (const paragraph of document.paragraphs) {
    if (paragraph.quoted || !MAY_HOLD_DURATION.test(paragraph.text)) continue;
    if (readParagraph(paragraph.text.replace(/\n/g, ' '), () => true, several).length === 0) continue;
    const view = document.textOf(paragraph.node);
    const text = view.text.replace(/\n/g, ' ');
    const lineOf = (index: number) => document.lines.point(view.offset(index)).line;
    // Lengths in code, in a URL ("…range_input=6h…") or in a timeline entry are not stated here.
    const counts = (index: number) => readable(view, index) && !entryLines.has(lineOf(index));
    for (const statement of readParagraph(text, counts, several)) {
      const { duration, range } = statement;
      const incident = incidentAt(incidents, view.offset(statement.start));
      const span = spanOf(view, statement.start, statement.end);
      const measured = range ? { text: text.slice(range.openingStart, range.end), seconds: rangeLength(range) } : null;
      if (statement.kind === 'range') {
        rangeLines.add(lineOf(duration.start));
        found.push(stated('range', 'duration', text.slice(statement.start, statement.end), duration, span, measured, incident));
      } else found.push(stated('prose', 'duration', statement.label, duration, span, measured, incident));
    }
  }

  // Fields.
  const fieldDurations = new Map<Field, StatedDuration>();
  for (const field of document.fields) {
    if (rangeLines.has(field.span.start.line)) continue;
    const label = normalizeText(field.label);
    const question = spanQuestion(label);
    const metric = question?.metric ?? METRICS.find(([pattern]) => pattern.test(label))?.[1];
    if (!metric || NOT_MEASURED.test(label)) continue;
    if (findTimeRanges(field.value).length > 0) continue;
    // The value's first length is the one it states; a bound ("< 1 minute") or a range's end states none.
    const duration = findDurations(field.value)[0] ?? (metric === 'duration' ? readClockDuration(field.value) : null);
    if (!duration || duration.bound || RANGE_BEFORE.test(field.value.slice(0, duration.start))) continue;
    const entry = stated('field', metric, field.label.replace(/\s+/g, ' '), duration, field.span, null, incidentAt(incidents, field.span.start.offset));
    if (question) Object.assign(entry, { from: question.from, to: question.to });
    else if (metric !== 'acknowledgement' && FROM_DETECTION.test(`${label} ${normalizeText(field.value)}`)) entry.from = ['detected'];
    found.push(entry);
    fieldDurations.set(field, entry);
  }

  found.push(...fieldTotals(document, fieldDurations), ...tableTotals(document));
  return found.sort((a, b) => a.span.start.offset - b.span.start.offset);
}

interface ParagraphStatement {
  kind: 'range' | 'prose';
  duration: DurationMatch;
  range: TimeRangeMatch | undefined;
  label: string;
  /** Where it is stated, with its range. */
  start: number;
  end: number;
}

/**
 * The lengths a paragraph states beside a range, and its sentences about the whole
 * incident (see the file's comment); `counts` says whether a place in the text is prose.
 */
function readParagraph(text: string, counts: (index: number) => boolean, several: () => boolean): ParagraphStatement[] {
  const statements: ParagraphStatement[] = [];
  const durations = findDurations(text).filter((duration) => !duration.bound && counts(duration.start));
  if (durations.length === 0) return statements;
  const ranges = /\d:\d\d/.test(text) ? findTimeRanges(text).filter((range) => counts(range.start)) : [];
  const besideRange = new Set<DurationMatch>();
  for (const range of ranges) {
    const duration = durations.find(
      (candidate) =>
        !besideRange.has(candidate) &&
        ((candidate.end <= range.openingStart && ADJACENT.test(text.slice(candidate.end, range.openingStart))) ||
          (candidate.start >= range.end && ADJACENT.test(text.slice(range.end, candidate.start)))),
    );
    if (!duration) continue;
    besideRange.add(duration);
    statements.push({ kind: 'range', duration, range, label: '', start: Math.min(range.start, duration.start), end: Math.max(range.end, duration.end) });
  }
  for (const sentence of sentences(text)) {
    const inside = durations.filter((duration) => duration.start >= sentence.start && duration.end <= sentence.end && !besideRange.has(duration));
    if (inside.length !== 1 || findDurations(text.slice(sentence.start, sentence.end)).length !== 1) continue;
    const duration = inside[0]!;
    const before = text.slice(Math.max(sentence.start, duration.start - 120), duration.start);
    const after = text.slice(duration.end, Math.min(sentence.end, duration.end + 80));
    const lasted = LASTED_BEFORE.exec(before);
    const noun = lasted ? null : NOUN_AFTER.exec(after);
    if (!lasted && !noun) continue;
    if (WINDOW_AFTER.test(after) || PART.test(before.slice(-40)) || PART_RIGHT_BEFORE.test(before)) continue;
    const sentenceRanges = ranges.filter((range) => range.start >= sentence.start && range.end <= sentence.end);
    if (sentenceRanges.length > 1 || several()) continue;
    const range = sentenceRanges[0];
    const label = (lasted ? `${before.slice(lasted.index).trim()} ${duration.text}` : `${duration.text}${noun![0]}`).replace(/\s+/g, ' ');
    const start = range ? Math.min(range.start, duration.start) : duration.start;
    const end = range ? Math.max(range.end, duration.end) : duration.end;
    statements.push({ kind: 'prose', duration, range, label, start, end });
  }
  return statements;
}

/** Whether text[index] is prose: not code, not part of a URL. */
function readable(view: TextView, index: number): boolean {
  if (TextView.within(view.code, index)) return false;
  // The word it stands in, looked for within a bounded window (a URL is shorter than this).
  const window = view.text.slice(Math.max(0, index - 200), index);
  const token = window.slice(Math.max(window.lastIndexOf(' '), window.lastIndexOf('\n'), window.lastIndexOf('\t')) + 1);
  return !/:\/\/|^www\.|[?&=]/.test(token);
}

function stated(
  kind: StatedDuration['kind'],
  metric: DurationMetric,
  label: string,
  duration: DurationMatch,
  span: Span,
  range: StatedDuration['range'],
  incident: Incident | null,
): StatedDuration {
  return {
    kind, metric, label, seconds: duration.seconds, text: duration.text, approximate: duration.approximate, unitSeconds: duration.unitSeconds,
    span, range, from: [...SPANS[metric].from], to: [...SPANS[metric].to], incident, parts: null,
  };
}

/** A range's length; across midnight when it ends before it starts. */
function rangeLength(range: TimeRangeMatch): number {
  let length = range.to.seconds - range.from.seconds;
  const fromOffset = range.fromZone?.offsetMinutes ?? range.toZone?.offsetMinutes;
  const toOffset = range.toZone?.offsetMinutes ?? range.fromZone?.offsetMinutes;
  if (fromOffset != null && toOffset != null) length -= (toOffset - fromOffset) * 60;
  if (length < 0) length += 86400;
  return length;
}

function* sentences(text: string): Generator<{ start: number; end: number }> {
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    yield { start, end: m.index + 1 };
    start = m.index + 1;
  }
  if (start < text.length) yield { start, end: text.length };
}

/** "Total: 50 minutes" among "Time to detect: 4 minutes", … in one list or block: the parts' sum. */
function fieldTotals(document: PostmortemDocument, durations: Map<Field, StatedDuration>): StatedDuration[] {
  const totals: StatedDuration[] = [];
  for (const field of document.fields) {
    if (!TOTAL.test(normalizeText(field.label))) continue;
    const total = findDurations(field.value).find((candidate) => !candidate.bound);
    if (!total) continue;
    const parts = [...durations.entries()].filter(
      ([part]) => part !== field && part.section === field.section && part.source === field.source && part.span.start.offset < field.span.start.offset && part.span.start.line >= field.span.start.line - 8,
    );
    if (parts.length < 2) continue;
    const entry = stated('total', 'duration', field.label, total, field.span, null, incidentAt(document.incidents, field.span.start.offset));
    entry.parts = parts.map(([part, duration]) => ({ label: part.label, seconds: duration.seconds, text: duration.text }));
    totals.push(entry);
  }
  return totals;
}

/** A table of phases with a "Total" row: | Detect | 4 minutes | … | **Total** | 40 minutes |. */
function tableTotals(document: PostmortemDocument): StatedDuration[] {
  const totals: StatedDuration[] = [];
  for (const table of document.tables) {
    const totalRow = table.rows.find((row) => TOTAL_HINT.test(row.cells[0]?.text ?? '') && TOTAL.test(normalizeText(row.cells[0]!.text)));
    if (!totalRow) continue;
    for (let column = 1; column < table.columns.length; column++) {
      const total = findDurations(totalRow.cells[column]?.text ?? '').find((candidate) => !candidate.bound);
      if (!total) continue;
      const parts = partsOf(table, column, totalRow.index);
      if (!parts || parts.length < 2) continue;
      const cell = totalRow.cells[column]!;
      const entry = stated('total', 'duration', totalRow.cells[0]!.text, total, cell.span, null, incidentAt(document.incidents, cell.span.start.offset));
      entry.parts = parts;
      totals.push(entry);
    }
  }
  return totals;
}

function partsOf(table: TableModel, column: number, totalIndex: number): StatedDuration['parts'] {
  const parts: NonNullable<StatedDuration['parts']> = [];
  for (const row of table.rows) {
    if (row.index === totalIndex) continue;
    const [duration, ...more] = findDurations(row.cells[column]?.text ?? '');
    // Every other row holds one length: else the column is not a list of parts.
    if (!duration || more.length > 0 || duration.bound) return null;
    parts.push({ label: row.cells[0]?.text ?? '', seconds: duration.seconds, text: duration.text });
  }
  return parts;
}

