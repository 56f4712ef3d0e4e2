import { describe, expect, it } from 'vitest';
import { buildTemplateStandard, PostmortemDocument, valueIsOneOf, type TemplateStandard } from '../src/model/index.js';
import { repairMojibake } from '../src/model/text/mojibake.js';

const standard = (text: string): TemplateStandard => buildTemplateStandard(new PostmortemDocument(text), 'TEMPLATE.md');
const parts = (text: string) => standard(text).parts.map((part) => [part.level, part.title, part.kinds.join(','), part.optional, part.line]);
const held = (template: TemplateStandard, text: string) => new PostmortemDocument(text, { template });

describe('the template standard: its parts', () => {
  it('reads headings in order with their levels and kinds; the title, field headings, examples and placeholder headings are not parts', () => {
    const text = [
      '# Postmortem: [title]', // 1: the title
      '',
      '## Date: YYYY-MM-DD', // 3: a field
      '',
      '## 1. Summary', // 5
      '',
      '[What happened]',
      '',
      '### Example', // 9: an example, with what it holds
      '',
      '#### Also an example', // 11
      '',
      '## 2. Timeline (UTC)', // 13
      '',
      '### [yyyy-mm-dd hh:mm]', // 15: an entry to repeat
      '',
      '## 3. Root Cause', // 17
      '',
      '### 3.1 근본 원인 (What Happened)', // 19
      '',
      '## 4. Sign-off (optional)', // 21
      '',
      '## Attendees', // 23
      '',
      '<!-- pm-lint-optional -->',
      '',
      '## Customer Communication (if applicable)', // 27
      '',
      '## Runbook used', // 29
      '',
    ].join('\n');
    expect(parts(text)).toEqual([
      [1, '1. Summary', 'summary', false, 5],
      [1, '2. Timeline (UTC)', 'timeline', false, 13],
      [1, '3. Root Cause', 'root-cause', false, 17],
      [2, '3.1 근본 원인 (What Happened)', 'root-cause', false, 19],
      [1, '4. Sign-off', 'sign-off', true, 21],
      [1, 'Attendees', 'participants', true, 23],
      [1, 'Customer Communication', 'communication', true, 27],
      [1, 'Runbook used', '', false, 29],
    ]);
    const template = standard(text);
    expect(template.parts.map((part) => part.name)).toEqual([
      'Summary', 'Timeline (UTC)', 'Root Cause', '근본 원인 (What Happened)', 'Sign-off', 'Attendees', 'Customer Communication', 'Runbook used',
    ]);
    expect(template.parts[3]!.parent).toBe(template.parts[2]);
  });

  it('reads the titles of a template without headings: bold labels in one list, metadata fields aside', () => {
    const text = [
      '# Incident report: [title]',
      '',
      '- **Date:** [YYYY-MM-DD]', // 3: a field
      '- **Severity:** [SEV-1 to SEV-3]', // 4: a field
      '- **Summary:** [What happened]', // 5
      '- **Runbook used:** [Link]', // 6: a label of no kind, not a metadata key
      '  - **Nested:** [not a part]', // 7
      '- **Follow-up actions:** [Actions] <!-- pm-lint-optional -->', // 8
      '',
    ].join('\n');
    expect(parts(text)).toEqual([
      [1, 'Summary', 'summary', false, 5],
      [1, 'Runbook used', '', false, 6],
      [1, 'Follow-up actions', 'action-items', true, 8],
    ]);
    expect(standard(text).fields.filter((field) => field.metadata).map((field) => field.label)).toEqual(['Date', 'Severity', 'Nested']);
  });

  it('reads a numbered outline whose items are the parts', () => {
    const text = '# Outage review\n\n1. Summary\n   [What happened]\n2. Impact\n   [Who was affected]\n3. Follow-ups\n   [Actions]\n';
    expect(parts(text)).toEqual([
      [1, 'Summary', 'summary', false, 3],
      [1, 'Impact', 'impact', false, 5],
      [1, 'Follow-ups', 'action-items', false, 7],
    ]);
  });

  it('answers to its own title, numbering and emoji aside, and to either half of a bilingual title, not to a note in brackets', () => {
    const [summary, timeline, cause] = standard('# T\n\n## TL;DR (Executive Summary)\n\n## 2. Timeline (UTC)\n\n## 3.1 근본 원인 (What Happened)\n').parts;
    expect(['TL;DR', 'Executive Summary', '## 🔥 TL;DR', 'Summary'].map((title) => summary!.matchesTitle(title))).toEqual([true, true, true, false]);
    expect(['Timeline', '4. Timeline (UTC)', 'UTC'].map((title) => timeline!.matchesTitle(title))).toEqual([true, true, false]);
    expect(['근본 원인', 'What Happened', 'Root cause'].map((title) => cause!.matchesTitle(title))).toEqual([true, true, false]);
  });

  it('matches a title that lost characters to a mis-encoding (U+FFFD) character by character', () => {
    const [part] = standard('# T\n\n## 사용\uFFFD 영향\n').parts;
    expect(part!.matchesTitle('사용자 영향')).toBe(true);
    expect(part!.matchesTitle('사용자 요약')).toBe(false);
  });
});

