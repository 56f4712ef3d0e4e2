import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempTree } from './helpers.js';
import { jsonReport, runCliInProcess as run } from './helpers/cli.js';
import { packageRoot } from '../src/util/package-root.js';

/**
 * A team's template as the standard, end to end (`pm-lint init --template`, then `pm-lint`):
 * the template itself reports its placeholders and no missing section; a document that
 * follows it and fills it in passes clean; one with a section dropped, an instruction left
 * in and a field left at the template's value gets exactly those three findings. For the
 * project's own templates (test/documents/templates: the seeds' styles and the forms teams
 * write) and for the four seed templates of ../shared/seeds (skipped where it is absent).
 */
const root = packageRoot();
const seedsDir = join(root, '..', 'shared', 'seeds');
const haveSeeds = existsSync(seedsDir);

interface Case {
  template: Uint8Array;
  filled: Uint8Array;
  broken: Uint8Array;
}

/** `pm-lint init --template` then `pm-lint` on each file, in this process (the binary itself is tested in cli tests). */
async function holdsTo({ template, filled, broken }: Case) {
  const dir = tempTree({ 'TEMPLATE.md': template, 'filled.md': filled, 'broken.md': broken });
  const init = await run(['init', '--template', 'TEMPLATE.md'], dir);
  const lint = async (file: string) => {
    const result = await run(['--no-ignore', '-f', 'json', file], dir);
    return { code: result.code, messages: jsonReport(result.stdout, dir)[file]! };
  };
  return { dir, init, template: await lint('TEMPLATE.md'), filled: await lint('filled.md'), broken: await lint('broken.md') };
}

const ownCases: Record<string, string[]> = {
  'field-table': [
    '1:1 2 required-sections Missing section "Lessons Learned" of the template TEMPLATE.md: add a heading such as "Lessons Learned", "Key Takeaways", "Conclusion".',
    '10:23 2 no-placeholders Field "Incident Lead" still holds the template\'s value "Name": write this incident\'s value.',
    '15:2 2 no-placeholders Template instruction left in: "Describe in two or three sentences what broke, who noticed, and how it was fixe…"; replace it with the actual content or remove it.',
  ],
  'blank-keys': [
    '1:1 2 required-sections Missing section "Detection" of the template TEMPLATE.md: add a heading such as "Detection", "How Was the Incident Detected?".',
    '6:25 2 no-placeholders Unfilled blank "__________": write the actual value.',
    '25:1 2 no-placeholders Unfilled placeholder "[The technical cause, and the conditions that let it cause harm]": replace it with the actual content.',
  ],
  numbered: [
    '1:1 2 required-sections Missing section "Lessons Learned" of the template TEMPLATE.md: add a heading such as "Lessons Learned", "Key Takeaways", "Conclusion".',
    '5:13 2 no-placeholders Unselected choice "Draft | In Review | Final": keep only the value that applies.',
    '31:1 2 no-placeholders Unfilled placeholder "[Detailed technical explanation of the root cause]": replace it with the actual content.',
  ],
  bilingual: [
    '1:1 2 required-sections Missing section "교훈 (Lessons Learned)" of the template TEMPLATE.md: add a heading such as "교훈 (Lessons Learned)", "Lessons Learned", "Key Takeaways", "Conclusion".',
    '3:19 2 no-placeholders Unfilled placeholder "[이름]": replace it with the actual content.',
    '11:1 2 no-placeholders Unfilled placeholder "[2-3 문장으로 사건 요약]": replace it with the actual content.',
  ],
  'bold-labels': [
    '1:1 2 required-sections Missing section "Customer communication" of the template TEMPLATE.md: add a heading such as "Customer communication", "Communication".',
    '3:2 2 no-placeholders Template instruction left in: "Write each answer after its label and keep the labels: reviewers look for them."; replace it with the actual content or remove it.',
    '7:14 2 no-placeholders Field "Owner" still holds the template\'s value "[@handle]": write this incident\'s value.',
  ],
  outline: [
    '1:1 2 required-sections Missing section "Contributing factors" of the template TEMPLATE.md: add a heading such as "Contributing factors", "Root Cause", "Root Causes", "Root Cause Analysis".',
    '3:8 2 no-placeholders Unfilled placeholder "[name]": replace it with the actual content.',
    '11:4 2 no-placeholders Unfilled placeholder "[Times in UTC, one event a line]": replace it with the actual content.',
  ],
};

