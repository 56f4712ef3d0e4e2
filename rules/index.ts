import type { Rule } from '../src/engine/types.js';
import noEmptySections from './no-empty-sections/index.js';
import requiredSections from './required-sections/index.js';
import validFrontMatter from './valid-front-matter/index.js';
import blamelessLanguage from './blameless-language/index.js';
import hypothesisConfidence from './hypothesis-confidence/index.js';

/** Every built-in rule, in the order they run and are documented. */
export const rules: ReadonlyArray<Rule<any>> = [
  requiredSections,
  noEmptySections,
  validFrontMatter,
  blamelessLanguage,
  hypothesisConfidence,
];
