import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { lintFiles } from '../src/api/lint.js';
import { rules } from '../rules/index.js';
import { packageRoot } from '../src/util/package-root.js';
import { formatTable, score, type Finding, type LabelFile, type Score } from './eval/score.js';

/**
 * `npm run eval`: lints the labelled corpus of real postmortems with the default
 * configuration and prints precision and recall per rule.
 *
 *   npm run eval [-- --json] [-- --corpus DIR] [-- --list unjudged|fp|missed|debatable] [-- --teams]
 *
 * Rules the labels judge but pm-lint:recommended leaves off are turned on at their
 * default severity, so that they are measured before they are recommended.
 *
 * `--teams` measures instead the documents of the teams whose template is written down in
 * test/corpus-templates/<prefix>/ (a template and a configuration naming it): the corpus
 * files whose names start with "<prefix>__", each team's linted with its own configuration.
 */

export const DEFAULT_CORPUS = join(packageRoot(), '..', 'shared', 'real-postmortems');
/** The project's own judgments of findings the shared labels do not cover: one JSON file per area, same shape as labels.json. */
export const OWN_JUDGMENTS = join(packageRoot(), 'test', 'corpus-judgments');
/** Teams' templates written down from their documents: one folder per team, named by the prefix of its documents. */
export const TEAM_TEMPLATES = join(packageRoot(), 'test', 'corpus-templates');

export interface EvalRun {
  corpus: string;
  files: string[];
  measuredOffByDefault: string[];
  score: Score;
}

function readLabels(path: string): LabelFile {
  return JSON.parse(readFileSync(path, 'utf8')) as LabelFile;
}

/** Every judgments file of a folder, merged (a document may be judged in several). */
function readJudgments(directory: string): LabelFile {
  const merged: LabelFile = { files: {} };
  if (!existsSync(directory)) return merged;
  for (const name of readdirSync(directory).filter((file) => file.endsWith('.json')).sort()) {
    for (const [file, entry] of Object.entries(readLabels(join(directory, name)).files)) {
      const target = (merged.files[file] ??= { findings: [], misses: [] });
      target.findings!.push(...(entry.findings ?? []));
      target.misses!.push(...(entry.misses ?? []));
    }
  }
  return merged;
}

export async function evaluate(corpus = DEFAULT_CORPUS, judgmentsPath = OWN_JUDGMENTS): Promise<EvalRun> {
  const labels = readLabels(join(corpus, 'labels.json'));
  const own = readJudgments(judgmentsPath);
  const files = readdirSync(corpus)
    .filter((name) => /\.(md|markdown|mdx)$/i.test(name) && name !== 'LABELS.md')
    .sort();
  const judgedRules = new Set<string>();
  for (const entry of Object.values(labels.files)) for (const label of entry.findings ?? []) judgedRules.add(label.rule);
  const measuredOffByDefault = rules.filter((rule) => !rule.recommended && judgedRules.has(rule.id)).map((rule) => rule.id);
  const { results } = await lintFiles(
    files.map((name) => join(corpus, name)),
    {
      cwd: corpus,
      ignore: false,
      plugins: false,
      config: { root: true, extends: 'pm-lint:recommended', rules: Object.fromEntries(measuredOffByDefault.map((id) => [id, 'warn'])) },
    },
  );
  const findings: Finding[] = [];
  for (const result of results) {
    for (const message of result.messages) {
      if (!message.ruleId) continue;
      findings.push({ file: basename(result.filePath), rule: message.ruleId, line: message.line, message: message.message });
    }
  }
  return {
    corpus,
    files,
    measuredOffByDefault,
    score: score(findings, [
      { source: 'shared labels', labels },
      { source: 'own judgments', labels: own },
    ], files),
  };
}

/**
 * The documents of the teams whose template is written down in `teams` (see TEAM_TEMPLATES),
 * each team's linted with its own configuration (.pmlintrc.yaml in its folder), and scored
 * like the default run.
 */
