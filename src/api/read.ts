import { readFileSync } from 'node:fs';

/** A file's bytes turned into text the model can use, or the reason it cannot be linted. */
export type DecodedFile =
  | { ok: true; text: string; bom: boolean; invalidUtf8: boolean; bytes: Uint8Array }
  | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Binary content is refused before any parse: a NUL byte, or more than a tenth of the
 * first 8 KiB in control characters, is not Markdown. Invalid UTF-8 in otherwise textual
 * content is decoded with U+FFFD and left for the text-encoding rule to report.
 */
export function decodeBytes(bytes: Uint8Array): DecodedFile {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const byte = sample[i]!;
    if (byte === 0) return { ok: false, reason: 'the file is binary (it contains NUL bytes), not Markdown text' };
    if (byte < 32 && byte !== 9 && byte !== 10 && byte !== 13 && byte !== 12) control++;
  }
  if (sample.length > 0 && control / sample.length > 0.1) {
    return { ok: false, reason: 'the file is binary (mostly control characters), not Markdown text' };
  }
  // Valid UTF-8, nearly every file, is decoded once; invalid UTF-8 again, with U+FFFD.
  let invalidUtf8 = false;
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    invalidUtf8 = true;
    text = utf8.decode(bytes);
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  if (bom) text = text.slice(1);
  return { ok: true, text, bom, invalidUtf8, bytes };
}

export function readTextFile(path: string): DecodedFile | { ok: false; reason: string; io: true } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return { ok: false, reason: describeIoError(error), io: true };
  }
  return decodeBytes(bytes);
}

export function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file (it may have been deleted while pm-lint ran)';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'ELOOP':
      return 'too many levels of symbolic links (a symlink loop)';
    default:
      return `cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})`;
  }
}
