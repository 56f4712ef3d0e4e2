import { stripEmoji } from './normalize.js';

/**
 * Metadata values compared the way people write them: "SEV-1" is "Sev1", "sev 1",
 * "SEV-1 (Critical)" and "**SEV1** – major"; "In Review" is "in-review". Letters and digits
 * must match in order; spaces, dashes and underscores between them may differ; text after
 * a word boundary is a note. A value written as check boxes ("[ ] P0 [x] P1") is the
 * option ticked.
 */
export function valueIsOneOf(raw: string, accepted: readonly string[]): boolean {
  const candidates = chosenValues(raw);
  return accepted.some((value) => {
    const pattern = valuePattern(value);
    return candidates.some((candidate) => pattern.test(candidate));
  });
}

const patterns = new Map<string, RegExp>();

function valuePattern(accepted: string): RegExp {
  let pattern = patterns.get(accepted);
  if (!pattern) {
    const chunks = accepted.match(/\p{L}+|\p{N}+/gu) ?? [accepted];
    const escaped = chunks.map((chunk) => chunk.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    pattern = new RegExp(`^${escaped.join('[\\s_-]?')}(?![\\p{L}\\p{N}])`, 'iu');
    if (patterns.size > 1000) patterns.clear();
    patterns.set(accepted, pattern);
  }
  return pattern;
}

const TICKED = /\[[xX]\][ \t]*([^[\n]{0,80})/g;

/** The value without emphasis, code ticks, emoji or surrounding punctuation; the ticked options of check boxes. */
function chosenValues(raw: string): string[] {
  const text = stripEmoji(raw.replace(/\*\*|__|`/g, ''));
  const clean = (value: string) => trimChars(value, ' \t\n:*_~-', ' \t\n*_~,;|');
  if (/\[[ xX]\]/.test(text)) return [...text.matchAll(TICKED)].map((match) => clean(match[1]!)).filter(Boolean);
  return [clean(text)];
}

/** Removes characters of `start` from the start and of `end` from the end (a loop: a regex anchored at the end would be quadratic). */
function trimChars(text: string, start: string, end: string): string {
  let from = 0;
  let to = text.length;
  while (from < to && start.includes(text[from]!)) from++;
  while (to > from && end.includes(text[to - 1]!)) to--;
  return text.slice(from, to);
}
