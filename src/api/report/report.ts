import { RESPONSE_METRICS, isRealDate, type ResponseMetric } from '../../model/index.js';
import type { LintResult } from '../../engine/types.js';
import { displayPath } from '../../reporters/paths.js';
import { lintFiles, type LintFilesResult } from '../lint.js';
import type { LintOptions } from '../lint-file.js';
import type { ActionItemFact, DocumentFacts } from './facts.js';

/**
 * The state of a team's postmortems (`pm-lint report`): incidents by month and severity,
 * how long incidents took to detect, mitigate and resolve, open and overdue action items
 * and who owns them, and each document's lint health. Plain data, the same for the same
 * files and `asOf`: the JSON format prints it as it is, the Markdown format draws it.
 */
export interface PostmortemReport {
  /** The layout of this object; raised when it changes incompatibly. */
  reportVersion: 1;
  /** The day overdue is counted from (YYYY-MM-DD). */
  asOf: string;
  documents: DocumentReport[];
  incidents: {
    /** Months with at least one incident, oldest first. */
    byMonth: MonthCount[];
    /** Every severity key found, in order (SEV-0, SEV-1, …, P0, …, then words). */
    severities: string[];
    /** Incidents whose date no document states. */
    undated: number;
  };
  responseTimes: Record<ResponseMetric, ResponseTimeSummary>;
  actionItems: {
    total: number;
    open: number;
    completed: number;
    /** Every priority key of an open item, in order (P0, P1, …, then words). */
    priorities: string[];
    /** Open items by owner (null: no owner), most items first. */
    openByOwner: OwnerCount[];
    /** Open items due before `asOf`, most overdue first. */
    overdue: ActionItemReference[];
    /** Open items that name no owner, in path and line order. */
    unowned: ActionItemReference[];
  };
  health: {
    documents: number;
    errors: number;
    warnings: number;
    /** Problems `--fix` can fix. */
    fixable: number;
    /** Documents without errors or warnings. */
    clean: number;
  };
}

export interface DocumentReport extends Omit<DocumentFacts, 'actionItems'> {
  /** Relative to the working directory, with forward slashes. */
  path: string;
  actionItems: { total: number; open: number; completed: number; items: ActionItemFact[] };
  errors: number;
  warnings: number;
  fixable: number;
  /** Why the file could not be read or parsed (then the facts above are empty). */
  fatal?: string;
}

export interface MonthCount {
  month: string;
  total: number;
  bySeverity: Record<string, number>;
  /** Incidents of the month whose severity is not stated. */
  unknownSeverity: number;
}

export interface ResponseTimeSummary {
  /** Incidents with a value. */
  incidents: number;
  /** In seconds; null without values. The median of an even count is the mean of the two middle values. */
  medianSeconds: number | null;
  /** The 90th percentile by nearest rank: the smallest value at least 90% of the values do not exceed. */
  p90Seconds: number | null;
}

export interface OwnerCount {
  owner: string | null;
  total: number;
  byPriority: Record<string, number>;
  noPriority: number;
}

export interface ActionItemReference extends ActionItemFact {
  path: string;
  /** Whole days from the due date to `asOf` (overdue items). */
  daysOverdue?: number;
}

export interface ReportOptions extends LintOptions {
  /** The day overdue is counted from (YYYY-MM-DD); default today, local time. */
  asOf?: string;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a text is a real calendar day written YYYY-MM-DD. */
export function isIsoDay(text: string): boolean {
  const match = ISO_DAY.exec(text);
  return match !== null && isRealDate({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) });
}

/** Today as YYYY-MM-DD, local time. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Lints files, directories and globs as lintFiles does (configuration, ignores, threads)
 * and reports on them: the lint results and each document's model facts of the same run.
 */
export async function reportFiles(patterns: string[], options: ReportOptions = {}): Promise<{ report: PostmortemReport; lint: LintFilesResult }> {
  const asOf = options.asOf ?? today();
  if (!isIsoDay(asOf)) throw new RangeError(`asOf must be a real day written YYYY-MM-DD, got "${asOf}"`);
  const { asOf: _asOf, ...lintOptions } = options;
  const lint = await lintFiles(patterns, { ...lintOptions, facts: true, fix: false, cache: false });
  const cwd = options.cwd ?? process.cwd();
  return { report: buildReport(lint.results, lint.facts ?? new Map(), { cwd, asOf }), lint };
}

