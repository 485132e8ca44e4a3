// A scripted Host for the command tests: canned mpbuild answers, recorded messages, an in-memory file system.
import type { CheckDiagnostic, ExecResult, FileError } from "../src/cli";
import type { Host, PickItem } from "../src/commands";
import { readSettings } from "../src/settings";
import type { Settings } from "../src/settings";

export class FakeHost implements Host {
  files = new Map<string, string>();
  calls: { args: string[]; cwd: string }[] = [];
  terminals: { title: string; args: string[]; cwd: string }[] = [];
  execs: { command: string; args: string[] }[] = [];
  messages: { level: "info" | "warn" | "error"; text: string }[] = [];
  logs: string[] = [];
  picks: { placeholder: string; items: PickItem<unknown>[] }[] = [];
  buildErrors: FileError[] | undefined;
  checkDiagnostics: CheckDiagnostic[] | undefined;
  settingsSet = new Map<string, unknown>();
  python = new Map<string, unknown>();
  changed = 0;
  opened: string[] = [];
  /** Answers, consumed in order. */
  pickAnswer: (items: PickItem<unknown>[]) => unknown = () => undefined;
  confirmAnswer: string | undefined;
  inputAnswer: string | undefined;
  fileAnswer: string | undefined;
  confirmations: { message: string; detail: string }[] = [];

  constructor(
    public root: string | undefined,
    public active: string | undefined,
    private readonly answer: (args: string[]) => ExecResult,
    private readonly settingValues: Record<string, unknown> = {},
    private readonly execAnswer: ExecResult = { code: 0, stdout: "", stderr: "" },
  ) {}

  settings(): Settings {
    return readSettings((k) => this.settingValues[k]).settings;
  }
  projectRoot(): string | undefined {
    return this.root;
  }
  workspaceFolder(): string | undefined {
    return this.root;
  }
  activeFile(): Promise<string | undefined> {
    return Promise.resolve(this.active);
  }
  mpbuild(args: string[], cwd: string): Promise<ExecResult> {
    this.calls.push({ args, cwd });
    return Promise.resolve(this.answer(args));
  }
  mpbuildTerminal(title: string, args: string[], cwd: string): Promise<void> {
    this.terminals.push({ title, args, cwd });
    return Promise.resolve();
  }
  exec(command: string, args: string[]): Promise<ExecResult> {
    this.execs.push({ command, args });
    return Promise.resolve(this.execAnswer);
  }
  info(text: string): void {
    this.messages.push({ level: "info", text });
  }
  warn(text: string): void {
    this.messages.push({ level: "warn", text });
  }
  error(text: string): void {
    this.messages.push({ level: "error", text });
  }
  log(text: string): void {
    this.logs.push(text);
  }
  pick<T>(items: PickItem<T>[], placeholder: string): Promise<T | undefined> {
    this.picks.push({ placeholder, items });
    return Promise.resolve(this.pickAnswer(items) as T | undefined);
  }
  pickFile(): Promise<string | undefined> {
    return Promise.resolve(this.fileAnswer);
  }
  confirm(message: string, detail: string): Promise<string | undefined> {
    this.confirmations.push({ message, detail });
    return Promise.resolve(this.confirmAnswer);
  }
  input(): Promise<string | undefined> {
    return Promise.resolve(this.inputAnswer);
  }
  readFile(file: string): Promise<string | undefined> {
    return Promise.resolve(this.files.get(file));
  }
  writeFile(file: string, text: string): Promise<void> {
    this.files.set(file, text);
    return Promise.resolve();
  }
  openFile(file: string): Promise<void> {
    this.opened.push(file);
    return Promise.resolve();
  }
  updateSetting(key: string, value: unknown): Promise<void> {
    this.settingsSet.set(key, value);
    return Promise.resolve();
  }
  pythonAnalysis(key: string): unknown {
    return this.python.get(key);
  }
  updatePythonAnalysis(key: string, value: unknown): Promise<void> {
    this.python.set(key, value);
    return Promise.resolve();
  }
  showBuildErrors(_root: string, errors: FileError[]): void {
    this.buildErrors = errors;
  }
  showCheckDiagnostics(_root: string, diagnostics: CheckDiagnostic[]): void {
    this.checkDiagnostics = diagnostics;
  }
  projectChanged(): void {
    this.changed++;
  }
}

/** A successful `--json` answer. */
export function ok(value: Record<string, unknown>): ExecResult {
  return { code: 0, stdout: JSON.stringify({ ok: true, ...value }, null, 2), stderr: "" };
}

/** What clap prints for a verb this mpbuild does not have. */
export function unknownVerb(verb: string): ExecResult {
  return {
    code: 2,
    stdout: "",
    stderr: `error: unrecognized subcommand '${verb}'\n\nUsage: mpbuild [OPTIONS] <COMMAND>\n\nFor more information, try '--help'.\n`,
  };
}