const seedCases: Record<string, string[]> = {
  '000': [
    '1:1 2 required-sections Missing section "Lessons Learned" of the template TEMPLATE.md: add a heading such as "Lessons Learned", "Key Takeaways", "Conclusion".',
    '5:16 2 no-placeholders Unfilled placeholder "[Name(s)]": replace it with the actual content.',
    '49:1 2 no-placeholders Unfilled placeholder "[기술적으로 정확하게 무엇이 문제였는지 설명]": replace it with the actual content.',
  ],
  '001': [
    '1:1 2 required-sections Missing section "Communication" of the template TEMPLATE.md: add a heading such as "Communication".',
    '11:28 2 no-placeholders Field "Incident Commander" still holds the template\'s value "Name": write this incident\'s value.',
    '19:2 2 no-placeholders Template instruction left in: "1-2 paragraph summary of what happened, the impact, and the fix."; replace it with the actual content or remove it.',
  ],
  '002': [
    '1:1 2 required-sections Missing section "Distribution" of the template TEMPLATE.md: add a heading such as "Distribution".',
    '3:18 2 no-placeholders Unfilled blank "__________": write the actual value.',
    '46:1 2 no-placeholders Unfilled placeholder "[Detailed technical explanation of the root cause]": replace it with the actual content.',
  ],
  '004': [
    '1:1 2 required-sections Missing section "Approvals" of the template TEMPLATE.md: add a heading such as "Approvals", "Sign-off".',
    '4:14 2 no-placeholders Unfilled placeholder "[Names]": replace it with the actual content.',
    '104:1 2 no-placeholders Text of the template left in: "How did we know it was fixed?"; write this incident\'s own content in its place, or remove it.',
  ],
};

function expectStandard(outcome: Awaited<ReturnType<typeof holdsTo>>, broken: string[]): void {
  expect(outcome.init.code).toBe(0);
  expect(outcome.init.stdout).toMatch(/\nWrote \.pmlintrc\.yaml \(template: TEMPLATE\.md\)\. Run "pm-lint" to hold your postmortems to it\.\n$/);
  expect(readFileSync(join(outcome.dir, '.pmlintrc.yaml'), 'utf8')).toContain('\ntemplate: "TEMPLATE.md"\n');
  // The template itself: its placeholders and instructions, no missing section.
  expect(outcome.template.messages.filter((message) => message.includes(' required-sections '))).toEqual([]);
  expect(outcome.template.messages.filter((message) => message.includes(' no-placeholders ')).length).toBeGreaterThan(3);
  expect(outcome.filled).toEqual({ code: 0, messages: [] });
  expect(outcome.broken).toEqual({ code: 1, messages: broken });
}

describe('the project\'s own templates as the standard (test/documents/templates)', () => {
  for (const [style, broken] of Object.entries(ownCases)) {
    it(style, async () => {
      const dir = join(root, 'test', 'documents', 'templates', style);
      const read = (name: string) => readFileSync(join(dir, name));
      const outcome = await holdsTo({ template: read('TEMPLATE.md'), filled: read('filled.md'), broken: read('broken.md') });
      expectStandard(outcome, broken);
      if (style === 'bilingual') {
        expect(outcome.init.stderr).toBe(
          'pm-lint: the template TEMPLATE.md is mis-encoded (UTF-8 read as Windows-1252): pm-lint read it with 32 runs of characters repaired. Save it again as UTF-8 from the original to fix it.\n',
        );
      } else expect(outcome.init.stderr).toBe('');
    });
  }
});

describe.skipIf(!haveSeeds)(`the seed templates as the standard (../shared/seeds)${haveSeeds ? '' : ' (skipped: ../shared is absent)'}`, () => {
  for (const [seed, broken] of Object.entries(seedCases)) {
    it(seed, async () => {
      const name = readdirSync(seedsDir).find((file) => file.startsWith(seed))!;
      const documents = join(root, 'test', 'documents', 'seeds');
      const outcome = await holdsTo({
        template: readFileSync(join(seedsDir, name)),
        filled: readFileSync(join(documents, `${seed}-filled.md`)),
        broken: readFileSync(join(documents, `${seed}-broken.md`)),
      });
      expectStandard(outcome, broken);
      if (seed === '000') {
        expect(outcome.init.stderr).toBe(
          'pm-lint: the template TEMPLATE.md is mis-encoded (UTF-8 read as Windows-1252 or Windows-1254): pm-lint read it with 105 runs of characters repaired, 53 of them with bytes lost (shown as "\uFFFD"). Save it again as UTF-8 from the original to fix it.\n',
        );
      }
    });
  }
});
