/**
 * The server's settings: the CLI's options that make sense in an editor. They come from the
 * command line that starts the server (`pm-lint lsp --no-plugins`), then from the client:
 * `initializationOptions`, and the "pm-lint" section of its settings (pulled with
 * workspace/configuration, or pushed with workspace/didChangeConfiguration).
 */
export interface ServerSettings {
  /** Load the plugins configurations name. false on the command line or in any client setting wins: no plugin code runs. */
  plugins: boolean;
  /** Use this configuration file instead of searching for one (`--config`); relative to the workspace folder. */
  configFile?: string;
  /** Rule severities that win over every configuration (`--rule id:severity`). */
  rules?: Record<string, string>;
  /** Apply .pmlintignore and "ignores" (false: `--no-ignore`). Ignored documents get no diagnostics. */
  ignore: boolean;
  /** Report pm-lint-disable comments that suppress nothing. */
  reportUnusedDisableDirectives: boolean;
  /** Milliseconds to wait after the last change before linting. */
  debounce: number;
}

export const DEFAULT_SETTINGS: ServerSettings = { plugins: true, ignore: true, reportUnusedDisableDirectives: false, debounce: 100 };

const SEVERITY = /^(off|warn|error|0|1|2)$/;

/**
 * Settings from a client value: known keys of the right type are taken, anything else is
 * named in `problems` (for the server's log) and ignored.
 */
export function readSettings(value: unknown, base: ServerSettings): { settings: ServerSettings; problems: string[] } {
  const settings = { ...base };
  const problems: string[] = [];
  if (value === undefined || value === null) return { settings, problems };
  if (typeof value !== 'object' || Array.isArray(value)) return { settings, problems: ['the settings are not an object'] };
  const input = value as Record<string, unknown>;
  for (const [key, entry] of Object.entries(input)) {
    if (entry === undefined || entry === null) continue;
    switch (key) {
      case 'plugins':
      case 'ignore':
      case 'reportUnusedDisableDirectives':
        if (typeof entry === 'boolean') settings[key] = key === 'plugins' ? base.plugins && entry : entry;
        else problems.push(`"${key}" must be true or false`);
        break;
      case 'configFile':
        if (typeof entry === 'string') settings.configFile = entry.trim() === '' ? undefined : entry;
        else problems.push('"configFile" must be a path');
        break;
      case 'debounce':
        if (typeof entry === 'number' && entry >= 0 && entry <= 10_000) settings.debounce = entry;
        else problems.push('"debounce" must be a number of milliseconds from 0 to 10000');
        break;
      case 'rules':
        if (typeof entry === 'object' && !Array.isArray(entry) && Object.values(entry as object).every((severity) => SEVERITY.test(String(severity)))) {
          settings.rules = Object.fromEntries(Object.entries(entry as object).map(([id, severity]) => [id, String(severity)]));
        } else {
          problems.push('"rules" must map rule ids to off, warn or error');
        }
        break;
      default:
        problems.push(`unknown setting "${key}"`);
    }
  }
  return { settings, problems };
}
