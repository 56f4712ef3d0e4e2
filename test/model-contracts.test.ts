import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../src/util/package-root.js';

/**
 * The model's contracts, read from the source: rules see the model only through its
 * public entry, and the model's layers know only the layers below them
 * (parse ← text ← facts ← document).
 */
const root = packageRoot();

function tsFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** The relative modules a file imports or re-exports, resolved to project paths (".js" → ".ts"). */
function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const specifiers = [...source.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]/g)].map((match) => match[1]!);
  return specifiers
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => relative(root, resolve(dirname(file), specifier)).replace(/\.js$/, '.ts'));
}

describe('model contracts', () => {
  it('rules import the model only through its public entry (src/model/index.ts)', () => {
    const offending: string[] = [];
    for (const file of tsFiles(join(root, 'rules'))) {
      for (const imported of importsOf(file)) {
        if (imported.startsWith('src/') && imported !== 'src/model/index.ts' && imported !== 'src/engine/types.ts') {
          offending.push(`${relative(root, file)} imports ${imported}`);
        }
      }
    }
    expect(offending).toEqual([]);
  });

  it('each layer of the model imports only the layers below it (facts may name the document\'s type)', () => {
    const layers = ['parse', 'text', 'facts'];
    const offending: string[] = [];
    for (const [rank, layer] of layers.entries()) {
      for (const file of tsFiles(join(root, 'src/model', layer))) {
        const source = readFileSync(file, 'utf8');
        for (const imported of importsOf(file)) {
          if (!imported.startsWith('src/model/')) continue;
          const targetRank = layers.indexOf(imported.split('/')[2]!);
          if (targetRank !== -1 && targetRank <= rank) continue;
          const typeOnly = imported === 'src/model/document.ts' && !/import (?!type)[^;]*from '\.\.\/document\.js'/.test(source);
          if (layer === 'facts' && typeOnly) continue;
          offending.push(`${relative(root, file)} imports ${imported}`);
        }
      }
    }
    expect(offending).toEqual([]);
  });
});
