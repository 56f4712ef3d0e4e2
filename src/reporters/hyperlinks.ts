/**
 * Whether a terminal shows OSC 8 hyperlinks (`ESC ] 8 ; ; URL BEL text ESC ] 8 ; ; BEL`),
 * by the environment it sets, as the supports-hyperlinks package decides: terminals that
 * do not know the sequence may print it. FORCE_HYPERLINK=1 or 0 decides for any terminal.
 */
export function supportsHyperlinks(env: Record<string, string | undefined>, isTTY: boolean): boolean {
  const forced = env.FORCE_HYPERLINK;
  if (forced !== undefined) return !(forced === '0' || forced === 'false' || forced === '');
  if (!isTTY || env.CI || env.TEAMCITY_VERSION || env.TERM === 'dumb') return false;
  if (env.WT_SESSION || env.DOMTERM || env.KONSOLE_VERSION) return true;
  if (env.VTE_VERSION && Number(env.VTE_VERSION) >= 5000) return true;
  const version = versionOf(env.TERM_PROGRAM_VERSION);
  switch (env.TERM_PROGRAM) {
    case 'iTerm.app':
      return version[0] > 3 || (version[0] === 3 && version[1] >= 1);
    case 'vscode':
      return version[0] > 1 || (version[0] === 1 && version[1] >= 72);
    case 'WezTerm':
    case 'ghostty':
      return true;
  }
  return env.TERM === 'xterm-kitty' || env.TERM === 'xterm-ghostty' || env.TERM === 'alacritty';
}

function versionOf(text: string | undefined): [number, number] {
  const match = /^(\d{1,6})\.(\d{1,6})/.exec(text ?? '');
  return match ? [Number(match[1]), Number(match[2])] : [0, 0];
}

/** Text that links to a URL in a terminal that shows OSC 8 hyperlinks. */
export function hyperlink(text: string, url: string): string {
  return `\u001B]8;;${url}\u0007${text}\u001B]8;;\u0007`;
}
