import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { displayGenerated, generatedFiles } from '../scripts/docs.js';

describe('generated documentation', () => {
  for (const file of generatedFiles()) {
    it(`${displayGenerated(file.path)} is up to date (run "npm run docs")`, () => {
      expect(existsSync(file.path)).toBe(true);
      expect(readFileSync(file.path, 'utf8')).toBe(file.content);
    });
  }
});
