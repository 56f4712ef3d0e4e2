import { findMojibake } from './mojibake.js';
import { normalizeText } from './normalize.js';

/**
 * Titles and lines ("**Example:**", "### Detailed Timeline Example") that open an example a
 * template gives of how a part is filled in. The seeds' templates write them in English and
 * Korean; CJK templates use 例 and 示例.
 */
export const EXAMPLE_LABELS: readonly string[] = ['Example', 'Examples', 'For example', 'Example output', 'Template', '예시', '例', '示例'];

const DEFAULT_LABELS = new Set(EXAMPLE_LABELS.map(normalizeText));

/**
 * Whether a title or a label line only says "Example": "Example", "**예시 (5 Whys):**",
 * "Detailed Timeline Example" (a few words ending with the label). Mojibake is repaired
 * first ("ì˜ˆì‹œ" is "예시"). `labels` are normalised (normalizeText).
 */
export function isExampleLabel(text: string, labels: ReadonlySet<string> = DEFAULT_LABELS): boolean {
  let title = text.trim().replace(/:$/, '');
  if (title.length > 60) return false;
  for (const run of findMojibake(title).reverse()) if (!run.lossy) title = title.slice(0, run.start) + run.repaired + title.slice(run.end);
  const normalized = normalizeText(title.replace(/\([^)]*\)/g, ''));
  if (labels.has(normalized)) return true;
  // "Detailed Timeline Example"
  const words = normalized.split(' ');
  return words.length <= 4 && words.length > 1 && labels.has(words.at(-1)!) && !labels.has(words[0]!);
}
