import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { lintText, type LintOptions } from '../api/lint.js';
import { ConfigError, formatProblem } from '../config/types.js';

export type RemarkPmLintOptions = Pick<LintOptions, 'configFile' | 'config' | 'ruleOverrides' | 'cwd'>;

/**
 * pm-lint as a unified plugin, for remark-cli, remark-language-server and the VS Code
 * remark extension (`"plugins": ["pm-lint/remark"]` in .remarkrc). pm-lint's findings
 * become vfile messages (errors are fatal, as remark-lint marks them) with rule ids and
 * docs URLs. The configuration is found for the file as the CLI finds it.
 *
 * The host's tree is not reused: pm-lint's model needs its own parse (tables, task
 * lists, footnotes and front matter, whatever plugins the host has), and editors lint
 * one file at a time, where a second parse costs little.
 */
export default function remarkPmLint(options: RemarkPmLintOptions = {}) {
  return function transformer(_tree: Root, file: VFile): void {
    let result;
    try {
      result = lintText(String(file.value), {
        ...options,
        cwd: options.cwd ?? file.cwd,
        ...(file.path ? { filePath: file.path } : {}),
      });
    } catch (error) {
      const reason =
        error instanceof ConfigError
          ? `pm-lint: invalid configuration: ${error.problems.map(formatProblem).join('; ')}`
          : `pm-lint: ${error instanceof Error ? error.message : String(error)}`;
      const message = file.message(reason, { ruleId: 'config', source: 'pm-lint' });
      message.fatal = true;
      return;
    }
    for (const lint of result.messages) {
      const message = file.message(lint.message, {
        place: { start: { line: lint.line, column: lint.column }, end: { line: lint.endLine, column: lint.endColumn } },
        ruleId: lint.ruleId ?? undefined,
        source: 'pm-lint',
      });
      message.fatal = lint.severity === 2;
      if (lint.docsUrl) message.url = lint.docsUrl;
    }
  };
}
