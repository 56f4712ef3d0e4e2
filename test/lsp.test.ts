import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver';
import { tempTree } from './helpers.js';
import { runCli } from './helpers/cli.js';
import { LspClient, type ClientOptions } from './helpers/lsp-client.js';

/**
 * `pm-lint lsp` as an editor meets it: the bundled binary started as a child process, spoken
 * to over stdio with vscode-jsonrpc. Every wait is for a notification (generous timeout),
 * never for a time.
 */

const clients: LspClient[] = [];
async function start(options: ClientOptions): Promise<LspClient> {
  const client = await LspClient.start(options);
  clients.push(client);
  return client;
}
afterEach(() => {
  while (clients.length > 0) clients.pop()!.kill();
});

/** A diagnostic as "line:character-line:character severity code message" (LSP's 0-based places). */
const show = (diagnostic: Diagnostic) =>
  `${diagnostic.range.start.line}:${diagnostic.range.start.character}-${diagnostic.range.end.line}:${diagnostic.range.end.character} ${diagnostic.severity} ${diagnostic.code ?? '-'} ${diagnostic.message}`;

const FEW_RULES = JSON.stringify({ root: true, extends: [], rules: { 'blameless-language': 'error', 'text-encoding': 'error', 'no-placeholders': 'warn' } });

// Non-ASCII text and emoji before the findings: LSP counts columns in UTF-16 code units, as pm-lint does.
const UNICODE = `# 2026-03-04 Ünïcode outage 🔥

## Summary

Café orders failed for 20 minutes. TBD.

## Timeline

- 10:02 🔥 Kevin forgot to renew the certificate.
- 10:05 ìš”ì•½ résumé 😀 mojibake here: donâ€™t.
`;

