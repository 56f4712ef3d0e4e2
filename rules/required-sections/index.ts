import { defineRule } from '../../src/engine/types.js';
import {
  SectionKindResolver, KIND_TITLES, kindName, type Coverage, type ImplicitForm, type Statement, type TitledPlace, type TitleForm,
} from '../../src/model/index.js';

interface SectionSpec {
  kind?: string;
  name?: string;
  aliases?: string[];
  required?: boolean;
}

interface Accept {
  boldHeadings: boolean;
  labels: boolean;
  plainHeadings: boolean;
  leadParagraph: boolean;
  timestampedEntries: boolean;
  announcedLists: boolean;
  prose: boolean;
}

interface Options {
  sections: SectionSpec[];
  order: boolean;
  acceptBoldHeadings: boolean;
  accept: Accept;
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

function matches(place: TitledPlace, { spec, aliases }: PreparedSpec): boolean {
  if (spec.kind && place.kinds.includes(spec.kind)) return true;
  return aliases?.resolve(place.title).includes('wanted') ?? false;
}

function displayName(spec: SectionSpec): string {
  return spec.name ?? (spec.kind ? kindName(spec.kind) : 'section');
}

function acceptedTitles(spec: SectionSpec): string {
  const titles = [...(spec.kind ? (KIND_TITLES[spec.kind] ?? []) : []), ...(spec.aliases ?? [])];
  if (titles.length === 0 && spec.name) titles.push(spec.name);
  return titles.map((title) => `"${title}"`).join(', ');
}

const FORM_OPTION: Record<TitleForm, keyof Accept | null> = {
  heading: null,
  'bold-heading': 'boldHeadings',
  label: 'labels',
  'plain-heading': 'plainHeadings',
};
const IMPLICIT_OPTION: Record<ImplicitForm, keyof Accept> = {
  'lead-paragraph': 'leadParagraph',
  'timestamped-entries': 'timestampedEntries',
  'announced-list': 'announcedLists',
};

/** What a narrative states in prose: its cause and its impact. */
const STATED_IN_PROSE: Record<string, 'cause' | 'impact'> = { 'root-cause': 'cause', impact: 'impact' };

/**
 * Whether a document without a title for a kind still covers it: implicitly (a lead
 * paragraph, timestamped entries, an announced list), or in prose, where a narrative
 * (a status update, a blog post) states its cause and impact and a sectioned postmortem
 * may state them in a sentence. A cause said to be unknown is not covered.
 */
function coveredWithoutTitle(coverage: Coverage, kind: string, accept: Accept): { covered: boolean; unknown?: Statement } {
  if (coverage.implicit.some((cover) => cover.kind === kind && accept[IMPLICIT_OPTION[cover.form]])) return { covered: true };
  const stated = STATED_IN_PROSE[kind];
  if (!accept.prose || !stated) return { covered: false };
  const unknown = stated === 'cause' ? coverage.statements.find((statement) => statement.kind === 'cause-unknown') : undefined;
  if (unknown) return { covered: false, unknown };
  if (coverage.genre === 'narrative') return { covered: true };
  return { covered: coverage.statements.some((statement) => statement.kind === stated) };
}

function shown(text: string): string {
  return text.length <= 100 ? text : `${text.slice(0, 99)}…`;
}

export default defineRule<Options, PreparedSpec[]>({
  id: 'required-sections',
  description: 'Requires the sections every postmortem needs (summary, impact, timeline, root cause, action items), under any of their usual titles.',
  severity: 'error',
  recommended: true,
  messages: {
    missing: 'Missing required section "{{name}}": add a heading such as {{titles}}.',
    missingUnknownCause:
      'Missing required section "{{name}}": add a heading such as {{titles}} once the cause is known (line {{line}} says "{{statement}}").',
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
        description: 'Accept a paragraph of only bold text as a title ("**Actions planned:**"); the same as `accept.boldHeadings` (both must be true).',
      },
      accept: {
        type: 'object',
        additionalProperties: false,
        default: {},
        description:
          'Forms, other than a heading, that cover a section: `boldHeadings` ("**Impact:**"), `labels` ("- **Impact**: 20% of checkouts failed"), `plainHeadings` (a short line standing alone, a heading that lost its `#`), `leadParagraph` (the summary: the first paragraph of a document without one), `timestampedEntries` (the timeline: two or more lines or headings that open with a time), `announcedLists` (the action items: a list after "Going forward, we will make these changes:") and `prose` (the cause and the impact stated in a sentence; in a document written as a narrative, as status updates and blog posts are, they are not required under a title).',
        properties: {
          boldHeadings: { type: 'boolean', default: true, description: 'A paragraph of only bold or italic text.' },
          labels: { type: 'boolean', default: true, description: 'A label with or without its text on the same line.' },
          plainHeadings: { type: 'boolean', default: true, description: 'A short plain line standing alone as a title.' },
          leadParagraph: { type: 'boolean', default: true, description: 'The summary as the first paragraph.' },
          timestampedEntries: { type: 'boolean', default: true, description: 'The timeline as lines or headings that open with a time.' },
          announcedLists: { type: 'boolean', default: true, description: 'The action items as a list announced as what will change.' },
          prose: { type: 'boolean', default: true, description: 'The cause and the impact stated in prose.' },
        },
      },
    },
  },
  prepare: (options) => options.sections.map(prepareSpec),
  check(document, context) {
    const { order, acceptBoldHeadings, accept } = context.options;
    const coverage = document.coverage;
    const places = coverage.titled.filter((place) => {
      const option = FORM_OPTION[place.form];
      return option === null || (accept[option] && (place.form !== 'bold-heading' || acceptBoldHeadings));
    });
    const firstLine = { offsets: { start: 0, end: document.lines.lineEnd(1) } };
    const found: Array<{ spec: SectionSpec; at: TitledPlace }> = [];
    for (const prepared of context.prepared) {
      const { spec } = prepared;
      // A heading first, so that the order check reads headings where there are some.
      const at = places.find((place) => place.form === 'heading' && matches(place, prepared)) ?? places.find((place) => matches(place, prepared));
      if (at) {
        found.push({ spec, at });
        continue;
      }
      if (spec.required === false) continue;
      const data = { name: displayName(spec), titles: acceptedTitles(spec) };
      const implied = spec.kind ? coveredWithoutTitle(coverage, spec.kind, accept) : { covered: false };
      if (implied.covered) continue;
      if (implied.unknown) {
        const { unknown } = implied;
        context.report({ ...firstLine, messageId: 'missingUnknownCause', data: { ...data, line: unknown.span.start.line, statement: shown(unknown.text) } });
      } else context.report({ ...firstLine, messageId: 'missing', data });
    }
    if (!order) return;
    let latest: { spec: SectionSpec; at: TitledPlace } | undefined;
    for (const entry of found) {
      if (latest && entry.at.span.start.offset < latest.at.span.start.offset) {
        context.report({
          span: entry.at.span,
          messageId: 'order',
          data: { name: displayName(entry.spec), previous: displayName(latest.spec), previousLine: latest.at.span.start.line },
        });
      } else latest = entry;
    }
  },
});
