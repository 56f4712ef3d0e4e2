import type { Paragraph, TableCell } from 'mdast';
import { defineRule } from '../../src/engine/types.js';
import { GAP, inRanges, SectionFilter, TextView, upperBound, type People, type PostmortemDocument, type Section } from '../../src/model/index.js';
import {
  CATEGORIES, CATEGORY_INFO, DECISION_LINKS, DECISION_SUBJECTS, DECISIONS, EXPECTED_OUTCOMES, HINDSIGHT, IRREGULAR_ACTIONS,
  IRREGULAR_PARTICIPLES, NORM_WORDS, NOT_ROOT_CAUSE_ACTIONS, PHRASES, ROOT_CAUSE_ADVERBS, ROOT_CAUSE_LABEL, ROOT_CAUSE_SUGGESTION,
  type Category,
} from './phrases.js';
import { compileEntry, phraseWords, PhraseMatcher, tokenize, type CompiledPhrase, type PhraseMatch } from './matcher.js';
import { blamedSubject, clauseBreak, FIRST_OR_SECOND_PERSON, FIRST_PERSON, isNegator, isPersonSubject, isSystemSubject, namesPeople, type Words } from './subjects.js';

interface ExtraPhrase {
  phrase: string;
  category: string;
  suggestion: string;
}

interface Options {
  allow: string[];
  extra: ExtraPhrase[];
  categories: Record<Category, boolean>;
  ignoreSections: string[];
}

/** Headings and bold notes about blameless culture quote the wording they ask authors to avoid. */
const ABOUT_BLAME = /\bblame/i;

interface Compiled {
  matcher: PhraseMatcher;
  /** A word every phrase needs: blocks without one are not read word by word. */
  prefilter: RegExp;
  allowed: Set<string>;
  ignored: SectionFilter;
}

function compile(options: Options): Compiled {
  const matcher = new PhraseMatcher();
  const required = new Set<string>();
  for (const entry of PHRASES) {
    matcher.add(entry.words, compileEntry(entry));
    for (const word of requiredWords(entry.words)) required.add(word);
  }
  // A decision in the passive, then "… when it should have …" (see DECISIONS).
  for (const word of ['should', "should've", 'ought']) required.add(word);
  for (const extra of options.extra) {
    const words = phraseWords(extra.phrase);
    if (words.length === 0) continue;
    matcher.add(words, { category: extra.category, suggestion: extra.suggestion, subject: null, notBefore: null, notAfter: null, custom: true });
    for (const word of requiredWords(words)) required.add(word);
  }
  return {
    matcher,
    prefilter: wordsPattern(required),
    allowed: new Set(options.allow.map((phrase) => phraseWords(phrase).join(' '))),
    ignored: new SectionFilter(options.ignoreSections),
  };
}

/** The alternatives of a phrase's most telling position (its longest words): "at fault" needs "fault". */
function requiredWords(words: ReadonlyArray<string | readonly string[]>): readonly string[] {
  let best: readonly string[] = [];
  let bestLength = -1;
  for (const position of words) {
    const alternatives = typeof position === 'string' ? [position] : position;
    const shortest = Math.min(...alternatives.map((word) => word.length));
    if (shortest > bestLength) {
      best = alternatives;
      bestLength = shortest;
    }
  }
  return best;
}

/**
 * One case-insensitive pattern of literal words: no repetition, so linear. ASCII word
 * boundaries (no `u` flag) make it an order of magnitude faster; it only has to let every
 * block with a phrase through, and the tokenizer decides.
 */
function wordsPattern(words: Iterable<string>): RegExp {
  const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]");
  const ascii = [...words].filter((word) => /^[\x20-\x7e]+$/.test(word)).map(escape);
  // Words with other letters (from `extra`) are looked for without boundaries.
  const other = [...words].filter((word) => !/^[\x20-\x7e]+$/.test(word)).map(escape);
  const alternatives = [`\\b(?:${ascii.join('|')})(?![A-Za-z0-9])`];
  if (other.length > 0) alternatives.push(`(?:${other.join('|')})`);
  return new RegExp(alternatives.join('|'), 'i');
}

