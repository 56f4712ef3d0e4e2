/**
 * Quoted chat transcripts and logs: a block quote whose every line opens with a time
 * ("[10:02] dara: …", "10:02:17 ERROR …"), a nick ("<dara> …", "@dara: …"), or a speaker's
 * label ("**Dara:** …", "Luis: …") with at least two speakers. Their words are what people
 * typed or systems printed at the time, not the author's: no rule reads them as prose.
 * A single quoted "Note: …" line is not a transcript (one speaker is a callout).
 */

/** "[10:02]", "10:02", "10:02:17", "2025-03-01T10:02:17Z", "[10:02 AM]" then a space. */
const TIMED_LINE =
  /^\[?\s{0,2}(?:\d{4}-\d{2}-\d{2}[T ])?\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?(?:\s?[AaPp][Mm])?\s{0,2}\]?\s/;
/** "<dara> …", "@dara: …". */
const NICK_LINE = /^(?:<[\w.@-]{1,30}>|@[\w.-]{1,30}:)\s/;
/** "Dara: …", "**Dara:** …", "Luis Gomez: …": a label of at most three words. */
const SPEAKER_LINE = /^(?:\*\*|__)?(\p{L}[\p{L}.'’-]{0,20}(?: [\p{L}.'’-]{1,20}){0,2})(?:\*\*|__)?\s{0,2}:(?:\*\*|__)?\s/u;

/** Whether the lines of a block quote (its `>` markers removed) are a chat transcript or a log. */
export function isTranscript(lines: readonly string[]): boolean {
  const written = lines.map((line) => line.trim()).filter((line) => line !== '').map((line) => `${line} `);
  if (written.length === 0) return false;
  if (written.every((line) => TIMED_LINE.test(line) || NICK_LINE.test(line))) return true;
  const speakers = new Set<string>();
  for (const line of written) {
    const match = SPEAKER_LINE.exec(line);
    if (!match) return false;
    speakers.add(match[1]!.toLowerCase());
  }
  return speakers.size >= 2;
}
