import { VFile } from 'vfile';
import { reporter as vfileReporter } from 'vfile-reporter';
import type { Reporter } from './types.js';
import { displayPath } from './paths.js';

/** Human output through vfile-reporter: position, severity, message, rule id, docs link, and a summary. */
export const stylish: Reporter = (results, context) => {
  const files = results.map((result) => {
    const file = new VFile({ path: displayPath(result.filePath, context.cwd) });
    for (const lint of result.messages) {
      const message = file.message(lint.message, {
        place: { start: { line: lint.line, column: lint.column }, end: { line: lint.endLine, column: lint.endColumn } },
        ruleId: lint.ruleId ?? undefined,
        source: 'pm-lint',
      });
      message.fatal = lint.severity === 2 ? true : false;
      if (lint.docsUrl) message.url = lint.docsUrl;
    }
    return file;
  });
  const output = vfileReporter(files, { color: context.color, verbose: true, quiet: false });
  return output ? `${output}\n` : '';
};
