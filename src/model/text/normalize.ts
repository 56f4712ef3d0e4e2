/**
 * Text normalisation shared by section titles, metadata keys and table headers, so that
 * "## 3.1 Root Cause(s) 🔥" and an alias "root causes" compare equal.
 */

const EMOJI =
  /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{1F3FB}-\u{1F3FF}\u{FE0E}\u{FE0F}\u{200D}\u{20E3}]/gu;
const DROPPED_PUNCTUATION = /['’‘`".?!;“”„«»]/g;
const SPACED_PUNCTUATION = /[^\p{L}\p{N}\s]/gu;
const SPACES = /\s+/g;

/** Removes emoji, keycaps, skin tones and variation selectors. */
export function stripEmoji(text: string): string {
  return text.replace(EMOJI, '');
}

/** Removes Markdown emphasis and code markers that may survive in raw source text. */
export function stripInlineMarkers(text: string): string {
  return text.replace(/\*\*|__|`/g, '').replace(/(^|\s)[*_](?=\S)|(?<=\S)[*_](?=\s|$)/g, '$1');
}

/**
 * Lower case, no emoji, "&" as "and", "(s)" plurals folded, apostrophes and sentence
 * punctuation dropped, every other symbol a space, spaces collapsed.
 */
export function normalizeText(text: string): string {
  // Labels, headers and titles repeat across a run's documents; remember the short ones.
  if (text.length > MEMO_MAX_LENGTH) return normalize(text);
  let normalized = memo.get(text);
  if (normalized === undefined) {
    if (memo.size >= MEMO_MAX_ENTRIES) memo.clear();
    normalized = normalize(text);
    memo.set(detached(text), detached(normalized));
  }
  return normalized;
}

/**
 * A copy of a string that shares no memory with the one it came from. A label sliced out
 * of a document is, in V8, a view of the whole document's text: kept in a run-long memo,
 * it would keep every document alive.
 */
export function detached(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

const MEMO_MAX_LENGTH = 120;
const MEMO_MAX_ENTRIES = 20_000;
const memo = new Map<string, string>();

function normalize(text: string): string {
  return stripEmoji(text.normalize('NFKC'))
    .toLowerCase()
    .replace(/\(s\)/g, 's')
    .replace(/&/g, ' and ')
    .replace(DROPPED_PUNCTUATION, '')
    .replace(SPACED_PUNCTUATION, ' ')
    .replace(SPACES, ' ')
    .trim();
}

const NUMBERING =
  /^(?:(?:section|part|chapter|step|phase)\s+)?(?:\d{1,3}(?:[.)]\d{1,3})*[.):]?|[ivxlcdm]{1,6}[.)]|[a-z][.)])\s+/i;
const BRACKETED = /[([（［]([^()[\]（）［］]*)[)\]）］]/g;

export interface TitleParts {
  /** The title without numbering, emoji or bracketed parts, normalised. */
  base: string;
  /** The contents of each bracketed part, normalised: "(UTC)", "(What Happened)". */
  bracketed: string[];
  /** Text after a colon or dash separator in the base, normalised ("Hypothesis 2: Cache" → "cache"). */
  afterSeparator: string | null;
  /** Text before that separator, normalised. */
  beforeSeparator: string | null;
  /** The base split at "/", "&", "+", ",", "and", "or", each part normalised. */
  compoundParts: string[];
}

/** Splits a heading's text into the parts that section kinds are resolved from. */
export function splitTitle(raw: string): TitleParts {
  let text = stripEmoji(stripInlineMarkers(raw.normalize('NFKC'))).replace(/\(s\)/gi, 's').trim();
  text = text.replace(NUMBERING, '');
  const bracketed: string[] = [];
  const withoutBrackets = text
    .replace(BRACKETED, (_whole, inner: string) => {
      const normalized = normalizeText(inner);
      if (normalized) bracketed.push(normalized);
      return ' ';
    })
    .trim();
  const separator = /\s*(?::|\s[-–—]\s)\s*/.exec(withoutBrackets);
  let beforeSeparator: string | null = null;
  let afterSeparator: string | null = null;
  if (separator && separator.index > 0) {
    beforeSeparator = normalizeText(withoutBrackets.slice(0, separator.index)) || null;
    afterSeparator = normalizeText(withoutBrackets.slice(separator.index + separator[0].length)) || null;
  }
  const compoundParts = withoutBrackets
    .split(/\s*[/&+,]\s*|\s+(?:and|or)\s+/i)
    .map(normalizeText)
    .filter(Boolean);
  return { base: normalizeText(withoutBrackets), bracketed, beforeSeparator, afterSeparator, compoundParts };
}

/** Edit distance, for "did you mean" suggestions. */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The closest candidate within a third of the word's length, or undefined. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.ceil(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = levenshtein(word, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** A text on one line: every run of white space (line breaks too) one space, none at either end. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A text as a message quotes it: on one line, spaces collapsed, at most `max` characters (cut with "…"). */
export function excerpt(text: string, max: number): string {
  const flat = oneLine(text);
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** A note in brackets that ends a value: "2026-03-31 (moved from 03-20)", "P2 (was P3)". */
const TRAILING_NOTE = /\s*[([][^()[\]]*[)\]]\s*$/;

/** A value without the note in brackets that ends it (the value itself when it has none). */
export function withoutTrailingNote(text: string): string {
  return text.replace(TRAILING_NOTE, '');
}
