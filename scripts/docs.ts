import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { rules } from '../rules/index.js';
import { publishedConfigSchema } from '../src/config/schema.js';
import type { JsonSchema, Rule } from '../src/engine/types.js';
import { packageRoot } from '../src/util/package-root.js';
import { formatExpected, lintFixture, ruleFixtures } from './fixtures.js';

/**
 * Documentation generated from the code: each rule README's reference part (summary,
 * options from the schema, examples from the fixtures), the rules table of the README,
 * and schema/pmlintrc.schema.json. A test fails when a committed file differs.
 */
export const START = '<!-- pm-lint:generated:start -->';
export const END = '<!-- pm-lint:generated:end -->';

export interface GeneratedFile {
  path: string;
  content: string;
}

function replaceBlock(existing: string, block: string, fallback: string): string {
  const start = existing.indexOf(START);
  const end = existing.indexOf(END);
  if (start === -1 || end === -1 || end < start) return fallback;
  return `${existing.slice(0, start)}${START}\n${block}\n${END}${existing.slice(end + END.length)}`;
}

function schemaType(schema: JsonSchema): string {
  if (Array.isArray(schema.enum)) return (schema.enum as unknown[]).map((value) => `\`${JSON.stringify(value)}\``).join(' \\| ');
  if (schema.type === 'array') {
    const items = (schema.items ?? {}) as JsonSchema;
    return `${items.type === 'object' ? 'object' : schemaType(items)}[]`;
  }
  if (Array.isArray(schema.type)) return (schema.type as string[]).join(' \\| ');
  if (typeof schema.type === 'string') return schema.type;
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as JsonSchema[]).map(schemaType).join(' \\| ');
  return 'any';
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function optionsTable(rule: Rule<any>): string {
  const properties = (rule.schema.properties ?? {}) as Record<string, JsonSchema>;
  const names = Object.keys(properties);
  if (names.length === 0) return 'This rule has no options.';
  const rows = names.map((name) => {
    const property = properties[name]!;
    const fallback = property.default === undefined ? '' : `\`${JSON.stringify(property.default)}\``;
    return `| \`${name}\` | ${schemaType(property)} | ${cell(fallback)} | ${cell(String(property.description ?? ''))} |`;
  });
  return ['| Option | Type | Default | Description |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

function fence(text: string, language: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`{3,}/g)].map((match) => match[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${language}\n${text.replace(/\n$/, '')}\n${ticks}`;
}

function examples(rule: Rule<any>): string {
  const fixtures = ruleFixtures(rule.id);
  if (fixtures.length === 0) return 'No examples yet.';
  const parts: string[] = [];
  for (const fixture of fixtures) {
    const heading = `${fixture.valid ? 'Valid' : 'Invalid'}: \`fixtures/${rule.id}/${fixture.name}\``;
    const optionsNote =
      (fixture.options ? `\n\nWith options:\n\n${fence(JSON.stringify(fixture.options, null, 2), 'json')}` : '') +
      (fixture.template ? `\n\nWith \`template: ${fixture.template}\` (\`fixtures/${rule.id}/${fixture.template.replace(/^\.\//, '')}\`).` : '');
    const output = fixture.valid ? 'No problems.' : fence(formatExpected(lintFixture(rule, fixture)), 'text');
    parts.push(
      `<details>\n<summary>${heading}</summary>${optionsNote}\n\n${fence(fixture.text, 'markdown')}\n\n${output}\n\n</details>`,
    );
  }
  return parts.join('\n\n');
}

export function ruleReference(rule: Rule<any>): string {
  const presets = rule.recommended ? '`pm-lint:recommended`, `pm-lint:strict`' : '`pm-lint:strict`';
  return [
    `> ${rule.description}`,
    '',
    `- Default severity: \`${rule.severity}\``,
    `- On in: ${presets}`,
    `- Fixable: ${rule.fixable ? 'yes (`--fix`)' : 'no'}`,
    '',
    '## Options',
    '',
    optionsTable(rule),
    '',
    '## Examples',
    '',
    examples(rule),
  ].join('\n');
}

export function rulesTable(): string {
  const rows = rules.map((rule) => {
    const recommended = rule.recommended ? rule.severity : 'off';
    return `| [\`${rule.id}\`](rules/${rule.id}/README.md) | ${cell(rule.description)} | ${recommended} | ${rule.severity} | ${rule.fixable ? 'yes' : ''} |`;
  });
  return ['| Rule | Checks | `pm-lint:recommended` | `pm-lint:strict` | Fixable |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

export function generatedFiles(): GeneratedFile[] {
  const root = packageRoot();
  const files: GeneratedFile[] = [];
  for (const rule of rules) {
    const path = join(root, 'rules', rule.id, 'README.md');
    const existing = existsSync(path) ? readFileSync(path, 'utf8') : '';
    const block = ruleReference(rule);
    const skeleton = `# ${rule.id}\n\n${START}\n${block}\n${END}\n`;
    files.push({ path, content: replaceBlock(existing, block, skeleton) });
  }
  const readmePath = join(root, 'README.md');
  if (existsSync(readmePath)) {
    const existing = readFileSync(readmePath, 'utf8');
    files.push({ path: readmePath, content: replaceBlock(existing, rulesTable(), existing) });
  }
  files.push({
    path: join(root, 'schema', 'pmlintrc.schema.json'),
    content: `${JSON.stringify(publishedConfigSchema(rules), null, 2)}\n`,
  });
  return files;
}

export function displayGenerated(path: string): string {
  return relative(packageRoot(), path);
}
