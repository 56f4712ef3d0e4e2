import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../rules/index.js';
import { compileSchema } from '../src/config/ajv.js';
import type { JsonSchema } from '../src/engine/types.js';
import { packageRoot } from '../src/util/package-root.js';

const root = packageRoot();
const folders = readdirSync(join(root, 'rules')).filter((name) => statSync(join(root, 'rules', name)).isDirectory());

/** Every property of an options schema, nested ones included. */
function properties(schema: JsonSchema, path = ''): Array<[string, JsonSchema]> {
  const found: Array<[string, JsonSchema]> = [];
  for (const [name, property] of Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>)) {
    found.push([`${path}${name}`, property]);
  }
  return found;
}

describe('rule registry', () => {
  it('registers every folder under rules/ and nothing else', () => {
    expect(rules.map((rule) => rule.id).sort()).toEqual([...folders].sort());
  });

  for (const rule of rules) {
    describe(rule.id, () => {
      it('has a kebab-case id, one-sentence description and a valid severity', () => {
        expect(rule.id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
        expect(rule.description).toMatch(/^[A-Z].*\.$/);
        expect(rule.description.split(/\.\s/).length).toBe(1);
        expect(['error', 'warn']).toContain(rule.severity);
      });

      it('has messages and a README with a hand-written rationale before the generated reference', () => {
        expect(Object.keys(rule.messages).length).toBeGreaterThan(0);
        expect(existsSync(join(root, 'rules', rule.id, 'index.ts'))).toBe(true);
        const readme = readFileSync(join(root, 'rules', rule.id, 'README.md'), 'utf8');
        const rationale = readme.slice(0, readme.indexOf('<!-- pm-lint:generated:start -->')).replace(/^# .*\n/, '').trim();
        expect(rationale.split(/\s+/).length, `rules/${rule.id}/README.md needs a rationale`).toBeGreaterThan(40);
      });

      it('describes every option with a default and a description, and rejects unknown options', () => {
        expect(rule.schema.type).toBe('object');
        expect(rule.schema.additionalProperties).toBe(false);
        for (const [name, property] of properties(rule.schema)) {
          expect(property, `${rule.id}.${name}`).toHaveProperty('default');
          expect(typeof property.description, `${rule.id}.${name}`).toBe('string');
        }
        const validate = compileSchema(rule.schema);
        expect(validate({})).toBe(true);
        expect(validate({ notAnOption: true })).toBe(false);
      });
    });
  }
});