const messages: Record<string, string> = {};
for (const category of CATEGORIES) {
  messages[category] = `"{{phrase}}" ${CATEGORY_INFO[category].problem}: {{suggestion}} (blameless-language: ${category}).`;
}
messages.custom = '"{{phrase}}" is wording this project avoids: {{suggestion}} (blameless-language: {{category}}).';

export default defineRule<Options, Compiled>({
  id: 'blameless-language',
  description: 'Reports blame, judgement and hindsight wording in the narrative ("human error", "Kevin forgot", "should have known"), with what to write instead.',
  severity: 'warn',
  recommended: true,
  messages,
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      allow: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        default: [],
        description:
          'Phrases never reported, compared word by word without case with the words matched (the subject of a blame verb excluded): `"obviously"`, `"failed to"`, `"should have tested"`.',
      },
      extra: {
        type: 'array',
        default: [],
        description:
          'More phrases to report, each `{ "phrase", "category", "suggestion" }`; matched as whole words, without case, wherever the built-in phrases are.',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['phrase', 'suggestion'],
          properties: {
            phrase: { type: 'string', minLength: 1, description: 'The words to report.' },
            category: { type: 'string', pattern: '^[a-z][a-z0-9-]*$', default: 'custom', description: 'Shown after the message.' },
            suggestion: { type: 'string', minLength: 1, description: 'What to write instead.' },
          },
        },
      },
      categories: {
        type: 'object',
        additionalProperties: false,
        description:
          'Turns categories of built-in phrases on or off: `human-error`, `blame-verb` (a person as the subject of "forgot", "failed to", "ignored", "broke", …), `judgement` ("careless", "at fault", …), `hindsight` ("should have known", "could have easily", …), `assumed-knowledge` ("obviously", "of course").',
        default: Object.fromEntries(CATEGORIES.map((category) => [category, true])),
        properties: Object.fromEntries(
          CATEGORIES.map((category) => [category, { type: 'boolean', default: true, description: `Report ${category} wording.` }]),
        ),
      },
      ignoreSections: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        default: [],
        description:
          'Sections not checked, with their sub-sections: a section kind (`lessons`, `timeline`, …) or a heading title (compared like section aliases). Sections about blameless culture are never checked.',
      },
    },
  },
  prepare: compile,
  check(document, context) {
    const compiled = context.prepared;
    const { categories } = context.options;
    const notes = blamelessNotes(document);
    const sectionSkipped = new Map<Section, boolean>();
    const isSkippedSection = (section: Section | null): boolean => {
      if (!section) return false;
      let skip = sectionSkipped.get(section);
      if (skip === undefined) {
        // The document's title ("# Blameless review: …") holds every section; it is not a note on culture.
        skip =
          (ABOUT_BLAME.test(section.title) && document.title?.heading !== section.heading) ||
          compiled.ignored.names(section) ||
          isSkippedSection(section.parent);
        sectionSkipped.set(section, skip);
      }
      return skip;
    };
    const people = () => document.people;
    const reported = new Set<number>();
    const report = (block: TextView, finding: Finding) => {
      const { phrase } = finding.match;
      const start = block.offset(finding.start);
      if (reported.has(start)) return;
      reported.add(start);
      const data: Record<string, string> = { phrase: finding.text, suggestion: phrase.suggestion };
      if (phrase.custom) data.category = phrase.category;
      context.report({ offsets: { start, end: block.offset(finding.end - 1) + 1 }, messageId: phrase.custom ? 'custom' : phrase.category, data });
    };
    const scan = (node: Paragraph | TableCell, plain: string, section: Section | null) => {
      if (!compiled.prefilter.test(plain) || isSkippedSection(section)) return;
      if (inRanges(notes, node.position?.start.offset ?? 0)) return;
      const block = document.textOf(node);
      for (const finding of findPhrases(block, compiled, categories, people)) report(block, finding);
    };
    // Quoted chat transcripts and logs are what people typed at the time, not the narrative.
    for (const paragraph of document.paragraphs) if (!paragraph.transcript) scan(paragraph.node, paragraph.text, paragraph.section);
    for (const table of document.tables) {
      for (const row of table.rows) for (const cell of row.cells) scan(cell.node, cell.text, table.section);
    }
    if (categories['blame-verb']) {
      for (const statement of rootCauseStatements(document)) {
        if (isSkippedSection(statement.section) || inRanges(notes, statement.view.offset(statement.from))) continue;
        const finding = peopleAsCause(statement.view, statement.from, compiled);
        if (finding) report(statement.view, finding);
      }
    }
  },
});

