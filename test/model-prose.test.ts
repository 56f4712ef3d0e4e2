import { describe, expect, it } from 'vitest';
import type { Paragraph } from 'mdast';
import { PostmortemDocument } from '../src/model/index.js';
import { GAP, proseBlock, quotedRanges } from '../src/model/text/prose.js';

function firstParagraph(text: string) {
  const document = new PostmortemDocument(text);
  const node = document.tree.children.find((child) => child.type === 'paragraph') as Paragraph;
  return { block: proseBlock(node, document.text), text: document.text };
}

describe('proseBlock', () => {
  it('joins runs across emphasis and links, and maps every character to its source offset', () => {
    const { block, text } = firstParagraph('It was **human** error, said [Kevin](https://x.test "K").\n');
    expect(block.text).toBe('It was human error, said Kevin.');
    for (let i = 0; i < block.text.length; i++) expect(text[block.offset(i)]).toBe(block.text[i]);
    expect(block.offset(block.text.length)).toBe(text.indexOf('.\n') + 1);
  });

  it('stands GAP in for inline code and HTML, and finds bare URLs', () => {
    const { block } = firstParagraph('Ran `human error` then <b>x</b> see https://example.com/human-error.\n');
    expect(block.text).toBe(`Ran ${GAP} then ${GAP}x${GAP} see https://example.com/human-error.`);
    const [url] = block.urls;
    expect(block.text.slice(url![0], url![1])).toBe('https://example.com/human-error');
  });

  it('replaces autolinks and links written as their URL', () => {
    const { block } = firstParagraph('See <https://a.test/at-fault> and [https://b.test](https://b.test).\n');
    expect(block.text).toBe(`See ${GAP} and ${GAP}.`);
  });

  it('keeps quotations that span emphasis', () => {
    const { block } = firstParagraph('The draft said "**human** error" here.\n');
    const [range] = block.quoted;
    expect(block.text.slice(range![0], range![1])).toBe('"human error"');
  });
});

describe('quotedRanges', () => {
  const quoted = (text: string) => quotedRanges(text).map(([from, to]) => text.slice(from, to));

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
