/**
 * Mojibake: UTF-8 bytes decoded as Windows-1252 (or Latin-1) and saved again, so that
 * "’" became "â€™", "é" became "Ã©" and "사" became "ì‚¬". Such text is found by mapping
 * runs of characters from the Windows-1252 repertoire back to the bytes they stand for
 * and decoding those bytes as strict UTF-8: a valid multi-byte sequence that decodes to
 * a plausible character is mojibake. Real accented text ("café", "naïve", "Ångström")
 * never forms such sequences, and Korean, CJK or emoji are outside the repertoire.
 */

/** The Windows-1252 characters of bytes 0x80–0x9F (0x81, 0x8D, 0x8F, 0x90, 0x9D are undefined). */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** The byte each character of the repertoire stands for; C1 controls are Latin-1's reading of those bytes. */
const BYTE_OF = new Map<string, number>();
for (let byte = 0x80; byte <= 0xff; byte++) BYTE_OF.set(String.fromCharCode(byte), byte);
for (let i = 0; i < WINDOWS_1252_HIGH.length; i++) BYTE_OF.set(WINDOWS_1252_HIGH[i]!, 0x80 + i);
// Windows-1254 (Turkish) differs in six letters; only "ğ" (0xF0, the lead byte of every emoji) is
// taken, as emoji read that way ("ğŸ”„") are common and four-byte sequences never occur in real text.
BYTE_OF.set('ğ', 0xf0);

/** The Windows-1252 characters of bytes 0x80–0x9F that differ from Latin-1, as a character class. */
const SPECIALS = '\\u0152\\u0153\\u0160\\u0161\\u0178\\u017d\\u017e\\u0192\\u02c6\\u02dc\\u2013\\u2014\\u2018-\\u201a\\u201c-\\u201e\\u2020-\\u2022\\u2026\\u2030\\u2039\\u203a\\u20ac\\u2122';
const REPERTOIRE = `\\u0080-\\u00ff${SPECIALS}\\u011f`;
/** Characters that stand for continuation bytes 0x80–0xBF. */
const CONTINUATION = `\\u0080-\\u00bf${SPECIALS}`;
/**
 * Runs of repertoire characters. A space between a lead byte and a continuation byte is
 * taken in too: converters often turn the no-break space (byte 0xA0) into a plain one
 * ("ë ˆ" for "레"). Each step consumes one character: linear on any input.
 */
const CANDIDATE_RUN = new RegExp(`(?:[${REPERTOIRE}]|(?<=[\\u00c2-\\u00f4\\u011f]) (?=[${CONTINUATION}]))+`, 'g');
/** Characters that never come out of a sensible repair: controls, unassigned, private use, surrogates. */
const IMPLAUSIBLE = /[\p{Cc}\p{Cn}\p{Co}\p{Cs}]/u;

export type MojibakeEncoding = 'Windows-1252' | 'Windows-1254' | 'Latin-1';

export interface MojibakeRun {
  /** Offsets of the run in the searched text. */
  start: number;
  end: number;
  /** The run as written. */
  text: string;
  /** The text it stood for; where bytes were lost, "\uFFFD" marks each lost character. */
  repaired: string;
  /** Whether bytes were lost (undefined Windows-1252 bytes, soft hyphens dropped…), so the repair is a guess. */
  lossy: boolean;
  /** How the UTF-8 bytes were misread: Latin-1 when C1 controls remain, Windows-1254 for "ğ", otherwise Windows-1252. */
  encoding: MojibakeEncoding;
}

type Piece =
  /** A complete UTF-8 sequence and the character it decodes to. */
  | { kind: 'decoded'; start: number; end: number; char: string; bytes: number }
  /**
   * A lead byte whose continuation bytes are missing or wrong (lost in the conversion).
   * Telling when it cannot be real text: three bytes of a four-byte sequence, or "â€" and
   * "ðŸ" (a General Punctuation character or an emoji that lost its last bytes).
   */
  | { kind: 'broken'; start: number; end: number; telling: boolean }
  /** A character that is part of no sequence (a real "é", a curly quote). */
  | { kind: 'stray'; start: number; end: number };

