import { describe, expect, it } from 'vitest';
import { PostmortemDocument } from '../src/model/index.js';

function hypotheses(text: string) {
  return new PostmortemDocument(text).hypotheses;
}

describe('document.hypotheses', () => {
  it('reads sections under a hypotheses heading, with bold keys, statuses and the closing summary', () => {
    const text = [
      '# INC-123',
      '',
      '## Hypotheses Considered',
      '',
      '### Hypothesis 1: Unbounded Cache Growth (Category: Application)',
      '',
      '**Evidence FOR:**',
      '- "adds unbounded cache append"',
      '',
      '**Confidence:** 75%  ',
      '**Status:** CONFIRMED (Primary Root Cause)',
      '',
      '### Hypothesis 2: Traffic Spike',
      '',
      '**Confidence:** 25%  ',
      '**Status:** RULED_OUT (insufficient supporting evidence)',
      '',
      '## Ruled-Out Hypotheses',
      '',
      '1. **Traffic Spike (H2):** timing tied to the deployment.',
      '',
      '## Confidence Summary',
      '',
      '- **Primary root cause confidence:** 75%',
      '- **Total hypothesis confidence budget used:** 100%',
    ].join('\n');
    const { items, summaries } = hypotheses(text);
    expect(items.map((item) => [item.title, item.source, item.span.start.line])).toEqual([
      ['Hypothesis 1: Unbounded Cache Growth (Category: Application)', 'section', 5],
      ['Hypothesis 2: Traffic Spike', 'section', 13],
    ]);
    expect(items[0]!.confidence).toMatchObject({ value: 75, text: '75%' });
    expect(items[0]!.confidence!.span.start).toMatchObject({ line: 10, column: 17 });
    expect(items[0]!.confidence!.span.end).toMatchObject({ line: 10, column: 20 });
    expect(items[0]!.status).toMatchObject({ value: 'CONFIRMED', text: 'CONFIRMED (Primary Root Cause)' });
    expect(items[0]!.status!.span.start).toMatchObject({ line: 11, column: 13 });
    expect(items[0]!.status!.span.end).toMatchObject({ line: 11, column: 22 });
    expect(items[1]!.status!.value).toBe('RULED_OUT');
    expect(summaries.map((summary) => [summary.kind, summary.value, summary.span.start.line, summary.span.start.column])).toEqual([
      ['primary', 75, 24, 38],
      ['total', 100, 25, 48],
    ]);
  });

  it('reads plain key lines and list items, and statuses written in words', () => {
    const text = [
      '## Root Cause Analysis',
      '',
      '### Hypothesis A: Cache disabled',
      '',
      'Confidence: 80%',
      'Status: Ruled out — lock waits stayed low',
      '',
      '### 3.1 Hypothesis 2',
      '',
      '- Confidence: 12.5 %',
      '- Status: **Confirmed as root cause**',
    ].join('\n');
    const { items } = hypotheses(text);
    expect(items.map((item) => [item.confidence?.value, item.status?.value])).toEqual([
      [80, 'RULED_OUT'],
      [12.5, 'CONFIRMED_AS_ROOT_CAUSE'],
    ]);
  });

  it('reads tables with hypothesis, confidence and status columns, and a total row', () => {
    const text = [
      '## Hypotheses',
      '',
      '| # | Hypothesis | Confidence (%) | Status |',
      '|---|------------|----------------|--------|',
      '| 1 | Hot partitions | 60 | CONFIRMED |',
      '| 2 | GC pauses | ~25 | POSSIBLE |',
      '| 3 | Network | high | |',
      '| | **Total** | **85** | |',
    ].join('\n');
    const { items, summaries } = hypotheses(text);
    expect(items.map((item) => [item.title, item.source, item.confidence?.value ?? null, item.status?.value ?? null])).toEqual([
      ['Hot partitions', 'table', 60, 'CONFIRMED'],
      ['GC pauses', 'table', 25, 'POSSIBLE'],
      ['Network', 'table', null, null],
    ]);
    expect(summaries).toMatchObject([{ kind: 'total', value: 85 }]);
    expect(summaries[0]!.span.start).toMatchObject({ line: 8, column: 17 });
    expect(summaries[0]!.span.end).toMatchObject({ line: 8, column: 23 });
  });

  it('finds none where there are none, and does not take look-alike headings for hypotheses', () => {
    expect(hypotheses('# DNS\n\n## HA failover\n\n## Hypothesis testing\n\nStatus: done\n').items).toEqual([]);
    const notes = hypotheses('## Hypotheses\n\n### Method\n\nWe listed causes.\n\n### Cache\n\n**Confidence:** 40%\n');
    expect(notes.items.map((item) => item.title)).toEqual(['Cache']);
  });
});

describe('document.hypotheses with sections and a table', () => {
  it('reads the sections, and the table only for its total', () => {
    const text = [
      '## Hypotheses',
      '',
      '### Hypothesis 1: Cache',
      '',
      '**Confidence:** 70%',
      '',
      '### Hypothesis 2: Network',
      '',
      '**Confidence:** 30%',
      '',
      '## Summary table',
      '',
      '| Hypothesis | Confidence |',
      '|------------|------------|',
      '| Cache | 70% |',
      '| Network | 30% |',
      '| Total | 100% |',
    ].join('\n');
    const { items, summaries } = new PostmortemDocument(text).hypotheses;
    expect(items.map((item) => item.source)).toEqual(['section', 'section']);
    expect(summaries).toMatchObject([{ kind: 'total', value: 100 }]);
  });
});
