import type { DocumentReport, PostmortemReport, ResponseTimeSummary } from '../api/report/report.js';
import type { ResponseMetric } from '../model/index.js';

export interface MarkdownReportOptions {
  /**
   * What document links start with: the way from where the report is written to the working
   * directory ("", "../"), or a URL that shows the files ("https://github.com/o/r/blob/<sha>/").
   */
  linkBase?: string;
  /** The version of pm-lint, for the report's last line. */
  version?: string;
}

/** Months drawn in the chart of incidents (the table lists every month). */
export const CHART_MONTHS = 24;
/** Incidents drawn in each chart of response times: the most recent ones. */
export const CHART_INCIDENTS = 30;
/** Action texts are cut to this many characters in tables. */
const ACTION_LENGTH = 100;
/** Rows of a list of action items (overdue, without an owner); the JSON report has them all. */
export const MAX_LISTED_ITEMS = 50;
/** Names on a chart's axis are cut to this many characters. */
const LABEL_LENGTH = 32;

const METRIC_NAMES: Record<ResponseMetric, string> = { detect: 'Time to detect', mitigate: 'Time to mitigate', resolve: 'Time to resolve' };

/**
 * The report as GitHub-flavoured Markdown: a summary, tables, and Mermaid charts where a
 * picture reads better (incidents per month and by severity, time to detect and to
 * resolve per incident). Renders on GitHub, in a job summary and in a repository file.
 */
export function markdownReport(report: PostmortemReport, options: MarkdownReportOptions = {}): string {
  const fileLink = (document: { path: string }) => link(document, document.path.split('/').pop()!);
  const link = (document: { path: string }, text = document.path) => `[${cell(shorten(text))}](${options.linkBase ?? ''}${encodePath(document.path)})`;
  const out: string[] = ['# Postmortem report', '', overview(report), ''];

  out.push('## Incidents by month', '');
  const { byMonth, severities, undated } = report.incidents;
  if (byMonth.length === 0) out.push('No postmortem states an incident date.', '');
  else {
    out.push(...monthChart(report), '');
    const unknown = byMonth.some((month) => month.unknownSeverity > 0);
    const header = ['Month', ...severities, ...(unknown ? ['No severity'] : []), 'Total'];
    const rows = byMonth.map((month) => [
      month.month,
      ...severities.map((severity) => String(month.bySeverity[severity] ?? 0)),
      ...(unknown ? [String(month.unknownSeverity)] : []),
      String(month.total),
    ]);
    const totals = [
      '**Total**',
      ...severities.map((severity) => String(byMonth.reduce((sum, month) => sum + (month.bySeverity[severity] ?? 0), 0))),
      ...(unknown ? [String(byMonth.reduce((sum, month) => sum + month.unknownSeverity, 0))] : []),
      String(byMonth.reduce((sum, month) => sum + month.total, 0)),
    ];
    out.push(...table(header, [...rows, totals], header.map((_, i) => i > 0)), '');
    if (severities.length > 0) out.push(...severityChart(report), '');
  }
  if (undated > 0) out.push(`${plural(undated, 'postmortem')} ${undated === 1 ? 'states' : 'state'} no incident date.`, '');

  out.push('## Time to detect, mitigate and resolve', '');
  const timed = report.documents.filter((document) => Object.values(document.responseTimes).some((time) => time !== null));
  if (timed.length === 0) out.push('No postmortem states these times or has a timeline that shows them.', '');
  else {
    out.push(
      ...table(
        ['Metric', 'Incidents', 'Median', '90th percentile'],
        (Object.keys(METRIC_NAMES) as ResponseMetric[]).map((metric) => summaryRow(METRIC_NAMES[metric], report.responseTimes[metric])),
        [false, true, true, true],
      ),
      '',
    );
    for (const metric of ['detect', 'resolve'] as const) out.push(...responseChart(report.documents, metric));
    out.push(
      ...table(
        ['Incident', 'Date', 'Severity', 'Detect', 'Mitigate', 'Resolve', 'Read from'],
        timed.map((document) => [
          link(document, document.title ?? document.path),
          document.date ?? '',
          cell(document.severity ?? ''),
          ...(['detect', 'mitigate', 'resolve'] as const).map((metric) => {
            const time = document.responseTimes[metric];
            return time ? `${time.approximate ? '~' : ''}${duration(time.seconds)}` : '';
          }),
          sourcesOf(document),
        ]),
        [false, false, false, true, true, true, false],
      ),
      '',
      'Times are read from fields that state them ("Time to detection: 4 minutes", "Duration: 38 minutes"), from a start and an end in the metadata, or from the timeline: from the entry where the incident began (else the first entry) to the first entry that says it was detected, mitigated or resolved. The JSON report names the lines.',
      '',
    );
  }

  const items = report.actionItems;
  out.push('## Open action items by owner and priority', '');
  if (items.open === 0) out.push(items.total === 0 ? 'No action items.' : `All ${plural(items.total, 'action item')} are done.`, '');
  else {
    const noPriority = items.openByOwner.some((owner) => owner.noPriority > 0);
    const header = ['Owner', ...items.priorities, ...(noPriority ? ['No priority'] : []), 'Open'];
    out.push(
      `${plural(items.open, 'open action item')}, ${items.completed} done.`,
      '',
      ...table(
        header,
        items.openByOwner.map((owner) => [
          owner.owner === null ? '*No owner*' : cell(owner.owner),
          ...items.priorities.map((priority) => String(owner.byPriority[priority] ?? 0)),
          ...(noPriority ? [String(owner.noPriority)] : []),
          String(owner.total),
        ]),
        header.map((_, i) => i > 0),
      ),
      '',
    );
  }

  out.push(`## Overdue action items (due before ${report.asOf})`, '');
  if (items.overdue.length === 0) out.push('None.', '');
  else {
    out.push(
      ...table(
        ['Due', 'Days overdue', 'Action', 'Owner', 'Priority', 'Postmortem', 'Line'],
        items.overdue.slice(0, MAX_LISTED_ITEMS).map((item) => [
          item.due!, String(item.daysOverdue), cell(shorten(item.text)), item.owner === null ? '*none*' : cell(item.owner), cell(item.priority ?? ''), fileLink(item), String(item.line),
        ]),
        [false, true, false, false, false, false, true],
      ),
      ...more(items.overdue.length),
      '',
    );
  }

  out.push('## Open action items without an owner', '');
  if (items.unowned.length === 0) out.push('None.', '');
  else {
    out.push(
      ...table(
        ['Action', 'Priority', 'Due', 'Postmortem', 'Line'],
        items.unowned.slice(0, MAX_LISTED_ITEMS).map((item) => [cell(shorten(item.text)), cell(item.priority ?? ''), item.due ?? cell(item.dueText ?? ''), fileLink(item), String(item.line)]),
        [false, false, false, false, true],
      ),
      ...more(items.unowned.length),
      '',
    );
  }

  out.push('## Lint health', '');
  out.push(
    ...table(
      ['Postmortem', 'Incident date', 'Errors', 'Warnings'],
      report.documents.map((document) => [link(document), document.date ?? '', String(document.errors), String(document.warnings)]),
      [false, false, true, true],
    ),
    '',
  );
  out.push(`<sub>pm-lint${options.version ? ` ${options.version}` : ''} report, as of ${report.asOf}.</sub>`);
  return `${out.join('\n')}\n`;
}

