import type { Nodes, Paragraph } from 'mdast';
import { defineRule } from '../../src/engine/types.js';
import type { PostmortemDocument } from '../../src/model/document.js';
import { proseBlock, type ProseBlock } from '../../src/model/prose.js';
import { SectionKindResolver } from '../../src/model/section-kinds.js';
import { plainText } from '../../src/model/inline.js';
import type { Section } from '../../src/model/types.js';
import { CATEGORIES, CATEGORY_INFO, PHRASES, type Category } from './phrases.js';
import { compileEntry, phraseWords, PhraseMatcher, tokenize, type PhraseMatch, type Token } from './matcher.js';

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

/** Words between a subject and its verb that keep the subject: "Kevin then simply forgot". */
const SKIPPED_BEFORE_VERB = new Set([
  'also', 'just', 'then', 'simply', 'again', 'still', 'apparently', 'accidentally', 'mistakenly', 'inadvertently',
  'completely', 'totally', 'clearly', 'probably', 'had', 'has', 'have', 'did', 'once', 'later', 'subsequently', 'initially',
  'unfortunately', 'crucially', 'somehow', 'even',
]);
const NEGATORS = new Set(['not', 'never', 'no', 'nobody', 'none', 'neither', 'nor', 'cannot', 'without', 'nothing']);
const FIRST_OR_SECOND_PERSON = new Set(['we', 'i', 'you', 'us']);
/** Subjects that are people whatever the verb. */
const PERSON_PRONOUNS = new Set(['he', 'she', 'someone', 'somebody', 'everyone', 'everybody', 'anyone', 'anybody']);
/** People by role. */
const ROLES = new Set([
  'engineer', 'engineers', 'operator', 'operators', 'developer', 'developers', 'dev', 'devs', 'sre', 'sres', 'admin',
  'admins', 'administrator', 'administrators', 'on-call', 'oncall', 'on-caller', 'responder', 'responders', 'reviewer',
  'reviewers', 'author', 'commander', 'ic', 'employee', 'employees', 'contractor', 'intern', 'teammate', 'colleague',
  'person', 'manager', 'lead', 'approver', 'human', 'humans', 'staff', 'member', 'members', 'dba', 'sysadmin', 'maintainer',
  'maintainers', 'release-manager', 'deployer', 'assignee', 'owner',
]);
/** Roles that name software as often as people ("the client failed to connect"), so count only for verbs only people do. */
const PERSON_VERB_ROLES = new Set(['user', 'users', 'customer', 'customers', 'they']);
const DETERMINERS = new Set(['the', 'a', 'an', 'our', 'their', 'his', 'her', 'this', 'that', 'one', 'another', 'my', 'your']);
const CONJUNCTIONS = new Set(['and', 'but', 'or', 'so', 'yet']);
/** Broadcast mentions address a channel, not a person. */
const BROADCAST = new Set(['channel', 'here', 'everyone', 'all']);

