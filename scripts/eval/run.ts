import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { lintFiles } from '../../src/api/lint.js';
import type { LintMessage } from '../../src/engine/types.js';
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

/** The corpus's postmortems (its LABELS.md is about them, not one of them). */
function corpusDocuments(corpus: string): string[] {
  return readdirSync(corpus)
    .filter((name) => /\.(md|markdown|mdx)$/i.test(name) && name !== 'LABELS.md')
    .sort();
}

/** One finding per rule a message is for. */
function findingsOf(results: Array<{ filePath: string; messages: LintMessage[] }>): Finding[] {
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
  return findings;
}

export async function evaluate(corpus = DEFAULT_CORPUS, judgmentsPath = OWN_JUDGMENTS): Promise<EvalRun> {
  const labels = readLabels(join(corpus, 'labels.json'));
  const own = readJudgments(judgmentsPath);
  const files = corpusDocuments(corpus);
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
  const findings = findingsOf(results);
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
  const names = corpusDocuments(corpus);
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
    findings.push(...findingsOf(results));
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