/** A line under a list cut at MAX_LISTED_ITEMS. */
function more(count: number): string[] {
  return count > MAX_LISTED_ITEMS ? ['', `… and ${count - MAX_LISTED_ITEMS} more (the JSON report, \`--format json\`, lists them all).`] : [];
}

function overview(report: PostmortemReport): string {
  const { health, actionItems } = report;
  const dated = report.incidents.byMonth;
  const span = dated.length === 0 ? '' : dated.length === 1 ? ` (${dated[0]!.month})` : ` (${dated[0]!.month} to ${dated.at(-1)!.month})`;
  const withProblems = health.documents - health.clean;
  return [
    `As of ${report.asOf}: ${plural(health.documents, 'postmortem')}${span}.`,
    `${plural(actionItems.open, 'open action item')}: ${actionItems.overdue.length} overdue, ${actionItems.unowned.length} without an owner.`,
    `Lint: ${plural(health.errors, 'error')} and ${plural(health.warnings, 'warning')} in ${withProblems} of ${plural(health.documents, 'document')}.`,
  ].join(' ');
}

/** Incidents per month, every month of the last CHART_MONTHS up to the latest incident (months without one at 0). */
function monthChart(report: PostmortemReport): string[] {
  const byMonth = report.incidents.byMonth;
  const last = byMonth.at(-1)!.month;
  const first = byMonth[0]!.month;
  const months: string[] = [];
  for (let month = last; months.length < CHART_MONTHS && month >= first; month = previousMonth(month)) months.unshift(month);
  const counts = months.map((month) => byMonth.find((count) => count.month === month)?.total ?? 0);
  const cut = months[0] !== first ? `, last ${CHART_MONTHS} months` : '';
  return mermaid([
    'xychart-beta',
    `  title "Incidents per month${cut}"`,
    `  x-axis [${months.map(label).join(', ')}]`,
    `  y-axis "Incidents" 0 --> ${Math.max(1, ...counts)}`,
    `  bar [${counts.join(', ')}]`,
  ]);
}

