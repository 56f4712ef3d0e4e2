import { describe, expect, it } from 'vitest';
import type { Paragraph } from 'mdast';
import { GAP, PostmortemDocument, quotedRanges, TextView } from '../src/model/index.js';

function firstParagraph(text: string) {
  const document = new PostmortemDocument(text);
  const node = document.tree.children.find((child) => child.type === 'paragraph') as Paragraph;
  return { view: document.textOf(node), document, text: document.text, node };
}

describe('the text view of a block', () => {
  it('joins text across emphasis and links, and maps every character to its source offset', () => {
    const { view, text } = firstParagraph('It was **human** error, said [Kevin](https://x.test "K").\n');
    expect(view.text).toBe('It was human error, said Kevin.');
    for (let i = 0; i < view.text.length; i++) expect(text[view.offset(i)]).toBe(view.text[i]);
    expect(view.offset(view.text.length)).toBe(text.indexOf('.\n') + 1);
    expect(view.strong.map((r) => view.text.slice(r.start, r.end))).toEqual(['human']);
    expect(view.links.map((r) => [view.text.slice(r.start, r.end), r.url])).toEqual([['Kevin', 'https://x.test']]);
  });

  it('keeps inline code as text with its range, stands GAP for HTML, and finds bare URLs', () => {
    const { view, text } = firstParagraph('Ran `human error` then <b>x</b> see https://example.com/human-error.\n');
    expect(view.text).toBe(`Ran human error then ${GAP}x${GAP} see https://example.com/human-error.`);
    expect(view.code.map((r) => view.text.slice(r.start, r.end))).toEqual(['human error']);
    expect(text[view.offset(view.text.indexOf('human'))]).toBe('h');
    expect(view.masked(['code', 'gaps'], ' ')).toBe('Ran             then  x  see https://example.com/human-error.');
    const [url] = view.urls;
    expect(view.text.slice(url!.start, url!.end)).toBe('https://example.com/human-error');
  });

  it('masks autolinks and links written as their URL, keeping every index', () => {
    const { view } = firstParagraph('See <https://a.test/at-fault> and [https://b.test](https://b.test).\n');
    expect(view.text).toBe('See https://a.test/at-fault and https://b.test.');
    const masked = view.masked(['bareLinks']);
    expect(masked).toBe(`See ${GAP.repeat(23)} and ${GAP.repeat(14)}.`);
    expect(masked.length).toBe(view.text.length);
  });

  it('knows struck-through text, in the view and in its slices', () => {
    const { view } = firstParagraph('due: ~~2026-03-20~~ 2026-03-31, owner: ~~@ana~~ @ben\n');
    expect(view.deleted.map((r) => view.text.slice(r.start, r.end))).toEqual(['2026-03-20', '@ana']);
    expect(view.masked(['deleted'], ' ')).toBe('due:            2026-03-31, owner:      @ben');
    const owner = view.slice(view.text.indexOf('owner'), view.text.length);
    expect(owner.deleted.map((r) => owner.text.slice(r.start, r.end))).toEqual(['@ana']);
  });

  it('keeps quotations that span emphasis', () => {
    const { view } = firstParagraph('The draft said "**human** error" here.\n');
    const [range] = view.quoted;
    expect(view.text.slice(range!.start, range!.end)).toBe('"human error"');
  });

  it('splits into lines at soft and hard breaks, each line mapping to its own source', () => {
    const { view, text } = firstParagraph('**10:02** paged\n10:05 ack  \n10:09 fixed\n');
    expect(view.lines().map((line) => line.text)).toEqual(['10:02 paged', '10:05 ack', '10:09 fixed']);
    const third = view.lines()[2]!;
    expect(text.slice(third.offset(0), third.offset(third.text.length))).toBe('10:09 fixed');
  });

  it('joins views with a separator (two time cells of a row)', () => {
    const document = new PostmortemDocument('| Date | Time | Event |\n| --- | --- | --- |\n| 2026-03-04 | 09:29 | paged |\n');
    const row = document.tables[0]!.rows[0]!;
    const joined = TextView.join(row.cells.slice(0, 2).map((cell) => document.textOf(cell.node)));
    expect(joined.text).toBe('2026-03-04 09:29');
    expect(document.text.slice(joined.offset(11), joined.offset(16))).toBe('09:29');
  });

  it('is built once per block', () => {
    const { document, node } = firstParagraph('One paragraph.\n');
    expect(document.textOf(node)).toBe(document.textOf(node));
  });
});

describe('quotedRanges', () => {
  const quoted = (text: string) => quotedRanges(text).map(({ start, end }) => text.slice(start, end));

  it('finds straight, curly and single quotations', () => {
    expect(quoted('say "human error" or “operator error” or ‘careless’ or \'lazy\' here')).toEqual([
      '"human error"',
      '“operator error”',
      '‘careless’',
      "'lazy'",
    ]);
  });

  it('does not take apostrophes, inch marks or unclosed quotes for quotations', () => {
    expect(quoted("we didn't; the engineers' laptops; a 12\" screen; she said \"it never ends")).toEqual([]);
    expect(quoted('it’s the team’s runbook')).toEqual([]);
  });
});

describe('the plain text of a node', () => {
  it('reads a <br> as a space and leaves other HTML out', () => {
    const document = new PostmortemDocument('| Priority | Owner |\n|---|---|\n| P2<br>(was P3) | @a<br/>@b <span>x</span> |\n');
    const [row] = document.tables[0]!.rows;
    expect(row!.cells.map((cell) => cell.text)).toEqual(['P2 (was P3)', '@a @b x']);
  });
});
