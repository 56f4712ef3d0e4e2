import type { Reporter } from './types.js';

/**
 * ESLint's JSON format: one entry per linted file, clean files included; each message also
 * names its rule's docs (`docsUrl`) and the findings of other rules it stands for
 * (`duplicates`: their rule ids, severities and messages).
 */
export const json: Reporter = (results) =>
  `${JSON.stringify(
    results.map((result) => ({
      filePath: result.filePath,
      messages: result.messages.map((message) => ({
        ruleId: message.ruleId,
        severity: message.severity,
        message: message.message,
        line: message.line,
        column: message.column,
        endLine: message.endLine,
        endColumn: message.endColumn,
        ...(message.messageId ? { messageId: message.messageId } : {}),
        ...(message.docsUrl ? { docsUrl: message.docsUrl } : {}),
        ...(message.fix ? { fix: message.fix } : {}),
        ...(message.fatal ? { fatal: true } : {}),
        ...(message.duplicates ? { duplicates: message.duplicates } : {}),
      })),
      errorCount: result.errorCount,
      warningCount: result.warningCount,
      fixableErrorCount: result.fixableErrorCount,
      fixableWarningCount: result.fixableWarningCount,
    })),
  )}\n`;
