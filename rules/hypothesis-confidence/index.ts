import { defineRule } from '../../src/engine/types.js';
import type { Hypothesis } from '../../src/model/index.js';

interface Options {
  total: number;
  tolerance: number;
  statuses: string[];
  confirmedStatuses: string[];
  maxConfirmed: number;
  requireStatus: boolean;
}

const DEFAULT_STATUSES = ['CONFIRMED', 'LIKELY', 'POSSIBLE', 'UNLIKELY', 'RULED_OUT', 'OPEN', 'INVESTIGATING', 'INCONCLUSIVE', 'CONTRIBUTING'];

/** Percentages as people write them: "100%", "12.5%", without float noise. */
function percent(value: number): string {
  return `${Math.round(value * 100) / 100}%`;
}

function upperSnake(status: string): string {
  return status.trim().toUpperCase().replace(/[\s-]+/g, '_');
}

/**
 * The configured status a stated one starts with, longest first: "CONFIRMED_AS_ROOT_CAUSE"
 * is CONFIRMED; "RULED_OUT" is not "RULED".
 */
function knownStatus(value: string, statuses: readonly string[]): string | null {
  let best: string | null = null;
  for (const status of statuses) {
    if ((value === status || value.startsWith(`${status}_`)) && (!best || status.length > best.length)) best = status;
  }
  return best;
}

/** The hypothesis with the highest stated confidence (the first of equals), or null when none states one. */
function highest(items: Hypothesis[]): Hypothesis | null {
  let best: Hypothesis | null = null;
  for (const hypothesis of items) {
    const value = hypothesis.confidence?.value;
    if (value === null || value === undefined) continue;
    if (!best || value > best.confidence!.value!) best = hypothesis;
  }
  return best;
}

/** The heading of the section that holds the hypotheses ("## Hypotheses Considered"), else the first hypothesis. */
function sumLocation(items: Hypothesis[]): Hypothesis['span'] {
  const first = items[0]!;
  const parent = first.source === 'section' ? first.section?.parent : null;
  if (parent && parent.kinds.includes('hypotheses')) return parent.span;
  return first.span;
}

/** The status lists in the form statuses are compared in. */
interface Prepared {
  statuses: string[];
  confirmedStatuses: string[];
}

function isRuledOut(hypothesis: Hypothesis): boolean {
  return hypothesis.status?.ruledOut === true;
}

