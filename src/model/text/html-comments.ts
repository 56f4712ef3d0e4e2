/** An HTML node that is only a comment (`<!-- … -->`): a note or a pm-lint directive, never content. */
export function isHtmlComment(html: string): boolean {
  return /^\s*<!--[^]*-->\s*$/.test(html);
}
