import stringWidth, { type Options } from 'string-width';

/** Printable ASCII only: one terminal column per character, nothing to segment. */
const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;

/**
 * string-width with a fast path, swapped in for vfile-reporter's copy in the bundled command
 * line by bundle-cli.ts (it lives here, not in src, because only the bundle uses it). The stylish report measures every cell of every row to align
 * them, and string-width segments each string into graphemes with Intl.Segmenter: tens of µs
 * a cell, most of a warm-cache run over 2,000 files. Nearly every cell is printable ASCII,
 * whose width is its length; anything else (colour codes, CJK, emoji, tabs) goes to the real one.
 */
export default function asciiFastStringWidth(value: string, options?: Options): number {
  return PRINTABLE_ASCII.test(value) ? value.length : stringWidth(value, options);
}