/** Root-cause statements: the value of a "Root Cause:" line, and the first block of a root-cause section. */
function* rootCauseStatements(document: PostmortemDocument): Generator<{ view: TextView; from: number; section: Section | null }> {
  for (const field of document.fields) {
    if (field.source !== 'line' || !ROOT_CAUSE_LABEL.test(field.label.trim()) || field.value === '') continue;
    const at = field.span.start.offset;
    const paragraph = document.paragraphs.find((candidate) => candidate.span.start.offset <= at && at < candidate.span.end.offset);
    if (!paragraph || paragraph.transcript) continue;
    const view = document.textOf(paragraph.node);
    yield { view, from: view.indexAt(at), section: field.section };
  }
  for (const section of document.sections) {
    if (!section.kinds.includes('root-cause')) continue;
    const first = section.content[0];
    const node = first?.type === 'list' ? first.children[0]?.children[0] : first;
    if (node?.type !== 'paragraph') continue;
    yield { view: document.textOf(node), from: 0, section };
  }
}

const ROOT_CAUSE: CompiledPhrase = {
  category: 'blame-verb', suggestion: ROOT_CAUSE_SUGGESTION, subject: null, notBefore: null, notAfter: null, custom: false,
};
const DECISION_HINDSIGHT: CompiledPhrase = {
  category: 'hindsight', suggestion: HINDSIGHT, subject: null, notBefore: null, notAfter: null, custom: false,
};
const ROOT_CAUSE_ADVERB_SET: ReadonlySet<string> = new Set(ROOT_CAUSE_ADVERBS);
const PLAIN_WORD = /^[\p{L}-]+$/u;
/** Words before the subject of a root-cause sentence: "The", "Night shift", "Two". */
const SUBJECT_WITHIN = 5;

/**
 * People as the root cause: in the first sentence of a statement, a role or he/she/someone
 * within its first words, then an action in the past tense ("Day shift engineers changed…").
 */
function peopleAsCause(view: TextView, from: number, compiled: Compiled): Finding | null {
  const words = readWords(view.masked(['code', 'gaps', 'bareLinks']));
  const { tokens, text } = words;
  const first = tokens.findIndex((token) => token.start >= from);
  if (first === -1) return null;
  let end = first;
  while (end < tokens.length && words.sentenceStart[end] === words.sentenceStart[first] && (end === first || !clauseBreak(words, end - 1))) end++;
  for (let role = first; role < Math.min(end, first + SUBJECT_WITHIN); role++) {
    if (!isPersonSubject(tokens[role]!.word)) continue;
    // "on-call engineer": the last role is the head.
    if (role + 1 < end && isPersonSubject(tokens[role + 1]!.word)) continue;
    // "the engineers' script": a possessive is not a subject.
    if (text[tokens[role]!.end] === "'" || text[tokens[role]!.end] === '’') return null;
    for (let k = first; k < role; k++) if (!PLAIN_WORD.test(tokens[k]!.raw) || text.slice(tokens[k]!.end, tokens[k + 1]!.start).trim() !== '') return null;
    let verb = role + 1;
    while (verb < end && ROOT_CAUSE_ADVERB_SET.has(tokens[verb]!.word)) verb++;
    if (verb >= end || text.slice(tokens[role]!.end, tokens[verb]!.start).trim() !== '') return null;
    const { word } = tokens[verb]!;
    if (NOT_ROOT_CAUSE_ACTIONS.has(word) || !(/^[a-z]{2,}ed$/.test(word) || IRREGULAR_ACTIONS.has(word))) return null;
    const phrase = tokens.slice(first, verb + 1).map((token) => token.word).join(' ');
    if (compiled.allowed.has(phrase)) return null;
    const start = tokens[first]!.start;
    return { match: { phrase: ROOT_CAUSE, first, end: verb + 1 }, start, end: tokens[verb]!.end, text: text.slice(start, tokens[verb]!.end).replace(/\s+/g, ' ') };
  }
  return null;
}

