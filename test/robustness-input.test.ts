import { describe, expect, it } from 'vitest';
import { COMPLETE, tempTree } from './helpers.js';
import { jsonReport, runCli } from './helpers/cli.js';

/** Only the rules these documents are about, so that each expectation is the whole report. */
const CONFIG = JSON.stringify({
  extends: [],
  rules: { 'valid-front-matter': 'error', 'no-placeholders': 'error', 'no-empty-sections': 'warn', 'text-encoding': 'error' },
});

function lint(files: Record<string, string | Uint8Array>): { code: number | null; report: Record<string, string[]>; stderr: string } {
  const root = tempTree({ '.pmlintrc.json': CONFIG, ...files });
  const result = runCli(['.', '-f', 'json'], root);
  return { code: result.code, report: jsonReport(result.stdout, root), stderr: result.stderr };
}

const BINARY = 'Cannot lint this file: the file is binary (it contains NUL bytes), not Markdown text.';

describe('hostile and malformed input', () => {
  it('an empty file and a file of only front matter are linted like any document', () => {
    const root = tempTree({ 'empty.md': '', 'front.md': '---\ntitle: Outage\n---\n', 'blank.md': '\n\n   \n' });
    const result = runCli(['.', '-f', 'json', '--rule', 'required-sections:error'], root);
    expect(result.code).toBe(1);
    const report = jsonReport(result.stdout, root);
    expect(Object.keys(report)).toEqual(['blank.md', 'empty.md', 'front.md']);
    for (const messages of Object.values(report)) {
      expect(messages).toHaveLength(5);
      expect(messages.every((message) => /^1:1 2 required-sections Missing required section "/.test(message))).toBe(true);
    }
  });

  it('front matter that is not YAML: one message at its line, and the other rules still run', () => {
    const { code, report } = lint({ 'a.md': '---\ntitle: [Outage\nseverity: : 1\n---\n# Outage\n\n## Summary\n\nTBD\n' });
    expect(code).toBe(1);
    expect(report['a.md']).toEqual([
      '3:1 2 valid-front-matter Front matter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ].',
      '9:1 2 no-placeholders Unfinished "TBD" left in: write the actual content.',
    ]);
  });

  it('NUL bytes or binary content with a .md name: one clear message, no parse, exit 1', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const controls = Uint8Array.from({ length: 4096 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41 + (i % 26)));
    const { code, report } = lint({ 'image.md': png, 'nul.md': '# Outage\n\nText\u0000more\n', 'controls.md': controls, 'good.md': COMPLETE });
    expect(code).toBe(1);
    expect(report).toEqual({
      'controls.md': ['1:1 2 - Cannot lint this file: the file is binary (mostly control characters), not Markdown text.'],
      'good.md': [],
      'image.md': [`1:1 2 - ${BINARY}`],
      'nul.md': [`1:1 2 - ${BINARY}`],
    });
  });

  it('bytes that are not UTF-8 are reported where they are; the rest is linted', () => {
    const latin1 = Buffer.concat([Buffer.from('# Outage\n\n## Summary\n\nWe lost '), Buffer.from([0xe9, 0xe8]), Buffer.from(' data. TBD\n')]);
    const { code, report } = lint({ 'a.md': latin1 });
    expect(code).toBe(1);
    expect(report['a.md']).toEqual([
      '5:9 2 text-encoding Bytes that are not valid UTF-8 (shown as "��"): the file is saved in another encoding (perhaps Windows-1252 or Latin-1); convert it to UTF-8.',
      '5:18 2 no-placeholders Unfinished "TBD" left in: write the actual content.',
    ]);
  });

  it('a BOM, CRLF and lone CR line endings: positions are those of the text as an editor shows it', () => {
    const text = ['# Outage', '', '## Summary', '', '## Impact', '', 'Users saw TBD errors.', ''];
    const { code, report } = lint({ 'bom.md': `\uFEFF${text.join('\n')}`, 'crlf.md': text.join('\r\n'), 'cr.md': text.join('\r'), 'lf.md': text.join('\n') });
    expect(code).toBe(1);
    const expected = [
      '3:1 1 no-empty-sections Section "Summary" is empty: write its content or remove the heading.',
      '7:11 2 no-placeholders Unfinished "TBD" left in: write the actual content.',
    ];
    expect(report).toEqual({ 'bom.md': expected, 'cr.md': expected, 'crlf.md': expected, 'lf.md': expected });
  });

  it('CRLF line endings inside paragraphs: forms read line by line are read as with LF', () => {
    // Italic prompts a template leaves on consecutive lines; a bold title over its section's first line.
    const prompts = ['# Outage', '', '## Detection', '_How was the issue found?_', '_Date/time of discovery_', '- The on-call saw the alert.', ''];
    const boldTitles = ['# Outage', '', '**Summary**', 'Sync stopped for four hours.', '', '**Timeline**', '', '**Root cause**', 'A certificate expired.', ''];
    const { report } = lint({
      'prompts-crlf.md': prompts.join('\r\n'), 'prompts-lf.md': prompts.join('\n'),
      'titles-crlf.md': boldTitles.join('\r\n'), 'titles-lf.md': boldTitles.join('\n'),
    });
    expect(report['prompts-lf.md']).toEqual([
      '4:2 2 no-placeholders Template instruction left in: "How was the issue found?"; replace it with the actual content or remove it.',
      '5:2 2 no-placeholders Template instruction left in: "Date/time of discovery"; replace it with the actual content or remove it.',
    ]);
    expect(report['titles-lf.md']).toContain('6:1 1 no-empty-sections Section "Timeline" is empty: write its content or remove the heading.');
    expect(report['prompts-crlf.md']).toEqual(report['prompts-lf.md']);
    expect(report['titles-crlf.md']).toEqual(report['titles-lf.md']);
  });

  it('no-break and narrow no-break spaces in times and dates read as spaces', () => {
    // "9:54\u202fPM" as ICU and macOS write a time; "Auguest\u00a015" as a word processor keeps a date together.
    const text = (space: string) =>
      ['# Outage', '', '## Summary', '', `On Tuesday Auguest${space}15 2023 the check-ins failed.`, '', '## Timeline', '',
        `- 9:54${space}PM — Errors begin.`, `- 10:40${space}PM — Rollback.`, `- 10:15${space}PM — Resolved.`, ''].join('\n');
    const config = JSON.stringify({ extends: [], rules: { 'date-consistency': 'error', 'timeline-order': 'error' } });
    const root = tempTree({ '.pmlintrc.json': config, 'nbsp.md': text('\u00a0'), 'nnbsp.md': text('\u202f'), 'space.md': text(' ') });
    const report = jsonReport(runCli(['.', '-f', 'json'], root).stdout, root);
    expect(report['space.md']).toEqual([
      '5:12 2 date-consistency Date Auguest 15 2023 has a misspelled month; expected August.',
      '11:3 2 timeline-order Timeline entry 10:15 PM is earlier than the entry before it (10:40 PM on line 10); expected times in order.',
    ]);
    expect(report['nbsp.md']).toEqual(report['space.md']);
    expect(report['nnbsp.md']).toEqual(report['space.md']);
  });

  it('a file of only a BOM, only line endings or only spaces', () => {
    const { code, report } = lint({ 'bom.md': '\uFEFF', 'eol.md': '\r\n\r\r\n\n', 'spaces.md': ' '.repeat(10_000) });
    expect(code).toBe(0);
    expect(report).toEqual({ 'bom.md': [], 'eol.md': [], 'spaces.md': [] });
  });
});
