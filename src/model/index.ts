export { PostmortemDocument, type ModelOptions } from './document.js';
export { Metadata } from './facts/metadata.js';
export { LineIndex } from './parse/positions.js';
export { SectionKindResolver, BUILT_IN_SECTION_ALIASES, KIND_TITLES, kindName } from './text/section-kinds.js';
export { MetadataKeyResolver, BUILT_IN_KEY_ALIASES } from './text/metadata-keys.js';
export { normalizeText, splitTitle, stripEmoji, closest, levenshtein } from './text/normalize.js';
export { plainText, textRuns, inlineSourceToText, type TextRun } from './text/inline.js';
export { People, namesIn, type Person } from './facts/people.js';
export type { Hypotheses, Hypothesis, HypothesisConfidence, HypothesisStatus, HypothesisSummary } from './facts/hypotheses.js';
export { GAP, TextView, quotedRanges, type TextRange, type LinkRange, type Masked } from './text/text-view.js';
export { parseMarkdown, getParseCount, UnparsableDocumentError, MAX_NESTING, MAX_INLINE_MARKERS, type ParseOptions } from './parse/parse.js';
export type * from './facts/types.js';
export * from './text/dates.js';
export type { IncidentDateSource, IncidentDateSourceKind } from './facts/incident-date.js';
export {
  findActionItems, normalizeStatus, ACTION_ITEM_FIELDS, type ActionItem, type ActionItemField, type ActionItemFields,
  type ActionItemFieldName, type ActionItemTable,
} from './facts/action-items.js';
export * from './text/times.js';
export {
  placeEntries, isBefore, datesOutOfPlace, statedDates, entryMilestones, entryTextDates, type Timeline, type TimelineEntry, type TimedEntry, type PlacementOptions,
  type TimelineSource, type TimelineEntrySource, type EntrySecondClock, type DateOutOfPlace,
} from './facts/timeline.js';
export type { Incident } from './facts/incidents.js';
export type { StatedDuration, DurationMetric } from './facts/durations.js';
export type { ProseDates, WeekdayMention } from './facts/prose-dates.js';
export type { StatusPage, StatusUpdate, StatusMoment } from './facts/status-page.js';
export { mustPrecede, type Milestone } from './facts/milestones.js';
export { findMojibake, type MojibakeRun, type MojibakeEncoding } from './text/mojibake.js';
export * from './text/placeholders.js';
export { SectionFilter } from './facts/section-filter.js';