interface Finding {
  match: PhraseMatch;
  /** Range in the block's text, the subject of a blame verb included. */
  start: number;
  end: number;
  text: string;
}

function* findPhrases(
  block: TextView,
  compiled: Compiled,
  categories: Record<Category, boolean>,
  people: () => People,
): Generator<Finding> {
  // Code, HTML and links written as their URL are not prose: GAP keeps their place.
  const words = readWords(block.masked(['code', 'gaps', 'bareLinks']));
  const { text, tokens } = words;
  const excluded = excludedMask(text.length, [...block.quoted, ...block.urls]);
  const sentence = sentenceFacts(words, people);
  const phraseEnds: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (excluded?.[tokens[i]!.start]) continue;
    const match = compiled.matcher.matchAt(text, tokens, i);
    if (!match) continue;
    const last = tokens[match.end - 1]!;
    const { phrase } = match;
    const reject =
      (excluded && excluded[last.end - 1]) ||
      (!phrase.custom && !categories[phrase.category as Category]) ||
      compiled.allowed.has(tokens.slice(i, match.end).map((token) => token.word).join(' ')) ||
      (phrase.notBefore && match.end < tokens.length && phrase.notBefore.has(tokens[match.end]!.word)) ||
      (phrase.notAfter && i > 0 && phrase.notAfter.has(tokens[i - 1]!.word)) ||
      (phrase.onlyAfter && (i === 0 || !phrase.onlyAfter.has(tokens[i - 1]!.word)));
    if (reject) continue;
    let start = tokens[i]!.start;
    if (phrase.subject) {
      const subject = blamedSubject(words, i, phrase.subject, people);
      if (subject === null) continue;
      start = subject;
    } else {
      if (negated(words, i, phrase.category === 'human-error' ? 5 : 3)) continue;
      if (phrase.category === 'human-error' && deniesTheLabel(words, i, match.end)) continue;
      if (phrase.notInFirstPerson && sentence(i).firstPerson) continue;
      if (phrase.notAfterSystem && isSystemSubject(words, i, people)) continue;
      if (phrase.category === 'assumed-knowledge') {
        // "Obviously" judges only in a sentence about people or a norm, not one about "we" or a system.
        const facts = sentence(i);
        if (isParenthetical(text, tokens[i]!.start, last.end) || facts.firstPerson || !facts.aboutPeopleOrNorm) continue;
      }
    }
    yield { match, start, end: last.end, text: text.slice(start, last.end).replace(/\s+/g, ' ') };
    phraseEnds.push(last.end);
    i = match.end - 1;
  }
  if (categories.hindsight) {
    for (const finding of decisionHindsight(words, compiled)) {
      // A phrase already reported there ("should have tested") is not reported twice.
      if (!phraseEnds.some((end) => end > finding.start && end <= finding.end)) yield finding;
    }
  }
}

interface SentenceFacts {
  /** A first-person word: "we", "I", "us", "our", "my". */
  firstPerson: boolean;
  /** People (a role, a pronoun, a name the document lists) or a norm ("should", "wrong"). */
  aboutPeopleOrNorm: boolean;
}

