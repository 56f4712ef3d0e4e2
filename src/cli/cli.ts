import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type Yargs from 'yargs';
import { ConfigError, formatProblem } from '../config/types.js';
import { rules } from '../../rules/index.js';
import { lintBytes, lintFiles, loadConfig, loadPlugins, type LintOptions } from '../api/lint.js';
import { loadedPluginRules } from '../config/plugins.js';
import { FORMATS, formatResults, type FormatName } from '../reporters/index.js';
import type { LintResult } from '../engine/types.js';
import { packageVersion } from '../util/package-root.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { GitError } from '../api/git.js';
import { WorkerError } from '../api/pool.js';
import { displayPath } from '../reporters/paths.js';
import { DEFAULT_WIDTH } from '../reporters/stylish.js';
import { supportsHyperlinks } from '../reporters/hyperlinks.js';

// Commands, diffs and the like are imported when used: a plain run must start fast.
import { EXIT, outcomeOf } from './exit-code.js';

export { EXIT };

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Buffer;
  cwd: string;
  isTTY: boolean;
  /** The terminal's width in columns (undefined when standard output is not a terminal). */
  columns?: number;
  /** The environment (colour, hyperlinks). */
  env?: Record<string, string | undefined>;
}

const defaultIo = (): CliIo => ({
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: () => readFileSync(0),
  cwd: process.cwd(),
  isTTY: Boolean(process.stdout.isTTY),
  columns: process.stdout.isTTY ? process.stdout.columns : undefined,
  env: process.env,
});

class UsageError extends Error {}

function buildParser(yargs: typeof Yargs, argv: string[]) {
  return yargs(argv)
    .scriptName('pm-lint')
    // --format is the default command's (the lint formats) and report's (markdown, json): a global option would merge their choices.
    .command('$0 [paths..]', 'Lint incident postmortems written in Markdown.', (command) =>
      command
        .positional('paths', { describe: 'Files, directories and globs (default: .)', type: 'string', array: true })
        .option('format', { alias: 'f', choices: FORMATS, default: 'stylish' as FormatName, describe: 'Output format' }),
    )
    .command('init', 'Write a commented starter configuration (.pmlintrc.yaml)', (command) =>
      command
        .option('force', { type: 'boolean', default: false, describe: 'Replace an existing configuration file' })
        .option('template', { type: 'string', describe: "Make your team's template the standard: read it and write a configuration that names it" })
        .option('inline', { type: 'boolean', default: false, describe: "With --template: write the template's sections as rule options instead of naming it" }),
    )
    .command('new <title>', 'Create docs/postmortems/YYYY-MM-DD-<title>.md from the template', (command) =>
      command
        .positional('title', { type: 'string', describe: 'The incident\'s title', demandOption: true })
        .option('date', { type: 'string', describe: 'The incident date, YYYY-MM-DD (default: today)' })
        .option('directory', { type: 'string', describe: 'Where to create it (default: scaffold.directory or docs/postmortems)' }),
    )
    .command('lsp', 'Start the language server for editors (LSP over standard input and output)', (command) =>
      command.option('stdio', { type: 'boolean', describe: 'Talk over standard input and output (the default and only transport)' }),
    )
    .command('report [paths..]', 'Report on the postmortems: incidents, response times, action items, lint health (Markdown or JSON)', (command) =>
      command
        .positional('paths', { describe: 'Files, directories and globs (default: .)', type: 'string', array: true })
        .option('format', { alias: 'f', choices: ['markdown', 'json'], default: 'markdown', describe: 'Report format' })
        .option('as-of', { type: 'string', describe: 'Count overdue action items as of this day, YYYY-MM-DD (default: today)' }),
    )
    .option('output-file', { alias: 'o', type: 'string', describe: 'Write the report to a file' })
    .option('config', { alias: 'c', type: 'string', describe: 'Use this configuration file instead of searching for one' })
    .option('rule', { type: 'string', describe: 'Set a rule: id:severity (off, warn, error); repeatable' })
    .option('max-warnings', { type: 'number', default: -1, describe: 'Exit with 1 when there are more warnings than this' })
    .option('quiet', { type: 'boolean', default: false, describe: 'Report errors only' })
    .option('print-config', { type: 'string', describe: 'Print the configuration that applies to a file and exit' })
    .option('list-rules', { type: 'boolean', default: false, describe: 'List the rules and exit' })
    .option('explain', { type: 'string', describe: 'Print the documentation of a rule and exit' })
    .option('stdin', { type: 'boolean', default: false, describe: 'Lint text read from standard input' })
    .option('stdin-filename', { type: 'string', describe: 'The file name to use for standard input' })
    .option('color', { type: 'boolean', describe: 'Color the output (--no-color to turn it off)' })
    .option('ignore', { type: 'boolean', default: true, describe: 'Apply .pmlintignore and "ignores" (--no-ignore to lint ignored files)' })
    .option('changed-since', { type: 'string', describe: 'Lint only Markdown files added, modified or renamed since a git ref' })
    .option('fix', { type: 'boolean', default: false, describe: 'Apply the fixes rules offer and write the files' })
    .option('fix-dry-run', { type: 'boolean', default: false, describe: 'Print the fixes as a unified diff; write nothing' })
    .option('plugins', { type: 'boolean', default: true, describe: 'Load the plugins configurations name (--no-plugins: run no plugin code)' })
    .option('report-unused-disable-directives', { type: 'boolean', default: false, describe: 'Report pm-lint-disable comments that suppress nothing' })
    .option('concurrency', { type: 'string', describe: 'Threads that lint files at once: 1 lints here, N on N worker threads (default: the number of cores)' })
    .option('cache', { type: 'boolean', default: false, describe: 'Skip files unchanged since the last run (same content, configuration and pm-lint version)' })
    .option('cache-location', { type: 'string', describe: 'The cache file (default: .pmlintcache)' })
    .version(packageVersion())
    .alias('version', 'v')
    .help()
    .alias('help', 'h')
    .strict()
    .exitProcess(false)
    .fail((message, error) => {
      throw new UsageError(error?.message ?? message);
    })
    .wrap(Math.min(100, process.stdout.columns || 100));
}