/** Headings and bold notes about blameless culture quote the wording they ask authors to avoid. */
const ABOUT_BLAME = /\bblame/i;
const SENTENCE_END = /[.!?]\s|[.!?]$|\uFFFC/;
const CLAUSE_BREAK = /[.!?;:()[\]"“”\uFFFC]/;

interface Compiled {
  matcher: PhraseMatcher;
  allowed: Set<string>;
  ignored: { kinds: Set<string>; titles: SectionKindResolver | null };
}

const compiledByOptions = new WeakMap<Options, Compiled>();

function compile(options: Options): Compiled {
  let compiled = compiledByOptions.get(options);
  if (compiled) return compiled;
  const matcher = new PhraseMatcher();
  for (const entry of PHRASES) matcher.add(entry.words, compileEntry(entry));
  for (const extra of options.extra) {
    const words = phraseWords(extra.phrase);
    if (words.length === 0) continue;
    matcher.add(words, { category: extra.category, suggestion: extra.suggestion, subject: null, notBefore: null, notAfter: null, custom: true });
  }
  compiled = {
    matcher,
    allowed: new Set(options.allow.map((phrase) => phraseWords(phrase).join(' '))),
    ignored: {
      kinds: new Set(options.ignoreSections),
      titles: options.ignoreSections.length > 0 ? new SectionKindResolver({ ignored: options.ignoreSections }, false) : null,
    },
  };
  compiledByOptions.set(options, compiled);
  return compiled;
}

const messages: Record<string, string> = {};
for (const category of CATEGORIES) {
  messages[category] = `"{{phrase}}" ${CATEGORY_INFO[category].problem}: {{suggestion}} (blameless-language: ${category}).`;
}
messages.custom = '"{{phrase}}" is wording this project avoids: {{suggestion}} (blameless-language: {{category}}).';

export default defineRule<Options>({
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
  check(document, context) {
    const compiled = compile(context.options);
    const { categories } = context.options;
    const skipped = blamelessNotes(document);
    const sectionSkipped = new Map<Section, boolean>();
    const isSkippedSection = (section: Section | null): boolean => {
      if (!section) return false;
      let skip = sectionSkipped.get(section);
      if (skip === undefined) {
        skip =
          ABOUT_BLAME.test(section.title) ||
          section.kinds.some((kind) => compiled.ignored.kinds.has(kind)) ||
          (compiled.ignored.titles?.resolve(section.title).length ?? 0) > 0 ||
          isSkippedSection(section.parent);
        sectionSkipped.set(section, skip);
      }
      return skip;
    };
    const scan = (node: Nodes, section: Section | null) => {
      const start = node.position?.start.offset ?? 0;
      if (isSkippedSection(section) || skipped.some(([from, to]) => start >= from && start < to)) return;
      const block = proseBlock(node, document.text);
      if (block.text.length === 0) return;
      for (const finding of findPhrases(block, compiled, categories, document)) {
        const { phrase } = finding.match;
        const data: Record<string, string> = { phrase: finding.text, suggestion: phrase.suggestion };
        if (phrase.custom) data.category = phrase.category;
        context.report({
          offsets: { start: block.offset(finding.start), end: block.offset(finding.end - 1) + 1 },
          messageId: phrase.custom ? 'custom' : phrase.category,
          data,
        });
      }
    };
    for (const paragraph of document.paragraphs) scan(paragraph.node, paragraph.section);
    for (const table of document.tables) {
      for (const row of table.rows) for (const cell of row.cells) scan(cell.node, table.section);
    }
  },
});

interface Finding {
  match: PhraseMatch;
  /** Range in the block's text, the subject of a blame verb included. */
  start: number;
  end: number;
  text: string;
}

function* findPhrases(
  block: ProseBlock,
  compiled: Compiled,
  categories: Record<Category, boolean>,
  document: PostmortemDocument,
): Generator<Finding> {
  const { text } = block;
  const tokens = tokenize(text);
  if (tokens.length === 0) return;
  const excluded = excludedMask(text.length, [...block.quoted, ...block.urls]);
  const sentenceStart = sentenceStarts(text, tokens);
  for (let i = 0; i < tokens.length; i++) {
    if (excluded?.[tokens[i]!.start]) continue;
    const match = compiled.matcher.matchAt(text, tokens, i);
    if (!match) continue;
    const last = tokens[match.end - 1]!;
    const { phrase } = match;
    const words = tokens.slice(match.first, match.end).map((token) => token.word).join(' ');
    const reject =
      (excluded && excluded[last.end - 1]) ||
      (!phrase.custom && !categories[phrase.category as Category]) ||
      compiled.allowed.has(words) ||
      (phrase.notBefore && match.end < tokens.length && phrase.notBefore.has(tokens[match.end]!.word)) ||
      (phrase.notAfter && i > 0 && phrase.notAfter.has(tokens[i - 1]!.word));
    if (reject) continue;
    let start = tokens[i]!.start;
    if (phrase.subject) {
      const subject = blamedSubject(text, tokens, i, sentenceStart[i]!, phrase.subject, document);
      if (subject === null) continue;
      start = subject;
    } else {
      if (negated(tokens, i, sentenceStart[i]!)) continue;
      if (phrase.category === 'assumed-knowledge' && isParenthetical(text, tokens[i]!.start, last.end)) continue;
    }
    yield { match, start, end: last.end, text: text.slice(start, last.end).replace(/\s+/g, ' ') };
    i = match.end - 1;
  }
}

/** Marks the characters inside quotations and URLs; null when there are none. */
function excludedMask(length: number, ranges: Array<[number, number]>): Uint8Array | null {
  if (ranges.length === 0) return null;
  const mask = new Uint8Array(length);
  for (const [from, to] of ranges) mask.fill(1, from, to);
  return mask;
}

/** For each token, the index of the first token of its sentence. */
function sentenceStarts(text: string, tokens: Token[]): number[] {
  const starts = new Array<number>(tokens.length);
  let current = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (i > 0 && SENTENCE_END.test(text.slice(tokens[i - 1]!.end, tokens[i]!.start))) current = i;
    starts[i] = current;
  }
  return starts;
}

function isNegator(word: string): boolean {
  return NEGATORS.has(word) || word.endsWith("n't");
}

