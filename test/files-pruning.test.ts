import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverFiles } from '../src/api/files.js';
import { tempTree } from './helpers.js';

/**
 * Every directory discovery reads, recorded from node:fs itself: its readdirSync is
 * wrapped and the wrapper published to every ES module importing it by name (the suite
 * shares modules between files, so a module mock would not reach an already loaded one).
 */
const read: string[] = [];
const original = fs.readdirSync;
beforeAll(() => {
  fs.readdirSync = ((path: fs.PathLike, options: unknown) => {
    read.push(String(path));
    return (original as (path: fs.PathLike, options: unknown) => unknown)(path, options);
  }) as typeof fs.readdirSync;
  syncBuiltinESMExports();
});
afterAll(() => {
  fs.readdirSync = original;
  syncBuiltinESMExports();
});

describe('ignored directories are pruned during the walk', () => {
  it('does not read a directory .pmlintignore or a configuration ignores, and still finds the rest', async () => {
    const root = tempTree({
      '.pmlintignore': 'vendor/\n',
      'docs/a.md': '# A\n',
      'vendor/deep/x/y.md': '# Y\n',
      'archive/old/b.md': '# B\n',
      'drafts/keep.md': '# K\n',
    });
    read.length = 0;
    const discovery = await discoverFiles(['.'], {
      cwd: root,
      useIgnore: true,
      // As a configuration's `ignores: ["archive/**", "drafts/skip-*.md"]` would answer.
      isIgnoredByConfig: (path) => path.startsWith(join(root, 'archive') + '/') || /drafts\/skip-[^/]*\.md$/.test(path),
    });
    expect(discovery.files).toEqual([join(root, 'docs/a.md'), join(root, 'drafts/keep.md')]);
    expect(read.map((directory) => directory.slice(root.length) || '/').sort()).toEqual(['/', '/docs', '/drafts']);
  });

  it('reads everything with --no-ignore', async () => {
    const root = tempTree({ '.pmlintignore': 'vendor/\n', 'vendor/y.md': '# Y\n' });
    read.length = 0;
    const discovery = await discoverFiles(['.'], { cwd: root, useIgnore: false });
    expect(discovery.files).toEqual([join(root, 'vendor/y.md')]);
    expect(read.map((directory) => directory.slice(root.length) || '/').sort()).toEqual(['/', '/vendor']);
  });
});
