import type { Paragraph } from 'mdast';
import { plainText } from './inline.js';

/**
 * A paragraph that only names what follows, the way postmortems title their parts without
 * a heading: a paragraph of only bold or italic text, perhaps with a colon
 * ("**Actions planned:**", "_What happened?_:"), or a short plain line standing alone
 * ("Next steps", "Timeline:") — a heading whose `#` was lost when a post was copied.
 */
export interface BlockLabel {
  /** The label's text, Markdown and a final colon removed. */
  text: string;
  /** How it is set off: bold or italic text, or nothing (a plain line). */
  emphasis: 'strong' | 'emphasis' | null;
  /** Whether it ends with a colon. */
  colon: boolean;
}

/** Words in a plain line that can still be a title: "Next steps and improvements" has five. */
const PLAIN_LABEL_WORDS = 6;
const PLAIN_LABEL = /^[\p{Lu}\p{Lo}\p{N}¿][^\n]*$/u;
const SENTENCE_END = /[.,;!…]$/;

export function blockLabel(paragraph: Paragraph): BlockLabel | null {
  const [first, ...rest] = paragraph.children;
  if (!first) return null;
  if (first.type === 'strong' || first.type === 'emphasis') {
    if (!rest.every((node) => node.type === 'text' && /^\s*:?\s*$/.test(node.value))) return null;
    const raw = plainText(first).trim();
    const colon = raw.endsWith(':') || rest.some((node) => node.type === 'text' && node.value.includes(':'));
    const text = raw.replace(/:$/, '').trim();
    return text === '' ? null : { text, emphasis: first.type, colon };
  }
  if (rest.length > 0 || first.type !== 'text') return null;
  const raw = first.value.trim();
  if (!PLAIN_LABEL.test(raw) || SENTENCE_END.test(raw)) return null;
  const colon = raw.endsWith(':');
  const text = raw.replace(/:$/, '').trim();
  // "Impact: 20% of checkouts" is a field, not a title.
  if (text === '' || text.includes(':') || text.split(/\s+/).length > PLAIN_LABEL_WORDS) return null;
  return { text, emphasis: null, colon };
}
