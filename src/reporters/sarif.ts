import { ruleDocsUrl } from '../engine/messages.js';
import type { Reporter } from './types.js';
import { displayPath } from './paths.js';

/** Messages without a rule (unreadable files, directives) are reported under this id. */
const FILE_RULE_ID = 'pm-lint';

/** SARIF 2.1.0, as GitHub code scanning accepts it. */
export const sarif: Reporter = (results, context) => {
  const driverRules = [
    ...context.rules.map((rule) => ({
      id: rule.id,
      name: rule.id,
      shortDescription: { text: rule.description },
      helpUri: ruleDocsUrl(rule.id),
      defaultConfiguration: { level: rule.severity === 'error' ? 'error' : 'warning' },
    })),
    {
      id: FILE_RULE_ID,
      name: FILE_RULE_ID,
      shortDescription: { text: 'Problems with a file itself or with inline pm-lint directives.' },
      helpUri: 'https://github.com/pm-lint/pm-lint#readme',
      defaultConfiguration: { level: 'error' },
    },
  ];
  const index = new Map(driverRules.map((rule, i) => [rule.id, i]));
  const sarifResults = results.flatMap((result) =>
    result.messages.map((message) => {
      const ruleId = message.ruleId ?? FILE_RULE_ID;
      return {
        ruleId,
        ruleIndex: index.get(ruleId) ?? index.get(FILE_RULE_ID)!,
        level: message.severity === 2 ? 'error' : 'warning',
        message: { text: message.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: encodeURI(displayPath(result.filePath, context.cwd)), uriBaseId: '%SRCROOT%' },
              region: {
                startLine: message.line,
                startColumn: message.column,
                endLine: message.endLine,
                endColumn: message.endColumn,
              },
            },
          },
        ],
        // The rules whose findings at the same span this one stands for (see Rule.supersedes).
        ...(message.duplicates ? { properties: { duplicates: message.duplicates } } : {}),
      };
    }),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'pm-lint',
            version: context.version,
            informationUri: 'https://github.com/pm-lint/pm-lint',
            rules: driverRules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToUri(context.cwd)}/` } },
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

function pathToUri(path: string): string {
  const forward = path.split('\\').join('/').replace(/\/$/, '');
  return `file://${forward.startsWith('/') ? '' : '/'}${encodeURI(forward)}`;
}
