import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rules } from '../rules/index.js';
import { applyFixes } from '../src/engine/fix.js';
import { formatExpected, lintFixture, ruleFixtures } from '../scripts/fixtures.js';

/**
 * Every rule's fixtures: valid-* documents produce nothing; invalid-* documents produce
 * exactly the messages in their .expected file (exact positions and text). Set
 * UPDATE_FIXTURES=1 to write the .expected files, then review them like code.
 */
const update = process.env.UPDATE_FIXTURES === '1';

for (const rule of rules) {
  describe(`fixtures: ${rule.id}`, () => {
    const fixtures = ruleFixtures(rule.id);
    it('has valid and invalid fixtures', () => {
      expect(fixtures.some((fixture) => fixture.valid)).toBe(true);
      expect(fixtures.some((fixture) => !fixture.valid)).toBe(true);
    });
    for (const fixture of fixtures) {
      it(fixture.name, () => {
        const messages = lintFixture(rule, fixture);
        expect(messages.every((message) => message.ruleId === rule.id)).toBe(true);
        if (fixture.valid) {
          expect(formatExpected(messages)).toBe('');
          return;
        }
        const actual = formatExpected(messages);
        if (update) writeFileSync(fixture.expectedPath, actual);
        expect(existsSync(fixture.expectedPath), `${fixture.expectedPath} is missing`).toBe(true);
        expect(actual).not.toBe('');
        expect(actual).toBe(readFileSync(fixture.expectedPath, 'utf8'));
        if (messages.some((message) => message.fix)) {
          // A fix never introduces a problem: the fixed text, linted again, has no message
          // the original did not have, and nothing left to fix.
          const { output } = applyFixes(fixture.text, messages);
          const again = lintFixture(rule, { ...fixture, text: output });
          expect(again.filter((message) => message.fix)).toEqual([]);
          const before = new Set(messages.map((message) => message.message));
          expect(again.filter((message) => !before.has(message.message))).toEqual([]);
        }
      });
    }
  });
}
