import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import stringWidthOfCliui from '../node_modules/cliui/node_modules/string-width/index.js';
import stringWidthOfReporter from '../node_modules/vfile-reporter/node_modules/string-width/index.js';
import stringWidthOfWrapAnsi from '../node_modules/wrap-ansi/node_modules/string-width/index.js';
import { fastStringWidth } from '../src/util/fast-string-width.js';

describe('fastStringWidth (the stylish report, and every string-width of the bundled command line)', () => {
  it('gives the length of printable ASCII without loading string-width', () => {
    let loads = 0;
    const width = fastStringWidth(() => {
      loads++;
      return stringWidth;
    });
    for (const value of ['', ' ', 'Missing required section "Impact": add a heading such as "Impact".', '1:1-1:37', String.raw`~!@#$%^&*()_+{}|:"<>?-=[]\;',./`]) {
      expect(width(value), value).toBe(value.length);
      expect(width(value), value).toBe(stringWidth(value));
    }
    expect(loads).toBe(0);
  });

  it('loads string-width once, for colour codes, tabs, wide and combining characters and emoji', () => {
    let loads = 0;
    const width = fastStringWidth(() => {
      loads++;
      return stringWidth;
    });
    const cases: Array<[string, number]> = [['\u001B[31merror\u001B[39m', 5], ['a\tb', 2], ['근본 원인', 9], ['e\u0301', 1], ['🔥 fire', 7], ['✖ 7 errors', 10]];
    for (const [value, expected] of cases) {
      expect(width(value), JSON.stringify(value)).toBe(expected);
      expect(width(value, { ambiguousIsNarrow: false }), JSON.stringify(value)).toBe(stringWidth(value, { ambiguousIsNarrow: false }));
    }
    expect(loads).toBe(1);
  });

  it('measures printable Latin-1 and typographic punctuation as every bundled string-width does, without loading one', () => {
    let realCalls = 0;
    const width = fastStringWidth(() => (value, options) => {
      realCalls++;
      return stringWidth(value, options);
    });
    const versions = [stringWidth, stringWidthOfReporter, stringWidthOfCliui, stringWidthOfWrapAnsi];
    const narrow: string[] = [];
    for (let code = 0x20; code <= 0x205e; code++) {
      const character = String.fromCodePoint(code);
      const before = realCalls;
      width(character);
      if (realCalls === before) narrow.push(character);
    }
    // Printable ASCII; Latin-1 but the soft hyphen, "©" and "®"; U+2010-U+205E but the zero-width and direction characters, "‼" and "⁉".
    expect(narrow.length).toBe(95 + 93 + 24 + 12 + 12 + 21);
    for (const character of narrow) {
      for (const version of versions) expect(version(character), `U+${character.codePointAt(0)!.toString(16)}`).toBe(1);
    }
    const line = `  12:3  warning  "Obviously" assumes knowledge the people\u2026  blameless-language \u2014 \u201cquoted\u201d \u2022 caf\u00e9`;
    for (const version of versions) expect(width(line)).toBe(version(line));
    const callsForNarrowText = realCalls;
    // Ambiguous characters ("…" among them) are two columns wide when asked: then the real one measures.
    expect(width('\u2026', { ambiguousIsNarrow: false })).toBe(2);
    expect(realCalls).toBe(callsForNarrowText + 1);
  });
});
