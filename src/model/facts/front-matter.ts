import type { Root } from 'mdast';
import { yaml } from '../../util/lazy-yaml.js';
import type { LineIndex } from '../parse/positions.js';
import type { Field, FrontMatter } from './types.js';
import type { MetadataKeyResolver } from '../text/metadata-keys.js';

interface FrontMatterResult {
  frontMatter: FrontMatter | null;
  fields: Field[];
}

/** Reads YAML front matter into a mapping and fields with exact value positions. */
export function readFrontMatter(tree: Root, lines: LineIndex, keys: MetadataKeyResolver): FrontMatterResult {
  const node = tree.children[0];
  if (!node || (node.type !== 'yaml' && node.type !== ('toml' as string)) || !node.position) {
    return { frontMatter: null, fields: [] };
  }
  const span = lines.span(node.position.start.offset!, node.position.end.offset!);
  if (node.type !== 'yaml') {
    return { frontMatter: { format: 'toml', span, data: null, error: null }, fields: [] };
  }
  const contentStart = lines.lineStart(node.position.start.line + 1);
  const contentEnd = Math.max(contentStart, lines.lineStart(node.position.end.line));
  const raw = lines.text.slice(contentStart, contentEnd);
  const { isMap, isScalar, parseDocument, visit } = yaml();
  const document = parseDocument(raw, { prettyErrors: false, uniqueKeys: false });
  const firstError = document.errors[0];
  if (firstError) {
    const at = contentStart + (firstError.pos[0] ?? 0);
    const message = firstError.message.split(/:\n|\n/)[0]!.replace(/ at line \d+, column \d+$/, '').replace(/\.$/, '');
    return {
      frontMatter: { format: 'yaml', span, data: null, error: { kind: 'syntax', message, span: lines.span(at, Math.min(at + 1, contentEnd)) } },
      fields: [],
    };
  }
  // Aliases are resolved only now: one without its anchor, or too many of them (a
  // "billion laughs" document), throws; that is a syntax error of the front matter.
  let documentData: Record<string, unknown>;
  try {
    documentData = document.toJS() as Record<string, unknown>;
  } catch (error) {
    let at = contentStart;
    visit(document, {
      Alias(_key, alias) {
        if (alias.resolve(document) !== undefined || !alias.range) return undefined;
        at = contentStart + alias.range[0];
        return visit.BREAK;
      },
    });
    const message = (error instanceof Error ? error.message : String(error)).split(/\n|: /)[0]!.replace(/\.$/, '');
    return {
      frontMatter: { format: 'yaml', span, data: null, error: { kind: 'syntax', message, span: lines.span(at, Math.min(at + 1, contentEnd)) } },
      fields: [],
    };
  }
  const contents = document.contents;
  if (!isMap(contents)) {
    const error = raw.trim() ? { kind: 'not-mapping' as const, message: 'not a mapping of keys to values', span } : null;
    return { frontMatter: { format: 'yaml', span, data: null, error }, fields: [] };
  }
  const fields: Field[] = [];
  for (const pair of contents.items) {
    const key = pair.key;
    if (!isScalar(key) || !key.range) continue;
    const label = String(key.value);
    const value = pair.value as { range?: [number, number, number]; toJSON?: () => unknown } | null;
    const keySpan = lines.span(contentStart + key.range[0], contentStart + key.range[1]);
    const valueRange = value && value.range ? value.range : [key.range[1], key.range[1]];
    // Collections and aliases as JavaScript values (a duplicate key's last value).
    const data = value && isScalar(value) ? value.value : value ? (documentData[label] ?? null) : null;
    const valueStart = contentStart + valueRange[0]!;
    const valueEnd = contentStart + valueRange[1]!;
    fields.push({
      key: keys.resolve(label),
      label,
      value: scalarText(data),
      raw: lines.text.slice(valueStart, valueEnd),
      data,
      span: lines.span(valueStart, valueEnd),
      keySpan,
      source: 'front-matter',
      section: null,
    });
  }
  return { frontMatter: { format: 'yaml', span, data: documentData, error: null }, fields };
}

function scalarText(data: unknown): string {
  if (data === null || data === undefined) return '';
  if (Array.isArray(data)) return data.map(scalarText).join(', ');
  if (data instanceof Date) return data.toISOString().slice(0, 10);
  if (typeof data === 'object') return JSON.stringify(data);
  return String(data);
}
