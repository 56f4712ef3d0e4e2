import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { rules } from '../rules/index.js';
import { compileSchema } from '../src/config/ajv.js';
import type { LintResult } from '../src/engine/types.js';
import { formatResults, type FormatName } from '../src/reporters/index.js';

const cwd = '/repo';
const results: LintResult[] = [
  {
    filePath: '/repo/docs/postmortems/2026-03-30, ingress: 100%.md',
    messages: [
      {
        ruleId: 'required-sections', messageId: 'missing', severity: 2,
        message: 'Missing required section "Impact": add a heading such as "Impact".\nSecond line: 100%',
        line: 1, column: 1, endLine: 1, endColumn: 20,
        docsUrl: 'https://github.com/pm-lint/pm-lint/blob/main/rules/required-sections/README.md',
      },
      {
        ruleId: 'no-empty-sections', messageId: 'empty', severity: 1,
        message: 'Section "Timeline" is empty: write its content or remove the heading.',
        line: 12, column: 1, endLine: 12, endColumn: 12,
        docsUrl: 'https://github.com/pm-lint/pm-lint/blob/main/rules/no-empty-sections/README.md',
      },
    ],
    errorCount: 1, warningCount: 1, fixableErrorCount: 0, fixableWarningCount: 0,
  },
  { filePath: '/repo/docs/postmortems/clean.md', messages: [], errorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 },
  {
    filePath: '/repo/docs/postmortems/binary.md',
    messages: [{ ruleId: null, severity: 2, message: 'Cannot lint this file: the file is binary.', line: 1, column: 1, endLine: 1, endColumn: 1, fatal: true }],
    errorCount: 1, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0,
  },
];
const format = (name: FormatName) => formatResults(results, name, { cwd, color: false, rules, version: '9.9.9' });

