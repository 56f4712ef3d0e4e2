import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { lintFiles } from '../../src/api/lint.js';
import { rules } from '../../rules/index.js';
import { packageRoot } from '../../src/util/package-root.js';
import { score, type Finding, type LabelFile, type Score } from './score.js';

/**
 * The evaluation of `npm run eval`: lints the labelled corpus of real postmortems with the
 * default configuration and scores the findings against the labels. Rules the labels judge
 * but pm-lint:recommended leaves off are turned on at their default severity, so that they
 * are measured before they are recommended.
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

