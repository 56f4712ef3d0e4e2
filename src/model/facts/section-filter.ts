import { SectionKindResolver } from '../text/section-kinds.js';
import type { Section } from './types.js';

/**
 * Sections that options name, by heading title ("Appendix", compared like section
 * aliases: numbering, case and emoji aside) or by kind ("lessons"). The one way rules
 * leave sections out, built once in a rule's `prepare`.
 */
export class SectionFilter {
  private readonly kinds: ReadonlySet<string>;
  private readonly titles: SectionKindResolver | null;
  private readonly covered = new WeakMap<Section, boolean>();

  constructor(entries: readonly string[]) {
    this.kinds = new Set(entries);
    this.titles = entries.length > 0 ? new SectionKindResolver({ named: entries }, false) : null;
  }

  get isEmpty(): boolean {
    return this.titles === null;
  }

  /** Whether the section itself is named, by its title or one of its kinds. */
  names(section: Section): boolean {
    if (this.titles === null) return false;
    return section.kinds.some((kind) => this.kinds.has(kind)) || this.titles.resolve(section.title).length > 0;
  }

  /** Whether the section or one of the sections holding it is named (false outside any section). */
  covers(section: Section | null): boolean {
    if (!section || this.titles === null) return false;
    let result = this.covered.get(section);
    if (result === undefined) {
      result = this.names(section) || this.covers(section.parent);
      this.covered.set(section, result);
    }
    return result;
  }
}

/** Whether the section or one of the sections holding it has a kind ("### Follow-up (March 10)" under "## Timeline"). */
export function withinAncestorKind(section: Section | null, kind: string): boolean {
  for (let current = section; current; current = current.parent) if (current.kinds.includes(kind)) return true;
  return false;
}
