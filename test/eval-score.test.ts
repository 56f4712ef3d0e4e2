import { describe, expect, it } from 'vitest';
import { formatTable, score, type Finding, type LabelFile } from '../scripts/eval/score.js';

const file = 'a.md';
const finding = (rule: string, line: number, message = 'Message'): Finding => ({ file, rule, line, message });

describe('scoring findings against labels (npm run eval)', () => {
  const shared: LabelFile = {
    files: {
      [file]: {
        findings: [
          { line: 1, rule: 'required-sections', message: 'Missing required section "Impact": add a heading such as "Impact".', label: 'TP', why: '' },
          { line: 1, rule: 'required-sections', message: 'Missing required section "Summary": add a heading such as "Summary".', label: 'FP', why: '' },
          { line: 9, rule: 'timeline-order', label: 'DEBATABLE', why: '' },
          { line: 20, rule: 'timeline-order', label: 'TP', why: 'no longer reported' },
        ],
        misses: [{ line: 30, rules: ['no-placeholders'], what: '' }, { line: 40, rules: ['no-placeholders'], what: '' }],
      },
    },
  };
  const own: LabelFile = {
    files: { [file]: { findings: [{ line: 31, rule: 'no-placeholders', label: 'TP', why: '' }, { line: 50, rule: 'no-placeholders', label: 'FP', why: '' }] } },
  };

  it('matches on file, rule, line and the first 50 characters of the message; one label judges one finding', () => {
    const result = score(
      [
        finding('required-sections', 1, 'Missing required section "Impact": add a heading such as "Impact".'),
        finding('required-sections', 1, 'Missing required section "Summary": add a heading such as "Summary".'),
        finding('required-sections', 1, 'Missing required section "Impact": add a heading such as "Impact".'),
        finding('timeline-order', 9),
        finding('no-placeholders', 31),
        finding('no-placeholders', 50),
        finding('no-placeholders', 60),
      ],
      [{ source: 'shared labels', labels: shared }, { source: 'own judgments', labels: own }],
      [file],
    );
    const rows = Object.fromEntries(result.rules.map((row) => [row.rule, row]));
    expect(rows['required-sections']).toMatchObject({ findings: 3, tp: 1, fp: 1, debatable: 0, unjudged: 1, precision: 0.5, defects: 1, found: 1 });
    expect(rows['timeline-order']).toMatchObject({ findings: 1, tp: 0, fp: 0, debatable: 1, defects: 1, found: 0, recall: 0 });
    // The miss at 30 is found by the finding at 31 (within 2 lines), and that finding's TP is the same defect.
    expect(rows['no-placeholders']).toMatchObject({ findings: 3, tp: 1, fp: 1, unjudged: 1, defects: 2, found: 1, recall: 0.5 });
    expect(result.overall).toMatchObject({ findings: 7, tp: 2, fp: 2, debatable: 1, unjudged: 2, defects: 4, found: 2 });
    expect(result.missed.map((miss) => miss.line)).toEqual([40]);
    expect(result.unjudged.map((f) => `${f.rule}:${f.line}`)).toEqual(['required-sections:1', 'no-placeholders:60']);
    expect(formatTable(result).split('\n').at(-1)).toBe('| **all rules** | 7 | 2 | 2 | 1 | 2 | 0.50 | 4 | 2 | 0.50 |');
  });
});
