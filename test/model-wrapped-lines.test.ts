import { describe, expect, it } from 'vitest';
import { continuesWrappedSentence } from '../src/model/text/entry-stamps.js';
import { findEmptyInlineFields, findBrackets, valueOnNextLine } from '../src/model/text/placeholders.js';

// Documents formatted by an editor that wraps prose (Prettier's proseWrap, an 80-column habit).
describe('lines an editor wrapped', () => {
  it('tells a time that goes on with a sentence from a line that opens an entry', () => {
    expect(continuesWrappedSentence('11:05 AM. This restored logins', 'we turned off typing events at')).toBe(true);
    expect(continuesWrappedSentence('19:00 and ending around 19:45.', 'showing a drop just before')).toBe(true);
    // After a line that ends a sentence, or a line that is an entry itself, or before a separator: an entry.
    expect(continuesWrappedSentence('11:05 AM. This restored logins', 'The rollback finished.')).toBe(false);
    expect(continuesWrappedSentence('14:10 errors rising', '14:05 deploy started')).toBe(false);
    expect(continuesWrappedSentence('10:05 UTC: Rollback', 'the first errors appeared at')).toBe(false);
    expect(continuesWrappedSentence('11:05 AM. This restored logins', undefined)).toBe(false);
  });

  it('reads a field whose value is on the next line as filled', () => {
    expect(findEmptyInlineFields('- [ ] Rebuild the node (owner: @storage, due:', '  2026-11-20)')).toEqual([]);
    expect(findEmptyInlineFields('- [ ] Rebuild the node (owner: @storage, due:', '  owner: @ana')).toHaveLength(1);
    expect(findEmptyInlineFields('- [ ] Rebuild the node (owner: @storage, due:')).toHaveLength(1);
    expect(valueOnNextLine('  2026-11-20)')).toBe(true);
    expect(valueOnNextLine('  , next')).toBe(false);
    expect(valueOnNextLine('**Status:** open')).toBe(false);
  });

  it('reads brackets wrapped onto a second line whole, quoted on one line', () => {
    const [bracket] = findBrackets('[Insert a summary of what happened and\nfor how long.]');
    expect(bracket).toMatchObject({ start: 0, end: 53, text: '[Insert a summary of what happened and for how long.]', telling: true });
  });
});
