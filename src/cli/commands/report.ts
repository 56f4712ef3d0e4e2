import { dirname, relative, resolve, sep } from 'node:path';
import { isIsoDay, reportFiles, today } from '../../api/report/report.js';
import type { LintOptions } from '../../api/lint-file.js';
import { markdownReport } from '../../reporters/report-markdown.js';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { packageVersion } from '../../util/package-root.js';

export const REPORT_FORMATS = ['markdown', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportCommandOptions {
  paths: string[];
  format: string;
  asOf: string | undefined;
  outputFile: string | undefined;
  lint: LintOptions;
  cwd: string;
}

export type ReportOutcome =
  | { error: string }
  | { output: string | null; written: string | null; problems: string[]; failed: boolean };

/**
 * `pm-lint report [paths]`: the state of the postmortems as Markdown (or JSON), to standard
 * output or written atomically to a file. Linting problems do not fail it; paths that match
 * nothing and unreadable files do (exit code 2), as they do a lint run.
 */
export async function reportCommand(options: ReportCommandOptions): Promise<ReportOutcome> {
  if (!(REPORT_FORMATS as readonly string[]).includes(options.format)) {
    return { error: `report --format expects ${REPORT_FORMATS.join(' or ')}, got "${options.format}"` };
  }
  const asOf = options.asOf ?? today();
  if (!isIsoDay(asOf)) return { error: `--as-of expects a real day written YYYY-MM-DD, got "${asOf}"` };
  const { report, lint } = await reportFiles(options.paths.length > 0 ? options.paths : ['.'], { ...options.lint, cwd: options.cwd, asOf });
  const problems = [
    ...lint.unmatched.map(({ pattern, reason }) => `"${pattern}": ${reason}.`),
    ...lint.notices,
  ];
  const target = options.outputFile === undefined ? null : resolve(options.cwd, options.outputFile);
  const text =
    options.format === 'json'
      ? `${JSON.stringify({ generator: `pm-lint ${packageVersion()}`, ...report }, null, 2)}\n`
      : markdownReport(report, { linkBase: target ? linkBase(dirname(target), options.cwd) : '', version: packageVersion() });
  if (target) writeFileAtomic(target, text);
  return { output: target ? null : text, written: target, problems, failed: lint.unmatched.length > 0 || lint.unreadable.length > 0 };
}

/** The way from the report's directory to the working directory, as a link prefix ("", "../"). */
function linkBase(from: string, cwd: string): string {
  const way = relative(from, cwd).split(sep).join('/');
  return way === '' ? '' : `${way}/`;
}
