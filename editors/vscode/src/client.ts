// The mpls language clients: one per folder holding mpbuild.toml, for the Python files below it, beside any other Python server.
import * as path from "path";
import * as vscode from "vscode";
import { DidChangeConfigurationNotification, LanguageClient } from "vscode-languageclient/node";
import type { LanguageClientOptions, ServerOptions } from "vscode-languageclient/node";
import { serverSettings } from "./settings";
import type { Settings } from "./settings";

/** The client id: VS Code reads `mpbuild.trace.server` for it. */
export const CLIENT_ID = "mpbuild";

/** Starts and stops one mpls per project root. */
export class Servers implements vscode.Disposable {
  private readonly clients = new Map<string, LanguageClient>();

  constructor(
    private readonly output: vscode.OutputChannel,
    private readonly trace: vscode.OutputChannel,
  ) {}

  /** The project roots with a running client. */
  roots(): string[] {
    return [...this.clients.keys()];
  }

  /** Makes the running clients match `roots` (starting new ones, stopping those whose mpbuild.toml is gone). */
  async sync(roots: string[], command: string, settings: Settings): Promise<void> {
    for (const root of [...this.clients.keys()]) {
      if (!roots.includes(root)) {
        await this.stop(root);
      }
    }
    for (const root of roots) {
      if (!this.clients.has(root)) {
        await this.start(root, command, settings);
      }
    }
  }

  private async start(root: string, command: string, settings: Settings): Promise<void> {
    const serverOptions: ServerOptions = { command, args: ["--stdio", ...settings.server.args], options: { cwd: root } };
    const pattern = `${root.replace(/\\/g, "/")}/**/*`;
    const clientOptions: LanguageClientOptions = {
      documentSelector: [{ scheme: "file", language: "python", pattern }],
      workspaceFolder: { uri: vscode.Uri.file(root), name: path.basename(root), index: 0 },
      initializationOptions: serverSettings(settings.lint),
      synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(root, "mpbuild.toml")) },
      outputChannel: this.output,
      traceOutputChannel: this.trace,
      diagnosticCollectionName: "mpls",
    };
    const client = new LanguageClient(CLIENT_ID, `mpls (${path.basename(root)})`, serverOptions, clientOptions);
    this.clients.set(root, client);
    this.output.appendLine(`starting ${command} --stdio for ${root}`);
    try {
      await client.start();
    } catch (e) {
      this.clients.delete(root);
      const message = e instanceof Error ? e.message : String(e);
      this.output.appendLine(`mpls did not start: ${message}`);
      void vscode.window.showErrorMessage(`mpls did not start for ${path.basename(root)}: ${message}`);
    }
  }

  private async stop(root: string): Promise<void> {
    const client = this.clients.get(root);
    this.clients.delete(root);
    if (client !== undefined) {
      try {
        await client.stop();
      } catch (e) {
        this.output.appendLine(`stopping mpls: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }

  /** Stops every client. */
  async stopAll(): Promise<void> {
    for (const root of [...this.clients.keys()]) {
      await this.stop(root);
    }
  }

  /** Sends changed lint settings to every running server. */
  async sendSettings(settings: Settings): Promise<void> {
    for (const client of this.clients.values()) {
      if (client.isRunning()) {
        await client.sendNotification(DidChangeConfigurationNotification.type, { settings: serverSettings(settings.lint) });
      }
    }
  }

  dispose(): void {
    void this.stopAll();
  }
}
