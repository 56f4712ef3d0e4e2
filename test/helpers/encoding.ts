/** Windows-1252 bytes 0x80–0x9F; the five undefined ones stay C1 controls, as browsers decode them. */
const HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** UTF-8 read as Windows-1252 (Node's TextDecoder treats windows-1252 as Latin-1, so by hand). */
export function asWindows1252(text: string): string {
  return Array.from(new TextEncoder().encode(text), (byte) =>
    byte >= 0x80 && byte <= 0x9f ? HIGH[byte - 0x80]! : String.fromCharCode(byte),
  ).join('');
}

/** UTF-8 read as Windows-1252 by a converter that drops the five undefined bytes. */
export function asWindows1252Dropping(text: string): string {
  return asWindows1252(text).replace(/[\u0081\u008d\u008f\u0090\u009d]/g, '');
}

/** UTF-8 read as Latin-1: every byte its own character. */
export function asLatin1(text: string): string {
  return Array.from(new TextEncoder().encode(text), (byte) => String.fromCharCode(byte)).join('');
}