export async function evaluateTeams(corpus = DEFAULT_CORPUS, judgmentsPath = OWN_JUDGMENTS, teams = TEAM_TEMPLATES): Promise<EvalRun & { teams: string[] }> {
  const labels = readLabels(join(corpus, 'labels.json'));
  const own = readJudgments(judgmentsPath);
  // Judgments of what only a team's template reports (kept apart: the default run's recall would count them as missed).
  const teamJudgments = join(teams, 'judgments.json');
  const ofTeams = existsSync(teamJudgments) ? readLabels(teamJudgments) : { files: {} };
  const names = readdirSync(corpus).filter((name) => /\.(md|markdown|mdx)$/i.test(name) && name !== 'LABELS.md').sort();
  const prefixes = existsSync(teams) ? readdirSync(teams).filter((name) => statSync(join(teams, name)).isDirectory()).sort() : [];
  const findings: Finding[] = [];
  const files: string[] = [];
  for (const prefix of prefixes) {
    const team = names.filter((name) => name.startsWith(`${prefix}__`));
    files.push(...team);
    const { results } = await lintFiles(
      team.map((name) => join(corpus, name)),
      { cwd: corpus, ignore: false, plugins: false, configFile: join(teams, prefix, '.pmlintrc.yaml') },
    );
    for (const result of results) {
      for (const message of result.messages) {
        if (message.ruleId) findings.push({ file: basename(result.filePath), rule: message.ruleId, line: message.line, message: message.message });
      }
    }
  }
  return {
    corpus,
    files,
    teams: prefixes,
    measuredOffByDefault: [],
    score: score(findings, [
      { source: 'shared labels', labels },
      { source: 'own judgments', labels: own },
      { source: 'team judgments', labels: ofTeams },
    ], files),
  };
}

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index === -1 ? undefined : args[index + 1];
}

async function main(args: string[]): Promise<number> {
  const corpus = resolve(option(args, '--corpus') ?? DEFAULT_CORPUS);
  if (!existsSync(join(corpus, 'labels.json'))) {
    process.stderr.write(
      `npm run eval: no labelled corpus at ${corpus} (it needs labels.json beside the documents).\n` +
        'The corpus of real postmortems lives outside the project, in ../shared/real-postmortems; pass --corpus DIR to use another.\n',
    );
    return 2;
  }
  const teams = args.includes('--teams');
  const run = teams ? await evaluateTeams(corpus) : await evaluate(corpus);
  if (args.includes('--json')) {
    process.stdout.write(`${JSON.stringify({ corpus: run.corpus, documents: run.files.length, measuredOffByDefault: run.measuredOffByDefault, ...run.score }, null, 2)}\n`);
    return 0;
  }
  const list = option(args, '--list');
  if (list) {
    const lines =
      list === 'unjudged'
        ? run.score.unjudged.map((f) => `${f.file}:${f.line} ${f.rule} ${f.message}`)
        : list === 'missed'
          ? run.score.missed.map((m) => `${m.file}:${m.line} ${m.rules.join(',')} ${m.what}`)
          : run.score.judged
              .filter((j) => j.label === (list === 'fp' ? 'FP' : list === 'tp' ? 'TP' : 'DEBATABLE'))
              .map((j) => `${j.file}:${j.line} ${j.rule} ${j.message}\n    ${j.source}: ${j.why}`);
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  }
  if ('teams' in run) {
    const names = (run.teams as string[]).join(', ');
    process.stdout.write(`pm-lint on the ${run.files.length} labelled real postmortems of ${names}, each team's with its own template (test/corpus-templates):\n\n${formatTable(run.score)}\n`);
    return 0;
  }
  const off = run.measuredOffByDefault.length ? ` (plus ${run.measuredOffByDefault.join(', ')}, off by default, measured)` : '';
  process.stdout.write(`pm-lint on ${run.files.length} labelled real postmortems, default configuration${off}:\n\n${formatTable(run.score)}\n`);
  return 0;
}

// Run as a script (npm run eval), not when a test imports evaluate().
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`npm run eval: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