export default defineRule<Options, Prepared>({
  id: 'hypothesis-confidence',
  description: 'Checks the confidences and statuses of the hypotheses of a root-cause analysis: each stated, within 0-100%, summing to the budget, one confirmed and the most likely, and restated correctly in the summary.',
  severity: 'error',
  recommended: true,
  messages: {
    missingConfidence: 'Hypothesis "{{title}}" states no confidence: add one such as "**Confidence:** 40%".',
    invalidConfidence: 'Unexpected confidence "{{text}}" for hypothesis "{{title}}", expected a percentage from 0% to 100%.',
    sum: 'Hypothesis confidences sum to {{sum}}, expected {{total}} ({{difference}} {{direction}}, across {{count}} hypotheses).',
    missingStatus: 'Hypothesis "{{title}}" states no status: add one such as "**Status:** {{example}}".',
    unknownStatus: 'Unexpected status "{{status}}" for hypothesis "{{title}}", expected one of {{expected}}.',
    tooManyConfirmed: 'Hypothesis "{{title}}" is {{status}} as well as "{{first}}" (line {{firstLine}}): expected at most {{max}} confirmed.',
    confirmedNotHighest: '{{status}} hypothesis "{{title}}" has {{confidence}}, less than "{{other}}" (line {{otherLine}}) with {{otherConfidence}}: expected the confirmed hypothesis to have the highest confidence.',
    summaryPrimary: 'Summary states {{stated}} for the primary root cause, but hypothesis "{{title}}" (line {{line}}) has {{actual}}.',
    summaryTotal: 'Summary states a total of {{stated}}, but the hypothesis confidences sum to {{actual}}.',
  },
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      total: {
        type: 'number',
        exclusiveMinimum: 0,
        default: 100,
        description: 'What the confidences of all hypotheses must sum to, in percent.',
      },
      tolerance: {
        type: 'number',
        minimum: 0,
        default: 0,
        description: 'How far, in percentage points, the sum may be from `total` (rounded estimates such as 33% × 3).',
      },
      statuses: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        default: DEFAULT_STATUSES,
        description:
          'The statuses a hypothesis may have. A stated status counts when it starts with one ("CONFIRMED (Primary Root Cause)", "Ruled out — timeline mismatch"); case, spaces and hyphens do not matter.',
      },
      confirmedStatuses: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        default: ['CONFIRMED'],
        description: 'Statuses that mark a hypothesis as the confirmed root cause.',
      },
      maxConfirmed: {
        type: 'integer',
        minimum: 0,
        default: 1,
        description: 'How many hypotheses may be confirmed; each one must have the highest confidence.',
      },
      requireStatus: {
        type: 'boolean',
        default: true,
        description: 'Report hypotheses that state no status (when another hypothesis of the document states one).',
      },
    },
  },
  prepare: (options) => ({ statuses: options.statuses.map(upperSnake), confirmedStatuses: options.confirmedStatuses.map(upperSnake) }),
  check(document, context) {
    const { items, summaries } = document.hypotheses;
    if (items.length === 0) return;
    const options = context.options;
    const { statuses, confirmedStatuses } = context.prepared;
    const title = (hypothesis: Hypothesis) => hypothesis.title;
    const line = (hypothesis: Hypothesis) => hypothesis.span.start.line;

    // A document that weighs none of its hypotheses, or weighs them all in words ("High",
    // "Low"), does not use percentages: there are no numbers to check.
    const weighs = items.some((hypothesis) => hypothesis.confidence);
    const inPercent = items.some((hypothesis) => hypothesis.confidence && hypothesis.confidence.value !== null);
    const states = items.some((hypothesis) => hypothesis.status && hypothesis.status.value !== '');
    let allStated = true;
    for (const hypothesis of items) {
      const { confidence } = hypothesis;
      // "**Status:** Ruled out" without a confidence: a hypothesis set aside weighs nothing (0%).
      if (!confidence && isRuledOut(hypothesis)) continue;
      if (!confidence) {
        allStated = false;
        if (weighs) context.report({ span: hypothesis.span, messageId: 'missingConfidence', data: { title: title(hypothesis) } });
      } else if (confidence.value === null && !inPercent) {
        allStated = false;
      } else if (confidence.value === null || confidence.value < 0 || confidence.value > 100) {
        allStated = false;
        context.report({
          span: confidence.span,
          messageId: 'invalidConfidence',
          data: { text: confidence.text, title: title(hypothesis) },
        });
      }
    }

    const confirmed: Hypothesis[] = [];
    for (const hypothesis of items) {
      const { status } = hypothesis;
      if (!status || status.value === '') {
        if (options.requireStatus && states) {
          context.report({
            span: status?.span ?? hypothesis.span,
            messageId: 'missingStatus',
            data: { title: title(hypothesis), example: statuses[0] ?? 'CONFIRMED' },
          });
        }
        continue;
      }
      const known = knownStatus(status.value, [...statuses, ...confirmedStatuses]);
      if (!known) {
        context.report({
          span: status.span,
          messageId: 'unknownStatus',
          data: { status: status.text, title: title(hypothesis), expected: statuses.join(', ') },
        });
        continue;
      }
      if (confirmedStatuses.includes(known)) confirmed.push(hypothesis);
    }

    const first = confirmed[0];
    for (const extra of confirmed.slice(options.maxConfirmed)) {
      context.report({
        span: extra.status!.span,
        messageId: 'tooManyConfirmed',
        data: {
          title: title(extra),
          status: knownStatus(extra.status!.value, confirmedStatuses)!,
          first: first ? title(first) : '',
          firstLine: first ? line(first) : 0,
          max: options.maxConfirmed,
        },
      });
    }
    for (const hypothesis of confirmed.slice(0, options.maxConfirmed)) {
      const own = hypothesis.confidence?.value;
      if (own === null || own === undefined) continue;
      let higher: Hypothesis | null = null;
      for (const other of items) {
        const value = other.confidence?.value;
        if (other === hypothesis || value === null || value === undefined || value > 100) continue;
        if (value > own && (!higher || value > higher.confidence!.value!)) higher = other;
      }
      if (!higher) continue;
      context.report({
        span: hypothesis.confidence!.span,
        messageId: 'confirmedNotHighest',
        data: {
          status: knownStatus(hypothesis.status!.value, confirmedStatuses)!,
          title: title(hypothesis),
          confidence: percent(own),
          other: title(higher),
          otherLine: line(higher),
          otherConfidence: percent(higher.confidence!.value!),
        },
      });
    }

    const primary = first ?? highest(items);
    const primaryValue = primary?.confidence?.value;
    for (const summary of summaries) {
      if (summary.kind !== 'primary' || !primary || primaryValue === null || primaryValue === undefined) continue;
      if (Math.abs(summary.value - primaryValue) > 1e-9) {
        context.report({
          span: summary.span,
          messageId: 'summaryPrimary',
          data: { stated: percent(summary.value), title: title(primary), line: line(primary), actual: percent(primaryValue) },
        });
      }
    }

    // A sum over missing or invalid confidences would only repeat those reports.
    if (!allStated) return;
    const sum = items.reduce((total, hypothesis) => total + (hypothesis.confidence?.value ?? 0), 0);
    const difference = Math.round((sum - options.total) * 100) / 100;
    if (Math.abs(difference) > options.tolerance) {
      context.report({
        span: sumLocation(items),
        messageId: 'sum',
        data: {
          sum: percent(sum),
          total: percent(options.total),
          difference: percent(Math.abs(difference)),
          direction: difference > 0 ? 'over' : 'under',
          count: items.length,
        },
      });
    }
    for (const summary of summaries) {
      if (summary.kind === 'total' && Math.abs(summary.value - sum) > options.tolerance + 1e-9) {
        context.report({ span: summary.span, messageId: 'summaryTotal', data: { stated: percent(summary.value), actual: percent(sum) } });
      }
    }
  },
});
