import type { Rule } from '../src/engine/types.js';
import actionItemFields from './action-item-fields/index.js';
import dateConsistency from './date-consistency/index.js';
import durationConsistency from './duration-consistency/index.js';
import metadataFields from './metadata-fields/index.js';
import noEmptySections from './no-empty-sections/index.js';
import noPlaceholders from './no-placeholders/index.js';
import requiredSections from './required-sections/index.js';
import textEncoding from './text-encoding/index.js';
import timelineOrder from './timeline-order/index.js';
import validFrontMatter from './valid-front-matter/index.js';
import blamelessLanguage from './blameless-language/index.js';
import hypothesisConfidence from './hypothesis-confidence/index.js';

/** Every built-in rule, in the order they run and are documented. */
export const rules: ReadonlyArray<Rule<any>> = [
  requiredSections,
  noEmptySections,
  validFrontMatter,
  textEncoding,
  noPlaceholders,
  metadataFields,
  timelineOrder,
  durationConsistency,
  dateConsistency,
  actionItemFields,
  blamelessLanguage,
  hypothesisConfidence,
];
