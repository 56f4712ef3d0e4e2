import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PostmortemDocument } from '../src/model/document.js';
import { splitTitle, normalizeText } from '../src/model/text/normalize.js';
import { SectionKindResolver } from '../src/model/text/section-kinds.js';
import { decodeBytes } from '../src/api/read.js';

const documents = join(import.meta.dirname, 'documents');
function load(name: string): PostmortemDocument {
  const decoded = decodeBytes(readFileSync(join(documents, name)));
  if (!decoded.ok) throw new Error(decoded.reason);
  return new PostmortemDocument(decoded.text, { path: join(documents, name) });
}

describe('title normalisation', () => {
  it.each([
    ['## 3. Root Cause', 'root cause'],
    ['3.1 Root Cause', 'root cause'],
    ['1) Summary', 'summary'],
    ['IV. Lessons Learned', 'lessons learned'],
    ['A. Technical Details', 'technical details'],
    ['Timeline (UTC)', 'timeline'],
    ['🔥 Impact ✅', 'impact'],
    ["What Didn't Go So Well?", 'what didnt go so well'],
    ['Root Cause(s)', 'root causes'],
  ])('%s → %s', (title, base) => {
    expect(splitTitle(title.replace(/^#+\s*/, '')).base).toBe(base);
  });

  it('keeps bracketed parts and separators apart', () => {
    expect(splitTitle('3.1 근본 원인 (What Happened)')).toMatchObject({ base: '근본 원인', bracketed: ['what happened'] });
    expect(splitTitle('Hypothesis 2: Traffic Spike')).toMatchObject({ beforeSeparator: 'hypothesis 2', afterSeparator: 'traffic spike' });
    expect(normalizeText('Mitigation & Resolution')).toBe('mitigation and resolution');
  });
});

describe('section kinds', () => {
  const resolver = new SectionKindResolver();
  it.each([
    ['TL;DR (Executive Summary)', ['summary']],
    ['3.1 근본 원인 (What Happened)', ['root-cause']],
    ['Timeline (all times PST)', ['timeline']],
    ['Timeline (UTC) All Times Approximate', ['timeline']],
    ['Contributing Factors', ['root-cause']],
    ['Corrective and Preventative Measures', ['action-items']],
    ['Detection & Response', ['detection', 'response']],
    ['Impact Assessment', ['impact']],
    ['Detailed Timeline Example', ['timeline']],
    ['Key events', ['timeline']],
    ['Hypothesis 2: Traffic Spike (Category: Load)', ['hypotheses']],
    ['Confidence Summary', []],
    ['Key Decision Points', []],
    // By meaning: the head of the title names the kind.
    ['Root cause follow-ups', ['action-items']],
    ['Effects on customers', ['impact']],
    ['Recovery timeline', ['timeline']],
    ['Timeline of the recovery', ['timeline']],
    ['Risks and Hazards', ['impact']],
    ['Looking Forward', ['action-items']],
    ['What allowed this to happen?', ['root-cause']],
    ['Who was affected?', ['impact']],
    ['What will we change?', ['action-items']],
    ['What are we doing to prevent this?', ['action-items']],
    ['Follow-up questions', ['open-questions']],
    ['Incident updates', ['timeline']],
    ['What will we do differently?', ['action-items']],
    ['What we’re doing about it', ['action-items']],
    ['What we will do next', ['action-items']],
    ['How are we making incidents like this less likely or less impactful?', ['action-items']],
    ['What went wrong and why?', ['root-cause']],
    ['What broke', ['summary']],
    ['Long-term fixes', ['action-items']],
    ['Preventing a recurrence', ['action-items']],
    ['To do', ['action-items']],
    ['How did we respond?', ['response']],
    ['Introduction to the queue', []],
    // Eight languages.
    ['Zeitlicher Ablauf', ['timeline']],
    ['Cause racine', ['root-cause']],
    ['¿A quién afectó?', ['impact']],
    ['Próximos passos', ['action-items']],
    ['재발 방지 대책', ['action-items']],
    ['障害原因の分析', ['root-cause']],
    ['影响范围', ['impact']],
  ])('%s → %j', (title, kinds) => {
    expect(resolver.resolve(title)).toEqual(kinds);
  });

  it('names a kind by a telling word only where no alias matches, and never with words of two kinds', () => {
    expect(resolver.resolveByKeyword('Impacted Slots')).toBe('impact');
    expect(resolver.resolveByKeyword('Are Wire installations affected?')).toBe('impact');
    expect(resolver.resolveByKeyword('How do we prevent a repeat?')).toBe('action-items');
    expect(resolver.resolveByKeyword('Affected systems and their causes')).toBeNull();
    expect(resolver.resolveByKeyword('Deployment notes')).toBeNull();
  });

  it('takes extra aliases per kind, before the built-in ones', () => {
    const custom = new SectionKindResolver({ timeline: ['Chronologie'], summary: ['Details'] });
    expect(custom.resolve('Chronologie')).toEqual(['timeline']);
    expect(custom.resolve('Details')).toEqual(['summary']);
  });
});

describe('the postmortem model', () => {
  const doc = load('styles.md');

  it('builds the section tree from ATX and Setext headings with kinds', () => {
    const outline = doc.sections.map((section) => [section.depth, section.title, section.kinds.join(',')]);
    expect(outline).toEqual([
      [1, 'Postmortem: cache stampede 🔥', ''],
      [2, 'TL;DR (Executive Summary)', 'summary'],
      [2, '1. Impact', 'impact'],
      [3, '1.1 사용자 영향', 'impact'],
      [2, '2) Timeline (all times PST)', 'timeline'],
      [2, '3. Root Cause', 'root-cause'],
      [3, '3.1 근본 원인 (What Happened)', 'root-cause'],
      [3, '3.2 What Happened', 'root-cause'],
      [2, 'Detection & Response', 'detection,response'],
      [2, 'Impact Assessment', 'impact'],
      [2, 'Timeline/Recovery Efforts', 'timeline'],
      [2, 'Action Items', 'action-items'],
      [3, 'Prevent Recurrence', 'action-items'],
      [2, '✅ What Went Well', 'went-well'],
      [1, 'Lessons learned and next steps', 'lessons,action-items'],
    ]);
    expect(doc.title?.text).toBe('Postmortem: cache stampede 🔥');
    const rootCause = doc.sections[5]!;
    expect(rootCause.children.map((child) => child.title)).toEqual(['3.1 근본 원인 (What Happened)', '3.2 What Happened']);
    expect(PostmortemDocument.isWithin(doc.sections[12]!, 'action-items')).toBe(true);
    expect(doc.sectionAt(doc.sections[3]!.span.start.offset + 5)).toBe(doc.sections[3]);
    expect(doc.sectionAt(0)).toBe(doc.sections[0]);
    expect(new PostmortemDocument('Preamble.\n\n# Title\n').sectionAt(0)).toBe(null);
  });

  it('reads several fields from one line separated by "·"', () => {
    expect(doc.metadata.toObject()).toEqual({ incidentId: 'INC-2026-0101', severity: 'SEV-3', status: 'Final' });
    const severity = doc.metadata.get('severity')!;
    expect(doc.text.slice(severity.span.start.offset, severity.span.end.offset)).toBe('SEV-3');
    expect([severity.span.start.line, severity.span.start.column]).toEqual([3, 37]);
  });

  it('finds bold paragraphs that stand in for headings', () => {
    expect(doc.pseudoHeadings.map((pseudo) => [pseudo.title, pseudo.kinds])).toEqual([['Actions planned', ['action-items']]]);
  });

  it('reads the bold titles of a document without headings below its title as its sections', () => {
    const text = [
      '# Sync stalled', '', '**Summary**', '', 'Uploads stopped.', '', '**Timeline**', '', '**08:00**', '', 'Certificate expires.', '',
      '- Sync team paged 09:15', '', '**Lessons learned**', '', '**What went well**', '', '- Paging worked.', '', '**Call notes**', '', 'Logs.', '',
    ].join('\n');
    const document = new PostmortemDocument(text);
    expect(document.sections.map((section) => [section.depth, section.title, section.kind])).toEqual([
      [1, 'Sync stalled', null],
      [2, 'Summary', 'summary'],
      // A bold time is an entry of its timeline, and a title right over another a label of the group.
      [2, 'Timeline', 'timeline'],
      [2, 'What went well', 'went-well'],
      [2, 'Call notes', null],
    ]);
    expect(document.timelines.flatMap((timeline) => timeline.entries.map((entry) => entry.raw))).toEqual(['08:00', '09:15']);
    // A title over its section's first line, in the same paragraph: the rest is the section's text, where it is written.
    const tight = new PostmortemDocument('# X\n\n**Summary**\nUploads stopped.\n\n**Impact:**  \nNo data was lost.\n');
    expect(tight.sections.map((section) => [section.title, section.kind, section.span.start.line])).toEqual([['X', null, 1], ['Summary', 'summary', 3], ['Impact:', 'impact', 6]]);
    expect(tight.paragraphs.map((paragraph) => [paragraph.text, paragraph.span.start.line, paragraph.span.start.column, paragraph.section?.title])).toEqual([
      ['Uploads stopped.', 4, 1, 'Summary'],
      ['No data was lost.', 7, 1, 'Impact:'],
    ]);
    // A part over the same part is a group; a part over another part is a section left empty.
    const titles = (text: string) => new PostmortemDocument(text).sections.map((section) => section.title);
    expect(titles('# X\n\n**Summary**\n\nA.\n\n**Root cause analysis**\n\n**Primary cause**\n\nB.\n')).toEqual(['X', 'Summary', 'Primary cause']);
    expect(titles('# X\n\n**Summary**\n\nA.\n\n**Timeline**\n\n**Root cause**\n\nB.\n')).toEqual(['X', 'Summary', 'Timeline', 'Root cause']);
    // Among headings, or in a collection of dated incidents, a bold line stays a label.
    expect(new PostmortemDocument('# X\n\n## Summary\n\n**Impact**\n\nA.\n\n**Timeline**\n\nB.\n').sections.map((section) => section.title)).toEqual(['X', 'Summary']);
    expect(new PostmortemDocument('# X\n\n**Date:** 2026-01-02\n\n**Summary**\n\nA.\n\n**Date:** 2026-02-03\n\n**Impact**\n\nB.\n').sections).toHaveLength(1);
  });

  it('collects lists with task-list state and paragraphs with their sections', () => {
    const task = doc.lists.flatMap((list) => list.items).find((item) => item.text === 'Jitter TTLs');
    expect(task?.checked).toBe(false);
    expect(doc.paragraphs.find((paragraph) => paragraph.text === 'Fast alert.')?.section?.title).toBe('✅ What Went Well');
  });
});

describe('index pages', () => {
  const index = (text: string) => new PostmortemDocument(text).isIndexPage;

  it('tells the README that lists postmortems from a postmortem', () => {
    const rows = '| Date | Incident |\n|---|---|\n| 2026-11-03 | [Payments](2026-11-03-payments.md) |\n| 2026-10-14 | [Orders](orders/) |\n';
    expect(index(`# Postmortems\n\n${rows}`)).toBe(true);
    expect(index('# Postmortems\n\n- [Payments](2026-11-03-payments.md)\n- [Orders](2026-10-14-orders.md#summary)\n- [Search](search/README.md)\n')).toBe(true);
    // A postmortem that links related incidents has the parts of one.
    expect(index(`# Payments errors\n\n## Summary\n\nCards failed.\n\n## Related incidents\n\n${rows}`)).toBe(false);
    // Links elsewhere, or one link among many entries, make no index.
    expect(index('# Links\n\n- [Grafana](https://grafana.example.com/d/1)\n- [Runbook](https://wiki.example.com/runbook)\n')).toBe(false);
    expect(index('# Notes\n\n- [Payments](payments.md)\n- a\n- b\n- c\n')).toBe(false);
  });

  it("tells the folder's guide from a postmortem named README", () => {
    const guide = (path: string, text: string) => new PostmortemDocument(text, { path }).isGuidePage;
    const process = '# Postmortems\n\nWe write one for every SEV-1 within five days.\n\n## Process\n\n1. Assign an owner.\n2. Review it.\n';
    expect(guide('docs/postmortems/README.md', process)).toBe(true);
    expect(guide('docs/postmortems/CONTRIBUTING.md', '# Contributing\n\nRun pm-lint first.\n')).toBe(true);
    // Pages named for what they explain, beside the postmortems.
    expect(guide('docs/postmortems/how-to-write-a-postmortem.md', '# How to write a postmortem\n\n1. Copy the template.\n')).toBe(true);
    expect(guide('docs/postmortems/severity-levels.md', '# Severity levels\n\n| Level | Meaning |\n|---|---|\n| SEV-1 | Outage |\n')).toBe(true);
    expect(guide('docs/postmortems/on-call.md', '# On-call\n\nWho is paged, and when.\n')).toBe(true);
    // A name with a date or a number is a postmortem's, whatever it says.
    expect(guide('docs/postmortems/severity-2026-03-04.md', '# Severity levels\n\nNotes.\n')).toBe(false);
    // Another name, or the write-up of an incident in its own folder: a postmortem.
    expect(guide('docs/postmortems/process-notes.md', process)).toBe(false);
    expect(guide('incidents/2026-01-05-dns/README.md', '# DNS outage\n\nOn 5 January 2026 the resolvers failed.\n')).toBe(false);
    expect(guide('incidents/dns/README.md', '# DNS outage\n\n## Timeline\n\n- 10:00 Resolvers fail\n- 10:40 Fixed\n')).toBe(false);
    expect(guide('incidents/dns/README.md', '# DNS outage\n\n## Impact\n\nLogins failed.\n')).toBe(false);
  });
});

describe('fields written as a definition list', () => {
  it('reads a term over its definition as a field, with the value where it is written', () => {
    const doc = new PostmortemDocument('# Outage\n\nDate\n: 2026-03-02\n\nImpact\n:   About 4% of logins failed.\n\nA line far too long to be a term\n: is not a definition.\n');
    expect(doc.fields.map((field) => [field.label, field.value, field.span.start.line, field.span.start.column, field.keySpan.start.column])).toEqual([
      ['Date', '2026-03-02', 4, 3, 1],
      ['Impact', 'About 4% of logins failed.', 7, 5, 1],
    ]);
    expect(doc.incidentDate).toEqual({ year: 2026, month: 3, day: 2 });
  });
});

describe('fields with the full-width colon', () => {
  it('reads "影響時間：約1時間20分" as a field, with or without a space after the colon', () => {
    const doc = new PostmortemDocument('# 障害報告\n\n- 影響時間：約1時間20分\n- **作成者：** 佐藤\n- 14：05 is no field\n');
    expect(doc.fields.map((field) => [field.label, field.value, field.span.start.column])).toEqual([
      ['影響時間', '約1時間20分', 8],
      ['作成者', '佐藤', 12],
    ]);
  });
});

describe('line endings and byte-order marks', () => {
  it('keeps positions right with CRLF line endings and front matter', () => {
    const doc = load('crlf.md');
    expect(doc.text).toContain('\r\n');
    expect(doc.sections.map((section) => [section.title, section.span.start.line])).toEqual([
      ['Title', 6],
      ['Summary', 8],
      ['Setext impact', 12],
      ['Incident Details', 15],
    ]);
    const fields = Object.fromEntries(doc.metadata.fields.map((field) => [field.key, [field.value, field.span.start.line, field.span.start.column, field.span.end.column, field.source]]));
    expect(fields).toEqual({
      incidentId: ['INC-7', 2, 14, 19, 'front-matter'],
      date: ['2026-03-30', 3, 7, 17, 'front-matter'],
      severity: ['SEV-2', 10, 15, 20, 'line'],
      status: ['Draft', 19, 12, 17, 'table'],
    });
  });

  it('does not count a UTF-8 byte-order mark as a column', () => {
    const doc = load('bom.md');
    expect(doc.text.startsWith('#')).toBe(true);
    expect(doc.sections[0]!.span).toMatchObject({ start: { line: 1, column: 1, offset: 0 } });
    expect(doc.metadata.get('severity')!.span.start).toMatchObject({ line: 5, column: 15 });
  });

  it('counts a lone CR as a line ending', () => {
    const doc = new PostmortemDocument('# Title\r\r## Summary\rText\r');
    expect(doc.sections.map((section) => section.span.start.line)).toEqual([1, 3]);
  });
});

describe('tables as records', () => {
  const doc = new PostmortemDocument(
    '| Time (UTC) | Event | Owner |\n|---|---|---|\n| 10:10 |  Alert **fired** | @sre |\n|  | Empty time |\n',
  );
  const [table] = doc.tables;
  it('normalises headers and keeps their notes', () => {
    expect(table!.columns).toEqual(['time', 'event', 'owner']);
    expect(table!.columnNotes).toEqual(['utc', null, null]);
  });
  it('gives each cell its text and the exact span of its content', () => {
    const row = table!.rows[0]!;
    expect(row.cell('event')!.text).toBe('Alert fired');
    expect(row.cell('event')!.span).toMatchObject({ start: { line: 3, column: 12 }, end: { line: 3, column: 27 } });
    const empty = table!.rows[1]!.cell('time')!;
    expect(empty.text).toBe('');
    expect(empty.span).toMatchObject({ start: { line: 4, column: 2 }, end: { line: 4, column: 4 } });
    expect(table!.rows[1]!.cell('owner')).toBeUndefined();
  });
});
