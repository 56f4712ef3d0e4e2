import { namesSoftware, type People } from '../../src/model/index.js';
import type { Token } from './matcher.js';
import type { Subject } from './phrases.js';

/**
 * Who a blame verb blames: see `Subject` in phrases.ts for which subjects count. Works on
 * one block's words, with each word's sentence precomputed, so every question is answered
 * by looking a bounded number of words back.
 */

/** Words between a subject and its verb that keep the subject: "Kevin then simply forgot". */
const SKIPPED_BEFORE_VERB = new Set([
  'also', 'just', 'then', 'simply', 'again', 'still', 'apparently', 'accidentally', 'mistakenly', 'inadvertently',
  'completely', 'totally', 'clearly', 'probably', 'had', 'has', 'have', 'did', 'once', 'later', 'subsequently', 'initially',
  'unfortunately', 'crucially', 'somehow', 'even',
]);
const NEGATORS = new Set(['not', 'never', 'no', 'nobody', 'none', 'neither', 'nor', 'cannot', 'without', 'nothing']);
export const FIRST_OR_SECOND_PERSON = new Set(['we', 'i', 'you', 'us']);
/** A sentence with one of these is the team speaking of itself: "We have of course rotated the keys". */
export const FIRST_PERSON: ReadonlySet<string> = new Set(['we', 'i', 'us', 'our', 'my']);
/** Subjects that are people whatever the verb. */
const PERSON_PRONOUNS = new Set(['he', 'she', 'someone', 'somebody', 'everyone', 'everybody', 'anyone', 'anybody']);
/** People by role. */
const ROLES = new Set([
  'engineer', 'engineers', 'operator', 'operators', 'developer', 'developers', 'dev', 'devs', 'sre', 'sres', 'admin',
  'admins', 'administrator', 'administrators', 'on-call', 'oncall', 'on-caller', 'responder', 'responders', 'reviewer',
  'reviewers', 'author', 'commander', 'ic', 'employee', 'employees', 'contractor', 'contractors', 'intern', 'interns',
  'teammate', 'teammates', 'colleague', 'colleagues', 'person', 'manager', 'managers', 'lead', 'approver', 'human', 'humans',
  'staff', 'member', 'members', 'dba', 'dbas', 'sysadmin', 'sysadmins', 'maintainer', 'maintainers', 'deployer', 'assignee',
  'owner', 'on-callers',
]);
/** Subjects that name software or groups as often as people ("the client failed to connect"): only for verbs only people do. */
const PERSON_VERB_ROLES = new Set(['user', 'users', 'customer', 'customers', 'they']);
const DETERMINERS = new Set(['the', 'a', 'an', 'our', 'their', 'his', 'her', 'this', 'that', 'one', 'another', 'my', 'your']);
const CONJUNCTIONS = new Set(['and', 'but', 'or', 'so', 'yet']);
/** Broadcast mentions address a channel, not a person. */
const BROADCAST = new Set(['channel', 'here', 'everyone', 'all']);
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const CAPITALISED = /^\p{Lu}/u;

/** The words of one block of prose, with their sentences. */
export interface Words {
  text: string;
  tokens: Token[];
  /** Per word: the index of the first word of its sentence. */
  sentenceStart: number[];
  /** Per word: whether "we", "I" or "you" comes before it in its sentence. */
  firstPersonBefore: boolean[];
}

/** Words for people beyond ROLES and PERSON_PRONOUNS, for telling whether a sentence is about people. */
const PEOPLE_WORDS = new Set(['nobody', 'no-one', 'anyone', 'anybody', 'they', 'them', 'people', 'team', 'teams']);

/** Whether a word names people: a role, a pronoun for a person, "nobody", "the team". */
export function namesPeople(word: string): boolean {
  return ROLES.has(word) || PERSON_PRONOUNS.has(word) || PERSON_VERB_ROLES.has(word) || PEOPLE_WORDS.has(word);
}

/** Whether a word is a role or he, she, someone: who can be made the root cause. */
export function isPersonSubject(word: string): boolean {
  return ROLES.has(word) || word === 'he' || word === 'she' || word === 'someone' || word === 'somebody';
}

export function isNegator(word: string): boolean {
  return NEGATORS.has(word) || word.endsWith("n't");
}

/** Whether the text between two words is only spaces (no punctuation). */
function spaced(words: Words, left: number): boolean {
  const { text, tokens } = words;
  for (let i = tokens[left]!.end; i < tokens[left + 1]!.start; i++) {
    const char = text[i]!;
    if (char !== ' ' && char !== '\n' && char !== '\t' && char !== '\r') return false;
  }
  return true;
}

/** Whether the text between two words breaks a clause (sentence punctuation, brackets, quotes, code). */
export function clauseBreak(words: Words, left: number): boolean {
  const { text, tokens } = words;
  for (let i = tokens[left]!.end; i < tokens[left + 1]!.start; i++) {
    if ('.!?;:()[]"“”\uFFFC'.includes(text[i]!)) return true;
  }
  return false;
}

function hasComma(words: Words, left: number): boolean {
  const { text, tokens } = words;
  for (let i = tokens[left]!.end; i < tokens[left + 1]!.start; i++) if (text[i] === ',') return true;
  return false;
}

/**
 * The start offset (in the block's text) of the subject a blame verb blames, or null when
 * it blames no one. An aside set off by commas between subject and verb is looked across
 * when the word before the verb names no one: "Kevin, in the rush, forgot".
 */
