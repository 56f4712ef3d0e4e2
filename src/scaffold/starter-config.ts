/** The commented configuration `pm-lint init` writes. */
export const STARTER_CONFIG = `# pm-lint configuration: https://github.com/pm-lint/pm-lint#configuration
# The schema gives completion and validation in editors that read it.
$schema: ./node_modules/pm-lint/schema/pmlintrc.schema.json

# Start from the recommended rules (or pm-lint:strict for every rule).
extends: pm-lint:recommended

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

# Different rules for some files.
# overrides:
#   - files: ["drafts/**"]
#     rules:
#       required-sections: warn

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
