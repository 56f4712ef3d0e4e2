import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { compileSchema } from '../../src/config/ajv.js';
import type { Rule } from '../../src/engine/types.js';
import { PostmortemDocument } from '../../src/model/document.js';
import { buildTemplateStandard } from '../../src/model/facts/template.js';
import rule from '../../rules/blameless-language/index.js';
import { expectLinearGrowth } from '../helpers/linear.js';

/**
 * Every rule (and the model parts it reads) against adversarial lines: long runs of the
 * characters rule patterns repeat, in every place rules look (front matter, title,
 * metadata, prose, timeline tables and lists, hypotheses, action items). Each rule's time
 * on a document whose lines are 4× longer must grow about 4×, not the 16× of a quadratic
 * pattern (or the hang of an exponential one). The parser's own costs are not timed here.
 */
const TEMPLATE = `---
title: "{{L}}"
date: {{L}}
---
# {{L}}

**Date:** {{L}}
**Severity:** {{L}}
**Duration:** {{L}}

## Summary

{{L}}

## Timeline (UTC)

| Time | Event |
| --- | --- |
| 10:00 | {{L}} |
| {{L}} | started |

- 10:05 {{L}}
- {{L}}

**10:07** - {{L}}

## Root Cause

{{L}}

## Hypotheses

| Hypothesis | Confidence | Status |
| --- | --- | --- |
| H1 | {{L}} | {{L}} |

## Action Items

- [ ] {{L}}

| Action | Owner | Priority | Due |
| --- | --- | --- | --- |
| Fix | {{L}} | {{L}} | {{L}} |
`;

/** Repeated units: characters and fragments that rule patterns repeat or anchor on. */
const UNITS = [
  ' ', '1', '1:', '12:00 ', '1-', '-', '.', ':', '/', 'a', 'a ', 'A.', '(', ')', '[x', '_', '`', '@a ', ', ', '1%',
  '10% ', 'TBD ', 'â€', '\t', "'", '"', '+1m ', 'P1 ', '2026-01-01 ', 'UTC ', 'Jan 1 ', '(maybe ', 'should have ',
  'Kevin ', 'human ', 'X', 'x.', '<', '&', '?', '!', '*a',
];

// 4× this in three lines of one paragraph stays under the parser's limit of 10,000 emphasis and link markers.
const LENGTH = 750;

function documentOf(unit: string, length: number): PostmortemDocument {
  const line = unit.repeat(Math.ceil(length / unit.length)).slice(0, length).trimEnd() || 'x';
  return new PostmortemDocument(TEMPLATE.replaceAll('{{L}}', line), { path: 'docs/postmortems/2026-01-01-outage.md' });
}

function optionsOf(rule: Rule<any>): Record<string, unknown> {
  const options = {};
  compileSchema(rule.schema)(options);
  return options;
}

/** Each rule's time on one document (the rules share the document, as in a real run). */
function timeRules(document: PostmortemDocument): number[] {
  return rules.map((rule) => {
    const options = optionsOf(rule);
    // As the engine does: a rule's compiled options come from prepare(options).
    const prepared = rule.prepare?.(options);
    const started = performance.now();
    rule.check(document, { options, prepared, report: () => {} } as Parameters<typeof rule.check>[1]);
    return performance.now() - started;
  });
}