export function blamedSubject(words: Words, verb: number, kind: Subject, people: () => People): number | null {
  const k = skipToSubject(words, verb - 1);
  if (k === null) return null;
  const subject = subjectAt(words, k, verb, kind, people);
  if (subject === null && !hasComma(words, k)) return subjectBeforeRelativeClause(words, k, verb, kind, people);
  if (subject !== null || !hasComma(words, k)) return subject;
  // The word before the verb closes an aside: find where it opens, within five words.
  const sentenceStart = words.sentenceStart[verb]!;
  for (let j = k; j > Math.max(sentenceStart, k - 5); j--) {
    if (clauseBreak(words, j - 1)) return null;
    if (hasComma(words, j - 1)) {
      const before = skipToSubject(words, j - 1);
      return before === null ? null : subjectAt(words, before, verb, kind, people);
    }
  }
  return null;
}

/** Words that open a clause of its own inside a relative clause: its verb is not the subject's. */
const CLAUSE_OPENERS = new Set(['that', 'which', 'when', 'because', 'since', 'while', 'if', 'and', 'but', 'or', 'so', 'whose', 'where']);
/** How long a relative clause between a subject and its verb may be. */
const RELATIVE_CLAUSE_WORDS = 5;

/**
 * "The engineer who deployed the change didn't check the pages": the subject before a short
 * relative clause ("who" and up to five words, no comma, no second clause in it). Only
 * "who": "the job that ran at 09:00 didn't check" names a system.
 */
function subjectBeforeRelativeClause(words: Words, k: number, verb: number, kind: Subject, people: () => People): number | null {
  const sentenceStart = words.sentenceStart[verb]!;
  for (let j = k; j > Math.max(sentenceStart, k - RELATIVE_CLAUSE_WORDS); j--) {
    const { word } = words.tokens[j]!;
    if (clauseBreak(words, j - 1) || hasComma(words, j - 1) || FIRST_OR_SECOND_PERSON.has(word)) return null;
    if (word === 'who') {
      if (j === k) return null;
      const before = j - 1;
      return before >= sentenceStart && spaced(words, before) ? subjectAt(words, before, verb, kind, people) : null;
    }
    if (CLAUSE_OPENERS.has(word) || isNegator(word)) return null;
  }
  return null;
}

/** From word k backwards past adverbs and auxiliaries ("then simply had"); null at a negation, a clause break or the sentence's start. */
function skipToSubject(words: Words, k: number): number | null {
  const sentenceStart = k >= 0 ? words.sentenceStart[k]! : 0;
  for (let steps = 0; k >= sentenceStart && steps < 8; k--, steps++) {
    if (clauseBreak(words, k)) return null;
    const { word, raw } = words.tokens[k]!;
    if (isNegator(word)) return null;
    const adverb = word.length > 4 && word.endsWith('ly') && raw === word;
    if (!SKIPPED_BEFORE_VERB.has(word) && !adverb) return k;
  }
  return null;
}

/** Whether word k, before a blame verb, is a subject that blames someone: its start offset, or null. */
function subjectAt(words: Words, k: number, verb: number, kind: Subject, people: () => People): number | null {
  const { text, tokens } = words;
  const token = tokens[k]!;
  const { word, raw } = token;
  if (text[token.start - 1] === '@' && !LETTER_OR_DIGIT.test(text[token.start - 2] ?? ' ')) {
    // "@channel" addresses everyone; "@pagerbot failed to deliver the page" is software.
    return BROADCAST.has(word) || namesSoftware(raw) ? null : token.start - 1;
  }
  if (text[token.end] === '@' && !LETTER_OR_DIGIT.test(text[token.end + 1] ?? ' ')) return namesSoftware(raw) ? null : token.start;
  if (FIRST_OR_SECOND_PERSON.has(word)) return null;
  if (PERSON_PRONOUNS.has(word)) return token.start;
  if (ROLES.has(word) || (kind === 'person' && PERSON_VERB_ROLES.has(word))) return roleStart(words, k);
  if (CONJUNCTIONS.has(word)) {
    // "…; and crucially, forgot" leaves the subject out; "we … and forgot" owns the omission.
    return kind === 'person' && !words.firstPersonBefore[k] ? tokens[verb]!.start : null;
  }
  const known = people();
  if (known.isNameWord(raw) || known.isHandle(raw)) {
    let first = k;
    const limit = Math.max(words.sentenceStart[k]!, k - 3);
    while (first > limit && known.isNameWord(tokens[first - 1]!.raw) && spaced(words, first - 1)) first--;
    return tokens[first]!.start;
  }
  // A capitalised word before a verb only people do is a name: "Kevin forgot".
  if (kind === 'person' && CAPITALISED.test(raw)) return token.start;
  return null;
}

/**
 * Whether the subject of the verb at word `verb` is a system: "it", or a noun phrase opened
 * by a determiner within four words with no person in it ("The rebuild job", "our
 * alerting"). "The on-call engineer", "we", a name or a bare noun ("Monitoring") is not.
 */
export function isSystemSubject(words: Words, verb: number, people: () => People): boolean {
  const k = skipToSubject(words, verb - 1);
  if (k === null) return false;
  if (words.tokens[k]!.word === 'it') return true;
  const known = people();
  for (let j = k; j >= Math.max(words.sentenceStart[k]!, k - 4); j--) {
    const { word, raw } = words.tokens[j]!;
    if (j < k && !spaced(words, j)) return false;
    if (DETERMINERS.has(word)) return j < k;
    if (namesPeople(word) || FIRST_OR_SECOND_PERSON.has(word) || known.isNameWord(raw) || known.isHandle(raw)) return false;
  }
  return false;
}

/** "the on-call engineer": back to a determiner within three words, else the role alone. */
function roleStart(words: Words, role: number): number {
  const { tokens } = words;
  for (let j = role - 1; j >= Math.max(words.sentenceStart[role]!, role - 3); j--) {
    if (!spaced(words, j)) break;
    if (DETERMINERS.has(tokens[j]!.word)) return tokens[j]!.start;
  }
  return tokens[role]!.start;
}