interface Candidate {
  pieces: Piece[];
  /** Offsets of the first and last piece that belongs to the mojibake (decoded or broken). */
  from: number;
  to: number;
  strong: boolean;
}

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** The allowed range of the second byte of a sequence (strict UTF-8: no overlongs, no surrogates, ≤ U+10FFFF). */
function secondByteOk(lead: number, byte: number): boolean {
  if (lead === 0xe0) return byte >= 0xa0 && byte <= 0xbf;
  if (lead === 0xed) return byte >= 0x80 && byte <= 0x9f;
  if (lead === 0xf0) return byte >= 0x90 && byte <= 0xbf;
  if (lead === 0xf4) return byte >= 0x80 && byte <= 0x8f;
  return byte >= 0x80 && byte <= 0xbf;
}

const SPACE = 0x20;
const NO_BREAK_SPACE = 0xa0;
const isContinuation = (byte: number | undefined) => byte !== undefined && byte >= 0x80 && byte <= 0xbf;

/** Splits a run of repertoire characters into UTF-8 sequences, broken sequences and stray characters. */
function decodePieces(text: string, start: number, end: number): Piece[] {
  const bytes: number[] = [];
  for (let i = start; i < end; i++) bytes.push(BYTE_OF.get(text[i]!) ?? SPACE);
  const pieces: Piece[] = [];
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    const length = sequenceLength(lead);
    if (length === 0) {
      pieces.push({ kind: 'stray', start: start + i, end: start + i + 1 });
      i++;
      continue;
    }
    // k: how many bytes of the sequence are present and well-formed; a space may stand for a no-break space.
    let k = 1;
    for (; k < length && i + k < bytes.length; k++) {
      let byte = bytes[i + k]!;
      if (byte === SPACE) byte = NO_BREAK_SPACE;
      if (!(k === 1 ? secondByteOk(lead, byte) : isContinuation(byte))) break;
    }
    if (k === length) {
      let codePoint = lead & (0xff >> (length + 1));
      for (let j = 1; j < length; j++) codePoint = (codePoint << 6) | ((bytes[i + j] === SPACE ? NO_BREAK_SPACE : bytes[i + j]!) & 0x3f);
      pieces.push({ kind: 'decoded', start: start + i, end: start + i + length, char: String.fromCodePoint(codePoint), bytes: length });
    } else {
      // The continuation bytes that survived (up to the sequence's length) belong to the broken sequence.
      k = 1;
      while (k < length - 1 && isContinuation(bytes[i + k])) k++;
      const second = bytes[i + 1]!;
      const telling = k >= 3 || (k === 2 && ((lead === 0xe2 && second === 0x80) || (lead === 0xf0 && second === 0x9f)));
      pieces.push({ kind: 'broken', start: start + i, end: start + i + k, telling });
    }
    i += k;
  }
  return pieces;
}

/**
 * Whether a run of repertoire characters is clearly mojibake: its decoded characters are
 * believable text, and there is more than one of them, or one that took three or four
 * bytes, or one from Latin-1 ("Ã©", "Â°"). A lone pair decoding elsewhere ("Ä…" → "ą",
 * "Ñ—" → "ї") is as likely to be a real capital letter followed by punctuation.
 */
function strongEvidence(pieces: Piece[]): boolean {
  let decoded = 0;
  let long = false;
  let latin1 = false;
  for (const piece of pieces) {
    if (piece.kind === 'broken' && piece.telling) long = true;
    if (piece.kind !== 'decoded') continue;
    if (IMPLAUSIBLE.test(piece.char) || (piece.char >= '\ufdd0' && piece.char <= '\ufdef')) return false;
    decoded++;
    if (piece.bytes > 2) long = true;
    else if (piece.char <= '\u00ff') latin1 = true;
  }
  return long || decoded > 1 || latin1;
}

/** A run of repertoire characters, trimmed to the part that can be mojibake; null when none can. */
function analyse(text: string, start: number, end: number): Candidate | null {
  const pieces = decodePieces(text, start, end);
  const first = pieces.findIndex((piece) => piece.kind !== 'stray');
  if (first === -1) return null;
  let last = pieces.length - 1;
  while (pieces[last]!.kind === 'stray') last--;
  const inner = pieces.slice(first, last + 1);
  return { pieces: inner, from: inner[0]!.start, to: inner.at(-1)!.end, strong: strongEvidence(inner) };
}

