import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { lintFiles } from '../src/api/lint.js';
import { rules } from '../rules/index.js';
import { packageRoot } from '../src/util/package-root.js';
import { formatTable, score, type Finding, type LabelFile, type Score } from './eval/score.js';

/**
 * `npm run eval`: lints the labelled corpus of real postmortems with the default
 * configuration and prints precision and recall per rule.
 *
 *   npm run eval [-- --json] [-- --corpus DIR] [-- --list unjudged|fp|missed|debatable]
 *
 * Rules the labels judge but pm-lint:recommended leaves off are turned on at their
 * default severity, so that they are measured before they are recommended.
 */

export const DEFAULT_CORPUS = join(packageRoot(), '..', 'shared', 'real-postmortems');
/** The project's own judgments of findings the shared labels do not cover: one JSON file per area, same shape as labels.json. */
export const OWN_JUDGMENTS = join(packageRoot(), 'test', 'corpus-judgments');

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
      // A finding reported once for two rules (Rule.supersedes) is still each rule's finding.
      for (const duplicate of message.duplicates ?? []) {
        findings.push({ file: basename(result.filePath), rule: duplicate.ruleId, line: message.line, message: duplicate.message });
      }
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
  const run = await evaluate(corpus);
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
  const off = run.measuredOffByDefault.length ? ` (plus ${run.measuredOffByDefault.join(', ')}, off by default, measured)` : '';
  process.stdout.write(`pm-lint on ${run.files.length} labelled real postmortems, default configuration${off}:\n\n${formatTable(run.score)}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`npm run eval: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
