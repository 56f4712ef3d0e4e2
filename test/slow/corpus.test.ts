import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { packageRoot } from '../../src/util/package-root.js';
import { expectSlicedEqualsWhole, markdownIn } from '../helpers/slices.js';

/** Checks over every real postmortem and seed beside the project (../shared): skipped where it is absent. */
const root = packageRoot();

describe('parsing in slices, on the shared corpus', () => {
  const shared = join(root, '..', 'shared');
  it.skipIf(!existsSync(shared))(`gives the same tree as one parse for the shared real postmortems and seeds${existsSync(shared) ? '' : ' (skipped: ../shared is absent)'}`, () => {
    const files = [...markdownIn(join(shared, 'real-postmortems')), ...markdownIn(join(shared, 'seeds'))];
    for (const file of files) expectSlicedEqualsWhole(file);
  });
});
