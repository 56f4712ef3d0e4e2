import type { Field } from './types.js';

/** Document-level metadata: the first field of each key wins, all are kept. */
export class Metadata {
  readonly fields: readonly Field[];
  private readonly byKey = new Map<string, Field[]>();

  constructor(fields: Field[]) {
    this.fields = fields;
    // Front matter first, then the order of the document.
    const ordered = [...fields].sort((a, b) => rank(a) - rank(b));
    for (const field of ordered) {
      const list = this.byKey.get(field.key);
      if (list) list.push(field);
      else this.byKey.set(field.key, [field]);
    }
  }

  get(key: string): Field | undefined {
    return this.byKey.get(key)?.[0];
  }

  all(key: string): Field[] {
    return this.byKey.get(key) ?? [];
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  keys(): string[] {
    return [...this.byKey.keys()];
  }

  /** One value per key, for validation against a JSON Schema: front matter keeps its YAML types. */
  toObject(): Record<string, unknown> {
    const object: Record<string, unknown> = {};
    for (const [key, fields] of this.byKey) object[key] = fields[0]!.data;
    return object;
  }
}

function rank(field: Field): number {
  return field.source === 'front-matter' ? -1 : field.span.start.offset;
}
