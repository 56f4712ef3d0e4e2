import { parseTimestamp } from './times.js';

/**
 * Lines that open with the time of an event, in the forms status pages and logs use
 * besides a plain timestamp: a marker before it ("[December 10, 2023 9:54 PM]",
 * "*2024/06/01 21:28:00 -", "Update #1 at 2018-09-22 23:15 EDT", "Posted Mar 04, 2026 -
 * 15:50 UTC"), or a clock with a preposition in the document's language ("Gegen 12.05
 * Uhr", "à 14h30", "a las 10:05").
 */
const LEADING_MARKS = /^[\s>*_#\-+•[(`~\p{Extended_Pictographic}\u{FE0F}]{0,8}/u;
const UPDATE_WORD = /^(?:update|edit|updated|posted|aktualisierung|nachtrag|mise à jour|actualización|atualização)\b[^:\n]{0,20}?(?:\b(?:at|um|à|a las|às)\b)?[ \t]*/i;
/** Statuspage's "Posted 2 days ago. Mar 04, 2026 - 15:50 UTC": how long ago, before the stamp. */
const POSTED_AGO = /^posted[ \t]+(?:about[ \t]+)?(?:\d{1,3}|an?|one)[ \t]+[a-z]{3,7}[ \t]+ago\.?[ \t]*/i;
const LOCAL_CLOCK =
  /^(?:(?:gegen|um|ab|seit|bis|at|around|by|since|from|à|vers|dès|a las|às|desde)[ \t]+)?(?:ca\.[ \t]*)?\d{1,2}[.:h]\d{2}[ \t]*(?:uhr|h)\b/i;
/** A status-page update stamp (Hugo's cState theme): {{< track "2018-11-23 23:27:00" >}}. */
const TRACK_SHORTCODE = /\{\{<\s{0,4}track\s{1,4}"([^"\n]{1,40})"\s{0,4}>\}\}/g;

/** Whether a line opens with a clock time (a date alone does not make an entry). */
export function opensWithClockTime(line: string): boolean {
  const text = line.replace(LEADING_MARKS, '');
  if (LOCAL_CLOCK.test(text)) return true;
  const afterUpdate = text.replace(POSTED_AGO, '').replace(UPDATE_WORD, '');
  const parsed = parseTimestamp(afterUpdate, false);
  return parsed !== null && parsed.seconds !== null;
}

/** The update stamps of a status-page entry in a text, each with its clock time. */
export function updateStamps(text: string): Array<{ index: number; stamp: string }> {
  const found: Array<{ index: number; stamp: string }> = [];
  for (const match of text.matchAll(TRACK_SHORTCODE)) {
    const parsed = parseTimestamp(match[1]!, false);
    if (parsed && parsed.seconds !== null) found.push({ index: match.index, stamp: match[1]! });
  }
  return found;
}

/**
 * Whether a line of a paragraph that opens with a time only goes on with a sentence the
 * writer's editor wrapped: the line before breaks off mid-sentence and is no entry itself,
 * and the time is followed by punctuation or a lower-case word ("…marking messages as read
 * at" / "11:05 AM. This action restored…"; "…showing a drop just before" / "19:00 and
 * ending around 19:45."). Entries go on with a separator or a capital: "10:05 UTC: Rollback".
 */
export function continuesWrappedSentence(line: string, previous: string | undefined): boolean {
  if (previous === undefined || !MID_SENTENCE.test(previous) || !TIME_THEN_PROSE.test(line)) return false;
  return !opensWithClockTime(previous);
}
const MID_SENTENCE = /[\p{Ll},][ \t]*$/u;
const TIME_THEN_PROSE = /^[ \t]*\(?\d{1,2}[:.]\d{2}(?::\d{2})?(?:[ \t]*[AaPp]\.?[Mm]\.?)?(?:[ \t]+[A-Z]{2,5})?\)?(?:[.,;]|[ \t]+\p{Ll})/u;
