/**
 * The prompts templates leave under their headings, usually in italics: a question the
 * section should answer ("_What caused this situation?_"), an instruction ("_Describe the
 * customer impact here._"), a note on the section ("_This section provides…_") or the
 * name of what to write ("_Date/time of discovery_", "_Brief description/summary_"), and
 * values that only say where the content goes ("Description here", "Name goes here").
 * These functions read one string; facts/placeholders.ts decides where to look (the
 * first lines of a section, a whole value). Every regular expression is linear.
 */

/** Verbs that open an instruction to the author: "Describe…", "Include…", "Ensure…" (not "List of…"). */
export const PROMPT_VERBS = [
  'describe', 'explain', 'provide', 'include', 'list', 'ensure', 'summarise', 'summarize', 'write', 'enter', 'insert',
  'fill', 'replace', 'document', 'outline', 'detail', 'specify', 'mention',
] as const;
/**
 * Those verbs that are nouns too ("Document history", "Detail view", "List owners:") open an
 * instruction only before a word that starts an object: "Document the timeline", "Fill in".
 */
export const NOUN_LIKE_PROMPT_VERBS = ['document', 'detail', 'list', 'outline', 'write', 'fill'] as const;
export const OBJECT_OPENINGS = [
  'the', 'a', 'an', 'all', 'any', 'each', 'every', 'what', 'how', 'why', 'when', 'where', 'who', 'which', 'your', 'this',
  'these', 'those', 'it', 'them', 'here', 'in', 'out', 'below', 'key', 'relevant',
] as const;
/** Words that open a question a section answers. */
export const PROMPT_QUESTION_WORDS = ['what', 'how', 'why', 'when', 'where', 'who', 'which'] as const;
/** How templates describe a section to its author: "This section provides…", "Use this section to…". */
export const SECTION_NOTE_OPENINGS = ['this section', 'in this section', 'use this section', 'this is where'] as const;
export const SECTION_NOTE_VERBS = [
  'provides', 'describes', 'explains', 'should', 'is used', 'is meant', 'is intended', 'contains', 'lists', 'covers',
  'captures', 'documents', 'focuses', 'you', 'to',
] as const;
/**
 * Names of what to write, as a prompt opens: "Date/time of detection", "Brief description/summary".
 * Such a name is a prompt when it offers alternatives with "/" or opens with "brief" or
 * "short", has no digit, no colon ("Time zone: UTC") and no final period, and is short.
 * "Links, dashboards and logs" is a label.
 */
export const PROMPT_NOUNS = [
  'description', 'descriptions', 'summary', 'date', 'time', 'date/time', 'time/date', 'timestamp', 'timestamps', 'details',
  'list', 'overview', 'explanation', 'link', 'links',
] as const;
/** What a value standing for content names: "Description here", "Name goes here". */
export const HERE_NOUNS = [
  'description', 'summary', 'details', 'name', 'names', 'text', 'link', 'links', 'note', 'notes', 'content', 'title', 'value',
  'owner', 'date', 'time', 'information', 'info', 'explanation', 'comment', 'comments',
] as const;
/** Words that open a pointer, not a placeholder: "See details here", "More details here". */
export const HERE_POINTERS = ['see', 'click', 'more', 'find', 'read', 'check', 'look', 'further', 'full'] as const;

const alternatives = (words: readonly string[]) => words.map((word) => word.replace(/[/.]/g, '\\$&').replace(/ /g, '\\s+')).join('|');

const QUESTION = new RegExp(`^(?:${alternatives(PROMPT_QUESTION_WORDS)})\\b`, 'i');
const NOUN_LIKE = new Set<string>(NOUN_LIKE_PROMPT_VERBS);
/** Words a template puts before its instruction: "Briefly describe what happened", "Please list…". */
const PROMPT_ADVERB = '(?:(?:briefly|please|concisely|clearly|also|here,?)\\s+)?';
const INSTRUCTION = new RegExp(
  `^${PROMPT_ADVERB}(?:${alternatives(PROMPT_VERBS.filter((verb) => !NOUN_LIKE.has(verb)))})\\b(?!\\s+of\\b)|^${PROMPT_ADVERB}(?:${alternatives(NOUN_LIKE_PROMPT_VERBS)})\\s+(?:${alternatives(OBJECT_OPENINGS)})\\b`,
  'i',
);
const SECTION_NOTE = new RegExp(`^(?:${alternatives(SECTION_NOTE_OPENINGS)})\\s+(?:${alternatives(SECTION_NOTE_VERBS)})\\b`, 'i');
const NOUN_PROMPT = new RegExp(`^(?:(?:brief|short|detailed)\\s+)?(?:${alternatives(PROMPT_NOUNS)})(?![\\p{L}])`, 'iu');
/** The first person singular: "What should I do if my invoice is blank?" is a reader's question, not a prompt. */
const FIRST_SINGULAR = /\bI\b|\b(?:my|me|mine)\b/i;
const SENTENCE_BREAK = /(?<=[.?!])\s+/;
const NOUN_PROMPT_WORDS = 8;

const HERE_VALUE = new RegExp(
  `^(?!(?:${alternatives(HERE_POINTERS)})\\b)(?:(?:add|insert|put|write|enter|your)\\s+)?(?:[\\p{L}-]{1,30}\\s+){0,2}(?:${alternatives(HERE_NOUNS)})\\s+(?:goes\\s+)?here\\.?$`,
  'iu',
);

function sentences(text: string): string[] {
  return text.trim().split(SENTENCE_BREAK);
}

/**
 * Whether a line set apart in italics is a template prompt. Questions and names of what to
 * write count only under a heading of a known section kind (`knownSection`): under
 * "## FAQ", "_Was any data exposed?_" is content.
 */
export function isTemplatePrompt(text: string, knownSection: boolean): boolean {
  const trimmed = text.trim();
  const parts = sentences(trimmed);
  const first = parts[0] ?? '';
  if (parts.some((sentence) => INSTRUCTION.test(sentence))) return true;
  if (SECTION_NOTE.test(first)) return true;
  if (!knownSection) return false;
  if (QUESTION.test(first) && trimmed.endsWith('?') && !FIRST_SINGULAR.test(trimmed) && first.split(/\s+/).length >= 3) return true;
  const words = trimmed.split(/\s+/).length;
  return (
    NOUN_PROMPT.test(trimmed) && words <= NOUN_PROMPT_WORDS && !/[\d:]/.test(trimmed) && !/[.!?]$/.test(trimmed) &&
    (trimmed.includes('/') || /^(?:brief|short)\b/i.test(trimmed))
  );
}

/**
 * Where the prompt starts in a text that `isTemplatePrompt` accepts: "All times in UTC.
 * Include key events…" starts at "Include".
 */
export function promptStart(text: string): number {
  const lead = text.length - text.trimStart().length;
  const parts = sentences(text);
  const first = parts[0] ?? '';
  if (INSTRUCTION.test(first) || QUESTION.test(first) || SECTION_NOTE.test(first)) return lead;
  const index = parts.findIndex((sentence) => INSTRUCTION.test(sentence));
  if (index <= 0) return lead;
  return text.indexOf(parts[index]!, lead);
}

/** A whole value that only says where content goes: "Description here", "Add impact details here", "Name goes here". */
export function isHereValue(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length <= 80 && HERE_VALUE.test(trimmed);
}
