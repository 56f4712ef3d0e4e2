import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lintText } from '../src/api/lint.js';
import { minimalEdit, positionOf } from '../src/lsp/convert.js';
import { disableComment } from '../src/lsp/disable-comment.js';
import { packageRoot } from '../src/util/package-root.js';

/** The document with a rule's disable comment inserted for a line. */
function disabled(text: string, line: number, rule = 'some-rule'): string | null {
  const insertion = disableComment(text, line, rule);
  return insertion && text.slice(0, insertion.offset) + insertion.text + text.slice(insertion.offset);
}

describe('where the disable comment goes (src/lsp/disable-comment.ts)', () => {
  it('above a line that starts a block, on a line of its own', () => {
    expect(disabled('# T\n\n## Impact\n\nText.\n', 3)).toBe('# T\n\n<!-- pm-lint-disable-next-line some-rule -- -->\n## Impact\n\nText.\n');
    expect(disabled('# T\n\nText.\n\n| A | B |\n|---|---|\n| 1 | 2 |\n', 5)).toBe('# T\n\nText.\n\n<!-- pm-lint-disable-next-line some-rule -- -->\n| A | B |\n|---|---|\n| 1 | 2 |\n');
    // Windows line endings stay Windows line endings.
    expect(disabled('# T\r\n\r\n## Impact\r\n', 3)).toBe('# T\r\n\r\n<!-- pm-lint-disable-next-line some-rule -- -->\r\n## Impact\r\n');
  });

  it('inside the block quotes and list items the block is in; a later list item gets it in the item before', () => {
    expect(disabled('# T\n\n> Quoted.\n>\n> > Deeper.\n', 5)).toBe('# T\n\n> Quoted.\n>\n> <!-- pm-lint-disable-next-line some-rule -- -->\n> > Deeper.\n');
    expect(disabled('# T\n\n> Quoted.\n> Second line.\n>\n> Next.\n', 6)).toBe('# T\n\n> Quoted.\n> Second line.\n>\n> <!-- pm-lint-disable-next-line some-rule -- -->\n> Next.\n');
    expect(disabled('# T\n\n## A\n\n- one\n- two\n  - nested\n  - nested two\n', 6)).toBe('# T\n\n## A\n\n- one\n  <!-- pm-lint-disable-next-line some-rule -- -->\n- two\n  - nested\n  - nested two\n');
    expect(disabled('# T\n\n## A\n\n- one\n- two\n  - nested\n  - nested two\n', 8)).toBe('# T\n\n## A\n\n- one\n- two\n  - nested\n    <!-- pm-lint-disable-next-line some-rule -- -->\n  - nested two\n');
    expect(disabled('# T\n\n## A\n\n1.  one\n2.  two\n', 6)).toBe('# T\n\n## A\n\n1.  one\n    <!-- pm-lint-disable-next-line some-rule -- -->\n2.  two\n');
    // The first item: above the list.
    expect(disabled('# T\n\n## A\n\n- one\n- two\n', 5)).toBe('# T\n\n## A\n\n<!-- pm-lint-disable-next-line some-rule -- -->\n- one\n- two\n');
  });

  it('at the end of the line where a comment above would cut a block: a paragraph\'s later line, a table row, a list under its lead-in', () => {
    expect(disabled('# T\n\nFirst line\nsecond line  \nthird\n', 4)).toBe('# T\n\nFirst line\nsecond line <!-- pm-lint-disable-line some-rule -- -->  \nthird\n');
    expect(disabled('# T\n\n| A | B |\n|---|---|\n| 1 | 2 |\n| 3 | 4\n', 5)).toBe('# T\n\n| A | B |\n|---|---|\n| 1 | 2 <!-- pm-lint-disable-line some-rule -- --> |\n| 3 | 4\n');
    expect(disabled('# T\n\n| A | B |\n|---|---|\n| 1 | 2 |\n| 3 | 4\n', 6)).toBe('# T\n\n| A | B |\n|---|---|\n| 1 | 2 |\n| 3 | 4 <!-- pm-lint-disable-line some-rule -- -->\n');
    expect(disabled('# T\n\n## Actions\n\nWe will:\n\n- do it\n', 7)).toBe('# T\n\n## Actions\n\nWe will:\n\n- do it <!-- pm-lint-disable-line some-rule -- -->\n');
    // On the first line (findings about the whole document stand there), after an ATX heading's text.
    expect(disabled('# Title #\n\nText.\n', 1)).toBe('# Title <!-- pm-lint-disable-line some-rule -- --> #\n\nText.\n');
    expect(disabled('\n# Title\n', 1)).toBe('<!-- pm-lint-disable-line some-rule -- -->\n# Title\n');
    expect(disabled('---\n\n# Title\n', 1)).toBe('<!-- pm-lint-disable-line some-rule -- -->\n---\n\n# Title\n');
  });

  it('for the whole file after front matter; nowhere inside code, HTML or inline code', () => {
    expect(disabled('---\ndate: 2026-01-01\n---\n# T\n', 2)).toBe('---\ndate: 2026-01-01\n---\n<!-- pm-lint-disable-file some-rule -- -->\n# T\n');
    expect(disableComment('---\ndate: 2026-01-01\n---\n# T\n', 2, 'r')?.scope).toBe('file');
    expect(disabled('# T\n\n```\ncode\n```\n', 4)).toBeNull();
    expect(disabled('# T\n\n<div>\nhtml\n</div>\n', 4)).toBeNull();
    expect(disabled('# T\n\nFirst line\nText `code\nspans lines` here\n', 4)).toBeNull();
    expect(disabled('Title\n=====\n\nText.\n', 2)).toBeNull();
  });

  it('turns off exactly the finding it is for, and changes no other finding (the examples, every finding)', () => {
    const directory = join(packageRoot(), 'examples');
    const config = { root: true, extends: ['pm-lint:strict'] };
    const shown = (messages: Array<{ ruleId: string | null; line: number; message: string }>, shift: (line: number) => number) =>
      messages.map((message) => `${shift(message.line)} ${message.ruleId} ${message.message.replace(/\bline \d+/g, 'line N')}`).sort();
    let checked = 0;
    for (const name of readdirSync(directory).filter((file) => file.endsWith('.md'))) {
      const text = readFileSync(join(directory, name), 'utf8');
      const before = lintText(text, { config, filePath: join(directory, name) }).messages;
      for (const finding of before.filter((message) => message.ruleId !== null)) {
        const insertion = disableComment(text, finding.line, finding.ruleId!)!;
        const after = text.slice(0, insertion.offset) + insertion.text + text.slice(insertion.offset);
        const insertedAt = text.slice(0, insertion.offset).split('\n').length;
        const newLines = insertion.text.split('\n').length - 1;
        const shift = (line: number) => (newLines > 0 && line >= insertedAt && (line > insertedAt || insertion.text.endsWith('\n')) ? line + newLines : line);
        const disabled = (message: (typeof before)[number]) => message.ruleId === finding.ruleId && (insertion.scope === 'file' || message.line === finding.line);
        // A finding that stood for another rule's too (duplicates) leaves that one reported on its own.
        const revealed = before.filter(disabled).flatMap((message) =>
          (message.duplicates ?? []).map((duplicate) => ({ ruleId: duplicate.ruleId, line: message.line, message: duplicate.message })),
        );
        const expected = [...before.filter((message) => !disabled(message)), ...revealed];
        expect(shown(lintText(after, { config, filePath: join(directory, name) }).messages, (line) => line), `${name}:${finding.line} ${finding.ruleId}`).toEqual(shown(expected, shift));
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(15);
  });
});

describe('positions and edits (src/lsp/convert.ts)', () => {
  it('maps 1-based lines and columns to LSP places, shifting the first line after a BOM', () => {
    expect(positionOf(1, 1, 0)).toEqual({ line: 0, character: 0 });
    expect(positionOf(1, 5, 1)).toEqual({ line: 0, character: 5 });
    expect(positionOf(3, 5, 1)).toEqual({ line: 2, character: 4 });
  });

  it('replaces only what changed, never half of a surrogate pair or of a CRLF', () => {
    const before = 'a 😀 b\r\nc\r\n';
    const document = TextDocument.create('file:///x.md', 'markdown', 1, before);
    // 😀 (\uD83D\uDE00) becomes 😁 (\uD83D\uDE01): the edit covers both code units.
    expect(minimalEdit(document, before, 'a 😁 b\r\nc\r\n', 0)).toEqual({ range: { start: { line: 0, character: 2 }, end: { line: 0, character: 4 } }, newText: '😁' });
    // "\r\n" becomes "\n": the edit replaces the pair, not its "\r" alone.
    expect(minimalEdit(document, before, 'a 😀 b\nc\r\n', 0)).toEqual({ range: { start: { line: 0, character: 6 }, end: { line: 1, character: 0 } }, newText: '\n' });
    expect(minimalEdit(document, before, before, 0)).toBeNull();
    for (const after of ['', 'x', 'a 😀 b\r\nc\r\nmore\n', '😀', 'a b\r\nc\r\n']) {
      const edit = minimalEdit(document, before, after, 0)!;
      expect(TextDocument.applyEdits(document, [edit])).toBe(after);
    }
  });
});
