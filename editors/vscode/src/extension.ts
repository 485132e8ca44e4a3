// Entry point of the VS Code extension: wires the settings, the mpls clients, the commands, the status bar and build diagnostics to the VS Code API.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as vscode from "vscode";
import { runMpbuild, parseBoards, parseOutcome } from "./cli";
import type { BoardInfo, CheckDiagnostic, ExecResult, FileError } from "./cli";
import { Servers } from "./client";
import { CLIENT_COMMAND_IDS, COMMAND_IDS, commandHandlers } from "./commands";
import type { Host, PickItem } from "./commands";
import { resolveExecutable } from "./executable";
import type { Probe, Resolution } from "./executable";
import { PROJECT_FILE, findProjectRoot, readTarget } from "./project";
import { needsRestart, readSettings } from "./settings";
import type { Settings } from "./settings";
import { statusView } from "./status";

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function probe(): Probe {
  return { isFile, env: process.env, platform: process.platform, arch: process.arch, home: os.homedir() };
}

class Extension implements Host {
  private readonly output = vscode.window.createOutputChannel("mpbuild");
  private readonly trace = vscode.window.createOutputChannel("mpls trace");
  private readonly status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 50);
  private readonly buildDiagnostics = vscode.languages.createDiagnosticCollection("mpbuild");
  private readonly checkDiagnostics = vscode.languages.createDiagnosticCollection("mpbuild check");
  private readonly servers = new Servers(this.output, this.trace);
  private readonly boardCache = new Map<string, BoardInfo | null>();
  private lastProblems = "";
  private roots: string[] = [];

  constructor(private readonly context: vscode.ExtensionContext) {
    context.subscriptions.push(this.output, this.trace, this.status, this.buildDiagnostics, this.checkDiagnostics, this.servers);
  }

  // ---- Host ----

  settings(): Settings {
    const config = vscode.workspace.getConfiguration("mpbuild");
    const { settings, problems } = readSettings((key) => config.get(key));
    const text = problems.join("\n");
    if (text !== this.lastProblems) {
      this.lastProblems = text;
      if (text !== "") {
        this.output.appendLine(`settings: ${text}`);
        void vscode.window.showWarningMessage(`mpbuild settings: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more, see the mpbuild output)` : ""}`);
      }
    }
    return settings;
  }

  projectRoot(): string | undefined {
    const file = vscode.window.activeTextEditor?.document.uri;
    if (file !== undefined && file.scheme === "file") {
      const folder = vscode.workspace.getWorkspaceFolder(file);
      if (folder !== undefined) {
        const root = findProjectRoot(path.dirname(file.fsPath), folder.uri.fsPath, isFile);
        if (root !== undefined) {
          return root;
        }
      }
    }
    return this.roots[0];
  }

  workspaceFolder(): string | undefined {
    const file = vscode.window.activeTextEditor?.document.uri;
    const folder = file !== undefined ? vscode.workspace.getWorkspaceFolder(file) : undefined;
    return (folder ?? vscode.workspace.workspaceFolders?.[0])?.uri.fsPath;
  }

  async activeFile(): Promise<string | undefined> {
    const doc = vscode.window.activeTextEditor?.document;
    if (doc === undefined || doc.uri.scheme !== "file") {
      return undefined;
    }
    if (doc.isDirty) {
      await doc.save();
    }
    return doc.uri.fsPath;
  }

  private executable(base: "mpls" | "mpbuild", settings: Settings): Resolution {
    return base === "mpls"
      ? resolveExecutable("mpls", "mpbuild.server.path", settings.server.path, this.context.extensionPath, probe())
      : resolveExecutable("mpbuild", "mpbuild.cli.path", settings.cliPath, this.context.extensionPath, probe());
  }

  async mpbuild(args: string[], cwd: string): Promise<ExecResult> {
    const exe = this.executable("mpbuild", this.settings());
    if (!exe.ok) {
      return { code: null, stdout: "", stderr: "", spawnError: exe.message };
    }
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: `mpbuild ${args[0] ?? ""}` },
      () => runMpbuild(exe.command, args, cwd),
    );
  }

  mpbuildTerminal(title: string, args: string[], cwd: string): Promise<void> {
    const exe = this.executable("mpbuild", this.settings());
    if (!exe.ok) {
      this.error(exe.message);
      return Promise.resolve();
    }
    const terminal = vscode.window.createTerminal({ name: title, shellPath: exe.command, shellArgs: args, cwd });
    terminal.show();
    return Promise.resolve();
  }

  async exec(command: string, args: string[], cwd: string): Promise<ExecResult> {
    return await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Running ${path.basename(command)}…` }, () =>
      runMpbuild(command, args, cwd),
    );
  }

  info(message: string): void {
    void vscode.window.showInformationMessage(message);
  }

  warn(message: string): void {
    void vscode.window.showWarningMessage(message);
  }

  error(message: string): void {
    void vscode.window.showErrorMessage(message, "Show output").then((a) => {
      if (a !== undefined) {
        this.output.show(true);
      }
    });
  }

  log(text: string): void {
    this.output.appendLine(text);
  }

  async pick<T>(items: PickItem<T>[], placeholder: string): Promise<T | undefined> {
    const chosen = await vscode.window.showQuickPick(
      items.map((i) => ({ label: i.label, description: i.description, detail: i.detail, item: i })),
      { placeHolder: placeholder, matchOnDescription: true },
    );
    return chosen?.item.value;
  }

  async pickFile(title: string, filters: Record<string, string[]>): Promise<string | undefined> {
    const picked = await vscode.window.showOpenDialog({ title, filters, canSelectMany: false, canSelectFolders: false });
    return picked?.[0]?.fsPath;
  }

  confirm(message: string, detail: string, actions: string[]): Promise<string | undefined> {
    return Promise.resolve(vscode.window.showInformationMessage(message, { modal: true, detail }, ...actions));
  }

  input(prompt: string, placeholder: string): Promise<string | undefined> {
    return Promise.resolve(vscode.window.showInputBox({ prompt, placeHolder: placeholder }));
  }

  async readFile(file: string): Promise<string | undefined> {
    try {
      return await fs.promises.readFile(file, "utf8");
    } catch {
      return undefined;
    }
  }

  async writeFile(file: string, text: string): Promise<void> {
    await fs.promises.writeFile(file, text, "utf8");
  }

  async openFile(file: string): Promise<void> {
    await vscode.window.showTextDocument(vscode.Uri.file(file));
  }

  async updateSetting(key: string, value: unknown): Promise<void> {
    await vscode.workspace.getConfiguration("mpbuild").update(key, value, vscode.ConfigurationTarget.Workspace);
  }

  pythonAnalysis(key: string): unknown {
    return vscode.workspace.getConfiguration("python.analysis").get(key);
  }

  async updatePythonAnalysis(key: string, value: unknown): Promise<void> {
    await vscode.workspace.getConfiguration("python.analysis").update(key, value, vscode.ConfigurationTarget.Workspace);
  }

  showCheckDiagnostics(root: string, diagnostics: CheckDiagnostic[]): void {
    this.checkDiagnostics.clear();
    const byFile = new Map<string, vscode.Diagnostic[]>();
    const severity = { error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning, info: vscode.DiagnosticSeverity.Information, hint: vscode.DiagnosticSeverity.Hint };
    for (const c of diagnostics) {
      const range = new vscode.Range(c.line - 1, c.column - 1, c.endLine - 1, c.endColumn - 1);
      const d = new vscode.Diagnostic(range, c.fix !== undefined ? `${c.message} (fix: ${c.fix})` : c.message, severity[c.severity]);
      d.source = "mpbuild check";
      d.code = c.code;
      const file = path.join(root, c.path);
      byFile.set(file, [...(byFile.get(file) ?? []), d]);
    }
    for (const [file, list] of byFile) {
      this.checkDiagnostics.set(vscode.Uri.file(file), list);
    }
  }

  showBuildErrors(root: string, errors: FileError[]): void {
    this.buildDiagnostics.clear();
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const e of errors) {
      const line = Math.max(0, (e.line ?? 1) - 1);
      const d = new vscode.Diagnostic(new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER), `${e.kind}: ${e.message}`, vscode.DiagnosticSeverity.Error);
      d.source = "mpbuild";
      const file = path.join(root, e.path);
      byFile.set(file, [...(byFile.get(file) ?? []), d]);
    }
    for (const [file, list] of byFile) {
      this.buildDiagnostics.set(vscode.Uri.file(file), list);
    }
  }

  projectChanged(): void {
    void this.refresh();
  }

  // ---- wiring ----

  private async projectRoots(): Promise<string[]> {
    const files = await vscode.workspace.findFiles(`**/${PROJECT_FILE}`, "**/{node_modules,.git,build,target}/**", 50);
    return [...new Set(files.map((f) => path.dirname(f.fsPath)))].sort();
  }

  /** Finds the projects, starts/stops servers, updates the context key and the status bar. */
  async refresh(): Promise<void> {
    this.roots = await this.projectRoots();
    await vscode.commands.executeCommand("setContext", "mpbuild.project", this.roots.length > 0);
    const settings = this.settings();
    if (!settings.server.enabled || this.roots.length === 0) {
      await this.servers.stopAll();
    } else {
      const exe = this.executable("mpls", settings);
      if (exe.ok) {
        await this.servers.sync(this.roots, exe.command, settings);
      } else {
        this.output.appendLine(exe.message);
        void vscode.window.showWarningMessage(exe.message, "Open settings").then((a) => {
          if (a !== undefined) {
            void vscode.commands.executeCommand("workbench.action.openSettings", "mpbuild.server.path");
          }
        });
      }
    }
    await this.updateStatus();
  }

  private async boardInfo(root: string, board: string): Promise<BoardInfo | undefined> {
    if (!this.boardCache.has(board)) {
      const outcome = parseOutcome(await this.mpbuild(["boards", board, "--json"], root));
      const value = outcome.ok ? outcome.value : null;
      const info = value !== null && typeof value.board === "object" ? parseBoards({ boards: [value.board] })[0] : undefined;
      this.boardCache.set(board, info ?? null);
    }
    return this.boardCache.get(board) ?? undefined;
  }

  async updateStatus(): Promise<void> {
    const root = this.projectRoot();
    const settings = this.settings();
    if (root === undefined) {
      const view = statusView({ hasProject: false, target: {}, port: settings.port });
      this.status.text = view.text;
      this.status.tooltip = view.tooltip;
      this.status.command = "mpbuild.createProject";
      this.status.show();
      return;
    }
    const target = readTarget((await this.readFile(path.join(root, PROJECT_FILE))) ?? "");
    const board = target.board !== undefined ? await this.boardInfo(root, target.variant !== undefined ? `${target.board}-${target.variant}` : target.board) : undefined;
    const view = statusView({ hasProject: true, target, board, port: settings.port });
    this.status.text = view.text;
    this.status.tooltip = view.tooltip;
    this.status.command = "mpbuild.selectBoard";
    this.status.show();
  }

  activate(): void {
    const handlers = commandHandlers(this);
    for (const id of COMMAND_IDS) {
      this.context.subscriptions.push(vscode.commands.registerCommand(id, handlers[id]));
    }
    const [restart, show] = CLIENT_COMMAND_IDS;
    this.context.subscriptions.push(
      vscode.commands.registerCommand(restart, async () => {
        await this.servers.stopAll();
        await this.refresh();
      }),
      vscode.commands.registerCommand(show, () => this.output.show()),
      vscode.workspace.onDidChangeConfiguration(async (e) => {
        if (!e.affectsConfiguration("mpbuild")) {
          return;
        }
        if (needsRestart((k) => e.affectsConfiguration(k))) {
          await this.servers.stopAll();
          await this.refresh();
        } else if (e.affectsConfiguration("mpbuild.lint")) {
          await this.servers.sendSettings(this.settings());
        }
        await this.updateStatus();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => void this.updateStatus()),
    );
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${PROJECT_FILE}`);
    const changed = (): void => {
      this.boardCache.clear();
      void this.refresh();
    };
    watcher.onDidCreate(changed);
    watcher.onDidDelete(changed);
    watcher.onDidChange(() => void this.updateStatus());
    this.context.subscriptions.push(watcher);
    void this.refresh();
  }

  async deactivate(): Promise<void> {
    await this.servers.stopAll();
  }
}

let instance: Extension | undefined;

export function activate(context: vscode.ExtensionContext): void {
  instance = new Extension(context);
  instance.activate();
}

export async function deactivate(): Promise<void> {
  await instance?.deactivate();
  instance = undefined;
}
