import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/api/lint.js';
import { decodeBytes } from '../src/api/read.js';
import { PostmortemDocument } from '../src/model/document.js';
import { packageRoot } from '../src/util/package-root.js';

/**
 * The seed templates and real postmortems live beside the project (../shared), not in it.
 * Where they are absent (a clone outside this workplace), these tests report themselves
 * skipped with that reason; the model's behaviour on each style is also covered by
 * test/model.test.ts with the project's own documents.
 */
const shared = join(packageRoot(), '..', 'shared');
const seedsDir = join(shared, 'seeds');
const realDir = join(shared, 'real-postmortems');
const haveShared = existsSync(seedsDir) && existsSync(realDir);

function seed(prefix: string): PostmortemDocument {
  const name = readdirSync(seedsDir).find((file) => file.startsWith(prefix))!;
  const decoded = decodeBytes(readFileSync(join(seedsDir, name)));
  if (!decoded.ok) throw new Error(decoded.reason);
  return new PostmortemDocument(decoded.text, { path: join(seedsDir, name) });
}

function kindsOf(doc: PostmortemDocument): Record<string, string> {
  return Object.fromEntries(doc.sections.filter((s) => s.depth <= 2).map((s) => [s.title, s.kinds.join(',')]));
}

describe.skipIf(!haveShared)('the seed documents (../shared/seeds)', () => {
  it('000: mis-encoded bilingual template — sections and metadata', () => {
    const doc = seed('000');
    expect(kindsOf(doc)).toMatchObject({
      'TL;DR (Executive Summary)': 'summary',
      '1. Impact': 'impact',
      '2. Timeline (UTC)': 'timeline',
      '3. Root Cause': 'root-cause',
      '4. Resolution': 'resolution',
      '7. Action Items': 'action-items',
      '8. Lessons Learned': 'lessons',
    });
    expect(doc.sections.find((s) => s.title.startsWith('3.1'))?.kinds).toEqual(['root-cause']);
    expect(doc.metadata.toObject()).toMatchObject({
      incidentId: '[INC-YYYYMMDD-HHMMSS]',
      date: '[YYYY-MM-DD]',
      authors: '[Name(s)]',
      severity: '[Sev1/Sev2/Sev3]',
      status: '[Draft/Review/Published]',
    });
  });

  it('001: field table metadata and nested action-item sections', () => {
    const doc = seed('001');
    expect(doc.metadata.toObject()).toMatchObject({
      incidentId: 'INC-YYYY-MM-DD-XXX',
      date: 'YYYY-MM-DD HH:MM UTC',
      duration: 'X hours Y minutes',
      severity: 'P0 / P1 / P2 / P3',
      commander: 'Name',
      responders: 'List of people',
      status: 'RESOLVED / MITIGATED',
    });
    expect(doc.metadata.get('severity')!.source).toBe('table');
    expect(kindsOf(doc)).toMatchObject({ 'Detection & Response': 'detection,response', 'Root Cause Analysis': 'root-cause' });
    const prevent = doc.sections.find((s) => s.title === 'Prevent')!;
    expect(PostmortemDocument.isWithin(prevent, 'action-items')).toBe(true);
  });

  it('002: blank key lines and checkbox choices', () => {
    const doc = seed('002');
    expect(doc.metadata.get('incidentId')).toMatchObject({ value: '__________', span: { start: { line: 3, column: 18 } } });
    expect(doc.metadata.get('severity')!.value).toBe('[ ] P0 [ ] P1 [ ] P2 [ ] P3 [ ] P4');
    expect(kindsOf(doc)).toMatchObject({ 'Corrective Actions': 'action-items', 'Impact Assessment': 'impact' });
  });

  it('003: hypotheses and a title with the incident id', () => {
    const doc = seed('003');
    expect(doc.title?.text).toBe('Incident Post-Mortem: INC-123');
    expect(doc.sectionsOfKind('hypotheses').map((s) => s.title.slice(0, 12))).toEqual([
      'Hypotheses C', 'Hypothesis 1', 'Hypothesis 2', 'Hypothesis 3', 'Hypothesis 4', 'Hypothesis 5', 'Ruled-Out Hy',
    ]);
  });

  it('004: a bracketed title is the title, not a summary', () => {
    const doc = seed('004');
    expect(doc.title?.text).toBe('Postmortem: [INCIDENT-ID] [Brief Description]');
    expect(doc.sections[0]!.kinds).toEqual([]);
    expect(doc.metadata.toObject()).toMatchObject({ date: 'YYYY-MM-DD', authors: '[Names]', severity: 'SEV-1 | SEV-2 | SEV-3 | SEV-4' });
  });
});

describe.skipIf(!haveShared)('real postmortems (../shared/real-postmortems)', () => {
  const files = haveShared ? readdirSync(realDir).filter((name) => name.endsWith('.md')) : [];

  it('lints every document without an internal error', () => {
    for (const name of files) {
      const result = lintText(readFileSync(join(realDir, name), 'utf8'), { filePath: join(realDir, name), config: { extends: 'pm-lint:strict' } });
      expect(result.messages.filter((message) => message.message.startsWith('Internal error')), name).toEqual([]);
    }
  });
  // What each document is missing is judged finding by finding in labels.json: see test/eval.test.ts.
});