describe('pm-lint lsp', () => {
  it('initializes, lints a document on open with exact ranges, severities, rule ids and docs links, and shuts down cleanly', async () => {
    const root = tempTree({ '.pmlintrc.json': FEW_RULES, 'doc.md': UNICODE });
    const client = await start({ cwd: root, args: ['--stdio'] });
    expect(client.initialized.capabilities).toMatchObject({
      textDocumentSync: { openClose: true, change: 2 },
      codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.pm-lint'] },
      hoverProvider: true,
    });
    expect(client.initialized.serverInfo?.name).toBe('pm-lint');
    const uri = await client.open(join(root, 'doc.md'), UNICODE);
    const diagnostics = await client.diagnosticsFor(uri, { version: 1 });
    expect(diagnostics.map(show)).toEqual([
      '4:35-4:38 2 no-placeholders Unfinished "TBD" left in: write the actual content.',
      // "- 10:02 " is 8 code units and 🔥 two: "Kevin" starts at 11.
      '8:11-8:23 1 blameless-language "Kevin forgot" makes a person the cause: describe what the person saw and did, and what made the step easy to miss (blameless-language: blame-verb).',
      '9:8-9:14 1 text-encoding Mojibake "ìš”ì•½" (UTF-8 read as Windows-1252): it should read "요약".',
      // 😀 is two code units: 8 + 6 + " résumé " (8) + 2 + " mojibake here: don" (19) = 43.
      '9:43-9:46 1 text-encoding Mojibake "â€™" (UTF-8 read as Windows-1252): it should read "’".',
    ]);
    const line9 = UNICODE.split('\n')[9]!;
    expect(line9.indexOf('â€™')).toBe(43);
    expect(diagnostics[1]).toMatchObject({
      source: 'pm-lint',
      code: 'blameless-language',
      codeDescription: { href: 'https://github.com/pm-lint/pm-lint/blob/main/rules/blameless-language/README.md' },
    });
    expect(await client.shutdown()).toBe(0);
  });

  it('publishes the diagnostics of each change, and clears them when the document closes', async () => {
    const root = tempTree({ '.pmlintrc.json': FEW_RULES, 'doc.md': UNICODE });
    const client = await start({ cwd: root });
    const uri = await client.open(join(root, 'doc.md'), UNICODE);
    await client.diagnosticsFor(uri, { version: 1 });
    // Two quick edits: "Kevin forgot to renew" becomes "The renewal job skipped renewing", then "TBD." goes.
    await client.change(uri, [{ range: { start: { line: 8, character: 11 }, end: { line: 8, character: 32 } }, text: 'The renewal job skipped renewing' }]);
    const version = await client.change(uri, [{ range: { start: { line: 4, character: 34 }, end: { line: 4, character: 39 } }, text: '' }]);
    expect(client.text(uri).split('\n')[8]).toBe('- 10:02 🔥 The renewal job skipped renewing the certificate.');
    const changed = await client.diagnosticsFor(uri, { version });
    expect(changed.map(show)).toEqual([
      '9:8-9:14 1 text-encoding Mojibake "ìš”ì•½" (UTF-8 read as Windows-1252): it should read "요약".',
      '9:43-9:46 1 text-encoding Mojibake "â€™" (UTF-8 read as Windows-1252): it should read "’".',
    ]);
    const before = client.diagnostics.length;
    await client.close(uri);
    expect(await client.diagnosticsFor(uri, { after: before })).toEqual([]);
    expect(await client.shutdown()).toBe(0);
  });

  it('lints each document with the configuration the CLI uses for that file: nested files, overrides, ignores', async () => {
    const root = tempTree({
      '.pmlintrc.json': JSON.stringify({ root: true, overrides: [{ files: ['*-draft.md'], rules: { 'no-placeholders': 'off' } }] }),
      'sub/.pmlintrc.yaml': 'rules:\n  required-sections: "off"\n  blameless-language: warn\n',
      '.pmlintignore': 'ignored/\n',
      'a.md': UNICODE,
      'sub/b.md': UNICODE,
      'sub/c-draft.md': UNICODE,
      'ignored/d.md': UNICODE,
    });
    const client = await start({ cwd: root });
    const files = ['a.md', 'sub/b.md', 'sub/c-draft.md'];
    const cli = JSON.parse(runCli(['-f', 'json', ...files], root).stdout) as Array<{ filePath: string; messages: Array<{ line: number; column: number; endLine: number; endColumn: number; severity: number; ruleId: string | null; message: string }> }>;
    for (const file of files) {
      const uri = await client.open(join(root, file), UNICODE);
      const expected = cli
        .find((result) => result.filePath === join(root, file))!
        .messages.map((m) => `${m.line - 1}:${m.column - 1}-${m.endLine - 1}:${m.endColumn - 1} ${m.severity === 2 ? 1 : 2} ${m.ruleId ?? '-'} ${m.message}`);
      expect(expected.length, file).toBeGreaterThan(0);
      expect((await client.diagnosticsFor(uri)).map(show), file).toEqual(expected);
    }
    // The three differ: the cascade and the override apply.
    expect(new Set(cli.map((result) => JSON.stringify(result.messages))).size).toBe(3);
    const ignored = await client.open(join(root, 'ignored/d.md'), UNICODE);
    expect(await client.diagnosticsFor(ignored)).toEqual([]);
    expect(await client.shutdown()).toBe(0);
  });

  it('offers code actions — fix this problem, fix all, source.fixAll, a disable comment — and each applied makes its diagnostics go', async () => {
    const root = tempTree({ '.pmlintrc.json': FEW_RULES, 'doc.md': UNICODE });
    const client = await start({ cwd: root, capabilities: { workspace: { workspaceEdit: { documentChanges: true } } } });
    const uri = await client.open(join(root, 'doc.md'), UNICODE);
    const diagnostics = await client.diagnosticsFor(uri, { version: 1 });
    const mojibake = diagnostics.find((diagnostic) => String(diagnostic.message).startsWith('Mojibake "ìš”ì•½"'))!;
    const actions = await client.codeActions(uri, mojibake.range, [mojibake]);
    expect(actions.map((action) => `${action.kind}: ${action.title}`)).toEqual([
      'quickfix: Fix this text-encoding problem',
      'quickfix: Fix all auto-fixable pm-lint problems',
      'source.fixAll.pm-lint: Fix all auto-fixable pm-lint problems',
      'quickfix: Disable text-encoding for this line',
    ]);
    expect(actions[0]).toMatchObject({ isPreferred: true, diagnostics: [mojibake] });
    // Versioned edits: the editor refuses them if the document changed meanwhile.
    expect(actions[0]!.edit!.documentChanges).toEqual([{ textDocument: { uri, version: 1 }, edits: [{ range: mojibake.range, newText: '요약' }] }]);

    // Fix this problem: that diagnostic goes, the other mojibake stays.
    let version = await client.apply(actions[0]!.edit!);
    expect(client.text(uri).split('\n')[9]).toBe('- 10:05 요약 résumé 😀 mojibake here: donâ€™t.');
    let after = await client.diagnosticsFor(uri, { version });
    expect(after.filter((diagnostic) => diagnostic.code === 'text-encoding').map(show)).toEqual([
      '9:39-9:42 1 text-encoding Mojibake "â€™" (UTF-8 read as Windows-1252): it should read "’".',
    ]);

    // Disable the blameless-language finding: a comment above its list item, inside the list.
    const blame = after.find((diagnostic) => diagnostic.code === 'blameless-language')!;
    const disable = (await client.codeActions(uri, blame.range, [blame])).find((action) => action.title === 'Disable blameless-language for this line')!;
    version = await client.apply(disable.edit!);
    expect(client.text(uri).split('\n').slice(8, 11)).toEqual([
      '<!-- pm-lint-disable-next-line blameless-language -- -->',
      '- 10:02 🔥 Kevin forgot to renew the certificate.',
      '- 10:05 요약 résumé 😀 mojibake here: donâ€™t.',
    ]);
    after = await client.diagnosticsFor(uri, { version });
    expect(after.map((diagnostic) => diagnostic.code)).toEqual(['no-placeholders', 'text-encoding']);

    // source.fixAll (what editors run on save) fixes the rest of the mojibake.
    const fixAll = await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll']);
    expect(fixAll.map((action) => action.kind)).toEqual(['source.fixAll.pm-lint']);
    version = await client.apply(fixAll[0]!.edit!);
    after = await client.diagnosticsFor(uri, { version });
    expect(after.map(show)).toEqual(['4:35-4:38 2 no-placeholders Unfinished "TBD" left in: write the actual content.']);
    expect(client.text(uri)).toContain('- 10:05 요약 résumé 😀 mojibake here: don’t.');

    // A disable comment for a table row goes in its last cell; the row's finding goes.
    const table = '| Action | Owner |\n|---|---|\n| Renew automatically | TBD |\n';
    version = await client.change(uri, [{ range: { start: { line: 11, character: 0 }, end: { line: 11, character: 0 } }, text: `\n## Action Items\n\n${table}` }]);
    after = await client.diagnosticsFor(uri, { version });
    const owner = after.find((diagnostic) => diagnostic.range.start.line === 16)!;
    expect(show(owner)).toBe('16:24-16:27 2 no-placeholders Unfinished "TBD" left in: write the actual content.');
    const inCell = (await client.codeActions(uri, owner.range, [owner])).find((action) => action.title.startsWith('Disable'))!;
    version = await client.apply(inCell.edit!);
    expect(client.text(uri).split('\n')[16]).toBe('| Renew automatically | TBD <!-- pm-lint-disable-line no-placeholders -- --> |');
    expect((await client.diagnosticsFor(uri, { version })).map(show)).toEqual(['4:35-4:38 2 no-placeholders Unfinished "TBD" left in: write the actual content.']);
    expect(await client.shutdown()).toBe(0);
  });

  it('shows the rule documentation on hover over a finding, as --explain prints it', async () => {
    const root = tempTree({ '.pmlintrc.json': FEW_RULES, 'doc.md': UNICODE });
    const client = await start({ cwd: root });
    const uri = await client.open(join(root, 'doc.md'), UNICODE);
    await client.diagnosticsFor(uri, { version: 1 });
    const hover = await client.hover(uri, { line: 8, character: 15 });
    expect(hover).toMatchObject({ contents: { kind: 'markdown' }, range: { start: { line: 8, character: 11 }, end: { line: 8, character: 23 } } });
    expect((hover!.contents as { value: string }).value).toBe(runCli(['--explain', 'blameless-language'], root).stdout);
    expect(await client.hover(uri, { line: 2, character: 3 })).toBeNull();
    expect(await client.shutdown()).toBe(0);
  });

  it('reports a broken configuration as one diagnostic at line 1 of each open document, and recovers when it is fixed', async () => {
    const root = tempTree({ '.pmlintrc.json': FEW_RULES, 'a.md': UNICODE, 'sub/b.md': '# Notes\n\nKevin forgot.\n' });
    const client = await start({ cwd: root, capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } } });
    await client.until('the watcher registration', () => client.registrations.find((registration) => registration.method === 'workspace/didChangeWatchedFiles'));
    const a = await client.open(join(root, 'a.md'), UNICODE);
    const b = await client.open(join(root, 'sub/b.md'), '# Notes\n\nKevin forgot.\n');
    expect((await client.diagnosticsFor(a)).length).toBe(4);
    expect((await client.diagnosticsFor(b)).length).toBe(1);

    const config = join(root, '.pmlintrc.json');
    writeFileSync(config, '{ "root": true, "rules": { "blameless-language": "error", } }');
    let before = client.diagnostics.length;
    await client.filesChanged([config]);
    for (const [uri, firstLine] of [[a, '# 2026-03-04 Ünïcode outage 🔥'], [b, '# Notes']] as const) {
      const diagnostics = await client.diagnosticsFor(uri, { after: before });
      expect(diagnostics).toHaveLength(1);
      expect(diagnostics[0]).toMatchObject({
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: firstLine.length } },
        severity: 1,
        source: 'pm-lint',
        code: 'invalid-configuration',
        relatedInformation: [{ location: { uri: pathToFileURL(config).href } }],
      });
      expect(diagnostics[0]!.message).toBe(`pm-lint cannot lint this file: invalid configuration:\n${config}: invalid JSON: Expected double-quoted property name at line 1, column 59`);
    }

    writeFileSync(config, FEW_RULES);
    before = client.diagnostics.length;
    await client.filesChanged([config]);
    expect((await client.diagnosticsFor(a, { after: before })).length).toBe(4);
    expect((await client.diagnosticsFor(b, { after: before })).map((diagnostic) => diagnostic.code)).toEqual(['blameless-language']);
    expect(await client.shutdown()).toBe(0);
  });

  it('re-lints open documents when a configuration or the template it names changes, and watches that template', async () => {
    const root = tempTree({ '.pmlintrc.json': JSON.stringify({ root: true, extends: [], scaffold: { template: 'templates/postmortem.md' } }), 'templates/postmortem.md': '# {{title}}\n', 'doc.md': UNICODE });
    const client = await start({ cwd: root, capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } } });
    const uri = await client.open(join(root, 'doc.md'), UNICODE);
    expect(await client.diagnosticsFor(uri)).toEqual([]);
    const template = join(root, 'templates', 'postmortem.md');
    await client.until('a watcher of the template', () =>
      client.registrations.find((registration) => JSON.stringify(registration.registerOptions).includes(JSON.stringify(template))),
    );
    let before = client.diagnostics.length;
    await client.filesChanged([template]);
    expect(await client.diagnosticsFor(uri, { after: before })).toEqual([]);

    writeFileSync(join(root, '.pmlintrc.json'), JSON.stringify({ root: true, extends: [], rules: { 'text-encoding': 'error' } }));
    before = client.diagnostics.length;
    await client.filesChanged([join(root, '.pmlintrc.json')]);
    expect((await client.diagnosticsFor(uri, { after: before })).map((diagnostic) => diagnostic.code)).toEqual(['text-encoding', 'text-encoding']);
    expect(await client.shutdown()).toBe(0);
  });

  it('re-lints open documents when the team template (template:) changes', async () => {
    const template = '# Postmortem\n\n## Summary\n\n_What happened?_\n\n## Customer communication\n\n_What we told customers._\n';
    const root = tempTree({
      '.pmlintrc.json': JSON.stringify({ root: true, extends: [], template: 'TEMPLATE.md', rules: { 'required-sections': 'error' } }),
      'TEMPLATE.md': template,
      'doc.md': '# Checkout errors\n\n## Summary\n\nCheckout failed for twelve minutes after a deploy.\n',
    });
    const client = await start({ cwd: root, capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } } });
    const uri = await client.open(join(root, 'doc.md'), readFileSync(join(root, 'doc.md'), 'utf8'));
    expect((await client.diagnosticsFor(uri)).map((diagnostic) => [diagnostic.code, String(diagnostic.message).slice(0, 51)])).toEqual([
      ['required-sections', 'Missing section "Customer communication" of the tem'],
    ]);
    const path = join(root, 'TEMPLATE.md');
    await client.until('a watcher of the template', () =>
      client.registrations.find((registration) => JSON.stringify(registration.registerOptions).includes(JSON.stringify(path))),
    );
    writeFileSync(path, '# Postmortem\n\n## Summary\n\n_What happened?_\n');
    const before = client.diagnostics.length;
    await client.filesChanged([path]);
    expect(await client.diagnosticsFor(uri, { after: before })).toEqual([]);
    expect(await client.shutdown()).toBe(0);
  });

  it('watches configuration files itself when the client cannot', async () => {
    const root = tempTree({ '.pmlintrc.json': FEW_RULES, 'sub/doc.md': UNICODE });
    const client = await start({ cwd: root });
    const uri = await client.open(join(root, 'sub/doc.md'), UNICODE);
    expect((await client.diagnosticsFor(uri)).length).toBe(4);
    expect(client.registrations).toEqual([]);
    // A new configuration in the document's directory turns two rules off.
    writeFileSync(join(root, 'sub', '.pmlintrc.yaml'), 'rules:\n  text-encoding: "off"\n  no-placeholders: "off"\n');
    const diagnostics = await client.until('diagnostics without text-encoding', () =>
      client.diagnostics.filter((params) => params.uri === uri).at(-1)!.diagnostics.every((diagnostic) => diagnostic.code === 'blameless-language') ? true : undefined,
    );
    expect(diagnostics).toBe(true);
    expect(await client.shutdown()).toBe(0);
  });

  describe('plugins', () => {
    const plugin = `
import { writeFileSync } from 'node:fs';
writeFileSync(new URL('./plugin-ran', import.meta.url), 'yes');
export default { name: 'acme', rules: [{
  id: 'no-foo', description: 'Reports the word foo.', severity: 'error', messages: { foo: 'Unexpected "foo".' },
  schema: { type: 'object', properties: {}, additionalProperties: false },
  check(document, context) {
    const at = document.text.indexOf('foo');
    if (at >= 0) context.report({ offsets: { start: at, end: at + 3 }, messageId: 'foo' });
  },
}] };
`;
    const files = () =>
      tempTree({
        '.pmlintrc.json': JSON.stringify({ root: true, extends: [], plugins: ['./acme.mjs'], rules: { 'acme/no-foo': 'error' } }),
        'acme.mjs': plugin,
        'doc.md': '# Notes\n\nThe foo service.\n',
      });

    it('load as the CLI loads them, and their rules are explained on hover', async () => {
      const root = files();
      const client = await start({ cwd: root });
      const uri = await client.open(join(root, 'doc.md'), '# Notes\n\nThe foo service.\n');
      expect((await client.diagnosticsFor(uri)).map(show)).toEqual(['2:4-2:7 1 acme/no-foo Unexpected "foo".']);
      expect(existsSync(join(root, 'plugin-ran'))).toBe(true);
      const hover = await client.hover(uri, { line: 2, character: 5 });
      expect((hover!.contents as { value: string }).value).toBe('# acme/no-foo\n\nReports the word foo.\n');
      expect(await client.shutdown()).toBe(0);
    });

    for (const [how, options] of [
      ['--no-plugins', { args: ['--no-plugins'] }],
      ['"plugins": false in initializationOptions', { initializationOptions: { plugins: false } }],
      ['"plugins": false in the client\'s settings', { capabilities: { workspace: { configuration: true } }, settings: { plugins: false } }],
    ] as const) {
      it(`run no plugin code with ${how}`, async () => {
        const root = files();
        const client = await start({ cwd: root, ...options });
        const uri = await client.open(join(root, 'doc.md'), '# Notes\n\nThe foo service.\n');
        expect(await client.diagnosticsFor(uri)).toEqual([]);
        await client.until('the notice', () => client.logs.find((log) => log.includes('plugins are disabled: the plugin "./acme.mjs"')));
        expect(existsSync(join(root, 'plugin-ran'))).toBe(false);
        expect(await client.shutdown()).toBe(0);
      });
    }
  });

  it('takes rule settings from the client, and keeps first-line columns right after a byte-order mark', async () => {
    const root = tempTree({ '.pmlintrc.json': FEW_RULES });
    const client = await start({ cwd: root, initializationOptions: { rules: { 'text-encoding': 'off' } } });
    const text = '\uFEFFKevin forgot the flag — donâ€™t\n';
    const uri = await client.open(join(root, 'bom.md'), text);
    expect((await client.diagnosticsFor(uri)).map(show)).toEqual([
      // pm-lint lints the text without its BOM (column 1 there); the editor's line holds it (character 1).
      '0:1-0:13 1 blameless-language "Kevin forgot" makes a person the cause: describe what the person saw and did, and what made the step easy to miss (blameless-language: blame-verb).',
    ]);
    expect(await client.shutdown()).toBe(0);
  });

  it('runs the server in a child node process with a larger young generation, which a signal to pm-lint lsp stops too', async (context) => {
    const root = tempTree({ '.pmlintrc.json': FEW_RULES });
    const client = await start({ cwd: root });
    const pid = client.child.pid!;
    let children: string[];
    try {
      children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    } catch {
      context.skip('needs /proc/<pid>/task/<pid>/children (Linux)');
      return;
    }
    expect(children).toHaveLength(1);
    expect(readFileSync(`/proc/${children[0]}/cmdline`, 'utf8').split('\0')).toContain('--max-semi-space-size=64');
    const exited = new Promise((resolve) => client.child.on('exit', resolve));
    client.child.kill('SIGTERM');
    await exited;
    // Polled (the child's end sends nothing): generous, and never a failure by time alone but by a server still there.
    for (let tries = 0; existsSync(`/proc/${children[0]}`) && tries < 600; tries++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(existsSync(`/proc/${children[0]}`)).toBe(false);
  });
});
