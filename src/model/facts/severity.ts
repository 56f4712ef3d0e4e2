import type { PostmortemDocument } from '../document.js';
import { oneLine, stripEmoji } from '../text/normalize.js';
import { isUnfilledValue } from '../text/placeholders.js';
import type { Span } from '../parse/positions.js';

/** The incident's severity as its metadata states it, with a key that groups the ways it is written. */
export interface IncidentSeverity {
  /** The value as written, Markdown and emoji removed. */
  text: string;
  /**
   * The same severity however it is written: "SEV-2", "Sev 2", "sev2" → "SEV-2"; "P1", "p1"
   * → "P1"; a word ("Major", "major (customer-facing)") → "Major", without its note.
   */
  key: string;
  span: Span;
}

const SEV_LEVEL = /^sev(?:erity)?[ \t._-]{0,2}(\d{1,2})\b/i;
const P_LEVEL = /^p[ \t-]?(\d)\b/i;
/** A word or two before a note in brackets or after a dash: "Medium (tool usage error)". */
const WORDS = /^([\p{L}\p{N}][\p{L}\p{N} ,'-]{0,40}?)[ \t]*(?:[([:–—]|[ \t]-[ \t]|$)/u;

/** The metadata's severity; null when none is stated or its value is template text ("SEV-1 | SEV-2", "TBD"). */
export function findSeverity(document: PostmortemDocument): IncidentSeverity | null {
  const field = document.metadata.get('severity');
  if (!field) return null;
  const text = oneLine(stripEmoji(field.value));
  if (!text || isUnfilledValue(field.raw, true)) return null;
  const sev = SEV_LEVEL.exec(text);
  if (sev) return { text, key: `SEV-${Number(sev[1])}`, span: field.span };
  const level = P_LEVEL.exec(text);
  if (level) return { text, key: `P${level[1]}`, span: field.span };
  const words = WORDS.exec(text)?.[1]?.trim();
  if (!words) return null;
  return { text, key: words[0]!.toUpperCase() + words.slice(1).toLowerCase(), span: field.span };
}