type Arguments = Awaited<ReturnType<ReturnType<typeof buildParser>['parseAsync']>>;

/** Reads arguments with yargs: help, version, commands, and every usage error. */
async function parseWithYargs(argv: string[]): Promise<{ args: Arguments; printed: string }> {
  let printed = '';
  const parser = buildParser((await import('yargs')).default, argv);
  const args = await parser.parseAsync(argv, {}, (_error, _argv, output) => {
    printed = output;
  });
  return { args, printed };
}

/** Parses arguments, runs, prints, and returns the exit code. Never throws for expected failures. */
export async function main(argv: string[], io: CliIo = defaultIo()): Promise<number> {
  let args: Arguments;
  let printed = '';
  try {
    ({ args, printed } = await parseWithYargs(argv));
  } catch (error) {
    io.stderr(`pm-lint: ${error instanceof Error ? error.message : String(error)}\nRun "pm-lint --help" for usage.\n`);
    return EXIT.fatal;
  }
  if (args.help || args.version) {
    io.stdout(`${printed}\n`);
    return EXIT.ok;
  }
  try {
    return await run(args, io, argv);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr(`pm-lint: invalid configuration:\n${error.problems.map((problem) => `  ${formatProblem(problem)}`).join('\n')}\n`);
      return EXIT.fatal;
    }
    if (error instanceof UsageError || error instanceof GitError || error instanceof WorkerError) {
      io.stderr(`pm-lint: ${error.message}\n`);
      return EXIT.fatal;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code) {
      io.stderr(`pm-lint: ${error instanceof Error ? error.message : String(error)}\n`);
      return EXIT.fatal;
    }
    throw error;
  }
}

/** --concurrency: a whole number of threads, at least 1. */
function parseConcurrency(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const text = String(Array.isArray(value) ? value.at(-1) : value).trim();
  const threads = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(threads >= 1 && threads <= 1024)) {
    throw new UsageError(`--concurrency expects a whole number of threads from 1 to 1024, got "${text}"`);
  }
  return threads;
}

function parseRuleFlags(value: string | string[] | undefined): Record<string, string> | undefined {
  // Repeated options arrive as an array; one arrives as a string.
  const flags = value === undefined ? [] : Array.isArray(value) ? value : [value];
  if (flags.length === 0) return undefined;
  const overrides: Record<string, string> = {};
  for (const flag of flags) {
    const match = /^([a-z0-9-]+(?:\/[a-z0-9-]+)?):(off|warn|error|0|1|2)$/.exec(flag.trim());
    if (!match) throw new UsageError(`--rule expects id:severity (off, warn or error), got "${flag}"`);
    overrides[match[1]!] = match[2]!;
  }
  return overrides;
}

