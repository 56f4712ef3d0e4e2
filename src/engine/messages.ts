/** Fills `{{name}}` placeholders; a placeholder without data is a defect in the rule. */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_whole, name: string) => {
    if (!(name in data)) throw new Error(`message placeholder {{${name}}} has no data`);
    return String(data[name]);
  });
}

export const DOCS_BASE_URL = 'https://github.com/pm-lint/pm-lint/blob/main/rules';

export function ruleDocsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}/${ruleId}/README.md`;
}
