/**
 * The built-in postmortem template of `pm-lint new`. It has every section the
 * recommended rules require, so a new file passes the structure rules at once; every
 * value still to write is a bracketed placeholder, which no-placeholders reports until
 * it is filled in. `{{title}}` and `{{date}}` are replaced when the file is created.
 */
export const DEFAULT_TEMPLATE = `---
incident_id: "[INCIDENT-ID]"
date: {{date}}
severity: "[SEV-1 to SEV-4]"
status: Draft
authors: ["[Name]"]
---

# {{date}} {{title}}

## Summary

[2-3 sentences: what happened, who was affected, and how it was resolved]

## Impact

- **Duration:** [N minutes]
- **Affected users:** [number or share of users]
- **Data loss:** [none, or what was lost]

## Timeline

All times UTC.

| Time | Event |
|------|-------|
| [HH:MM] | [First sign of the problem] |
| [HH:MM] | [Alert fires or the problem is reported] |
| [HH:MM] | [Mitigation applied] |
| [HH:MM] | [Service restored] |

## Root Cause

[What in the system made this possible: the trigger and the conditions that let it cause harm]

## Detection

[How the problem was noticed, and how long that took]

## Resolution

[What restored service]

## Action Items

| Action | Owner | Priority | Due date | Status |
|--------|-------|----------|----------|--------|
| [Action] | [@owner] | [P0-P4] | [YYYY-MM-DD] | Open |

## Lessons Learned

[What went well, what went wrong, and where we got lucky]
`;

/** The file-name slug of a title: letters and digits of any script, joined by hyphens. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'postmortem';
}

export function fillTemplate(template: string, values: { title: string; date: string }): string {
  return template.replace(/\{\{\s*(title|date)\s*\}\}/g, (_whole, name: 'title' | 'date') => values[name]);
}
