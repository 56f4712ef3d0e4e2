import { inspect } from 'node:util';
import type { Connection } from 'vscode-languageserver/node';

/**
 * Sends what code running in the server writes with `console` (a plugin's debugging
 * output, a library's warning) to the client's log: standard output carries the protocol,
 * and one stray line there would break it.
 */
export function redirectConsole(connection: Connection): void {
  const text = (values: unknown[]) => values.map((value) => (typeof value === 'string' ? value : inspect(value))).join(' ');
  console.log = (...values: unknown[]) => connection.console.log(text(values));
  console.info = (...values: unknown[]) => connection.console.info(text(values));
  console.debug = (...values: unknown[]) => connection.console.log(text(values));
  console.warn = (...values: unknown[]) => connection.console.warn(text(values));
  console.error = (...values: unknown[]) => connection.console.error(text(values));
}