/** What a word's sentence says about people, computed once per sentence. */
function sentenceFacts(words: Words, people: () => People): (index: number) => SentenceFacts {
  const bySentence = new Map<number, SentenceFacts>();
  return (index) => {
    const from = words.sentenceStart[index]!;
    let facts = bySentence.get(from);
    if (!facts) {
      facts = { firstPerson: false, aboutPeopleOrNorm: false };
      for (let k = from; k < words.tokens.length && words.sentenceStart[k] === from; k++) {
        const { word, raw } = words.tokens[k]!;
        if (FIRST_PERSON.has(word)) facts.firstPerson = true;
        // "Obviously" and "of course" are no names.
        if (namesPeople(word) || NORM_WORDS.has(word) || (word !== 'obviously' && people().isNameWord(raw))) facts.aboutPeopleOrNorm = true;
      }
      bySentence.set(from, facts);
    }
    return facts;
  };
}

const DECISION_SET: ReadonlySet<string> = new Set(DECISIONS);
const LINK_SET: ReadonlySet<string> = new Set(DECISION_LINKS);
const DECISION_SUBJECT_SET: ReadonlySet<string> = new Set(DECISION_SUBJECTS);

/** "The PR was merged on a Friday when it should have waited": the "should have …" of a decision in the passive. */
function* decisionHindsight(words: Words, compiled: Compiled): Generator<Finding> {
  const { tokens, text } = words;
  const word = (k: number) => (k < tokens.length ? tokens[k]!.word : '');
  const joined = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (k + 1 >= tokens.length || !/^\s+$/.test(text.slice(tokens[k]!.end, tokens[k + 1]!.start))) return false;
    return true;
  };
  // Whether a decision in the passive comes earlier in the sentence, word by word: one pass.
  let decidedIn = -1;
  for (let i = 0; i + 3 < tokens.length; i++) {
    const isDecision = ['was', 'were', 'got'].includes(word(i)) && DECISION_SET.has(word(i + 1)) && (word(i + 1) !== 'rolled' || word(i + 2) === 'out');
    if (isDecision) decidedIn = words.sentenceStart[i]!;
    if (!LINK_SET.has(word(i)) || !DECISION_SUBJECT_SET.has(word(i + 1))) continue;
    const should = i + 2;
    let verb: number;
    if (word(should) === 'should' && word(should + 1) === 'have') verb = should + 2;
    else if (word(should) === "should've") verb = should + 1;
    else if (word(should) === 'ought' && word(should + 1) === 'to' && word(should + 2) === 'have') verb = should + 3;
    else continue;
    const been = word(verb) === 'been';
    if (been) verb++;
    if (verb >= tokens.length || !joined(i, verb) || EXPECTED_OUTCOMES.has(word(verb))) continue;
    if (been && !/^[a-z]{2,}(?:ed|en)$/.test(word(verb)) && !IRREGULAR_PARTICIPLES.has(word(verb))) continue;
    if (decidedIn !== words.sentenceStart[i]) continue;
    const phrase = tokens.slice(should, verb + 1).map((token) => token.word).join(' ');
    if (compiled.allowed.has(phrase)) continue;
    const start = tokens[should]!.start;
    const end = tokens[verb]!.end;
    yield { match: { phrase: DECISION_HINDSIGHT, first: should, end: verb + 1 }, start, end, text: text.slice(start, end).replace(/\s+/g, ' ') };
  }
}

/** The words of a block with their sentences: one pass over the text. */
export function readWords(text: string): Words {
  const tokens = tokenize(text);
  const sentenceStart = new Array<number>(tokens.length);
  const firstPersonBefore = new Array<boolean>(tokens.length);
  let current = 0;
  let firstPerson = false;
  for (let i = 0; i < tokens.length; i++) {
    if (i > 0 && endsSentence(text, tokens[i - 1]!.end, tokens[i]!.start)) {
      current = i;
      firstPerson = false;
    }
    sentenceStart[i] = current;
    firstPersonBefore[i] = firstPerson;
    if (FIRST_OR_SECOND_PERSON.has(tokens[i]!.word)) firstPerson = true;
  }
  return { text, tokens, sentenceStart, firstPersonBefore };
}