describe('reporters', () => {
  it('stylish: through vfile-reporter, one line per finding (line:column, severity, message, rule id), docs once in a footer, a summary', () => {
    const output = format('stylish');
    expect(output.split('\n')).toEqual([
      'docs/postmortems/2026-03-30, ingress: 100%.md',
      // 80 columns when no width is given: the message column is what the others leave.
      // Too long for it, the messages show what they state; their line breaks never break a row.
      '1:1  error   Missing required section "Impact"          required-sections',
      '12:1 warning Section "Timeline" is empty                no-empty-sections',
      '',
      'docs/postmortems/binary.md',
      '1:1  error   Cannot lint this file: the file is binary.',
      '',
      'docs/postmortems/clean.md: no issues found',
      '',
      'Rule documentation:',
      '  no-empty-sections',
      '    https://github.com/pm-lint/pm-lint/tree/main/rules/no-empty-sections',
      '  required-sections',
      '    https://github.com/pm-lint/pm-lint/tree/main/rules/required-sections',
      '',
      "2 messages are shortened to fit 80 columns: their advice is in the rules'",
      'documentation, and --format json gives them whole.',
      '',
      '✖ 3 problems (2 errors, 1 warning)',
      '',
    ]);
  });

  it("json: ESLint's format, every file listed, clean ones included", () => {
    const parsed = JSON.parse(format('json')) as Array<Record<string, unknown>>;
    expect(parsed).toHaveLength(3);
    expect(parsed[0]).toEqual({
      filePath: '/repo/docs/postmortems/2026-03-30, ingress: 100%.md',
      messages: [
        { ruleId: 'required-sections', severity: 2, message: results[0]!.messages[0]!.message, line: 1, column: 1, endLine: 1, endColumn: 20, messageId: 'missing', docsUrl: results[0]!.messages[0]!.docsUrl },
        { ruleId: 'no-empty-sections', severity: 1, message: results[0]!.messages[1]!.message, line: 12, column: 1, endLine: 12, endColumn: 12, messageId: 'empty', docsUrl: results[0]!.messages[1]!.docsUrl },
      ],
      errorCount: 1, warningCount: 1, fixableErrorCount: 0, fixableWarningCount: 0,
    });
    expect((parsed[0]!.messages as Array<{ docsUrl: string }>)[0]!.docsUrl).toBe('https://github.com/pm-lint/pm-lint/blob/main/rules/required-sections/README.md');
    expect(parsed[1]).toMatchObject({ filePath: '/repo/docs/postmortems/clean.md', messages: [], errorCount: 0 });
    expect(parsed[2]).toMatchObject({ messages: [{ ruleId: null, fatal: true }] });
  });

  it('sarif: valid SARIF 2.1.0 with rules (id, description, helpUri) and located results', () => {
    const log = JSON.parse(format('sarif'));
    // The 2.1.0 schema's required properties and value constraints for what pm-lint writes.
    const region = { type: 'object', properties: { startLine: { type: 'integer', minimum: 1 }, startColumn: { type: 'integer', minimum: 1 }, endLine: { type: 'integer', minimum: 1 }, endColumn: { type: 'integer', minimum: 1 } }, required: ['startLine'] };
    const sarifSubset = {
      type: 'object',
      required: ['version', 'runs'],
      properties: {
        version: { const: '2.1.0' },
        $schema: { type: 'string', format: 'uri' },
        runs: {
          type: 'array', minItems: 1,
          items: {
            type: 'object', required: ['tool'],
            properties: {
              tool: { type: 'object', required: ['driver'], properties: { driver: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, version: { type: 'string' }, rules: { type: 'array', items: { type: 'object', required: ['id'], properties: { id: { type: 'string' }, shortDescription: { type: 'object', required: ['text'] }, helpUri: { type: 'string', pattern: '^https://' } } } } } } } },
              results: {
                type: 'array',
                items: {
                  type: 'object', required: ['message'],
                  properties: {
                    ruleId: { type: 'string' }, ruleIndex: { type: 'integer', minimum: 0 },
                    level: { enum: ['none', 'note', 'warning', 'error'] },
                    message: { type: 'object', required: ['text'], properties: { text: { type: 'string' } } },
                    locations: { type: 'array', items: { type: 'object', properties: { physicalLocation: { type: 'object', required: ['artifactLocation'], properties: { artifactLocation: { type: 'object', required: ['uri'], properties: { uri: { type: 'string' } } }, region } } } } },
                  },
                },
              },
            },
          },
        },
      },
    };
    const validate = compileSchema(sarifSubset);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const run = log.runs[0];
    expect(run.tool.driver).toMatchObject({ name: 'pm-lint', version: '9.9.9' });
    expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual([...rules.map((rule) => rule.id), 'pm-lint']);
    expect(run.results).toHaveLength(3);
    expect(run.results[0]).toEqual({
      ruleId: 'required-sections',
      ruleIndex: 0,
      level: 'error',
      message: { text: results[0]!.messages[0]!.message },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'docs/postmortems/2026-03-30,%20ingress:%20100%25.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 20 } } }],
    });
    expect(run.results[1].level).toBe('warning');
    expect(run.results[2]).toMatchObject({ ruleId: 'pm-lint', ruleIndex: rules.length, level: 'error' });
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
  });

  it('github: workflow commands with the escaping they require', () => {
    expect(format('github').split('\n')).toEqual([
      '::error file=docs/postmortems/2026-03-30%2C ingress%3A 100%25.md,line=1,col=1,endLine=1,endColumn=20,title=pm-lint (required-sections)::Missing required section "Impact": add a heading such as "Impact".%0ASecond line: 100%25',
      '::warning file=docs/postmortems/2026-03-30%2C ingress%3A 100%25.md,line=12,col=1,endLine=12,endColumn=12,title=pm-lint (no-empty-sections)::Section "Timeline" is empty: write its content or remove the heading.',
      '::error file=docs/postmortems/binary.md,line=1,col=1,endLine=1,endColumn=1,title=pm-lint::Cannot lint this file: the file is binary.',
      '',
    ]);
  });

  it('junit: well-formed XML, one test case per file, failures for files with errors', () => {
    const xml = format('junit');
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
    const suite = parsed.testsuites.testsuite;
    expect(suite).toMatchObject({ name: 'pm-lint', tests: '3', failures: '2', errors: '0' });
    expect(suite.testcase.map((testcase: { name: string }) => testcase.name)).toEqual([
      'docs/postmortems/2026-03-30, ingress: 100%.md',
      'docs/postmortems/clean.md',
      'docs/postmortems/binary.md',
    ]);
    expect(suite.testcase[0].failure.message).toBe('1 error, 1 warning');
    expect(suite.testcase[0].failure['#text']).toContain('12:1 warning Section "Timeline" is empty');
    expect(suite.testcase[1].failure).toBeUndefined();
  });
});
