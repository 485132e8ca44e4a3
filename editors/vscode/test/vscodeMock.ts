// A small stand-in for the `vscode` module (no VS Code binary can run here): enough API for the extension to activate and run its commands.
import Module from "module";

type Listener = (...args: unknown[]) => unknown;

export interface MockState {
  config: Record<string, unknown>;
  updates: { key: string; value: unknown }[];
  commands: Map<string, Listener>;
  executed: unknown[][];
  messages: { level: string; text: string }[];
  output: string[];
  projectFiles: string[];
  folders: string[];
  status: { text: string; tooltip: string; command: string | undefined; visible: boolean };
  diagnostics: Map<string, unknown[]>;
}

class Disposable {
  constructor(private readonly f: () => void = () => undefined) {}
  dispose(): void {
    this.f();
  }
}

class Uri {
  scheme = "file";
  private constructor(public fsPath: string) {}
  static file(p: string): Uri {
    return new Uri(p);
  }
  toString(): string {
    return `file://${this.fsPath}`;
  }
}

class Range {
  constructor(
    public startLine: number,
    public startCharacter: number,
    public endLine: number,
    public endCharacter: number,
  ) {}
}

class Diagnostic {
  source?: string;
  constructor(
    public range: Range,
    public message: string,
    public severity: number,
  ) {}
}

class EventEmitter {
  private listeners: Listener[] = [];
  event = (l: Listener): Disposable => {
    this.listeners.push(l);
    return new Disposable();
  };
  fire(v: unknown): void {
    this.listeners.forEach((l) => l(v));
  }
  dispose(): void {
    this.listeners = [];
  }
}

/** Installs the mock as `vscode` for every later `require("vscode")`; returns its recorded state. */
export function installVscodeMock(): MockState {
  const state: MockState = {
    config: {},
    updates: [],
    commands: new Map(),
    executed: [],
    messages: [],
    output: [],
    projectFiles: [],
    folders: [],
    status: { text: "", tooltip: "", command: undefined, visible: false },
    diagnostics: new Map(),
  };
  const message =
    (level: string) =>
    (text: string): Promise<undefined> => {
      state.messages.push({ level, text });
      return Promise.resolve(undefined);
    };
  const api: Record<string, unknown> = {
    Uri,
    Range,
    Diagnostic,
    EventEmitter,
    Disposable,
    RelativePattern: class {
      constructor(
        public base: string,
        public pattern: string,
      ) {}
    },
    StatusBarAlignment: { Left: 1, Right: 2 },
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
    ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
    ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
    version: "1.90.0",
    env: { appName: "mock" },
    window: {
      createOutputChannel: () => ({ appendLine: (l: string) => state.output.push(l), append: () => undefined, show: () => undefined, dispose: () => undefined }),
      createStatusBarItem: () => ({
        set text(v: string) {
          state.status.text = v;
        },
        set tooltip(v: string) {
          state.status.tooltip = v;
        },
        set command(v: string | undefined) {
          state.status.command = v;
        },
        show: () => {
          state.status.visible = true;
        },
        dispose: () => undefined,
      }),
      showInformationMessage: message("info"),
      showWarningMessage: message("warn"),
      showErrorMessage: message("error"),
      withProgress: (_o: unknown, task: () => unknown) => task(),
      onDidChangeActiveTextEditor: () => new Disposable(),
      activeTextEditor: undefined,
    },
    workspace: {
      get workspaceFolders() {
        return state.folders.map((f, index) => ({ uri: Uri.file(f), name: f, index }));
      },
      getWorkspaceFolder: () => undefined,
      getConfiguration: (section: string) => ({
        get: (key: string) => state.config[`${section}.${key}`],
        update: (key: string, value: unknown) => {
          state.updates.push({ key: `${section}.${key}`, value });
          return Promise.resolve();
        },
      }),
      findFiles: () => Promise.resolve(state.projectFiles.map((f) => Uri.file(f))),
      createFileSystemWatcher: () => ({ onDidCreate: () => new Disposable(), onDidDelete: () => new Disposable(), onDidChange: () => new Disposable(), dispose: () => undefined }),
      onDidChangeConfiguration: () => new Disposable(),
    },
    languages: {
      createDiagnosticCollection: () => ({
        clear: () => state.diagnostics.clear(),
        set: (uri: Uri, list: unknown[]) => state.diagnostics.set(uri.fsPath, list),
        dispose: () => undefined,
      }),
    },
    commands: {
      registerCommand: (id: string, f: Listener) => {
        state.commands.set(id, f);
        return new Disposable(() => state.commands.delete(id));
      },
      executeCommand: (...args: unknown[]) => {
        state.executed.push(args);
        return Promise.resolve();
      },
    },
  };
  // Anything else the language client touches while loading is an inert class.
  const mock = new Proxy(api, {
    get: (target, prop: string) => (prop in target ? target[prop] : class {}),
  });
  const m = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
  const original = m._resolveFilename;
  m._resolveFilename = function (request: string, ...rest: unknown[]): string {
    return request === "vscode" ? "vscode-mock" : original.call(this, request, ...rest);
  };
  const cache = require.cache as Record<string, unknown>;
  cache["vscode-mock"] = { id: "vscode-mock", filename: "vscode-mock", loaded: true, exports: mock };
  return state;
}