/** "not human error", "no one is to blame", "wasn't obviously wrong": up to three words back. */
function negated(tokens: Token[], first: number, sentenceStart: number): boolean {
  for (let k = first - 1; k >= Math.max(sentenceStart, first - 3); k--) {
    if (isNegator(tokens[k]!.word)) return true;
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
 * The start of the subject that a blame verb blames, or null when it blames no one. See
 * `Subject` in phrases.ts for which subjects count. An aside set off by commas between
 * subject and verb is looked across when the word before the verb names no one:
 * "Kevin, in the rush, forgot"; "… and, in the rush, forgot".
 */
function blamedSubject(
  text: string,
  tokens: Token[],
  verb: number,
  sentenceStart: number,
  kind: 'person' | 'named',
  document: PostmortemDocument,
): number | null {
  const k = skipToSubject(text, tokens, verb - 1, sentenceStart);
  if (k === null) return null;
  const subject = subjectAt(text, tokens, k, verb, sentenceStart, kind, document);
  if (subject !== null || !/,/.test(text.slice(tokens[k]!.end, tokens[k + 1]!.start))) return subject;
  // The word before the verb closes an aside: find where it opens, within five words.
  for (let j = k; j > Math.max(sentenceStart, k - 5); j--) {
    const gap = text.slice(tokens[j - 1]!.end, tokens[j]!.start);
    if (CLAUSE_BREAK.test(gap)) return null;
    if (gap.includes(',')) {
      const before = skipToSubject(text, tokens, j - 1, sentenceStart);
      return before === null ? null : subjectAt(text, tokens, before, verb, sentenceStart, kind, document);
    }
  }
  return null;
}

/** From token k backwards, past adverbs and auxiliaries ("then simply had"); null at a negation or a clause break. */
function skipToSubject(text: string, tokens: Token[], k: number, sentenceStart: number): number | null {
  for (; k >= sentenceStart; k--) {
    if (CLAUSE_BREAK.test(text.slice(tokens[k]!.end, tokens[k + 1]!.start))) return null;
    const { word, raw } = tokens[k]!;
    if (isNegator(word)) return null;
    const adverb = word.length > 4 && word.endsWith('ly') && raw === word;
    if (!SKIPPED_BEFORE_VERB.has(word) && !adverb) return k;
  }
  return null;
}

/** Whether token k, just before a blame verb, is a subject that blames someone: its start, or null. */
function subjectAt(
  text: string,
  tokens: Token[],
  k: number,
  verb: number,
  sentenceStart: number,
  kind: 'person' | 'named',
  document: PostmortemDocument,
): number | null {
  const token = tokens[k]!;
  const { word, raw } = token;
  if (text[token.start - 1] === '@' && !/[\p{L}\p{N}]/u.test(text[token.start - 2] ?? ' ')) {
    return BROADCAST.has(word) ? null : token.start - 1;
  }
  if (text[token.end] === '@' && !/[\p{L}\p{N}]/u.test(text[token.end + 1] ?? ' ')) return token.start;
  if (FIRST_OR_SECOND_PERSON.has(word)) return null;
  if (PERSON_PRONOUNS.has(word)) return token.start;
  if (ROLES.has(word) || (kind === 'person' && PERSON_VERB_ROLES.has(word))) return roleStart(text, tokens, k, sentenceStart);
  if (CONJUNCTIONS.has(word)) {
    // "…; and crucially, forgot": the subject is left out; "we … and forgot" owns the omission.
    if (kind !== 'person') return null;
    for (let j = sentenceStart; j < k; j++) if (FIRST_OR_SECOND_PERSON.has(tokens[j]!.word)) return null;
    return tokens[verb]!.start;
  }
  const people = document.people;
  if (people.isNameWord(raw) || people.isHandle(raw)) {
    let first = k;
    while (
      first > Math.max(sentenceStart, k - 3) &&
      people.isNameWord(tokens[first - 1]!.raw) &&
      /^\s+$/.test(text.slice(tokens[first - 1]!.end, tokens[first]!.start))
    ) {
      first--;
    }
    return tokens[first]!.start;
  }
  // A capitalised word before a verb only people do is a name: "Kevin forgot".
  if (kind === 'person' && /^\p{Lu}/u.test(raw)) return token.start;
  return null;
}

/** "the on-call engineer": back to a determiner within three words, else the role alone. */
function roleStart(text: string, tokens: Token[], role: number, sentenceStart: number): number {
  for (let j = role - 1; j >= Math.max(sentenceStart, role - 3); j--) {
    if (!/^\s+$/.test(text.slice(tokens[j]!.end, tokens[j + 1]!.start))) break;
    if (DETERMINERS.has(tokens[j]!.word)) return tokens[j]!.start;
  }
  return tokens[role]!.start;
}

/**
 * Offsets ranges of bold notes about blameless culture ("**This postmortem follows the
 * blameless postmortem principles:**") and what follows them up to the next heading,
 * thematic break or bold note.
 */
function blamelessNotes(document: PostmortemDocument): Array<[number, number]> {
  const notes = document.paragraphs.filter((paragraph) => isBoldNote(paragraph.node));
  const ranges: Array<[number, number]> = [];
  for (const note of notes) {
    if (!ABOUT_BLAME.test(plainText(note.node))) continue;
    const from = note.span.start.offset;
    let to = document.text.length;
    for (const section of document.sections) {
      if (section.span.start.offset > from) {
        to = section.span.start.offset;
        break;
      }
    }
    for (const node of document.tree.children) {
      const at = node.position?.start.offset ?? 0;
      if (at > from && at < to && node.type === 'thematicBreak') to = at;
    }
    for (const other of notes) {
      const at = other.span.start.offset;
      if (at > from && at < to) to = at;
    }
    ranges.push([from, to]);
  }
  return ranges;
}

/** A paragraph of only bold or italic text, perhaps with a colon: a heading in all but name. */
function isBoldNote(node: Paragraph): boolean {
  const [first, ...rest] = node.children;
  if (!first || (first.type !== 'strong' && first.type !== 'emphasis')) return false;
  return rest.every((child) => child.type === 'text' && /^\s*:?\s*$/.test(child.value));
}
