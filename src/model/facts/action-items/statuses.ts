import { normalizeText, stripEmoji } from '../../text/normalize.js';

/**
 * Statuses as teams write them. Each normalised status word has a meaning, so that a team's
 * "Shipped", "To Do" or "✅ Completed" is understood against a configured "Done" or "TODO".
 */
export type StatusMeaning = 'done' | 'wont do' | 'todo' | 'in progress' | 'blocked';

const MEANINGS: Readonly<Record<StatusMeaning, readonly string[]>> = {
  done: ['done', 'completed', 'complete', 'closed', 'fixed', 'resolved', 'shipped', 'merged', 'implemented', 'deployed', 'finished'],
  'wont do': ['wont do', 'wont fix', 'cancelled', 'canceled', 'obsolete', 'dropped', 'rejected', 'not planned', 'descoped'],
  todo: ['todo', 'to do', 'open', 'not started', 'planned', 'backlog', 'outstanding', 'pending'],
  'in progress': ['in progress', 'doing', 'wip', 'ongoing', 'started', 'in review'],
  blocked: ['blocked'],
};
const MEANING = new Map<string, StatusMeaning>();
for (const [meaning, words] of Object.entries(MEANINGS) as Array<[StatusMeaning, readonly string[]]>) {
  for (const word of words) MEANING.set(word, meaning);
}

/** Statuses that mean the work is over. */
export const COMPLETED_STATUSES: ReadonlySet<string> = new Set([...MEANINGS.done, ...MEANINGS['wont do']]);
/** Statuses recognised in a "(done)" note, or as a bold label ("**TODO**: …"). */
export const NOTE_STATUSES: ReadonlySet<string> = new Set(MEANING.keys());

/** What a normalised status means ("shipped" → done), or null for a status pm-lint does not know. */
export function statusMeaning(normalized: string): StatusMeaning | null {
  return MEANING.get(normalized) ?? null;
}

/**
 * A status compared the way people write it: case, punctuation and emoji aside, and
 * leading or trailing marks without letters dropped (emoji decoded in the wrong
 * encoding: "âœ… Done" → "done").
 */
export function normalizeStatus(text: string): string {
  let value = stripEmoji(text).trim();
  if (value.length <= 100) {
    value = value.replace(/^(?:[^\sA-Za-z0-9]{1,8}\s+)+/, '').replace(/(?:\s+[^\sA-Za-z0-9]{1,8})+$/, '');
  }
  return normalizeText(value);
}