function severityChart(report: PostmortemReport): string[] {
  const { byMonth, severities } = report.incidents;
  const slices = severities.map((severity) => [severity, byMonth.reduce((sum, month) => sum + (month.bySeverity[severity] ?? 0), 0)] as const);
  const unknown = byMonth.reduce((sum, month) => sum + month.unknownSeverity, 0);
  return mermaid([
    'pie title Incidents by severity',
    ...slices.map(([severity, count]) => `  ${label(severity)} : ${count}`),
    ...(unknown > 0 ? [`  "No severity" : ${unknown}`] : []),
  ]);
}

/** One metric per incident that has it, the most recent CHART_INCIDENTS, oldest first; undated incidents last. */
function responseChart(documents: readonly DocumentReport[], metric: 'detect' | 'resolve'): string[] {
  const timed = documents
    .filter((document) => document.responseTimes[metric] !== null)
    .sort((a, b) => (a.date === null ? 1 : 0) - (b.date === null ? 1 : 0) || (a.date ?? '').localeCompare(b.date ?? '') || a.path.localeCompare(b.path))
    .slice(-CHART_INCIDENTS);
  if (timed.length === 0) return [];
  const seconds = timed.map((document) => document.responseTimes[metric]!.seconds);
  const hours = Math.max(...seconds) > 10 * 3600;
  const values = seconds.map((value) => round1(value / (hours ? 3600 : 60)));
  return [
    ...mermaid([
      'xychart-beta',
      `  title "${METRIC_NAMES[metric]} per incident, in ${hours ? 'hours' : 'minutes'}"`,
      `  x-axis [${timed.map((document) => label(incidentLabel(document))).join(', ')}]`,
      `  y-axis "${hours ? 'Hours' : 'Minutes'}"`,
      `  bar [${values.join(', ')}]`,
    ]),
    '',
  ];
}

/** A short name on a chart's axis: the date and the incident id, else the title, else the file name. */
function incidentLabel(document: DocumentReport): string {
  const name = document.incidentId ?? document.title ?? document.path.split('/').pop()!.replace(/\.(?:md|markdown|mdx)$/i, '');
  const text = document.date ? `${document.date} ${name.replace(document.date, '').replace(/^[\s_,:-]+/, '')}`.trim() : name;
  return text.length <= LABEL_LENGTH ? text : `${text.slice(0, LABEL_LENGTH - 1).trimEnd()}…`;
}

function summaryRow(name: string, summary: ResponseTimeSummary): string[] {
  return [
    name,
    String(summary.incidents),
    summary.medianSeconds === null ? '' : duration(summary.medianSeconds),
    summary.p90Seconds === null ? '' : duration(summary.p90Seconds),
  ];
}

function sourcesOf(document: DocumentReport): string {
  const sources = new Set(Object.values(document.responseTimes).flatMap((time) => (time ? [time.source] : [])));
  return [...sources].join(', ');
}

/** "0 min", "47 min", "6 h 10 min", "2 d 3 h": whole minutes, the two largest units. */
export function duration(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  return rest > 0 ? `${hours} h ${rest} min` : `${hours} h`;
}

function table(header: string[], rows: string[][], right: boolean[]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, i) => (right[i] ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ];
}

function mermaid(lines: string[]): string[] {
  return ['```mermaid', ...lines, '```'];
}

/** Text in a table cell: one line, pipes escaped, no HTML. */
function cell(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A quoted Mermaid label: its grammar has no escape for a double quote. */
function label(text: string): string {
  return `"${text.replace(/"/g, "'").replace(/\s+/g, ' ')}"`;
}

function shorten(text: string): string {
  return text.length <= ACTION_LENGTH ? text : `${text.slice(0, ACTION_LENGTH - 1).trimEnd()}…`;
}

/** A relative path as a link target: each segment percent-encoded (spaces, parentheses, "#"). */
function encodePath(path: string): string {
  return path.split('/').map((segment) => (segment === '..' || segment === '.' ? segment : encodeURIComponent(segment))).join('/');
}

function previousMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return number === 1 ? `${year - 1}-12` : `${year}-${String(number - 1).padStart(2, '0')}`;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
