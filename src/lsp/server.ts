import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  type FileSystemWatcher,
  type Hover,
  type HoverParams,
  type InitializeParams,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { rules as builtInRules } from '../../rules/index.js';
import { explainRule } from '../cli/commands/explain.js';
import { CONFIG_FILE_NAMES } from '../config/load.js';
import { loadedPluginRules } from '../config/plugins.js';
import { formatProblem } from '../config/types.js';
import type { LintMessage } from '../engine/types.js';
import { MARKDOWN_EXTENSIONS } from '../api/files.js';
import { packageVersion } from '../util/package-root.js';
import { fixEdit, lintableText, minimalEdit, rangeContains, rangesIntersect, SOURCE, toDiagnostic } from './convert.js';
import { disableComments } from './disable-comment.js';
import { DEFAULT_SETTINGS, readSettings, type ServerSettings } from './settings.js';
import { redirectConsole } from './console.js';
import { ConfigWatcher } from './watch.js';
import { namedFiles, problemFiles, WorkspaceLinter, type LintOutcome } from './workspace-linter.js';

export interface ServerOptions {
  /** The directory the server was started in: the workspace folder when the client names none. */
  cwd: string;
  /** Settings from the command line (`pm-lint lsp --no-plugins --config …`). */
  settings?: Partial<ServerSettings>;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

/** The kind of the code action that applies every fix (editors run it on save: "source.fixAll"). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.pm-lint`;

/** Files whose change may change any document's findings, whatever the configuration names. */
const WATCHED_NAMES = [...CONFIG_FILE_NAMES, '.pmlintignore'];

/** One open document's last lint. */
interface Linted {
  version: number;
  bom: number;
  outcome: LintOutcome;
  /** The messages published, each with its diagnostic (one per message, same order). */
  findings: Array<{ message: LintMessage; diagnostic: Diagnostic }>;
}

/**
 * `pm-lint lsp`: the Language Server Protocol over standard input and output. Markdown
 * documents are linted on open and on change (after `debounce` ms without a change), with
 * the configuration the CLI would use for the same file; findings with fixes get code
 * actions, every finding one that turns its rule off for its line, and hovering a finding
 * shows its rule's documentation (`--explain`).
 */
export function startServer(options: ServerOptions): Connection {
  const connection = createConnection(options.input ?? process.stdin, options.output ?? process.stdout);
  // Standard output is the protocol: a plugin's console.log must not write into it.
  redirectConsole(connection);
  // A bug must cost a lint, not the editor's server.
  process.on('unhandledRejection', (reason) => connection.console.error(`pm-lint: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));
  const documents = new TextDocuments(TextDocument);
  const commandLine: ServerSettings = { ...DEFAULT_SETTINGS, ...options.settings };
  let clientSettings: ServerSettings = commandLine;
  const linter = new WorkspaceLinter(commandLine, (notice) => connection.console.info(`pm-lint: ${notice}`));
  const linted = new Map<string, Linted>();
  const timers = new Map<string, NodeJS.Timeout>();
  const sequence = new Map<string, number>();
  const justOpened = new Set<string>();
  let roots: string[] = [resolve(options.cwd)];
  let canPullConfiguration = false;
  let canRegisterWatchers = false;
  let relativePatterns = false;
  let versionedEdits = false;
  let workspaceFolders = false;
  let selfWatcher: ConfigWatcher | null = null;
  const namedWatched = new Set<string>();
  let namedRegistration: { dispose(): void } | null = null;
  let relintTimer: NodeJS.Timeout | null = null;
  // Nothing is linted before the client's settings are known: "plugins": false there must hold from the first lint.
  let settingsRead!: () => void;
  const ready = new Promise<void>((resolve) => (settingsRead = resolve));

  let settings: ServerSettings = commandLine;
  function applySettings(next: ServerSettings): void {
    settings = next;
    linter.configure(next);
  }

  connection.onInitialize((params: InitializeParams) => {
    const capabilities = params.capabilities;
    canPullConfiguration = Boolean(capabilities.workspace?.configuration);
    canRegisterWatchers = Boolean(capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration);
    relativePatterns = Boolean(capabilities.workspace?.didChangeWatchedFiles?.relativePatternSupport);
    versionedEdits = Boolean(capabilities.workspace?.workspaceEdit?.documentChanges);
    workspaceFolders = Boolean(capabilities.workspace?.workspaceFolders);
    const folders = params.workspaceFolders?.map((folder) => pathOf(folder.uri)).filter((path): path is string => path !== null);
    const rootUri = params.rootUri ? pathOf(params.rootUri) : null;
    if (folders && folders.length > 0) roots = folders;
    else if (rootUri) roots = [rootUri];
    const initialization = params.initializationOptions as Record<string, unknown> | undefined;
    const given = initialization && typeof initialization === 'object' && 'pm-lint' in initialization ? initialization['pm-lint'] : initialization;
    const read = readSettings(given, commandLine);
    for (const problem of read.problems) connection.console.warn(`pm-lint: initializationOptions: ${problem}`);
    clientSettings = read.settings;
    applySettings(clientSettings);
    if (!canPullConfiguration) settingsRead();
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'pm-lint', version: packageVersion() },
    };
  });

  connection.onInitialized(async () => {
    if (canRegisterWatchers) {
      const watchers: FileSystemWatcher[] = WATCHED_NAMES.map((name) => ({ globPattern: `**/${name}` }));
      await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch(() => {
        canRegisterWatchers = false;
      });
    }
    if (!canRegisterWatchers) selfWatcher = new ConfigWatcher(WATCHED_NAMES, () => scheduleRelintAll(true));
    if (canPullConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'pm-lint' }).catch(() => {});
      await pullSettings();
      settingsRead();
    }
    for (const document of documents.all()) watchFor(document.uri);
    if (workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((folder) => pathOf(folder.uri)));
        roots = [...roots.filter((root) => !removed.has(root)), ...event.added.map((folder) => pathOf(folder.uri)).filter((path): path is string => path !== null)];
        if (roots.length === 0) roots = [resolve(options.cwd)];
        scheduleRelintAll(true);
      });
    }
  });

  async function pullSettings(): Promise<void> {
    try {
      const [value] = (await connection.workspace.getConfiguration([{ section: 'pm-lint' }])) as unknown[];
      const read = readSettings(value, clientSettings);
      for (const problem of read.problems) connection.console.warn(`pm-lint: settings: ${problem}`);
      applySettings(read.settings);
    } catch (error) {
      connection.console.warn(`pm-lint: the client's settings could not be read: ${describe(error)}`);
    }
  }

  connection.onDidChangeConfiguration(async (params) => {
    if (canPullConfiguration) {
      await pullSettings();
    } else {
      const pushed = (params.settings as Record<string, unknown> | null)?.['pm-lint'];
      const read = readSettings(pushed, clientSettings);
      for (const problem of read.problems) connection.console.warn(`pm-lint: settings: ${problem}`);
      applySettings(read.settings);
    }
    relintAll();
  });

  connection.onDidChangeWatchedFiles((params) => {
    const relevant = params.changes.some((change) => {
      const path = pathOf(change.uri);
      if (path === null) return false;
      return WATCHED_NAMES.some((name) => path.endsWith(`${sep}${name}`)) || namedWatched.has(path);
    });
    if (relevant) scheduleRelintAll(true);
  });

  documents.onDidOpen((event) => {
    justOpened.add(event.document.uri);
    watchFor(event.document.uri);
  });

  documents.onDidChangeContent((event) => {
    const { uri } = event.document;
    if (justOpened.delete(uri)) {
      void lintAndPublish(uri);
      return;
    }
    clearTimeout(timers.get(uri));
    const delay = settings.debounce;
    if (delay === 0) {
      timers.delete(uri);
      void lintAndPublish(uri);
    } else {
      timers.set(uri, setTimeout(() => {
        timers.delete(uri);
        void lintAndPublish(uri);
      }, delay));
    }
  });

  documents.onDidClose((event) => {
    const { uri } = event.document;
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    justOpened.delete(uri);
    linted.delete(uri);
    sequence.set(uri, (sequence.get(uri) ?? 0) + 1);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  connection.onCodeAction(async (params) => codeActions(params));
  connection.onHover(async (params) => hover(params));

  connection.onShutdown(() => {
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
    if (relintTimer) clearTimeout(relintTimer);
    selfWatcher?.close();
  });

  documents.listen(connection);
  connection.listen();
  return connection;

  /** The file a document is, and the workspace folder it is linted from (the CLI's working directory). */
  function placeOf(document: TextDocument): { filePath: string; root: string } | null {
    const path = pathOf(document.uri);
    if (path === null) {
      if (!document.uri.startsWith('untitled:')) return null;
      return { filePath: join(roots[0]!, '<untitled>'), root: roots[0]! };
    }
    const root = roots.filter((candidate) => path === candidate || path.startsWith(candidate.endsWith(sep) ? candidate : candidate + sep)).sort((a, b) => b.length - a.length)[0];
    return { filePath: path, root: root ?? roots[0]! };
  }

  function isMarkdown(document: TextDocument): boolean {
    if (document.languageId === 'markdown') return true;
    const path = pathOf(document.uri);
    return path !== null && MARKDOWN_EXTENSIONS.includes(extname(path).toLowerCase());
  }

  /** Lints a document as it is now; null when it is not one pm-lint lints, or closed. */
  async function lintNow(uri: string): Promise<Linted | null> {
    await ready;
    const document = documents.get(uri);
    if (!document || !isMarkdown(document)) return null;
    const place = placeOf(document);
    if (!place) return null;
    const { text, bom } = lintableText(document.getText());
    const outcome = await linter.lint(place.filePath, text, place.root);
    if (outcome.kind === 'linted') watchNamed(namedFiles(outcome.config));
    if (outcome.kind === 'config-error') watchNamed(problemFiles(outcome.problems));
    if (outcome.kind === 'failed') connection.console.error(`pm-lint: ${place.filePath}: ${outcome.reason}`);
    return { version: document.version, bom, outcome, findings: findingsOf(outcome, document, bom) };
  }

  async function lintAndPublish(uri: string): Promise<void> {
    const ticket = (sequence.get(uri) ?? 0) + 1;
    sequence.set(uri, ticket);
    try {
      const result = await lintNow(uri);
      // A later lint (or the document's closing) has overtaken this one.
      if (sequence.get(uri) !== ticket || !result) return;
      linted.set(uri, result);
      await connection.sendDiagnostics({ uri, version: result.version, diagnostics: result.findings.map((finding) => finding.diagnostic) });
    } catch (error) {
      connection.console.error(`pm-lint: ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }

  /** The last lint of a document if it is of its current text, else a new one. */
  async function current(uri: string): Promise<Linted | null> {
    const document = documents.get(uri);
    const last = linted.get(uri);
    if (document && last && last.version === document.version) return last;
    return lintNow(uri);
  }

  function relintAll(): void {
    for (const document of documents.all()) void lintAndPublish(document.uri);
  }

  /** Re-lints every open document soon (editors write a file in several steps); `invalidate` drops cached configuration first. */
  function scheduleRelintAll(invalidate: boolean): void {
    if (relintTimer) clearTimeout(relintTimer);
    relintTimer = setTimeout(() => {
      relintTimer = null;
      if (invalidate) linter.invalidate();
      relintAll();
    }, 50);
  }

  function watchFor(uri: string): void {
    const path = pathOf(uri);
    if (path !== null) selfWatcher?.watchAncestors(path);
  }

  /** Watches the files configurations name (templates, extended configurations) besides the ones every directory may hold. */
  function watchNamed(files: string[]): void {
    const added = files.filter((file) => !namedWatched.has(file) && !WATCHED_NAMES.some((name) => file.endsWith(`${sep}${name}`)));
    if (added.length === 0) return;
    for (const file of added) {
      namedWatched.add(file);
      selfWatcher?.watchFile(file);
    }
    if (canRegisterWatchers) {
      const watchers: FileSystemWatcher[] = [...namedWatched].map((file) => ({
        globPattern: relativePatterns ? { baseUri: pathToFileURL(dirname(file)).href, pattern: escapeGlob(basename(file)) } : escapeGlob(file.split(sep).join('/')),
      }));
      const previous = namedRegistration;
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).then(
        (registration) => {
          namedRegistration = registration;
          previous?.dispose();
        },
        () => {},
      );
    }
  }

  function findingsOf(outcome: LintOutcome, document: TextDocument, bom: number): Linted['findings'] {
    switch (outcome.kind) {
      case 'linted':
        return outcome.messages.map((message) => ({ message, diagnostic: toDiagnostic(message, bom) }));
      case 'ignored':
        return [];
      case 'config-error':
      case 'failed': {
        const firstLine = document.getText({ start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }).replace(/\r?\n$|\r$/, '');
        const text =
          outcome.kind === 'config-error'
            ? `pm-lint cannot lint this file: invalid configuration:\n${outcome.problems.map((problem) => formatProblem(problem)).join('\n')}`
            : `pm-lint cannot lint this file: ${outcome.reason}`;
        const diagnostic: Diagnostic = {
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: firstLine.length } },
          severity: DiagnosticSeverity.Error,
          source: SOURCE,
          message: text,
        };
        if (outcome.kind === 'config-error') {
          diagnostic.code = 'invalid-configuration';
          const related = outcome.problems.filter((problem) => problemFiles([problem]).length > 0);
          if (related.length > 0) {
            diagnostic.relatedInformation = related.map((problem) => ({
              location: { uri: pathToFileURL(problem.source).href, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
              message: `${problem.path ? `${problem.path}: ` : ''}${problem.message}`,
            }));
          }
        }
        const message: LintMessage = { ruleId: null, severity: 2, message: text, line: 1, column: 1, endLine: 1, endColumn: firstLine.length + 1 };
        return [{ message, diagnostic }];
      }
    }
  }

  async function codeActions(params: CodeActionParams): Promise<CodeAction[]> {
    const { uri } = params.textDocument;
    const document = documents.get(uri);
    const result = await current(uri);
    if (!document || !result || result.outcome.kind !== 'linted') return [];
    const wants = (kind: string) => !params.context.only || params.context.only.some((only) => only === '' || kind === only || kind.startsWith(`${only}.`));
    const actions: CodeAction[] = [];
    const edit = (edits: TextEdit[]): WorkspaceEdit =>
      versionedEdits ? { documentChanges: [{ textDocument: { uri, version: document.version }, edits }] } : { changes: { [uri]: edits } };
    const text = lintableText(document.getText()).text;
    const asked = params.context.diagnostics.filter((diagnostic) => diagnostic.source === SOURCE);
    const here = result.findings.filter(
      ({ diagnostic }) =>
        rangesIntersect(diagnostic.range, params.range) ||
        asked.some((other) => other.code === diagnostic.code && other.message === diagnostic.message && rangesIntersect(other.range, diagnostic.range)),
    );
    if (wants(CodeActionKind.QuickFix)) {
      for (const { message, diagnostic } of here) {
        if (message.fix && message.ruleId) {
          actions.push({ title: `Fix this ${message.ruleId} problem`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: edit([fixEdit(document, message.fix, result.bom)]) });
        }
      }
    }
    const fixable = result.findings.some(({ message }) => message.fix);
    if (fixable && (wants(CodeActionKind.QuickFix) || wants(FIX_ALL_KIND))) {
      const place = placeOf(document)!;
      const fixed = await linter.lint(place.filePath, text, place.root, true);
      const all = fixed.kind === 'linted' && fixed.output !== undefined ? minimalEdit(document, text, fixed.output, result.bom) : null;
      if (all) {
        if (wants(CodeActionKind.QuickFix) && here.some(({ message }) => message.fix)) {
          actions.push({ title: 'Fix all auto-fixable pm-lint problems', kind: CodeActionKind.QuickFix, diagnostics: here.filter(({ message }) => message.fix).map(({ diagnostic }) => diagnostic), edit: edit([all]) });
        }
        if (wants(FIX_ALL_KIND)) actions.push({ title: 'Fix all auto-fixable pm-lint problems', kind: FIX_ALL_KIND, edit: edit([all]) });
      }
    }
    if (wants(CodeActionKind.QuickFix)) {
      const done = new Set<string>();
      const disableComment = disableComments(text);
      for (const { message, diagnostic } of here) {
        if (!message.ruleId || done.has(`${message.ruleId}:${message.line}`)) continue;
        done.add(`${message.ruleId}:${message.line}`);
        const insertion = disableComment(message.line, message.ruleId);
        if (!insertion) continue;
        const at = document.positionAt(insertion.offset + result.bom);
        actions.push({
          title: `Disable ${message.ruleId} for this ${insertion.scope}`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: edit([{ range: { start: at, end: at }, newText: insertion.text }]),
        });
      }
    }
    return actions;
  }

  async function hover(params: HoverParams): Promise<Hover | null> {
    const result = await current(params.textDocument.uri);
    if (!result) return null;
    const under = result.findings.filter(({ message, diagnostic }) => message.ruleId !== null && rangeContains(diagnostic.range, params.position));
    if (under.length === 0) return null;
    const known = [...builtInRules, ...loadedPluginRules()];
    const texts: string[] = [];
    for (const ruleId of new Set(under.map(({ message }) => message.ruleId!))) {
      const explained = explainRule(ruleId, known);
      if ('text' in explained) texts.push(explained.text);
    }
    if (texts.length === 0) return null;
    return { contents: { kind: 'markdown', value: texts.join('\n---\n\n') }, range: under[0]!.diagnostic.range };
  }
}

/** A file name or path as a glob that matches only it: glob characters stand for themselves in brackets. */
function escapeGlob(path: string): string {
  return path.replace(/[*?[\]{}]/g, (character) => `[${character}]`);
}

function pathOf(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
