import { appendFileSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { rules } from '../../rules/index.js';
import { lintFiles, type LintFilesResult, type LintOptions } from '../api/lint.js';
import { reportFiles, type PostmortemReport } from '../api/report/report.js';
import { markdownReport } from '../reporters/report-markdown.js';
import { GitError } from '../api/git.js';
import { ConfigError, formatProblem } from '../config/types.js';
import { loadedPluginRules } from '../config/plugins.js';
import { formatResults } from '../reporters/index.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { packageVersion } from '../util/package-root.js';
import { EXIT, outcomeOf } from '../cli/exit-code.js';
import { jobSummary } from './summary.js';

/**
 * The GitHub Action's entry point (action.yml): lints the configured paths (or only the
 * Markdown files the pull request changes), annotates the pull request with workflow
 * commands, writes a job summary (with `report`, the report on every postmortem under the
 * paths too) and optionally SARIF, and exits with pm-lint's code.
 */
interface Inputs {
  paths: string[];
  config: string;
  maxWarnings: number;
  onlyChanged: boolean;
  sarifFile: string;
  allowPluginsOnForks: boolean;
  report: boolean;
}

function input(name: string, fallback = ''): string {
  return (process.env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`] ?? fallback).trim();
}

function readInputs(): Inputs {
  const maxWarnings = Number(input('max-warnings', '-1') || '-1');
  if (!Number.isInteger(maxWarnings)) throw new ConfigError([{ source: 'action input', path: 'max-warnings', message: 'must be a whole number' }]);
  return {
    paths: input('paths', 'docs/postmortems').split(/[\n,]+/).map((path) => path.trim()).filter(Boolean),
    config: input('config'),
    maxWarnings,
    onlyChanged: /^(true|yes|1)$/i.test(input('only-changed', 'false')),
    sarifFile: input('sarif-file'),
    allowPluginsOnForks: /^(true|yes|1)$/i.test(input('allow-plugins-on-forks', 'false')),
    report: /^(true|yes|1)$/i.test(input('report', 'false')),
  };
}

interface PullRequestEvent {
  pull_request?: { base?: { sha?: string }; head?: { repo?: { fork?: boolean } } };
  before?: string;
}

function readEvent(): PullRequestEvent {
  const path = process.env.GITHUB_EVENT_PATH;
  if (!path) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as PullRequestEvent;
  } catch {
    return {};
  }
}

/** The commit to compare with: the merge base of the pull request's base and HEAD. */
function changedSinceRef(event: PullRequestEvent, cwd: string): string | null {
  const base = event.pull_request?.base?.sha ?? (event.before && !/^0+$/.test(event.before) ? event.before : undefined);
  if (!base) return null;
  const git = (...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  try {
    git('cat-file', '-e', `${base}^{commit}`);
  } catch {
    // A shallow checkout may lack the base commit; fetch it.
    try {
      git('fetch', '--no-tags', '--depth=100', 'origin', base);
    } catch {
      throw new GitError(`the pull request's base commit ${base} is not in the checkout; use actions/checkout with fetch-depth: 0`);
    }
  }
  try {
    return git('merge-base', base, 'HEAD');
  } catch {
    return base;
  }
}

/** Where the job's files are shown on GitHub, for the report's links ("" outside GitHub). */
function blobBase(): string {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_SHA: sha } = process.env;
  return server && repository && sha ? `${server}/${repository}/blob/${sha}/` : '';
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function writeOutput(name: string, value: string): void {
  const path = process.env.GITHUB_OUTPUT;
  if (path) appendFileSync(path, `${name}=${value}\n`);
}

export async function runAction(): Promise<number> {
  const cwd = resolve(process.env.GITHUB_WORKSPACE ?? process.cwd());
  const inputs = readInputs();
  const event = readEvent();
  let note: string | undefined;
  const options: LintOptions = { cwd, ...(inputs.config ? { configFile: inputs.config } : {}) };
  // A pull request from a fork controls the checkout, configuration included: running the
  // plugins it names would run its code with this workflow's permissions.
  if (event.pull_request?.head?.repo?.fork === true && !inputs.allowPluginsOnForks) options.plugins = false;
  if (inputs.onlyChanged) {
    const ref = changedSinceRef(event, cwd);
    if (ref) options.changedSince = ref;
    else note = 'only-changed needs a pull_request (or push) event; every file was linted.';
  }
  // The report covers every postmortem under the paths, also when only the changed ones are linted;
  // otherwise one run gives both.
  let report: PostmortemReport | undefined;
  let outcome: LintFilesResult;
  if (inputs.report && options.changedSince === undefined) {
    ({ report, lint: outcome } = await reportFiles(inputs.paths, options));
  } else {
    outcome = await lintFiles(inputs.paths, options);
    if (inputs.report) ({ report } = await reportFiles(inputs.paths, { ...options, changedSince: undefined }));
  }
  for (const { pattern, reason } of outcome.unmatched) process.stderr.write(`pm-lint: "${pattern}": ${reason}.\n`);
  for (const notice of outcome.notices) {
    const text = `${notice} (This is a pull request from a fork; set the input allow-plugins-on-forks to true to trust its plugins.)`;
    process.stdout.write(`::warning title=pm-lint::${escapeData(text)}\n`);
    note = note ? `${note} ${text}` : text;
  }
  const context = { cwd, color: false, rules: [...rules, ...loadedPluginRules()], version: packageVersion() };
  process.stdout.write(formatResults(outcome.results, 'github', context));
  if (inputs.sarifFile) writeFileAtomic(resolve(cwd, inputs.sarifFile), formatResults(outcome.results, 'sarif', context));
  const result = outcomeOf(outcome.results, inputs.maxWarnings, outcome.unmatched.length > 0 || outcome.unreadable.length > 0);
  if (result.tooManyWarnings) {
    process.stdout.write(`::error title=pm-lint::Too many warnings (maximum: ${inputs.maxWarnings}, found: ${result.warningCount}).\n`);
  }
  const summaryPath = process.env.GITHUB_STEP_SUMMARY;
  if (summaryPath) {
    appendFileSync(summaryPath, jobSummary(outcome.results, cwd, note));
    if (report) appendFileSync(summaryPath, `\n${markdownReport(report, { linkBase: blobBase(), version: packageVersion() })}`);
  }
  writeOutput('error-count', String(result.errorCount));
  writeOutput('warning-count', String(result.warningCount));
  return result.code;
}

runAction().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message =
      error instanceof ConfigError ? `invalid configuration: ${error.problems.map(formatProblem).join('; ')}` : error instanceof Error ? error.message : String(error);
    process.stdout.write(`::error title=pm-lint::${escapeData(message)}\n`);
    process.exitCode = EXIT.fatal;
  },
);
