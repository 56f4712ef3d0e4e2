import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles } from '../src/api/lint.js';
import { ConfigError } from '../src/config/types.js';

function project(config: unknown, files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'pm-lint-file-options-'));
  writeFileSync(join(root, '.pmlintrc.json'), JSON.stringify({ root: true, extends: [], ...(config as object) }));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const postmortem = '**Incident ID:** INC-1\n**Date:** 2026-03-02\n**Severity:** SEV-2\n**Status:** Final\n\n## Summary\n\nText.\n';

describe('options given as a file ("x-pm-lint-file")', () => {
  it('reads a JSON Schema path relative to the configuration file', async () => {
    const root = project(
      { rules: { 'metadata-fields': ['error', { schema: './schemas/metadata.json' }] } },
      {
        'schemas/metadata.json': JSON.stringify({ properties: { severity: { enum: ['SEV-1'] } }, required: ['authors'] }),
        'docs/pm.md': postmortem,
      },
    );
    const { results } = await lintFiles(['docs'], { cwd: root });
    expect(results[0]!.messages.map((m) => `${m.line}:${m.column} ${m.message}`)).toEqual([
      '1:1 Metadata "authors" is required (metadata schema).',
      '3:15 Metadata "severity" must be one of "SEV-1" (metadata schema).',
    ]);
  });

  it('reads YAML too', async () => {
    const root = project(
      { rules: { 'metadata-fields': ['error', { schema: 'metadata.schema.yaml' }] } },
      { 'metadata.schema.yaml': 'properties:\n  status:\n    const: Draft\n', 'pm.md': postmortem },
    );
    const { results } = await lintFiles(['pm.md'], { cwd: root });
    expect(results[0]!.messages.map((m) => m.message)).toEqual(['Metadata "status" must be equal to constant (metadata schema).']);
  });

  it('reports a missing or unusable file as a configuration problem', async () => {
    const missing = project({ rules: { 'metadata-fields': ['error', { schema: './nope.json' }] } }, { 'pm.md': postmortem });
    await expect(lintFiles(['pm.md'], { cwd: missing })).rejects.toThrow(ConfigError);
    await expect(lintFiles(['pm.md'], { cwd: missing })).rejects.toThrow(/rules\.metadata-fields\[1\]\.schema: cannot use "\.\/nope\.json": file not found/);
    const list = project({ rules: { 'metadata-fields': ['error', { schema: 'list.json' }] } }, { 'list.json': '[1, 2]', 'pm.md': postmortem });
    await expect(lintFiles(['pm.md'], { cwd: list })).rejects.toThrow(/"list\.json" must hold a JSON object/);
  });

  it('reports a schema that ajv cannot compile once, at line 1', async () => {
    const root = project(
      { rules: { 'metadata-fields': ['error', { schema: { type: 'no-such-type' } }] } },
      { 'pm.md': postmortem },
    );
    const { results } = await lintFiles(['pm.md'], { cwd: root });
    expect(results[0]!.messages).toHaveLength(1);
    expect(results[0]!.messages[0]!.message).toMatch(/^The metadata schema cannot be used: .*type/);
  });
});
