import { relative, sep } from 'node:path';

/** A result's path relative to the working directory, with forward slashes. */
export function displayPath(filePath: string, cwd: string): string {
  if (filePath.startsWith('<')) return filePath;
  const path = relative(cwd, filePath) || filePath;
  return path.split(sep).join('/');
}
