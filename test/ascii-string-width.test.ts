import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import asciiFastStringWidth from '../scripts/ascii-string-width.js';

describe('asciiFastStringWidth (the bundled stylish report measures columns with it)', () => {
  it('gives the length of printable ASCII, as string-width does', () => {
    for (const value of ['', ' ', 'Missing required section "Impact": add a heading such as "Impact".', '1:1-1:37', String.raw`~!@#$%^&*()_+{}|:"<>?-=[]\;',./`]) {
      expect(asciiFastStringWidth(value), value).toBe(value.length);
      expect(asciiFastStringWidth(value), value).toBe(stringWidth(value));
    }
  });

  it('leaves colour codes, tabs, wide and combining characters and emoji to string-width', () => {
    const cases: Array<[string, number]> = [['\u001B[31merror\u001B[39m', 5], ['a\tb', 2], ['근본 원인', 9], ['e\u0301', 1], ['🔥 fire', 7], ['✖ 7 errors', 10]];
    for (const [value, width] of cases) {
      expect(asciiFastStringWidth(value), JSON.stringify(value)).toBe(width);
      expect(asciiFastStringWidth(value, { ambiguousIsNarrow: false }), JSON.stringify(value)).toBe(stringWidth(value, { ambiguousIsNarrow: false }));
    }
  });
});
