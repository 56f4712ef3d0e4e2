import { defineRule } from '../../src/engine/types.js';

export default defineRule<Record<string, never>>({
  id: 'valid-front-matter',
  description: 'Reports YAML front matter that does not parse or is not a mapping of keys to values.',
  severity: 'error',
  recommended: true,
  messages: {
    invalid: 'Front matter is not valid YAML: {{reason}}.',
    notMapping: 'Front matter must be a mapping of keys to values (such as "severity: SEV-2"), not a list or a single value.',
  },
  schema: { type: 'object', additionalProperties: false, properties: {} },
  check(document, context) {
    const error = document.frontMatter?.error;
    if (error?.kind === 'syntax') context.report({ span: error.span, messageId: 'invalid', data: { reason: error.message } });
    else if (error) context.report({ span: error.span, messageId: 'notMapping' });
  },
});
