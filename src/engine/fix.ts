import type { Fix, LintMessage, LintResult } from './types.js';
import { lintDocument, type LintDocumentOptions } from './engine.js';

/** Fix passes at most: a fix may make another possible, but never loop forever. */
const MAX_PASSES = 10;

/**
 * Applies the fixes of some messages to a text: in order of position, skipping any fix
 * that overlaps one already taken (it is tried again on the next pass).
 */
export function applyFixes(text: string, messages: readonly LintMessage[]): { output: string; applied: number } {
  const fixes = messages
    .map((message) => message.fix)
    .filter((fix): fix is Fix => fix !== undefined)
    .sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let output = '';
  let cursor = 0;
  let applied = 0;
  for (const fix of fixes) {
    const [start, end] = fix.range;
    if (start < cursor) continue;
    output += text.slice(cursor, start) + fix.text;
    cursor = end;
    applied++;
  }
  return { output: output + text.slice(cursor), applied };
}

/**
 * Lints, applies every non-overlapping fix, and lints the result again, until nothing
 * more is fixed. The result's messages are those of the final text; `output` is that
 * text when it differs from the input.
 */
export function lintAndFix(filePath: string, text: string, options: LintDocumentOptions): LintResult {
  let current = text;
  let result = lintDocument(filePath, current, options);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    if (!result.messages.some((message) => message.fix)) break;
    const { output, applied } = applyFixes(current, result.messages);
    if (applied === 0 || output === current) break;
    current = output;
    result = lintDocument(filePath, current, options);
  }
  if (current !== text) result.output = current;
  return result;
}
