import type { TextView } from './text-view.js';

const URL_HINT = /:\/\/|\bwww\./;

/**
 * A block's words for reading dates, times and durations: code masked, and URLs too when
 * it has any ("…range_input=6h…" is not a duration). Masking URLs costs a scan, so it is
 * done only where one may be.
 */
export function readableText(view: TextView, by?: string): string {
  return URL_HINT.test(view.text) ? view.masked(['code', 'urls'], by) : view.masked(['code'], by);
}
