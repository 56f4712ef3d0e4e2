/** The commented configuration `pm-lint init` writes. */
export const STARTER_CONFIG = `# pm-lint configuration: https://github.com/pm-lint/pm-lint#configuration
# The schema gives completion and validation in editors that read it.
$schema: ./node_modules/pm-lint/schema/pmlintrc.schema.json

# Start from the recommended rules (or pm-lint:strict for every rule).
extends: pm-lint:recommended

# Your team's template as the standard: its sections required, text and values left from it
# reported ("pm-lint init --template PATH" writes a configuration around it).
# template: docs/postmortems/TEMPLATE.md

# Turn rules off, change their severity, or give them options:
#   <rule-id>: off | warn | error
#   <rule-id>: [error, { option: value }]
# "pm-lint --list-rules" lists the rules; "pm-lint --explain <rule-id>" documents one.
rules: {}
#  required-sections:
#    - error
#    - sections: [{ kind: summary }, { kind: impact }, { kind: timeline }, { kind: root-cause }, { kind: action-items }]
#      order: true

# Files pm-lint never lints (globs relative to this file).
ignores:
  - "**/templates/**"

# Different rules for some files, or for documents whose metadata says so.
# overrides:
#   - files: ["drafts/**"]
#     rules:
#       required-sections: warn
#   - when: { severity: [SEV-1, SEV-2] }
#     rules:
#       required-sections: [error, { sections: [{ name: Customer communication }] }]

# Your team's own heading titles and metadata labels.
# settings:
#   sectionAliases:
#     timeline: ["Chronology of events"]
#   metadataAliases:
#     incidentId: ["Ticket"]

# Where "pm-lint new" creates postmortems, and from which template.
scaffold:
  directory: docs/postmortems
#  template: docs/postmortems/TEMPLATE.md
`;
