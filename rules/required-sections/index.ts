import { defineRule } from '../../src/engine/types.js';
import { SectionKindResolver, KIND_TITLES, kindName, type PostmortemDocument } from '../../src/model/index.js';

interface SectionSpec {
  kind?: string;
  name?: string;
  aliases?: string[];
  required?: boolean;
}

interface Options {
  sections: SectionSpec[];
  order: boolean;
  acceptBoldHeadings: boolean;
}

/** A place that can hold a section: a heading, or a bold line standing in for one. */
interface Candidate {
  title: string;
  kinds: string[];
  offset: number;
  line: number;
  node: { position?: { start: { offset?: number }; end: { offset?: number } } };
}

const DEFAULT_KINDS = ['summary', 'impact', 'timeline', 'root-cause', 'action-items'];

/** A configured section with the resolver of its own aliases (built once, in prepare). */
interface PreparedSpec {
  spec: SectionSpec;
  aliases: SectionKindResolver | null;
}

function prepareSpec(spec: SectionSpec): PreparedSpec {
  const aliases = [...(spec.aliases ?? []), ...(spec.kind ? [] : spec.name ? [spec.name] : [])];
  return { spec, aliases: aliases.length > 0 ? new SectionKindResolver({ wanted: aliases }, false) : null };
}

function matches(candidate: Candidate, { spec, aliases }: PreparedSpec): boolean {
  if (spec.kind && candidate.kinds.includes(spec.kind)) return true;
  return aliases?.resolve(candidate.title).includes('wanted') ?? false;
}

function displayName(spec: SectionSpec): string {
  return spec.name ?? (spec.kind ? kindName(spec.kind) : 'section');
}

function acceptedTitles(spec: SectionSpec): string {
  const titles = [...(spec.kind ? (KIND_TITLES[spec.kind] ?? []) : []), ...(spec.aliases ?? [])];
  if (titles.length === 0 && spec.name) titles.push(spec.name);
  return titles.map((title) => `"${title}"`).join(', ');
}

function candidates(document: PostmortemDocument, acceptBoldHeadings: boolean): { headings: Candidate[]; bold: Candidate[] } {
  const headings = document.sections.map((section) => ({
    title: section.title,
    kinds: section.kinds,
    offset: section.span.start.offset,
    line: section.span.start.line,
    node: section.heading,
  }));
  const bold = acceptBoldHeadings
    ? document.pseudoHeadings.map((pseudo) => ({
        title: pseudo.title,
        kinds: pseudo.kinds,
        offset: pseudo.span.start.offset,
        line: pseudo.span.start.line,
        node: pseudo.node,
      }))
    : [];
  return { headings, bold };
}

export default defineRule<Options, PreparedSpec[]>({
  id: 'required-sections',
  description: 'Requires the sections every postmortem needs (summary, impact, timeline, root cause, action items), under any of their usual titles.',
  severity: 'error',
  recommended: true,
  messages: {
    missing: 'Missing required section "{{name}}": add a heading such as {{titles}}.',
    order: 'Section "{{name}}" should come after "{{previous}}" (line {{previousLine}}), as the configured order lists it.',
  },
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      sections: {
        type: 'array',
        description:
          'The sections to look for, in order. Each names a built-in `kind` (summary, impact, timeline, root-cause, detection, response, resolution, action-items, lessons, went-well, went-wrong, hypotheses, …) or a `name` of your own, with extra `aliases` (heading titles) that also count; `required: false` keeps a section in the order check without requiring it.',
        default: DEFAULT_KINDS.map((kind) => ({ kind })),
        items: {
          type: 'object',
          additionalProperties: false,
          anyOf: [{ required: ['kind'] }, { required: ['name'] }],
          properties: {
            kind: { type: 'string', pattern: '^[a-z][a-z0-9-]*$', description: 'A section kind.' },
            name: { type: 'string', minLength: 1, description: 'The name used in messages (and a title that counts, without a kind).' },
            aliases: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Extra heading titles that count.' },
            required: { type: 'boolean', default: true, description: 'Whether a document must have it.' },
          },
        },
      },
      order: {
        type: 'boolean',
        default: false,
        description: 'Require the sections that are present to appear in the order `sections` lists them.',
      },
      acceptBoldHeadings: {
        type: 'boolean',
        default: true,
        description:
          'When no heading names a section, accept a paragraph of only bold text that does ("**Actions planned:**"), as many real postmortems write sub-sections that way.',
      },
    },
  },
  prepare: (options) => options.sections.map(prepareSpec),
  check(document, context) {
    const { order, acceptBoldHeadings } = context.options;
    const { headings, bold } = candidates(document, acceptBoldHeadings);
    const firstLine = { offsets: { start: 0, end: document.lines.lineEnd(1) } };
    const found: Array<{ spec: SectionSpec; at: Candidate }> = [];
    for (const prepared of context.prepared) {
      const { spec } = prepared;
      const at = headings.find((candidate) => matches(candidate, prepared)) ?? bold.find((candidate) => matches(candidate, prepared));
      if (at) found.push({ spec, at });
      else if (spec.required !== false) {
        context.report({ ...firstLine, messageId: 'missing', data: { name: displayName(spec), titles: acceptedTitles(spec) } });
      }
    }
    if (!order) return;
    let latest: { spec: SectionSpec; at: Candidate } | undefined;
    for (const entry of found) {
      if (latest && entry.at.offset < latest.at.offset) {
        context.report({
          node: entry.at.node,
          messageId: 'order',
          data: { name: displayName(entry.spec), previous: displayName(latest.spec), previousLine: latest.at.line },
        });
      } else latest = entry;
    }
  },
});
