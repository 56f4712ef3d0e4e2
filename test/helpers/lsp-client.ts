import { spawn, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type {
  ClientCapabilities, CodeAction, Diagnostic, Hover, InitializeResult, Position, PublishDiagnosticsParams, Range,
  TextDocumentContentChangeEvent, TextEdit, WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { bin } from './cli.js';

/** Long enough for a loaded machine: tests wait for notifications, never for a time. */
const TIMEOUT = 30_000;

export interface ClientOptions {
  cwd: string;
  /** Arguments after `pm-lint lsp`. */
  args?: readonly string[];
  /** The binary to start (default: this checkout's bundled one). */
  bin?: string;
  capabilities?: ClientCapabilities;
  initializationOptions?: unknown;
  /** What the client answers to workspace/configuration for the "pm-lint" section. */
  settings?: unknown;
  /** The workspace folder (default: cwd). */
  root?: string;
}

/**
 * An editor for tests: starts `pm-lint lsp` from the bundled binary as a child process and
 * speaks JSON-RPC to it with vscode-jsonrpc, keeping every notification it receives.
 */
export class LspClient {
  readonly diagnostics: PublishDiagnosticsParams[] = [];
  readonly logs: string[] = [];
  readonly registrations: Array<{ method: string; registerOptions?: unknown }> = [];
  readonly documents = new Map<string, TextDocument>();
  private readonly waiters: Array<() => void> = [];
  private readonly exit: Promise<number | null>;

  private constructor(
    readonly child: ChildProcess,
    readonly connection: MessageConnection,
    readonly initialized: InitializeResult,
    private readonly output: { stderr: string },
  ) {
    this.exit = child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  }

  static async start(options: ClientOptions): Promise<LspClient> {
    const child = spawn(process.execPath, [options.bin ?? bin, 'lsp', ...(options.args ?? [])], { cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const pending: { client?: LspClient; early: Array<(client: LspClient) => void> } = { early: [] };
    const onClient = (act: (client: LspClient) => void): void => {
      if (pending.client) act(pending.client);
      else pending.early.push(act);
    };
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => onClient((client) => client.received(params)));
    connection.onNotification('window/logMessage', (params: { message: string }) => onClient((client) => client.logs.push(params.message)));
    connection.onRequest('client/registerCapability', (params: { registrations: Array<{ method: string; registerOptions?: unknown }> }) => {
      onClient((client) => {
        client.registrations.push(...params.registrations);
        client.notify();
      });
      return null;
    });
    connection.onRequest('client/unregisterCapability', () => null);
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => options.settings ?? null));
    connection.listen();
    const output = { stderr: '' };
    child.stderr!.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
    const root = options.root ?? options.cwd;
    const initialized = (await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(root).href,
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'test' }],
      capabilities: options.capabilities ?? {},
      initializationOptions: options.initializationOptions,
    })) as InitializeResult;
    const client = new LspClient(child, connection, initialized, output);
    pending.client = client;
    for (const act of pending.early) act(client);
    await connection.sendNotification('initialized', {});
    return client;
  }

  private received(params: PublishDiagnosticsParams): void {
    this.diagnostics.push(params);
    this.notify();
  }

  private notify(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  /** Waits until `test` holds for what has been received (checked on every notification). */
  async until<T>(what: string, test: () => T | undefined): Promise<T> {
    const deadline = Date.now() + TIMEOUT;
    for (;;) {
      const found = test();
      if (found !== undefined) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; received ${JSON.stringify(this.diagnostics.map((d) => [d.uri, d.version, d.diagnostics.length]))}; stderr: ${this.output.stderr}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The first diagnostics published for a document after `after` notifications, optionally for one version. */
  async diagnosticsFor(uri: string, options: { version?: number; after?: number } = {}): Promise<Diagnostic[]> {
    const found = await this.until(`diagnostics of ${uri}${options.version !== undefined ? ` version ${options.version}` : ''}`, () =>
      this.diagnostics
        .slice(options.after ?? 0)
        .find((params) => params.uri === uri && (options.version === undefined || params.version === options.version)),
    );
    return found.diagnostics;
  }

  async open(path: string, text: string, languageId = 'markdown'): Promise<string> {
    const uri = pathToFileURL(path).href;
    this.documents.set(uri, TextDocument.create(uri, languageId, 1, text));
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  /** Changes an open document (incrementally, as editors do) and returns its new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const document = this.documents.get(uri)!;
    const version = document.version + 1;
    this.documents.set(uri, TextDocument.update(document, changes, version));
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  /** Applies a workspace edit the server proposed, as the editor would, and sends the change. */
  async apply(edit: WorkspaceEdit): Promise<number> {
    const changes: Array<{ uri: string; edits: TextEdit[] }> = [];
    for (const change of edit.documentChanges ?? []) {
      if ('textDocument' in change) changes.push({ uri: change.textDocument.uri, edits: change.edits as TextEdit[] });
    }
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) changes.push({ uri, edits });
    if (changes.length !== 1) throw new Error(`expected edits of one document, got ${changes.length}`);
    const [{ uri, edits }] = changes as [{ uri: string; edits: TextEdit[] }];
    const text = TextDocument.applyEdits(this.documents.get(uri)!, edits);
    return this.change(uri, [{ text }]);
  }

  text(uri: string): string {
    return this.documents.get(uri)!.getText();
  }

  async close(uri: string): Promise<void> {
    this.documents.delete(uri);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[] = [], only?: string[]): Promise<CodeAction[]> {
    return this.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } });
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
  }

  async filesChanged(paths: string[], type = 2): Promise<void> {
    await this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: paths.map((path) => ({ uri: pathToFileURL(path).href, type })) });
  }

  /** shutdown, then exit: resolves with the server's exit code. */
  async shutdown(): Promise<number | null> {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await this.exit;
    this.connection.dispose();
    return code;
  }

  /** Ends a server a failed test left running. */
  kill(): void {
    if (this.child.exitCode === null) this.child.kill();
    this.connection.dispose();
  }
}
