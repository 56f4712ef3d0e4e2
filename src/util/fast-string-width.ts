/** Printable ASCII only: one terminal column per character, nothing to segment. */
const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;

/**
 * Printable ASCII, printable Latin-1 and the typographic punctuation a report holds (the "…"
 * of a message cut to its column, dashes, curly quotes, "•"): one column each in every
 * version of string-width the command line bundles, provided East Asian ambiguous characters
 * are narrow (string-width's default; "…", "–" and the quotes are ambiguous). Left out: the
 * soft hyphen (U+00AD), the zero-width and direction characters (U+200B-U+200F, U+2028-U+202F,
 * U+2060 on) and "©", "®", "‼" and "⁉", which some versions measure as emoji, two columns wide.
 * test/fast-string-width.test.ts compares every character of the set with each bundled version.
 */
const NARROW_TEXT = /^[\x20-\x7E\u00A0-\u00A8\u00AA-\u00AC\u00AF-\u00FF\u2010-\u2027\u2030-\u203B\u203D-\u2048\u204A-\u205E]*$/;

export type StringWidth = (value: string, options?: { ambiguousIsNarrow?: boolean }) => number;

/**
 * string-width for text that needs no segmenting, nearly every cell of a report, measured as
 * its length: string-width segments each string into graphemes with Intl.Segmenter, tens of
 * µs a cell, most of a warm-cache run over 2,000 files. Anything else (colour codes, CJK,
 * emoji, tabs) goes to the real one, which `load` gives on first need.
 *
 * The stylish report measures with it, and the bundled command line gives it to every module
 * that imports string-width (vfile-reporter, yargs' cliui and wrap-ansi), each with its own
 * version (scripts/bundle-cli.ts). There `load` requires the module only then: string-width
 * builds an Intl.Segmenter and regular expressions over Unicode properties (RGI_Emoji among
 * them) when it loads, about 35 ms, an eighth of a one-file run; a report whose messages are
 * cut with "…" loaded it until the typographic characters were measured here too.
 */
export function fastStringWidth(load: () => StringWidth): StringWidth {
  let stringWidth: StringWidth | undefined;
  return (value, options) => {
    if (PRINTABLE_ASCII.test(value)) return value.length;
    if (options?.ambiguousIsNarrow !== false && NARROW_TEXT.test(value)) return value.length;
    return (stringWidth ??= load())(value, options);
  };
}
