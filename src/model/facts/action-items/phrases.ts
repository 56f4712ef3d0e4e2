import { clauseTense, hasFutureMarker, itemTense as clauseTenseOfItem } from './tense.js';

/**
 * Sentences that tell what a list or a paragraph is (English): a lead-in that promises work
 * ("Going forward, we will do the following:"), one that reports work done ("We made these
 * changes:"), and prose promises ("The team will add more tests").
 */

/** A lead-in that promises the list: a forward marker… */
const FORWARD_LEAD_IN =
  /\b(?:will|shall|going to|plan(?:s|ning)? to|intends? to|going forward|moving forward|in the future|next time|(?:are|['’]re)\s+(?:implementing|introducing|adding|taking|making|changing|doing|improving|working on|investing in|planning)|to (?:prevent|avoid) (?:this|similar|such|future|a recurrence|recurrence|it|these|the same|another|further))\b|['’]ll\b/i;
/** …said by the team itself… */
const FIRST_PERSON = /\b(?:we|our|us|the team)\b|\bwe['’]/i;
/** …and not a sentence about the text ("we will describe", "let us walk through"). */
const NARRATIVE_LEAD_IN =
  /\b(?:describe|explain|go (?:into|through|over)|cover|discuss|walk (?:you )?through|outline|summari[sz]e|update (?:you|this)|keep you|let you know|notify (?:you|users)|look at|see)\b/i;
/** Lead-ins of "what we did" lists name no work to come. */
const WORK_NOUNS =
  /\b(?:action items?|actions|follow[- ]?ups?|next steps|to-?dos?|improvements?|improve|recommendations?|areas?|items?|tasks?|plans?|work|lessons?|gaps?|issues|tickets?|bugs|problems|weaknesses|shortcomings|opportunities|risks|questions|ideas|suggestions|proposals)\b/i;
/** Past verbs that introduce what is still to do ("We identified the following:", "We agreed to:", "We filed:"). */
const DECISION_VERBS =
  /\b(?:identified|found|discovered|noticed|learned|learnt|realized|realised|agreed|decided|discussed|proposed|suggested|recommended|considered|brainstormed|listed|came up with|filed|opened|raised|created|assigned|asked|requested)\b/i;

/** "We did not have the following safeguards:" introduces what is missing. */
const NEGATION = /\b(?:not|never|no|without)\b|n['’]t\b/i;

export type LeadIn = 'forward' | 'done' | 'imperative';

/** The last sentence of a text. */
function lastSentence(text: string): string {
  const parts = text.trim().split(/(?<=[.!?])\s+/);
  return parts.at(-1) ?? text;
}

/**
 * What the paragraph before a list says of it, when its last sentence ends with a colon:
 * `forward` ("To prevent this, we will:"), `done` ("We made the following changes:"),
 * `imperative` ("Create validation scripts to detect unsafe patterns:" — the lead-in is the
 * action, the list its details), or null.
 */
export function leadInKind(paragraphText: string): LeadIn | null {
  const text = paragraphText.replace(/\s+/g, ' ').trim();
  if (!/[:：]$/.test(text)) return null;
  const sentence = lastSentence(text);
  if (FORWARD_LEAD_IN.test(sentence) && !NARRATIVE_LEAD_IN.test(sentence) && FIRST_PERSON.test(sentence)) return 'forward';
  const opening = /^[^,]{0,60},\s*/.exec(sentence);
  const clause = opening ? sentence.slice(opening[0].length) : sentence;
  if (
    clause.split(/\s+/).length >= 3 &&
    clauseTense(clause, false) === 'past' &&
    !WORK_NOUNS.test(sentence) &&
    !DECISION_VERBS.test(sentence) &&
    !NEGATION.test(sentence) &&
    !hasFutureMarker(sentence)
  ) {
    return 'done';
  }
  if (clauseTense(sentence) === 'imperative' && sentence.split(/\s+/).length <= 15 && !/\b(?:following|these|below)\b/i.test(sentence)) {
    return 'imperative';
  }
  return null;
}

/** A promise with its subject ("we will…", "the team is going to…") or a passive one ("will be fixed"). */
const PROMISE =
  /\b(?:we|our team|the team|team|i)\b[^.!?]{0,40}?(?:\b(?:will|shall|should|must|are going to|is going to|am going to|plan to|intend to|aim to|need to|are working (?:on|to)|have a plan to|are (?:now )?(?:investing|implementing|introducing|adding|building|continuing|redesigning|exploring|looking into))\b|['’]ll\b|['’]re (?:now )?(?:going to|working|investing|implementing|introducing|adding|building|continuing|redesigning|exploring|looking into)\b)|\b(?:will|should|must|shall|needs? to|is going to|are going to)\s+(?:(?:also|then|soon|now)\s+)?be\s+[a-z]{2,30}(?:ed|en|lt|ne)\b/i;
/** Promises that name no work ("we will continue to monitor", "we will keep you updated"). */
const VAGUE_PROMISE =
  /\b(?:continue to (?:monitor|watch|observe|learn|improve|grow|do our best|work)|keep (?:you|everyone) (?:updated|posted|informed)|update (?:this|the) (?:post|page|report)|let you know|no (?:further )?action|nothing (?:more|further) (?:is|was) needed)\b/i;

/** Whether a sentence promises work: a promise with a subject or a passive one, or an instruction. */
export function isPromise(sentence: string): boolean {
  return (PROMISE.test(sentence) || clauseTense(sentence) === 'imperative') && !VAGUE_PROMISE.test(sentence);
}

/** Whether a text promises work in the words of its team, or passively ("will be turned off"); instructions aside. */
export function statesPromise(text: string): boolean {
  return PROMISE.test(text) && !VAGUE_PROMISE.test(text);
}

/**
 * Whether a sentence after the first promises more work ("The metric was never exported;
 * export it", "Rolled back. We will add a canary stage."): then the item is not done,
 * whatever the tense of its first sentence.
 */
export function promisesLater(text: string): boolean {
  const rest = text.split(/(?<=[\p{L})\]"'”’`][.!?;])\s+/u).slice(1);
  return rest.some((sentence) => isPromise(sentence.replace(/\s+/g, ' ')));
}

/** Whether an item reports work done: in the past tense, with no later promise. */
export function reportsWorkDone(text: string): boolean {
  return clauseTenseOfItem(text) === 'past' && !promisesLater(text);
}

/** Sentences of a text with their offsets (a sentence ends at . ! ? followed by a space). */
export function sentencesOf(text: string): Array<{ start: number; end: number; text: string }> {
  const found: Array<{ start: number; end: number; text: string }> = [];
  // After a letter or a closing mark: "Steps 1. and 2." does not end a sentence.
  const boundary = /(?<=[\p{L})\]"'”’`][.!?])\s+/gu;
  let start = 0;
  for (let m = boundary.exec(text); ; m = boundary.exec(text)) {
    const end = m ? m.index : text.length;
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed !== '') found.push({ start: start + lead, end: start + lead + trimmed.length, text: trimmed });
    if (!m) break;
    start = m.index + m[0].length;
  }
  return found;
}
