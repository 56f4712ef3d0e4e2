import { describe, expect, it } from 'vitest';
import { PostmortemDocument } from '../src/model/index.js';
import { findMarkers } from '../src/model/text/placeholders.js';

const model = (text: string) => new PostmortemDocument(text);

// Parts written in a box: Notion's `<aside>` callouts, Obsidian's and GitHub's `> [!type]` callouts.
describe('callouts', () => {
  it('reads the Markdown inside a container tag alone on its line, at its place in the file', () => {
    const text = '# Title\n\n<aside>\n💡 **TL;DR** — Logins failed for 20 minutes.\n\n</aside>\n\n## Impact\n\nAll users.\n';
    const document = model(text);
    const paragraph = document.paragraphs.find((candidate) => candidate.text.includes('TL;DR'))!;
    expect(paragraph.text).toBe('💡 TL;DR — Logins failed for 20 minutes.');
    expect(paragraph.span.start).toEqual({ line: 4, column: 1, offset: text.indexOf('💡') });
    const strong = paragraph.node.children.find((child) => child.type === 'strong')!;
    expect(text.slice(strong.position!.start.offset, strong.position!.end.offset)).toBe('**TL;DR**');
    expect(document.tree.children.map((node) => node.type)).toEqual(['heading', 'html', 'paragraph', 'html', 'heading', 'paragraph']);
    expect(document.coverage.implicit.map((cover) => cover.kind)).toContain('summary');
  });

  it('leaves HTML that holds HTML, or text on the tag line, as it is', () => {
    expect(model('<div class="note">Written by the SRE team</div>\n').paragraphs).toHaveLength(0);
    expect(model('<details>\n<summary>Logs</summary>\nline\n</details>\n').paragraphs).toHaveLength(0);
  });

  it('reads a callout title that names a part as a title of that part', () => {
    const document = model('# T\n\n> [!summary] Summary\n> Logins failed.\n\n> [!info]- Customer impact\n> All users.\n\n> [!tldr]\n> Short.\n\n> [!note] Thanks\n> To all.\n');
    const callouts = document.coverage.titled.filter((place) => place.form === 'callout');
    expect(callouts.map((place) => [place.title, place.kinds, place.span.start.line, place.titleLike])).toEqual([
      ['Summary', ['summary'], 3, true],
      ['Customer impact', ['impact'], 6, true],
      ['TL;DR', ['summary'], 9, true],
    ]);
  });

  it('reads an admonition of MkDocs as a callout, its folding mark as no placeholder', () => {
    const document = model('# T\n\n!!! danger "Impact"\n    All logins failed.\n\n??? abstract\n\n    Short.\n\n!!! note "Thanks"\n    To all.\n');
    const callouts = document.coverage.titled.filter((place) => place.form === 'callout');
    expect(callouts.map((place) => [place.title, place.kinds, place.span.start.line, place.titleLike])).toEqual([
      ['Impact', ['impact'], 3, true],
      ['Summary', ['summary'], 6, true],
    ]);
    expect(findMarkers('??? note "Details"\nLogs below')).toEqual([]);
    expect(findMarkers('???+ tip\nOpen')).toEqual([]);
    expect(findMarkers('Root cause: ???')).toHaveLength(1);
    expect(findMarkers('??? we do not know yet')).toHaveLength(1);
    expect(findMarkers('??? not sure')).toHaveLength(1);
  });
});
