import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE_NAMES } from '../../config/load.js';
import { STARTER_CONFIG } from '../../scaffold/starter-config.js';
import { writeFileAtomic } from '../../util/atomic-write.js';

/** `pm-lint init`: writes a commented .pmlintrc.yaml; never over an existing configuration. */
export function initCommand(cwd: string, force: boolean): { written: string } | { error: string } {
  const existing = CONFIG_FILE_NAMES.filter((name) => name !== 'package.json').find((name) => existsSync(join(cwd, name)));
  if (existing && !force) return { error: `${existing} already exists here; use --force to replace it with .pmlintrc.yaml` };
  const path = join(cwd, '.pmlintrc.yaml');
  writeFileAtomic(path, STARTER_CONFIG);
  return { written: path };
}
