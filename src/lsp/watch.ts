import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';

/**
 * The server's own watch on configuration files, for clients that cannot watch files for
 * it (no dynamic registration of workspace/didChangeWatchedFiles: Neovim on Linux without
 * a watcher backend, for one). Each directory a configuration may come from is watched
 * alone (not recursively): the directories of the open documents and their parents, and
 * those of files configurations name. A change to a watched name in one of them calls
 * `onChange`.
 */
export class ConfigWatcher {
  private readonly watchers = new Map<string, FSWatcher>();
  private readonly names = new Map<string, Set<string>>();

  constructor(
    private readonly configNames: readonly string[],
    private readonly onChange: (path: string) => void,
  ) {}

  /** Watches a document's directory and every directory above it for configuration files. */
  watchAncestors(filePath: string): void {
    for (let directory = dirname(filePath); ; directory = dirname(directory)) {
      this.watchNames(directory, this.configNames);
      if (dirname(directory) === directory) break;
    }
  }

  /** Watches one file (a template, a configuration another extends). */
  watchFile(filePath: string): void {
    this.watchNames(dirname(filePath), [basename(filePath)]);
  }

  close(): void {
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
    this.names.clear();
  }

  private watchNames(directory: string, names: readonly string[]): void {
    let watched = this.names.get(directory);
    if (!watched) {
      watched = new Set();
      this.names.set(directory, watched);
      try {
        const watcher = watch(directory, { persistent: false }, (_event, name) => {
          // Some platforms do not say which file changed: then any may have.
          if (name === null || this.names.get(directory)?.has(String(name))) this.onChange(`${directory}/${name ?? ''}`);
        });
        watcher.on('error', () => this.unwatch(directory));
        this.watchers.set(directory, watcher);
      } catch {
        // A directory that cannot be watched (gone, no permission, no watches left) is skipped.
      }
    }
    for (const name of names) watched.add(name);
  }

  private unwatch(directory: string): void {
    this.watchers.get(directory)?.close();
    this.watchers.delete(directory);
    this.names.delete(directory);
  }
}
