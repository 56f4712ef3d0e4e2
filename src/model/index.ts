export { PostmortemDocument, type ModelOptions } from './document.js';
export { Metadata } from './facts/metadata.js';
export { LineIndex } from './parse/positions.js';
export { SectionKindResolver, BUILT_IN_SECTION_ALIASES, KIND_TITLES, kindName } from './text/section-kinds.js';
export { MetadataKeyResolver, BUILT_IN_KEY_ALIASES } from './text/metadata-keys.js';
export { normalizeText, splitTitle, stripEmoji, closest, levenshtein, excerpt, oneLine, withoutTrailingNote } from './text/normalize.js';
export { plainText, inlineSourceToText } from './text/inline.js';
export { People, namesIn, namesSoftware, type Person } from './facts/people.js';
export type { Hypotheses, Hypothesis, HypothesisConfidence, HypothesisStatus, HypothesisSummary } from './facts/hypotheses.js';
export { GAP, TextView, quotedRanges, type TextRange, type LinkRange, type Masked } from './text/text-view.js';
export { parseMarkdown, getParseCount, SliceCache, UnparsableDocumentError, MAX_NESTING, MAX_INLINE_MARKERS, type ParseOptions } from './parse/parse.js';
export type * from './facts/types.js';
export * from './text/dates.js';
export type { IncidentDateSource, IncidentDateSourceKind } from './facts/incident-date.js';
export {
  findActionItems, normalizeStatus, statusMeaning, ACTION_ITEM_FIELDS, type ActionItem, type ActionItemField,
  type ActionItemFields, type ActionItemFieldName, type ActionItemTable, type ActionItemSource, type StatusMeaning,
} from './facts/action-items.js';
export * from './text/times.js';
export type { DocumentLanguage } from './text/language.js';
export type { IncidentSeverity } from './facts/severity.js';
export { RESPONSE_METRICS, type ResponseMetric, type ResponseTime, type ResponseTimes } from './facts/response-times.js';
export {
  placeEntries, entriesInTimeOrder, isBefore, datesOutOfPlace, statedDates, entryMilestones, entryMilestoneStatements, entryTextDates, type Timeline, type TimelineEntry, type TimedEntry, type PlacementOptions,
  type TimelineSource, type TimelineEntrySource, type EntrySecondClock, type DateOutOfPlace,
} from './facts/timeline.js';
export type { Incident } from './facts/incidents.js';
export type { StatedDuration, DurationMetric } from './facts/durations.js';
export type { ProseDates, WeekdayMention } from './facts/prose-dates.js';
export type { StatusPage, StatusUpdate, StatusMoment } from './facts/status-page.js';
export { FIRST_ENTRY_REACH, mustPrecede, type Milestone, type MilestoneStatement } from './facts/milestones.js';
export { findMojibake, type MojibakeRun, type MojibakeEncoding } from './text/mojibake.js';
export * from './text/placeholders.js';
export { SectionFilter } from './facts/section-filter.js';
export { CORE_KINDS, type Coverage, type TitledPlace, type TitleForm, type ImplicitCover, type ImplicitForm, type Statement, type Genre } from './facts/coverage.js';
export type { LinkFact } from './facts/links.js';
export type { Placeholder, PlaceholderCategory, PlaceholderKind, Placeholders, ProseBlock, LabelLine } from './facts/placeholders.js';
export { isTemplatePrompt, promptStart, isHereValue } from './text/template-prompts.js';
export { isTranscript } from './text/transcripts.js';
export type { SectionContent } from './facts/section-content.js';
export { EXAMPLE_LABELS, isExampleLabel } from './text/example-labels.js';
export { valueIsOneOf } from './text/values.js';
export {
  TemplateStandard, buildTemplateStandard, type TemplatePart, type TemplateField, type TemplateBlock, type TemplateBlockKind,
  type TemplateActionItemTable,
} from './facts/template.js';
export { lowerBound, upperBound, lastAtOrBefore, rangeHolding, inRanges } from './text/sorted.js';
