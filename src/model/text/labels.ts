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

/** A heading that is a field: "## Date: 12th March 2023", "## Owner: @ops-lead", "# Title:". */
export interface HeadingField {
  label: string;
  /** The value after the colon ("" when the heading stops there). */
  value: string;
}

const HEADING_FIELD = /^([^:\n]{1,60}?)\s?:(?!\/\/)\s*(.*)$/s;
const FIELD_KEY_WORDS = 5;
const CLOCK = /(?<!\d)\d{1,2}:\d{2}(?!\d)/;
const HANDLE = /(?<![\w@])@[A-Za-z0-9][\w./-]{0,38}/;

/**
 * A heading written as `Key: value`, when the key is a metadata key the document's
 * resolver knows, or the value is only a date, a time or a handle: such a heading carries
 * its value, it opens no section. "Postmortem: outage on 2026-02-03" is a title.
 * `isKnownKey` and `dates` come from the model's resolvers.
 */
export function headingField(
  title: string,
  isKnownKey: (label: string) => boolean,
  dates: (value: string) => Array<{ start: number; end: number }>,
): HeadingField | null {
  const match = HEADING_FIELD.exec(title.trim());
  if (!match) return null;
  const label = match[1]!.trim();
  const value = match[2]!.trim();
  if (!/\p{L}/u.test(label) || label.split(/\s+/).length > FIELD_KEY_WORDS || CLOCK.test(`${label}:${value.slice(0, 2)}`)) return null;
  if (isKnownKey(label) || (value !== '' && isOnlyValue(value, dates))) return { label, value };
  return null;
}

const WEEKDAY = /\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b/gi;
const ZONE_WORD = /\b(?:UTC|GMT|Z|[A-Z]{2,4}T)\b/g;

/** A value that is a date, a time or a handle and nothing more (a weekday, a zone or a short note in brackets aside). */
function isOnlyValue(value: string, dates: (value: string) => Array<{ start: number; end: number }>): boolean {
  let rest = value;
  for (const { start, end } of dates(value).sort((a, b) => b.start - a.start)) rest = `${rest.slice(0, start)} ${rest.slice(end)}`;
  const stamped = rest !== value || CLOCK.test(value) || HANDLE.test(value);
  rest = rest
    .replace(/(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?/gi, ' ')
    .replace(new RegExp(HANDLE.source, 'g'), ' ')
    .replace(/\([^()]{0,40}\)/g, ' ')
    .replace(WEEKDAY, ' ')
    .replace(ZONE_WORD, ' ');
  return stamped && !/\p{L}{2,}/u.test(rest);
}
