/** Printable ASCII only: one terminal column per character, nothing to segment. */
const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;

export type StringWidth = (value: string, options?: object) => number;

/**
 * string-width with printable ASCII, nearly every cell of a report, measured as its length:
 * string-width segments each string into graphemes with Intl.Segmenter, tens of µs a cell,
 * most of a warm-cache run over 2,000 files. Anything else (colour codes, CJK, emoji, tabs)
 * goes to the real one, which `load` gives on first need.
 *
 * The stylish report measures with it, and the bundled command line gives it to every module
 * that imports string-width (vfile-reporter, yargs' cliui and wrap-ansi), each with its own
 * version (scripts/bundle-cli.ts). There `load` requires the module only then: string-width
 * builds an Intl.Segmenter and regular expressions over Unicode properties (RGI_Emoji among
 * them) when it loads, about 35 ms, an eighth of a one-file run.
 */
export function fastStringWidth(load: () => StringWidth): StringWidth {
  let stringWidth: StringWidth | undefined;
  return (value, options) => (PRINTABLE_ASCII.test(value) ? value.length : (stringWidth ??= load())(value, options));
}
