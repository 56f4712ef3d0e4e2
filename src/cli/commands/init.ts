import { existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { CONFIG_FILE_NAMES } from '../../config/load.js';
import { readTemplateText, TemplateReadError } from '../../config/template.js';
import { PostmortemDocument } from '../../model/document.js';
import { buildTemplateStandard } from '../../model/facts/template.js';
import { STARTER_CONFIG } from '../../scaffold/starter-config.js';
import { templateConfig, templateSummary } from '../../scaffold/template-config.js';
import { writeFileAtomic } from '../../util/atomic-write.js';
import type { Rule } from '../../engine/types.js';

export interface InitOptions {
  force: boolean;
  /** A team's template to make the standard (`init --template`). */
  template?: string;
  /** Write the template's sections as rule options instead of `template:`. */
  inline?: boolean;
  /** The rules, for no-placeholders' default instruction phrases (`--inline`). */
  rules?: ReadonlyArray<Rule<any>>;
}

export type InitOutcome = { written: string; summary: string[]; notes: string[]; templatePath?: string } | { error: string };

/** `pm-lint init`: writes a commented .pmlintrc.yaml; never over an existing configuration. */
export function initCommand(cwd: string, options: InitOptions): InitOutcome {
  const existing = CONFIG_FILE_NAMES.filter((name) => name !== 'package.json').find((name) => existsSync(join(cwd, name)));
  if (existing && !options.force) return { error: `${existing} already exists here; use --force to replace it with .pmlintrc.yaml` };
  const path = join(cwd, '.pmlintrc.yaml');
  if (options.template === undefined) {
    if (options.inline) return { error: '--inline needs --template PATH' };
    writeFileAtomic(path, STARTER_CONFIG);
    return { written: path, summary: [], notes: [] };
  }
  const templateFile = resolve(cwd, options.template);
  const templatePath = relative(cwd, templateFile).split(sep).join('/');
  let read: ReturnType<typeof readTemplateText>;
  try {
    read = readTemplateText(templateFile, templatePath);
  } catch (error) {
    if (error instanceof TemplateReadError) return { error: error.message };
    throw error;
  }
  const standard = buildTemplateStandard(new PostmortemDocument(read.text, { path: templateFile }), templatePath);
  if (standard.parts.length === 0) {
    return {
      error: `found no sections in the template ${templatePath}: title its parts with headings ("## Impact"), bold headings ("**Impact**") or labels ("**Impact:** […]")`,
    };
  }
  const defaultInstructions = instructionPhrases(options.rules ?? []);
  writeFileAtomic(path, templateConfig(standard, { templatePath, inline: options.inline ?? false, notes: read.notes, defaultInstructions }));
  return { written: path, summary: templateSummary(standard, templatePath), notes: read.notes, templatePath };
}

function instructionPhrases(rules: ReadonlyArray<Rule<any>>): string[] {
  const rule = rules.find((candidate) => candidate.id === 'no-placeholders');
  const property = (rule?.schema.properties as Record<string, { default?: unknown }> | undefined)?.instructions;
  return Array.isArray(property?.default) ? (property.default as string[]) : [];
}
