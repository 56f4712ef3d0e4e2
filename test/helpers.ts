import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';

const created: string[] = [];

/** A temporary directory tree from a map of relative paths to contents; removed after each test. */
export function tempTree(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'pm-lint-test-'));
  created.push(root);
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return root;
}

afterEach(() => {
  while (created.length > 0) rmSync(created.pop()!, { recursive: true, force: true });
});

/** A small postmortem with every section required by default. */
export const COMPLETE = `# Incident

## Summary

Text.

## Impact

Text.

## Timeline

- 10:00 Start.

## Root Cause

Text.

## Action Items

- [ ] Fix it (owner: @sre, priority: P2, due: 2026-04-01).
`;

/** A postmortem without an impact section, and with an empty timeline. */
export const INCOMPLETE = `# Incident

## Summary

Text.

## Timeline

## Root Cause

Text.

## Action Items

- [ ] Fix it (owner: @sre, priority: P2, due: 2026-04-01).
`;