async function run(args: Arguments, io: CliIo, argv: string[]): Promise<number> {
  const options: LintOptions = {
    cwd: io.cwd,
    configFile: args.config,
    ruleOverrides: parseRuleFlags(args.rule as string | string[] | undefined),
    reportUnusedDisableDirectives: args['report-unused-disable-directives'],
    ignore: args.ignore,
    fix: args['fix-dry-run'] ? true : args.fix ? 'write' : false,
    changedSince: args['changed-since'],
    plugins: args.plugins,
    concurrency: parseConcurrency(args.concurrency),
    cache: args.cache,
    cacheLocation: args['cache-location'],
  };
  if (args['cache-location'] !== undefined && !args.cache) throw new UsageError('--cache-location needs --cache');
  if (args['cache-location'] !== undefined && String(args['cache-location']).trim() === '') throw new UsageError('--cache-location expects a file path');
  if (args.cache && args.stdin) throw new UsageError('--cache applies to files, not to standard input');
  if (args.fix && args['fix-dry-run']) throw new UsageError('use --fix or --fix-dry-run, not both');
  if (args.fix && args.stdin) throw new UsageError('--fix cannot write standard input; use --fix-dry-run to see the fixes');
  const command = String(args._[0] ?? '');
  if (command === 'init') {
    const { initCommand } = await import('./commands/init.js');
    const template = args.template as string | undefined;
    if (template !== undefined && template.trim() === '') throw new UsageError('--template expects the path of your postmortem template');
    const outcome = initCommand(io.cwd, { force: Boolean(args.force), template, inline: Boolean(args.inline), rules });
    if ('error' in outcome) throw new UsageError(outcome.error);
    for (const note of outcome.notes) io.stderr(`pm-lint: ${note}\n`);
    for (const line of outcome.summary) io.stdout(`${line}\n`);
    const written = displayPath(outcome.written, io.cwd);
    if (outcome.templatePath === undefined) io.stdout(`Wrote ${written}. Edit it, then run "pm-lint".\n`);
    else if (args.inline) io.stdout(`Wrote ${written} with the template's sections as rule options. Edit it, then run "pm-lint".\n`);
    else io.stdout(`Wrote ${written} (template: ${outcome.templatePath}). Run "pm-lint" to hold your postmortems to it.\n`);
    return EXIT.ok;
  }
  if (command === 'new') {
    await loadPlugins([resolve(io.cwd, '.pm-lint-new.md')], options);
    const config = loadConfig(resolve(io.cwd, '.pm-lint-new.md'), options);
    const { newCommand } = await import('./commands/new.js');
    const outcome = newCommand(
      { title: String(args.title ?? ''), date: args.date as string | undefined, directory: args.directory as string | undefined, cwd: io.cwd },
      config,
    );
    if ('error' in outcome) throw new UsageError(outcome.error);
    if (!config.scaffold.template) for (const note of config.template?.notes ?? []) io.stderr(`pm-lint: ${note}\n`);
    io.stdout(`Created ${displayPath(outcome.written, io.cwd)}. Fill in the placeholders; "pm-lint ${displayPath(outcome.written, io.cwd)}" shows what is left.\n`);
    return EXIT.ok;
  }
  if (command === 'lsp') {
    // Loaded only for this command: a plain run never loads the server or its protocol library.
    const { launchServer } = await import('../lsp/launch.js');
    const code = await launchServer(
      {
        cwd: io.cwd,
        settings: {
          plugins: args.plugins,
          ignore: args.ignore,
          reportUnusedDisableDirectives: args['report-unused-disable-directives'],
          ...(args.config !== undefined ? { configFile: args.config } : {}),
          ...(options.ruleOverrides ? { rules: options.ruleOverrides as Record<string, string> } : {}),
        },
      },
      argv,
    );
    return code ?? EXIT.ok;
  }
  if (command === 'report') {
    if (args.stdin || args.fix || args['fix-dry-run'] || args.cache) throw new UsageError('report reads files: --stdin, --fix, --fix-dry-run and --cache do not apply to it');
    const { reportCommand } = await import('./commands/report.js');
    const outcome = await reportCommand({
      paths: (args.paths as string[] | undefined) ?? [],
      format: String(args.format),
      asOf: args['as-of'] as string | undefined,
      outputFile: args['output-file'],
      lint: options,
      cwd: io.cwd,
    });
    if ('error' in outcome) throw new UsageError(outcome.error);
    for (const problem of outcome.problems) io.stderr(`pm-lint: ${problem}\n`);
    if (outcome.output !== null) io.stdout(outcome.output);
    else io.stderr(`Wrote ${displayPath(outcome.written!, io.cwd)}.\n`);
    return outcome.failed ? EXIT.fatal : EXIT.ok;
  }
  if (args['list-rules']) {
    const { listRules } = await import('./list-rules.js');
    io.stdout(listRules(rules));
    return EXIT.ok;
  }
  if (args.explain !== undefined) {
    const { explainRule } = await import('./commands/explain.js');
    const explained = explainRule(args.explain, rules);
    if ('error' in explained) throw new UsageError(explained.error);
    io.stdout(explained.text);
    return EXIT.ok;
  }
  if (args['print-config'] !== undefined) {
    await loadPlugins([args['print-config']], options);
    const config = loadConfig(args['print-config'], options);
    const printable = {
      rules: Object.fromEntries(
        Object.entries(config.ruleSettings).map(([id, setting]) => [id, [setting.severity, setting.options]]),
      ),
      settings: config.settings,
      ...(config.template ? { template: config.template.path } : {}),
      ...(config.conditional ? { conditional: config.conditional.map(({ when, rules, source }) => ({ when, rules, source })) } : {}),
      sources: config.sources,
    };
    io.stdout(`${JSON.stringify(printable, null, 2)}\n`);
    return EXIT.ok;
  }
  const paths = (args.paths as string[] | undefined) ?? [];
  let results: LintResult[];
  let fatal = false;
  if (args.stdin) {
    if (paths.length > 0) throw new UsageError('--stdin lints standard input; do not give paths with it');
    const bytes = io.readStdin();
    for (const notice of await loadPlugins([args['stdin-filename'] ?? '<stdin>'], options)) io.stderr(`pm-lint: ${notice}\n`);
    results = [lintBytes(bytes, { ...options, filePath: args['stdin-filename'] ?? '<stdin>' })];
  } else {
    const outcome = await lintFiles(paths.length > 0 ? paths : ['.'], options);
    for (const { pattern, reason } of outcome.unmatched) io.stderr(`pm-lint: "${pattern}": ${reason}.\n`);
    for (const notice of outcome.notices) io.stderr(`pm-lint: ${notice}\n`);
    fatal = outcome.unmatched.length > 0 || outcome.unreadable.length > 0;
    results = outcome.results;
  }
  if (args['fix-dry-run']) {
    const diffs = await fixDiffs(results, io.cwd);
    if (diffs) io.stdout(`${diffs}\n`);
  }
  const outcome = outcomeOf(results, args['max-warnings'], fatal);
  const shown = args.quiet ? results.map(errorsOnly) : results;
  const env = io.env ?? process.env;
  const color = args.color ?? (io.isTTY && !env.NO_COLOR && !args['output-file']);
  const output = formatResults(shown, args.format as FormatName, {
    cwd: io.cwd,
    color,
    rules: [...rules, ...loadedPluginRules()],
    version: packageVersion(),
    width: (!args['output-file'] && io.columns) || DEFAULT_WIDTH,
    hyperlinks: color && !args['output-file'] && supportsHyperlinks(env, io.isTTY),
  });
  if (args['output-file']) writeFileAtomic(resolve(io.cwd, args['output-file']), output);
  else io.stdout(output);
  if (outcome.tooManyWarnings) {
    io.stderr(`pm-lint found too many warnings (maximum: ${args['max-warnings']}, found: ${outcome.warningCount}).\n`);
  }
  return outcome.code;
}

/** A unified diff of every fixed file, for --fix-dry-run. */
async function fixDiffs(results: LintResult[], cwd: string): Promise<string> {
  const { createTwoFilesPatch } = await import('diff');
  return results
    .filter((result) => result.output !== undefined && result.source !== undefined)
    .map((result) => {
      const name = displayPath(result.filePath, cwd);
      return createTwoFilesPatch(`a/${name}`, `b/${name}`, result.source!, result.output!, '', '', { context: 3 })
        .split('\n')
        .slice(1)
        .join('\n');
    })
    .join('');
}

function errorsOnly(result: LintResult): LintResult {
  const messages = result.messages.filter((message) => message.severity === 2);
  return { ...result, messages, warningCount: 0, fixableWarningCount: 0 };
}
