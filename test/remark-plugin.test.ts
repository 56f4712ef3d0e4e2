import { describe, expect, it } from 'vitest';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import remarkPmLint from '../src/integrations/remark.js';
import { INCOMPLETE, tempTree } from './helpers.js';
import { join } from 'node:path';

async function run(file: VFile, options = {}) {
  const processor = unified().use(remarkParse).use(remarkPmLint, options);
  await processor.run(processor.parse(file), file);
  return file.messages.map((message) => ({
    ruleId: message.ruleId,
    source: message.source,
    fatal: message.fatal,
    place: message.place,
    reason: message.reason,
    url: message.url,
  }));
}

describe('pm-lint as a unified plugin (pm-lint/remark)', () => {
  it('turns findings into vfile messages with positions, rule ids, severities and docs URLs', async () => {
    const root = tempTree({ 'docs/a.md': INCOMPLETE });
    const messages = await run(new VFile({ path: join(root, 'docs/a.md'), value: INCOMPLETE, cwd: root }));
    expect(messages).toEqual([
      {
        ruleId: 'required-sections',
        source: 'pm-lint',
        fatal: true,
        place: { start: { line: 1, column: 1 }, end: { line: 1, column: 11 } },
        reason: 'Missing required section "Impact": add a heading such as "Impact", "Customer Impact", "User Impact", "Impact Assessment", "Business Impact".',
        url: 'https://github.com/pm-lint/pm-lint/blob/main/rules/required-sections/README.md',
      },
      {
        ruleId: 'no-empty-sections',
        source: 'pm-lint',
        fatal: false,
        place: { start: { line: 7, column: 1 }, end: { line: 7, column: 12 } },
        reason: 'Section "Timeline" is empty: write its content or remove the heading.',
        url: 'https://github.com/pm-lint/pm-lint/blob/main/rules/no-empty-sections/README.md',
      },
    ]);
  });

  it('finds the configuration for the file, as the CLI does', async () => {
    const root = tempTree({ '.pmlintrc.json': JSON.stringify({ rules: { 'no-empty-sections': 'off' } }), 'a.md': INCOMPLETE });
    const messages = await run(new VFile({ path: join(root, 'a.md'), value: INCOMPLETE, cwd: root }));
    expect(messages.map((message) => message.ruleId)).toEqual(['required-sections']);
  });

  it('takes options, and reports an invalid configuration as one fatal message', async () => {
    const root = tempTree({ '.pmlintrc.json': '{"rules":{"nope":"error"}}', 'a.md': INCOMPLETE });
    const messages = await run(new VFile({ path: join(root, 'a.md'), value: INCOMPLETE, cwd: root }));
    expect(messages).toMatchObject([{ ruleId: 'config', fatal: true, reason: expect.stringContaining('unknown rule "nope"') }]);
    const withOptions = await run(new VFile({ value: INCOMPLETE }), { config: { extends: [], rules: { 'no-empty-sections': 'error' } } });
    expect(withOptions).toMatchObject([{ ruleId: 'no-empty-sections', fatal: true }]);
  });
});
