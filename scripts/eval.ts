import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_CORPUS, evaluate, evaluateTeams } from './eval/run.js';
import { formatTable } from './eval/score.js';

/**
 * `npm run eval`: precision and recall per rule on the labelled real postmortems.
 *
 *   npm run eval [-- --json] [-- --corpus DIR] [-- --list unjudged|fp|tp|debatable|missed] [-- --teams]
 *
 * `--teams` measures instead the documents of the teams whose template is written down in
 * test/corpus-templates/<prefix>/ (a template and a configuration naming it): the corpus
 * files whose names start with "<prefix>__", each team's linted with its own configuration.
 */

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

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`npm run eval: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
