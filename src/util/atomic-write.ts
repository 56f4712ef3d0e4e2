import { closeSync, fchmodSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file so that readers see the old content or the new, never a part: a
 * temporary file in the same directory (same file system), flushed, then renamed over
 * the target. The target's mode is kept when it exists.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array, mode?: number): void {
  let keptMode = mode;
  if (keptMode === undefined) {
    try {
      keptMode = statSync(path).mode & 0o7777;
    } catch {
      keptMode = undefined;
    }
  }
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temporary, 'wx', keptMode ?? 0o666);
    // The umask applies to openSync's mode; set the original mode exactly.
    if (keptMode !== undefined) fchmodSync(fd, keptMode);
    writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, path);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temporary);
    } catch {
      // Nothing was created, or it is gone already.
    }
    throw error;
  }
}
