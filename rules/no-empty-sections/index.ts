import { defineRule } from '../../src/engine/types.js';
import { excerpt, SectionFilter } from '../../src/model/index.js';

interface Options {
  allowSubsectionsOnly: boolean;
  ignore: string[];
}

export default defineRule<Options, SectionFilter>({
  id: 'no-empty-sections',
  description: 'Reports sections whose heading is followed by nothing, or only by a template\'s prompts, before the next heading.',
  severity: 'warn',
  recommended: true,
  messages: {
    empty: 'Section "{{title}}" is empty: write its content or remove the heading.',
    onlyPrompts: 'Section "{{title}}" holds only the template\'s prompt "{{prompt}}": write its content or remove the heading.',
  },
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      allowSubsectionsOnly: {
        type: 'boolean',
        default: true,
        description: 'Accept a section whose only content is its sub-sections.',
      },
      ignore: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        default: [],
        description: 'Sections that may stay empty: heading titles (compared like section aliases) or section kinds (`appendix`).',
      },
    },
  },
  prepare: (options) => new SectionFilter(options.ignore),
  check(document, context) {
    const { allowSubsectionsOnly } = context.options;
    const ignored = context.prepared;
    for (const section of document.sections) {
      if (document.title?.heading === section.heading) continue;
      // A field written as a heading ("## Date: 12th March 2023") carries its value, or the heading under it does.
      if (section.field?.value || section.valueOf || section.children[0]?.valueOf === section) continue;
      const content = document.contentOf(section);
      if (content.kind === 'written') continue;
      if (allowSubsectionsOnly && section.children.length > 0) continue;
      if (ignored.names(section)) continue;
      if (content.kind === 'prompts') {
        context.report({ node: section.heading, messageId: 'onlyPrompts', data: { title: section.title, prompt: excerpt(content.prompts[0]!, 80) } });
      } else context.report({ node: section.heading, messageId: 'empty', data: { title: section.title } });
    }
  },
});