function describe(text: string, group: Candidate[], repeat: boolean): MojibakeRun {
  const start = group[0]!.from;
  const end = group.at(-1)!.to;
  let repaired = '';
  let lossy = false;
  let cursor = start;
  for (const candidate of group) {
    for (const piece of candidate.pieces) {
      repaired += text.slice(cursor, piece.start);
      if (piece.kind === 'decoded') repaired += piece.char;
      else {
        // A broken sequence lost bytes; a stray character inside a run is a sequence that lost its lead.
        repaired += piece.kind === 'broken' ? '\ufffd' : text.slice(piece.start, piece.end);
        lossy = true;
      }
      cursor = piece.end;
    }
  }
  const written = text.slice(start, end);
  if (!lossy && repeat) repaired = repairAgain(repaired);
  return { start, end, text: written, repaired, lossy, encoding: encodingOf(written) };
}

function encodingOf(written: string): MojibakeEncoding {
  if (written.includes('ğ')) return 'Windows-1254';
  return /[\u0080-\u009f]/.test(written) && !/[^\u0000-\u00ff]/.test(written) ? 'Latin-1' : 'Windows-1252';
}

/** Text converted twice ("Ãƒ©") repairs to mojibake again: repair it until it is clean (at most twice more). */
function repairAgain(repaired: string): string {
  let current = repaired;
  for (let round = 0; round < 2; round++) {
    const runs = scan(current, 0, current.length, false);
    if (runs.length === 0 || runs.some((run) => run.lossy)) return current;
    current = withRepairs(current, runs);
  }
  return current;
}

/** The text with each run replaced by its repair (runs in order, apart). */
function withRepairs(text: string, runs: readonly MojibakeRun[]): string {
  let repaired = '';
  let cursor = 0;
  for (const run of runs) {
    repaired += text.slice(cursor, run.start) + run.repaired;
    cursor = run.end;
  }
  return repaired + text.slice(cursor);
}

/** Mojibake runs repaired in a text: UTF-8 that was read as Windows-1252 or Latin-1 and saved again. */
export function repairMojibake(text: string): { text: string; runs: number; lossy: number; encodings: string[] } {
  const runs = findMojibake(text);
  return {
    text: withRepairs(text, runs),
    runs: runs.length,
    lossy: runs.filter((run) => run.lossy).length,
    encodings: [...new Set(runs.map((run) => run.encoding))],
  };
}

function scan(text: string, from: number, to: number, repeat: boolean): MojibakeRun[] {
  const runs: MojibakeRun[] = [];
  let group: Candidate[] = [];
  const flush = () => {
    // Runs without a decoded sequence count only between or beside ones that have one.
    while (group.length > 0 && !group[0]!.strong) group.shift();
    while (group.length > 0 && !group.at(-1)!.strong) group.pop();
    if (group.length > 0) runs.push(describe(text, group, repeat));
    group = [];
  };
  // A regex of its own: repairing text converted twice scans again while this scan runs.
  const candidates = new RegExp(CANDIDATE_RUN.source, 'g');
  candidates.lastIndex = from;
  for (let match = candidates.exec(text); match && match.index < to; match = candidates.exec(text)) {
    const candidate = analyse(text, match.index, Math.min(to, match.index + match[0].length));
    if (!candidate) continue;
    const previous = group.at(-1);
    if (previous && !onlySpaces(text, previous.to, candidate.from)) flush();
    group.push(candidate);
  }
  flush();
  return runs;
}

/**
 * Every run of mojibake in `text[from, to)`, in order. Runs separated only by spaces or
 * tabs are merged, so a line of mojibake gives one run rather than one per word.
 */
export function findMojibake(text: string, from = 0, to = text.length): MojibakeRun[] {
  return scan(text, from, to, true);
}

function onlySpaces(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code !== 32 && code !== 9) return false;
  }
  return true;
}
