import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
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
});
