import type { Reporter } from './types.js';
import { displayPath } from './paths.js';

/** Escaping of a workflow command's message. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a workflow command's property values (also ":" and ","). */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub Actions workflow commands: each message becomes an annotation on the pull request. */
export const github: Reporter = (results, context) => {
  const lines: string[] = [];
  for (const result of results) {
    const file = displayPath(result.filePath, context.cwd);
    for (const message of result.messages) {
      const command = message.severity === 2 ? 'error' : 'warning';
      const ruleIds = [message.ruleId, ...(message.duplicates ?? []).map((duplicate) => duplicate.ruleId)].filter(Boolean);
      const title = ruleIds.length > 0 ? `pm-lint (${ruleIds.join(', ')})` : 'pm-lint';
      const properties = [
        `file=${escapeProperty(file)}`,
        `line=${message.line}`,
        `col=${message.column}`,
        `endLine=${message.endLine}`,
        `endColumn=${message.endColumn}`,
        `title=${escapeProperty(title)}`,
      ].join(',');
      lines.push(`::${command} ${properties}::${escapeData(message.message)}`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
};