describe('the template standard: instructions, examples and values', () => {
  const text = [
    '# Review: [title]', // 1
    '',
    '| Field | Value |', // 3
    '|-------|-------|',
    '| **Incident Lead** | Name |', // 5
    '| **Duration** | 60 minutes |', // 6: a number, not compared
    '| **Data loss** | No |', // 7: yes or no, not compared
    '',
    '## Summary', // 9
    '',
    '[Two or three sentences]', // 11: holds a placeholder
    '',
    'How did we know it was over?', // 13: a prompt without italics
    '',
    'All reviews happen on Thursdays.', // 15: meant to stay
    '',
    'Example:', // 17
    'The gateway rejected payments for 23 minutes.', // 18: the example, in the same paragraph
    '',
    '**Example:**', // 20
    '', '| Time | Event |', '|------|-------|',
    '| 09:02 | The certificate expires at midnight |', // 24
    '| 09:05 | Alert fires |', // 25: too short to tell
    '',
    '- **Affected users:** about a quarter of all mobile users', // 27: an example's value
    '',
    '**Priority definitions:**', // 29: the example ends at another label
    '',
    '- **P0** - critical, fix within a day', // 31
    '',
    '## Root Cause', '', '### Example', '', '```', 'The certificate was renewed by hand every single year.', '```', '',
  ].join('\n');
  const template = standard(text);

  it('holds the blocks a filled-in document replaces, with their kind and line', () => {
    expect(template.blocks.map((block) => [block.kind, block.line, block.text])).toEqual([
      ['instruction', 11, '[Two or three sentences]'],
      ['instruction', 13, 'How did we know it was over?'],
      ['example', 18, 'The gateway rejected payments for 23 minutes.'],
      ['example', 24, 'The certificate expires at midnight'],
      ['example', 37, 'The certificate was renewed by hand every single year.'],
    ]);
  });

  it('tells a block of the template whitespace aside, and a value the template gives a field', () => {
    expect(template.blockKind('How   did we know\nit was over?')).toBe('instruction');
    expect(template.blockKind('All reviews happen on Thursdays.')).toBeNull();
    expect(template.blockKind('Alert fires')).toBeNull();
    expect(template.isTemplateValue('commander', 'Name')).toBe(true);
    expect(template.isTemplateValue('duration', '60 minutes')).toBe(false);
    expect(template.isTemplateValue('dataLoss', 'No')).toBe(false);
    expect(template.isTemplateValue('affectedUsers', 'about a quarter of all mobile users')).toBe(true);
  });

  it('finds in a document what it left of the template (no-placeholders reports the pattern instead where one also fires)', () => {
    const doc = held(template, [
      '# Review: gateway certificate', '',
      '| Field | Value |', '|-------|-------|', '| **Incident Lead** | Name |', '| **Duration** | 60 minutes |', '',
      '## Summary', '', '[Two or three sentences]', '', 'How did we know it was over?', '', 'All reviews happen on Thursdays.', '',
      '| Time | Event |', '|------|-------|', '| 09:02 | The certificate expires at midnight |', '',
    ].join('\n'));
    expect(doc.placeholders.found.filter((found) => found.category.startsWith('template')).map((found) => [found.kind, found.text, found.label ?? ''])).toEqual([
      ['templateValue', 'Name', 'Incident Lead'],
      ['templateText', '[Two or three sentences]', ''],
      ['templateText', 'How did we know it was over?', ''],
      ['templateText', 'The certificate expires at midnight', ''],
    ]);
  });

  it('matches a block that lost characters to a mis-encoding', () => {
    const lossy = standard('# T\n\n## Summary\n\n[사건 \uFFFD약]\n');
    expect(lossy.blockKind('[사건 요약]')).toBe('instruction');
    expect(lossy.blockKind('[사건 개요]')).toBeNull();
  });

  it("lists the action-item tables' columns and the fields they hold", () => {
    const tables = standard('# T\n\n## Action Items\n\n| Action | Owner | Due Date | Status |\n|---|---|---|---|\n| [Action] | [Name] | YYYY-MM-DD | Open |\n').actionItemTables;
    expect(tables.map((table) => [table.columns, table.fields])).toEqual([[['Action', 'Owner', 'Due Date', 'Status'], ['owner', 'due', 'status']]]);
  });
});

describe('mis-encoded templates', () => {
  it('are repaired run by run, saying how many runs lost bytes', () => {
    const utf8 = '## 요약 (Summary)\n';
    const misread = [...Buffer.from(utf8, 'utf8')].map((byte) => String.fromCharCode(byte)).join('');
    const repaired = repairMojibake(misread);
    expect(repaired).toMatchObject({ text: utf8, runs: 1, lossy: 0 });
  });
});

describe('metadata values (overrides selected with "when")', () => {
  it('compare as severities are written: case, spaces and dashes aside, a note after, the ticked check box', () => {
    expect(valueIsOneOf('Sev1', ['SEV-1'])).toBe(true);
    expect(valueIsOneOf('**SEV 2** (major)', ['SEV-1', 'SEV-2'])).toBe(true);
    expect(valueIsOneOf('SEV-12', ['SEV-1'])).toBe(false);
    expect(valueIsOneOf('[ ] P0 [x] P1 [ ] P2', ['P1'])).toBe(true);
    expect(valueIsOneOf('[ ] P0 [x] P1 [ ] P2', ['P0'])).toBe(false);
  });

  it('are read from the metadata by key or label, every condition holding', () => {
    const doc = new PostmortemDocument('---\nseverity: 1\n---\n\n# T\n\n**Customer tier:** Enterprise\n');
    expect(doc.matchesMetadata({ severity: ['1', '2'] })).toBe(true);
    expect(doc.matchesMetadata({ Severity: ['1'], 'customer tier': ['enterprise'] })).toBe(true);
    expect(doc.matchesMetadata({ severity: ['1'], 'customer tier': ['free'] })).toBe(false);
    expect(doc.matchesMetadata({ status: ['open'] })).toBe(false);
  });
});
