import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { decodeBytes, describeIoError } from '../api/read.js';
import { PostmortemDocument } from '../model/document.js';
import { buildTemplateStandard, type TemplateStandard } from '../model/facts/template.js';
import { repairMojibake } from '../model/text/mojibake.js';
import type { Settings } from './types.js';

/** A team's template, read once per run: its standard and what a user should know about how it was read. */
export interface LoadedTemplate {
  /** Absolute path. */
  path: string;
  /** SHA-1 of the file's bytes: part of every cache key of the files held to it. */
  hash: string;
  /** The text the standard was read from (mis-encoded characters repaired). */
  text: string;
  standard: TemplateStandard;
  /** Said once per run: the template was mis-encoded, or held bytes that are not UTF-8. */
  notes: string[];
}

export class TemplateReadError extends Error {}

/** Reads a template's bytes as the CLI reads a file, repairs mojibake, and says what it did. */
export function readTemplateText(path: string, shown: string): { text: string; bytes: Buffer; notes: string[] } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'file not found' : describeIoError(error);
    throw new TemplateReadError(`the template ${shown} cannot be read: ${reason}`);
  }
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) throw new TemplateReadError(`the template ${shown} cannot be used: ${decoded.reason}`);
  const notes: string[] = [];
  if (decoded.invalidUtf8) notes.push(`the template ${shown} is not valid UTF-8: its undecodable bytes were read as "\uFFFD".`);
  const repaired = repairMojibake(decoded.text);
  if (repaired.runs > 0) {
    const lost = repaired.lossy > 0 ? `, ${repaired.lossy} of them with bytes lost (shown as "\uFFFD")` : '';
    notes.push(
      `the template ${shown} is mis-encoded (UTF-8 read as ${repaired.encodings.join(' or ')}): pm-lint read it with ${repaired.runs} runs of characters repaired${lost}. Save it again as UTF-8 from the original to fix it.`,
    );
  }
  return { text: repaired.text, bytes, notes };
}

/** Reads a template and builds the standard documents are held to, with the settings that shape every model. */
export function loadTemplate(path: string, shown: string, settings: Settings): LoadedTemplate {
  const { text, bytes, notes } = readTemplateText(path, shown);
  const document = new PostmortemDocument(text, { path, sectionAliases: settings.sectionAliases, metadataAliases: settings.metadataAliases });
  return {
    path,
    hash: createHash('sha1').update(bytes).update(JSON.stringify(settings)).digest('hex'),
    text,
    standard: buildTemplateStandard(document, shown),
    notes,
  };
}