/** The report on lint results and the facts read with them (see reportFiles). */
export function buildReport(results: readonly LintResult[], facts: ReadonlyMap<string, DocumentFacts>, options: { cwd: string; asOf: string }): PostmortemReport {
  const documents: DocumentReport[] = [];
  /** The documents read (not those that could not be read or parsed, nor ignored ones). */
  const linted: DocumentReport[] = [];
  const items: ActionItemReference[] = [];
  for (const result of results) {
    const path = displayPath(result.filePath, options.cwd);
    const fact = facts.get(result.filePath);
    // The folder's index is not a postmortem: it counts in no figure of the report.
    if (fact?.indexPage) continue;
    const fatal = result.messages.find((message) => message.fatal);
    const actionItems = fact?.actionItems ?? [];
    for (const item of actionItems) items.push({ path, ...item });
    const document: DocumentReport = {
      path,
      title: fact?.title ?? null,
      incidentId: fact?.incidentId ?? null,
      date: fact?.date ?? null,
      severity: fact?.severity ?? null,
      severityText: fact?.severityText ?? null,
      status: fact?.status ?? null,
      responseTimes: fact?.responseTimes ?? { detect: null, mitigate: null, resolve: null },
      actionItems: {
        total: actionItems.length,
        open: actionItems.filter((item) => !item.completed).length,
        completed: actionItems.filter((item) => item.completed).length,
        items: actionItems,
      },
      errors: result.errorCount,
      warnings: result.warningCount,
      fixable: result.fixableErrorCount + result.fixableWarningCount,
      ...(fatal ? { fatal: fatal.message } : {}),
    };
    documents.push(document);
    if (fact && !fatal) linted.push(document);
  }
  const open = items.filter((item) => !item.completed);
  return {
    reportVersion: 1,
    asOf: options.asOf,
    documents,
    incidents: incidentsOf(linted),
    responseTimes: Object.fromEntries(
      RESPONSE_METRICS.map((metric) => [metric, summarize(linted.flatMap((document) => document.responseTimes[metric]?.seconds ?? []))]),
    ) as Record<ResponseMetric, ResponseTimeSummary>,
    actionItems: {
      total: items.length,
      open: open.length,
      completed: items.length - open.length,
      priorities: orderKeys(open.flatMap((item) => item.priority ?? [])),
      openByOwner: ownersOf(open),
      overdue: open
        .filter((item) => item.due !== null && item.due < options.asOf)
        .map((item) => ({ ...item, daysOverdue: daysBetween(item.due!, options.asOf) }))
        .sort((a, b) => b.daysOverdue - a.daysOverdue || compareText(a.path, b.path) || a.line - b.line),
      unowned: open.filter((item) => item.owner === null),
    },
    health: {
      documents: documents.length,
      errors: sum(documents, (document) => document.errors),
      warnings: sum(documents, (document) => document.warnings),
      fixable: sum(documents, (document) => document.fixable),
      clean: documents.filter((document) => document.errors + document.warnings === 0).length,
    },
  };
}

function incidentsOf(documents: readonly DocumentReport[]): PostmortemReport['incidents'] {
  const months = new Map<string, MonthCount>();
  let undated = 0;
  for (const document of documents) {
    if (!document.date) {
      undated++;
      continue;
    }
    const month = document.date.slice(0, 7);
    let count = months.get(month);
    if (!count) months.set(month, (count = { month, total: 0, bySeverity: {}, unknownSeverity: 0 }));
    count.total++;
    if (document.severity) count.bySeverity[document.severity] = (count.bySeverity[document.severity] ?? 0) + 1;
    else count.unknownSeverity++;
  }
  const byMonth = [...months.values()].sort((a, b) => compareText(a.month, b.month));
  const severities = orderKeys(byMonth.flatMap((count) => Object.keys(count.bySeverity)));
  for (const count of byMonth) count.bySeverity = Object.fromEntries(severities.filter((key) => key in count.bySeverity).map((key) => [key, count.bySeverity[key]!]));
  return { byMonth, severities, undated };
}

function ownersOf(open: readonly ActionItemReference[]): OwnerCount[] {
  const owners = new Map<string, OwnerCount>();
  for (const item of open) {
    // "@Priya" and "@priya" are one owner, shown as first written.
    const key = item.owner === null ? '' : item.owner.toLowerCase();
    let count = owners.get(key);
    if (!count) owners.set(key, (count = { owner: item.owner, total: 0, byPriority: {}, noPriority: 0 }));
    count.total++;
    if (item.priority) count.byPriority[item.priority] = (count.byPriority[item.priority] ?? 0) + 1;
    else count.noPriority++;
  }
  const priorities = orderKeys(open.flatMap((item) => item.priority ?? []));
  const counts = [...owners.values()];
  for (const count of counts) count.byPriority = Object.fromEntries(priorities.filter((key) => key in count.byPriority).map((key) => [key, count.byPriority[key]!]));
  // Most items first; the items without an owner last, where a reader looks for them.
  return counts.sort((a, b) => Number(a.owner === null) - Number(b.owner === null) || b.total - a.total || compareText((a.owner ?? '').toLowerCase(), (b.owner ?? '').toLowerCase()));
}

/** Levels in order: SEV-0…, then P0…, then words alphabetically. */
function orderKeys(keys: readonly string[]): string[] {
  const rank = (key: string): [number, number, string] => {
    const sev = /^SEV-(\d+)$/.exec(key);
    if (sev) return [0, Number(sev[1]), key];
    const p = /^P(\d)$/.exec(key);
    if (p) return [1, Number(p[1]), key];
    return [2, 0, key.toLowerCase()];
  };
  return [...new Set(keys)].sort((a, b) => {
    const [ga, na, ta] = rank(a);
    const [gb, nb, tb] = rank(b);
    return ga - gb || na - nb || compareText(ta, tb);
  });
}

export function summarize(values: readonly number[]): ResponseTimeSummary {
  if (values.length === 0) return { incidents: 0, medianSeconds: null, p90Seconds: null };
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
  const p90 = sorted[Math.ceil(0.9 * sorted.length) - 1]!;
  return { incidents: sorted.length, medianSeconds: median, p90Seconds: p90 };
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000);
}

function sum<T>(items: readonly T[], value: (item: T) => number): number {
  return items.reduce((total, item) => total + value(item), 0);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
