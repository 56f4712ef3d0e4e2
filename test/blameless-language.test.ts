import { describe, expect, it } from 'vitest';
import { lintText } from '../src/api/lint.js';
import { PhraseMatcher, tokenize } from '../rules/blameless-language/matcher.js';
import { PHRASES } from '../rules/blameless-language/phrases.js';
import { compileEntry } from '../rules/blameless-language/matcher.js';

function matcher(): PhraseMatcher {
  const built = new PhraseMatcher();
  for (const entry of PHRASES) built.add(entry.words, compileEntry(entry));
  return built;
}

function lint(text: string) {
  return lintText(text, { filePath: 'pm.md', config: { extends: [], rules: { 'blameless-language': 'warn' } } }).messages;
}

describe('blameless-language matcher', () => {
  it('matches whole words, the longest phrase first, only across spaces', () => {
    const phrases = matcher();
    const at = (text: string, index = 0) => {
      const tokens = tokenize(text);
      const match = phrases.matchAt(text, tokens, index);
      return match ? tokens.slice(match.first, match.end).map((token) => token.raw).join(' ') : null;
    };
    expect(at('should have been more careful')).toBe('should have been more careful');
    expect(at('should have\nknown')).toBe('should have known');
    expect(at('should have. Known')).toBeNull();
    expect(at('Human Errors')).toBe('Human Errors');
    expect(at('humane error')).toBeNull();
    expect(at('human-error')).toBeNull();
    expect(at('should’ve noticed')).toBe('should’ve noticed');
  });

  it('reports every repetition of a phrase on a long line, and each at its place', () => {
    const messages = lint(`# Title\n\n${'Kevin forgot. '.repeat(1_000)}\n`);
    expect(messages).toHaveLength(1_000);
    expect(messages[999]).toMatchObject({ line: 3, column: 999 * 14 + 1, endColumn: 999 * 14 + 13 });
  });

  it('takes "should have checked" with a system as its subject for what the system was to do', () => {
    const reported = (sentence: string) => lint(`# Title\n\n${sentence}\n`).map((message) => message.message.split('"')[1]);
    expect(reported('The rebuild job should have verified the count.')).toEqual([]);
    expect(reported("The engineer's script should have checked the size.")).toEqual([]);
    expect(reported('It should have retried once.')).toEqual([]);
    expect(reported('Monitoring should have detected the drop.')).toEqual(['should have detected']);
    expect(reported('The two on-call engineers should have checked the size.')).toEqual(['should have checked']);
    expect(reported('Our team should have known.')).toEqual(['should have known']);
    expect(reported('The regression should have been caught in review.')).toEqual(['should have been caught']);
  });

  it('takes a handle that names software for no person: bots and the tools that post as themselves', () => {
    const reported = (sentence: string) => lint(`# Title\n\n${sentence}\n`).map((message) => message.message.split('"')[1]);
    expect(reported('@pagerbot failed to deliver the page.')).toEqual([]);
    expect(reported('@deploy-bot failed to roll back.')).toEqual([]);
    expect(reported('@dependabot broke the build.')).toEqual([]);
    expect(reported('@alertmanager ignored the repeat interval.')).toEqual([]);
    expect(reported('@robert failed to roll back.')).toEqual(['@robert failed to']);
    expect(reported('@talbot failed to roll back.')).toEqual(['@talbot failed to']);
  });

  it('finds the person before a short "who" clause, and no one in a second clause or a system\'s', () => {
    const reported = (sentence: string) => lint(`# Title\n\n${sentence}\n`).map((message) => message.message.split('"')[1]);
    expect(reported('The engineer who deployed the change didn\'t check the pages.')).toEqual(["The engineer who deployed the change didn't check"]);
    expect(reported('The on-call engineer who was paged first forgot to escalate.')).toEqual(['The on-call engineer who was paged first forgot']);
    expect(reported('The engineer who was paged saw that the job didn\'t check the size.')).toEqual([]);
    expect(reported('The job that runs nightly didn\'t check the size.')).toEqual([]);
    // An aside set off by commas was looked across before: the same person.
    expect(reported('The engineer, who was new, didn\'t check the size.')).toEqual(["The engineer, who was new, didn't check"]);
    expect(reported('We paged the engineer who owns the job, which didn\'t check the size.')).toEqual([]);
    expect(reported('The engineer who reviewed the change with the two other teams that week didn\'t check it.')).toEqual([]);
  });

  it('reads more checks a person left undone, and none by software', () => {
    const reported = (sentence: string) => lint(`# Title\n\n${sentence}\n`).map((message) => message.message.split('"')[1]);
    expect(reported('Dave ran the script against production because he didn\'t double-check the connection string.')).toEqual(["he didn't double-check"]);
    expect(reported('She did not confirm the target before running it.')).toEqual(['She did not confirm']);
    expect(reported('The reviewer never validated the migration.')).toEqual(['The reviewer never validated']);
    expect(reported('The deployer didn\'t wait for the canary.')).toEqual(["The deployer didn't wait"]);
    expect(reported('The job did not wait for the lock.')).toEqual([]);
    expect(reported('The client never confirmed the write.')).toEqual([]);
  });
});
