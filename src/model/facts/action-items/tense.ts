import {
  ADJECTIVAL_PARTICIPLES, DETERMINERS, IMPERATIVE_VERBS, IRREGULAR_PAST, NOT_ADVERBS, NOT_BEFORE_FINITE_PAST, NOT_PAST,
  PAST_PREFIXES,
} from './words.js';

/**
 * The tense of an action item, read the way a reviewer reads it (English only; the word
 * lists are in words.ts):
 * - `imperative`: an instruction ("Add alerts on disk usage") — open work;
 * - `future`: a plan ("We will add…", "Alerts are to be added", "need to") — open work;
 * - `ongoing`: work under way ("We are working on…") — open work;
 * - `past`: work reported as done ("Added rate limiting", "We have enabled…",
 *   "Observability was introduced", "DNS caching added a delay");
 * - `other`: a noun phrase or anything else ("Better runbooks") — nothing said.
 *
 * Only `past` marks an item done; every doubt reads as something else, so that a plan is
 * never silenced.
 */
export type Tense = 'imperative' | 'future' | 'ongoing' | 'past' | 'other';

/** Words that put the main clause in the future or make it an obligation. */
const FUTURE_MARKER =
  /\b(?:will|shall|should|must|would|could|can|may|might|going to|plan(?:s|ned)? to|intends? to|needs? to|wants? to|aims? to|to be|is to|are to|were to|was to|has to|have to)\b|['’]ll\b/i;
/** Work under way: "we are working on", "we're now investigating". */
const ONGOING_MARKER =
  /(?:\b(?:are|is|am)|['’]re)\s+(?:now\s+)?(?:working|investigating|investing|implementing|building|adding|looking|exploring|evaluating|planning|redesigning|continuing|developing|migrating|moving|rolling|introducing|considering|reviewing|designing|preparing)\b|\bworking on\b/i;
/**
 * A past auxiliary ("was added", "has been fixed", "didn't catch"); "had to" is an
 * obligation. A past statement, even a negated one ("The metric was never exported"), is
 * not open work: in an action-item list it reports or explains.
 */
const PAST_AUXILIARY =
  /\b(?:had(?!\s+to\b)|was|were|did|has been|have been|has now been|have now been|didn['’]t|wasn['’]t|weren['’]t|hadn['’]t|couldn['’]t)(?![\p{L}'’])/iu;
/** A perfect: "has added", "we've now enabled", "have been fixed". */
const PERFECT = /\b(?:has|have|['’]ve|had)\s+(?:(?:now|already|also|since|just)\s+)?(?:been\s+)?([a-z]+(?:-[a-z]+)?)\b/i;
/** Where the main clause ends: "Added alerts so that we will know…" is past work, not a plan. */
const SUBORDINATE = /\b(?:so that|so|which|that|to ensure|in order to|because|since|until|when|once|after|before|if)\b/i;
/** Subjects after which a past form is a finite verb ("We improved the alert"). */
const SUBJECTS = new Set(['we', 'i', 'they', 'team']);
const SUBJECT_ADVERBS = new Set(['also', 'then', 'now', 'immediately', 'quickly', 'already', 'successfully', 'finally']);

interface Word {
  word: string;
  index: number;
}

function wordsOf(text: string): Word[] {
  const lower = text.toLowerCase().replace(/’/g, "'");
  return [...lower.matchAll(/[a-z][a-z'-]{0,40}/g)].map((match) => ({ word: match[0], index: match.index }));
}

/** Whether a word is a past form: "added", "built", "re-enabled" (not "need", not "rate-limited"). */
export function isPastForm(word: string): boolean {
  if (IRREGULAR_PAST.has(word)) return true;
  const hyphen = word.indexOf('-');
  if (hyphen > 0) {
    return PAST_PREFIXES.has(word.slice(0, hyphen)) && isPastForm(word.slice(hyphen + 1));
  }
  return /^[a-z]{3,}ed$/.test(word) && !NOT_PAST.has(word);
}

const isAdverb = (word: string) => word.endsWith('ly') && !NOT_ADVERBS.has(word);

/** The first sentence of a text, without leading "[X]" or "(…)" tags. */
function firstClause(text: string): string {
  const clause = text.replace(/^\s*(?:(?:\[[^\]\n]{0,30}\]|\([^)\n]{0,30}\))\s*){1,3}/, '').trim();
  // A sentence ends at . ! ? ; after a letter or bracket ("Steps 1. and 2." do not end one).
  const end = /[\p{L})\]"'”’][.!?;](?=\s)|\n/u.exec(clause);
  return end ? clause.slice(0, end.index + (clause[end.index] === '\n' ? 0 : 2)) : clause;
}

/** How a clause was read as past: by its first word, a subject before a past verb, an auxiliary, a perfect, or a verb before its object. */
type PastBy = 'lead' | 'subject' | 'auxiliary' | 'perfect' | 'finite';

interface Reading {
  tense: Tense;
  pastBy: PastBy | null;
}

/** Words after which an adjectival participle is a verb: an object ("Improved the alert") or a means ("Fixed in v1.2"). */
const AFTER_PAST_VERB = new Set([...DETERMINERS, 'in', 'by', 'via']);

/**
 * The tense of an item's first sentence. `strict` (the default) counts a participle used as
 * an adjective ("Improved alerting") as past only with an object or a means after it.
 */
export function clauseTense(text: string, strict = true): Tense {
  return readClause(text, strict).tense;
}

function readClause(text: string, strict: boolean): Reading {
  const clause = firstClause(text);
  const reading = readSentence(clause, strict);
  if (reading.tense !== 'other') return reading;
  // "Based on the incident, add alerting": an opening phrase, then the instruction or plan.
  const comma = clause.indexOf(', ');
  if (comma > 0 && comma <= 60) {
    const rest = readSentence(clause.slice(comma + 2), strict);
    if (rest.tense === 'imperative' || rest.tense === 'future' || rest.tense === 'ongoing') return rest;
  }
  return reading;
}

function readSentence(clause: string, strict: boolean): Reading {
  const words = wordsOf(clause);
  if (words.length === 0) return { tense: 'other', pastBy: null };
  let i = 0;
  while (i < words.length - 1 && i < 2 && isAdverb(words[i]!.word)) i++;
  const first = words[i]!.word;
  if (IMPERATIVE_VERBS.has(first)) return { tense: 'imperative', pastBy: null };

  const lower = clause.toLowerCase().replace(/’/g, "'");
  const main = lower.slice(0, SUBORDINATE.exec(lower)?.index ?? lower.length);
  const future = FUTURE_MARKER.exec(main);
  const ongoing = ONGOING_MARKER.exec(main);
  if (future || ongoing) {
    return { tense: future && (!ongoing || future.index <= ongoing.index) ? 'future' : 'ongoing', pastBy: null };
  }

  const next = words[i + 1]?.word ?? '';
  if (isPastForm(first) && (!strict || !ADJECTIVAL_PARTICIPLES.has(first) || AFTER_PAST_VERB.has(next))) {
    return { tense: 'past', pastBy: 'lead' };
  }

  const candidates: Array<{ index: number; by: PastBy }> = [];
  const auxiliary = PAST_AUXILIARY.exec(lower);
  if (auxiliary) candidates.push({ index: auxiliary.index, by: 'auxiliary' });
  const perfect = PERFECT.exec(lower);
  if (perfect && isPastForm(perfect[1]!)) candidates.push({ index: perfect.index, by: 'perfect' });
  for (let k = i + 1; k < Math.min(words.length, i + 8); k++) {
    const word = words[k]!.word;
    const after = words[k + 1]?.word ?? '';
    if (!isPastForm(word)) continue;
    const before = words[k - 1]!.word;
    const beforeThat = words[k - 2]?.word ?? '';
    // "We improved the alert", "The team quickly rolled back".
    const afterSubject = SUBJECTS.has(before) || ((SUBJECT_ADVERBS.has(before) || isAdverb(before)) && SUBJECTS.has(beforeThat));
    // "DNS caching added a delay", "Retries added in #123": a past verb after its subject.
    const finite =
      AFTER_PAST_VERB.has(after) && !NOT_BEFORE_FINITE_PAST.has(before) && !isAdverb(before) && !ADJECTIVAL_PARTICIPLES.has(word);
    if (afterSubject || finite) {
      candidates.push({ index: words[k]!.index, by: afterSubject ? 'subject' : 'finite' });
      break;
    }
  }
  candidates.sort((a, b) => a.index - b.index);
  return candidates.length > 0 ? { tense: 'past', pastBy: candidates[0]!.by } : { tense: 'other', pastBy: null };
}

/**
 * The tense of a whole item. A "Label: explanation" item with a short label is read by its
 * explanation when that is an instruction or a plan ("Checked arithmetic: Replace…"), else
 * by its label; a label without a tense is read by an explanation that opens with work done
 * ("Scaling down: Reduced the load", "Scale up: We quadrupled capacity") — not by one that
 * describes a state ("Runbooks: the runbook was outdated").
 */
export function itemTense(text: string, strict = true): Tense {
  const colon = /:\s/.exec(text);
  if (!colon || colon.index === 0 || colon.index >= 80 || text.slice(0, colon.index).trim().split(/\s+/).length > 6) {
    return clauseTense(text, strict);
  }
  const head = readClause(text.slice(0, colon.index), strict).tense;
  const tail = readClause(text.slice(colon.index + 1), strict);
  if (tail.tense === 'imperative' || tail.tense === 'future' || tail.tense === 'ongoing') return tail.tense;
  if (head !== 'other') return head;
  return tail.pastBy === 'lead' || tail.pastBy === 'subject' || tail.pastBy === 'perfect' ? 'past' : 'other';
}

/** Whether the text names future work anywhere in its main clause ("will", "need to", "plan to"). */
export function hasFutureMarker(text: string): boolean {
  return FUTURE_MARKER.test(text);
}
