export { PostmortemDocument, type ModelOptions } from './document.js';
export { Metadata } from './metadata.js';
export { LineIndex } from './positions.js';
export { SectionKindResolver, BUILT_IN_SECTION_ALIASES, KIND_TITLES, kindName } from './section-kinds.js';
export { MetadataKeyResolver, BUILT_IN_KEY_ALIASES } from './metadata-keys.js';
export { normalizeText, splitTitle, stripEmoji, closest, levenshtein } from './normalize.js';
export { plainText, textRuns, inlineSourceToText, type TextRun } from './inline.js';
export { People, namesIn, type Person } from './people.js';
export type { Hypotheses, Hypothesis, HypothesisConfidence, HypothesisStatus, HypothesisSummary } from './hypotheses.js';
export { proseBlock, type ProseBlock } from './prose.js';
export { parseMarkdown, getParseCount, UnparsableDocumentError, MAX_NESTING, MAX_INLINE_MARKERS, type ParseOptions } from './parse.js';
export type * from './types.js';
export * from './dates.js';
export type { IncidentDateSource } from './incident-date.js';
export {
  findActionItems, normalizeStatus, ACTION_ITEM_FIELDS, type ActionItem, type ActionItemField, type ActionItemFields,
  type ActionItemFieldName, type ActionItemTable,
} from './action-items.js';
export * from './times.js';
export { placeEntries, isBefore, type Timeline, type TimelineEntry, type TimedEntry, type PlacementOptions, type TimelineSource, type TimelineEntrySource } from './timeline.js';
export { flattenInline, flatLines, joinFlat, sliceFlat, type FlatText } from './flat-text.js';
export { findMojibake, type MojibakeRun, type MojibakeEncoding } from './mojibake.js';
export * from './placeholders.js';
