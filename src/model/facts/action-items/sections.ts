import type { Section } from '../types.js';

/** The nearest section (itself or an ancestor) whose title names a kind. */
export function kindSectionOf(section: Section | null): Section | null {
  let current = section;
  while (current && current.kinds.length === 0) current = current.parent;
  return current;
}

/** Whether the nearest section that names a kind has one of the kinds. */
export function withinKinds(section: Section | null, kinds: readonly string[]): boolean {
  const kindSection = kindSectionOf(section);
  return kindSection !== null && kindSection.kinds.some((kind) => kinds.includes(kind));
}
