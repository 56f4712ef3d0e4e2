import type { Category, PhraseEntry, Subject } from './phrases.js';

/**
 * Word-by-word phrase matching in linear time: text is split into words once (one regex
 * whose repetition alternates disjoint classes), and phrases are a trie of words walked
 * from each word, at most as deep as the longest phrase. No regular expression ever
 * backtracks over a phrase.
 */

export interface Token {
  start: number;
  end: number;
  /** As written. */
  raw: string;
  /** Lower case, curly apostrophes straightened. */
  word: string;
}

/** A word: letters and digits, with inner apostrophes, hyphens or underscores ("on-call", "didn't"). */
const WORD = /[\p{L}\p{N}]+(?:['’_-][\p{L}\p{N}]+)*/gu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const raw = match[0];
    tokens.push({ start: match.index, end: match.index + raw.length, raw, word: raw.toLowerCase().replace(/’/g, "'") });
  }
  return tokens;
}

/** A phrase ready to match: built-in or from the `extra` option. */
export interface CompiledPhrase {
  category: Category | string;
  suggestion: string;
  subject: Subject | null;
  notBefore: ReadonlySet<string> | null;
  notAfter: ReadonlySet<string> | null;
  /** The preceding words it needs. */
  onlyAfter?: ReadonlySet<string> | null;
  /** Not reported in a sentence in the first person. */
  notInFirstPerson?: boolean;
  /** Not reported after a system as its subject. */
  notAfterSystem?: boolean;
  /** From the `extra` option. */
  custom: boolean;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  phrase: CompiledPhrase | null;
}

export interface PhraseMatch {
  phrase: CompiledPhrase;
  /** Index of the first and one past the last token. */
  first: number;
  end: number;
}

/** Only spaces (a soft line break included) may separate the words of a phrase. */
function spaceOnly(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    const char = text.charCodeAt(i);
    if (char !== 32 && char !== 9 && char !== 10 && char !== 13 && char !== 160) return false;
  }
  return true;
}

export class PhraseMatcher {
  private readonly root: TrieNode = { next: new Map(), phrase: null };

  /** Adds a phrase; an array in `words` is a set of alternatives for that position. */
  add(words: ReadonlyArray<string | readonly string[]>, phrase: CompiledPhrase): void {
    let nodes = [this.root];
    for (const position of words) {
      const alternatives = typeof position === 'string' ? [position] : position;
      const following: TrieNode[] = [];
      for (const node of nodes) {
        for (const alternative of alternatives) {
          const key = alternative.toLowerCase().replace(/’/g, "'");
          let child = node.next.get(key);
          if (!child) {
            child = { next: new Map(), phrase: null };
            node.next.set(key, child);
          }
          following.push(child);
        }
      }
      nodes = following;
    }
    // The first definition of a phrase wins (extra phrases are added after the built-ins).
    for (const node of nodes) node.phrase ??= phrase;
  }

  /** The longest phrase that starts at token `first`, or null. */
  matchAt(text: string, tokens: readonly Token[], first: number): PhraseMatch | null {
    let node: TrieNode | undefined = this.root;
    let found: PhraseMatch | null = null;
    for (let i = first; i < tokens.length; i++) {
      if (i > first && !spaceOnly(text, tokens[i - 1]!.end, tokens[i]!.start)) break;
      node = node.next.get(tokens[i]!.word);
      if (!node) break;
      if (node.phrase) found = { phrase: node.phrase, first, end: i + 1 };
    }
    return found;
  }
}

/** Splits a phrase written by a user ("root cause was Bob") into words. */
export function phraseWords(phrase: string): string[] {
  return tokenize(phrase).map((token) => token.word);
}

export function compileEntry(entry: PhraseEntry): CompiledPhrase {
  return {
    category: entry.category,
    suggestion: entry.suggestion,
    subject: entry.subject ?? null,
    notBefore: entry.notBefore ? new Set(entry.notBefore) : null,
    notAfter: entry.notAfter ? new Set(entry.notAfter) : null,
    onlyAfter: entry.onlyAfter ? new Set(entry.onlyAfter) : null,
    notInFirstPerson: entry.notInFirstPerson ?? false,
    notAfterSystem: entry.notAfterSystem ?? false,
    custom: false,
  };
}
