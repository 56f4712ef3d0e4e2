import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FileConfig } from '../../config/resolve.js';
import { isRealDate } from '../../model/text/dates.js';
import { DEFAULT_TEMPLATE, fillTemplate, slugify } from '../../scaffold/template.js';
import { writeFileAtomic } from '../../util/atomic-write.js';

export interface NewOptions {
  title: string;
  /** YYYY-MM-DD; today (local time) when absent. */
  date?: string;
  /** Overrides the configured directory. */
  directory?: string;
  cwd: string;
}

function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * `pm-lint new "Title"`: creates <directory>/<date>-<slug>.md from the configured
 * template (`scaffold.template`, else the team's `template:`, else the built-in one), with
 * the title and date filled in.
 */
export function newCommand(options: NewOptions, config: FileConfig): { written: string } | { error: string } {
  const title = options.title.trim();
  if (!title) return { error: 'give the postmortem a title: pm-lint new "Ingress controller overload"' };
  const date = options.date ?? today();
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!parts || !isRealDate({ year: Number(parts[1]), month: Number(parts[2]), day: Number(parts[3]) })) {
    return { error: `--date expects a real date as YYYY-MM-DD, got "${date}"` };
  }
  let template = DEFAULT_TEMPLATE;
  if (config.scaffold.template) {
    try {
      template = readFileSync(config.scaffold.template, 'utf8');
    } catch {
      return { error: `the configured template ${config.scaffold.template} cannot be read` };
    }
  } else if (config.template) {
    // The team's template (`template:`), as the standard was read from it (mis-encoded text repaired).
    template = config.template.text;
  }
  const directory = options.directory ? resolve(options.cwd, options.directory) : (config.scaffold.directory ?? resolve(options.cwd, 'docs/postmortems'));
  const path = join(directory, `${date}-${slugify(title)}.md`);
  if (existsSync(path)) return { error: `${path} already exists` };
  mkdirSync(directory, { recursive: true });
  writeFileAtomic(path, fillTemplate(template, { title, date }));
  return { written: path };
}
