/** Printable ASCII only: one terminal column per character, nothing to segment. */
const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;

export type StringWidth = (value: string, options?: object) => number;

/**
 * string-width for the bundled command line, which bundle-cli.ts gives every module that
 * imports string-width (the stylish report, vfile-reporter, yargs' cliui and wrap-ansi),
 * each with its own version as `load`.
 *
 * string-width's module builds an Intl.Segmenter and regular expressions over Unicode
 * properties (RGI_Emoji among them) when it loads: about 35 ms, an eighth of a one-file run,
 * spent even when nothing is measured. Here it loads on the first string that is not
 * printable ASCII, and printable ASCII, nearly every cell of a report, is measured without it:
 * its width is its length (string-width segments each string into graphemes, tens of µs a
 * cell, most of a warm-cache run over 2,000 files).
 */
export function lazyStringWidth(load: () => StringWidth): StringWidth {
  let stringWidth: StringWidth | undefined;
  return (value, options) => (PRINTABLE_ASCII.test(value) ? value.length : (stringWidth ??= load())(value, options));
}
