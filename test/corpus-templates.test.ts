import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateTeams } from '../scripts/eval/run.js';
import { packageRoot } from '../src/util/package-root.js';

/**
 * The documents of the teams whose template is written down in test/corpus-templates, each
 * team's linted with its own template (`npm run eval -- --teams`): every finding is judged,
 * and required-sections reports no section the team's documents have.
 */
const corpus = join(packageRoot(), '..', 'shared', 'real-postmortems');
const present = existsSync(join(corpus, 'labels.json'));

describe('teams held to their own template (the labelled corpus)', () => {
  it.skipIf(!present)(`judges every finding and finds no required-sections false positive${present ? '' : ' (skipped: ../shared/real-postmortems is absent)'}`, async () => {
    const run = await evaluateTeams(corpus);
    expect(run.teams).toEqual(['dfds__postmortems', 'jupyterhub__mybinder.org-deploy']);
    expect(run.files.length).toBe(13);
    expect(run.score.unjudged).toEqual([]);
    expect(run.score.judged.filter((judged) => judged.rule === 'required-sections' && judged.label === 'FP')).toEqual([]);
    expect(run.score.judged.filter((judged) => judged.rule === 'required-sections').map((judged) => [judged.file.slice(0, 40), judged.label])).toEqual([
      ['jupyterhub__mybinder.org-deploy__docs__s', 'TP'],
    ]);
  }, 60_000);
});