describe('adversarial lines', () => {
  it('every rule takes time linear in the length of the lines it reads', () => {
    const worst: Record<string, { unit: string; small: number; large: number }> = {};
    timeRules(documentOf('warm up ', LENGTH));
    for (const unit of UNITS) {
      let small = timeRules(documentOf(unit, LENGTH));
      let large = timeRules(documentOf(unit, LENGTH * 4));
      if (rules.some((_, i) => large[i]! > small[i]! * 8 + 20)) {
        // Measure again before judging: a garbage collection may have landed in one run.
        small = small.map((time, i) => Math.min(time, timeRules(documentOf(unit, LENGTH))[i]!));
        large = large.map((time, i) => Math.min(time, timeRules(documentOf(unit, LENGTH * 4))[i]!));
      }
      rules.forEach((rule, i) => {
        const ratio = large[i]! / Math.max(small[i]!, 1);
        if (!worst[rule.id] || ratio > worst[rule.id]!.large / Math.max(worst[rule.id]!.small, 1)) {
          worst[rule.id] = { unit, small: small[i]!, large: large[i]! };
        }
        expect(large[i]!, `${rule.id} on lines of ${JSON.stringify(unit)}: ${small[i]!.toFixed(1)} ms, then ${large[i]!.toFixed(1)} ms for 4× longer lines`).toBeLessThan(small[i]! * 8 + 20);
      });
    }
    expect(Object.keys(worst).sort()).toEqual(rules.map((rule) => rule.id).sort());
  });

  it('a template of such lines is read, and a document of them held to it, in time linear in their length', () => {
    const held = rules.filter((rule) => rule.id === 'required-sections' || rule.id === 'no-placeholders');
    // The parses are not timed (see above): the template's facts and the checks against it are.
    const time = (unit: string, length: number) => {
      const source = documentOf(unit, length);
      const line = unit.repeat(Math.ceil(length / unit.length)).slice(0, length).trimEnd() || 'x';
      let started = performance.now();
      const template = buildTemplateStandard(source, 'TEMPLATE.md');
      let elapsed = performance.now() - started;
      const document = new PostmortemDocument(TEMPLATE.replaceAll('{{L}}', line), { template });
      started = performance.now();
      for (const rule of held) {
        const options = optionsOf(rule);
        rule.check(document, { options, prepared: rule.prepare?.(options), report: () => {} });
      }
      elapsed += performance.now() - started;
      return elapsed;
    };
    time('warm up ', LENGTH);
    for (const unit of UNITS) {
      let small = time(unit, LENGTH);
      let large = time(unit, LENGTH * 4);
      if (large > small * 8 + 20) {
        small = Math.min(small, time(unit, LENGTH));
        large = Math.min(large, time(unit, LENGTH * 4));
      }
      expect(large, `the template on lines of ${JSON.stringify(unit)}: ${small.toFixed(1)} ms, then ${large.toFixed(1)} ms for 4× longer lines`).toBeLessThan(small * 8 + 20);
    }
  });
});

describe('blameless-language on adversarial lines', () => {
  it('reads adversarial lines in linear time', () => {
    const lines = [
      'should have '.repeat(20_000),
      'and forgot '.repeat(20_000),
      `${'really '.repeat(20_000)}forgot`,
      'Kevin, in the rush, '.repeat(10_000),
      'a-'.repeat(60_000),
      '"'.repeat(100_000),
      "'a ".repeat(40_000),
      '@'.repeat(100_000),
      // Within the parser's limit of 10,000 emphasis and link markers in one paragraph.
      '[a](b "c") '.repeat(4_000),
      '**human** error '.repeat(2_000),
      '`x` forgot '.repeat(10_000),
      'https://a.test/'.repeat(10_000),
      'obviously he '.repeat(20_000),
      'was merged when it should have waited '.repeat(5_000),
      '> [10:02] dara: he forgot\n'.repeat(5_000),
    ];
    const options = {};
    compileSchema(rule.schema)(options);
    const prepared = rule.prepare!(options as never);
    for (const line of lines) {
      // The rule alone, on a quarter of the line and on all of it: the Markdown parser has its own costs on such lines.
      const documents = [1, 4].map((scale) => new PostmortemDocument(`# Title\n\n${line.slice(0, (line.length / 4) * scale)}\n`));
      expectLinearGrowth((scale) => rule.check(documents[scale === 1 ? 0 : 1]!, { options: options as never, prepared, report: () => {} }), line.slice(0, 20));
    }
  });
});