/** Sentence punctuation followed by a space, or something skipped (code, HTML). */
function endsSentence(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const char = text[i]!;
    if (char === GAP) return true;
    if ((char === '.' || char === '!' || char === '?') && (i + 1 >= text.length || /\s/.test(text[i + 1]!))) return true;
  }
  return false;
}

/** Marks the characters inside quotations and URLs; null when there are none. */
function excludedMask(length: number, ranges: ReadonlyArray<{ start: number; end: number }>): Uint8Array | null {
  if (ranges.length === 0) return null;
  const mask = new Uint8Array(length);
  for (const { start, end } of ranges) mask.fill(1, start, end);
  return mask;
}

/**
 * "not human error", "no one is to blame", "wasn't obviously wrong", "no alert was ignored":
 * up to three words back (five for "human error": "not a case of human error"), within the
 * clause ("…is not empty; the warning was ignored").
 */
function negated(words: Words, first: number, reach = 3): boolean {
  for (let k = first - 1; k >= Math.max(words.sentenceStart[first]!, first - reach); k--) {
    if (clauseBreak(words, k)) return false;
    if (isNegator(words.tokens[k]!.word)) return true;
  }
  return false;
}

/** Words after "human error" that deny it is a cause: "is a symptom", "is never the root cause". */
const DENIAL_AFTER = new Set(['symptom', 'starting', 'never', 'rarely', 'seldom']);
/** Words before it that weigh the label rather than apply it: "tempting to call this human error", "rather than human error". */
const WEIGHING_BEFORE = new Set(['tempting', 'easy', 'rather', 'instead', 'beyond', 'past']);

/**
 * A sentence about the label "human error" rather than one that blames with it: "Human
 * error is a symptom, not a cause", "It would be easy to call this human error, but …",
 * "look past human error".
 */
function deniesTheLabel(words: Words, first: number, end: number): boolean {
  const { tokens } = words;
  const verb = tokens[end]?.word;
  if ((verb === 'is' || verb === 'was' || verb === 'are' || verb === "isn't" || verb === "wasn't") && !clauseBreak(words, end - 1)) {
    for (let k = end; k < Math.min(tokens.length, end + 4); k++) {
      if (k > end && clauseBreak(words, k - 1)) break;
      if (isNegator(tokens[k]!.word) || DENIAL_AFTER.has(tokens[k]!.word)) return true;
    }
  }
  for (let k = first - 1; k >= Math.max(words.sentenceStart[first]!, first - 6); k--) {
    if (clauseBreak(words, k)) break;
    if (WEIGHING_BEFORE.has(tokens[k]!.word)) return true;
  }
  return false;
}

/** "(obviously)": an aside to the reader about the outcome, not a claim about what was knowable. */
function isParenthetical(text: string, start: number, end: number): boolean {
  let before = start - 1;
  while (before >= 0 && text[before] === ' ') before--;
  let after = end;
  while (after < text.length && text[after] === ' ') after++;
  return text[before] === '(' && text[after] === ')';
}

/**
 * Offset ranges of bold notes about blameless culture ("**This postmortem follows the
 * blameless postmortem principles:**") and what follows each, up to the next heading,
 * thematic break or bold note. Sorted and disjoint.
 */
function blamelessNotes(document: PostmortemDocument): Array<[number, number]> {
  const boldNotes = document.paragraphs.filter((paragraph) => Boolean(paragraph.label?.emphasis));
  if (!boldNotes.some((note) => ABOUT_BLAME.test(note.label!.text))) return [];
  const boundaries = [
    ...document.sections.map((section) => section.span.start.offset),
    ...document.tree.children.filter((node) => node.type === 'thematicBreak').map((node) => node.position!.start.offset!),
    ...boldNotes.map((note) => note.span.start.offset),
  ].sort((a, b) => a - b);
  const ranges: Array<[number, number]> = [];
  for (const note of boldNotes) {
    if (!ABOUT_BLAME.test(note.label!.text)) continue;
    const from = note.span.start.offset;
    // The first boundary after the note.
    ranges.push([from, boundaries[upperBound(boundaries, from, (boundary) => boundary)] ?? document.text.length]);
  }
  return ranges;
}
