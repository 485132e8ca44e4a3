// The editor commands (build, check, deploy, run, flash, profile, board/port selection, project and stub set-up), written against a small Host interface so they can be tested without VS Code.
import * as path from "path";
import { cliArgs, firstLine, parseBoards, parseCheck, parseOutcome, parsePorts, parseProfile, profileTable, summarize } from "./cli";
import type { BoardInfo, CheckDiagnostic, ExecResult, FileError, Invocation, Outcome, Verb } from "./cli";
import { PROJECT_FILE, newProjectFile, projectName, readTarget, setTargetKeys } from "./project";
import type { Settings } from "./settings";
import { pipInstallCommand, pylanceEdits, pyrightConfig, shellQuote, stubPackage, versionPin } from "./stubs";

/** One item of a quick pick. */
export interface PickItem<T> {
  label: string;
  description?: string;
  detail?: string;
  value: T;
}

/** What the commands need from the editor. `extension.ts` implements it with the VS Code API. */
export interface Host {
  settings(): Settings;
  /** The folder with mpbuild.toml for the active file (or the first workspace folder that has one). */
  projectRoot(): string | undefined;
  /** The workspace folder of the active file, else the first one. */
  workspaceFolder(): string | undefined;
  /** The active editor's file, saved first when it has changes. */
  activeFile(): Promise<string | undefined>;
  /** Runs mpbuild with these arguments (the executable comes from the settings). */
  mpbuild(args: string[], cwd: string): Promise<ExecResult>;
  /** Runs mpbuild in a terminal (for streamed, interactive output). */
  mpbuildTerminal(title: string, args: string[], cwd: string): Promise<void>;
  /** Runs another program (pip) and collects its output. */
  exec(command: string, args: string[], cwd: string): Promise<ExecResult>;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  /** Appends to the output channel. */
  log(text: string): void;
  pick<T>(items: PickItem<T>[], placeholder: string): Promise<T | undefined>;
  pickFile(title: string, filters: Record<string, string[]>): Promise<string | undefined>;
  /** A modal question; the chosen action, or `undefined` when dismissed. */
  confirm(message: string, detail: string, actions: string[]): Promise<string | undefined>;
  input(prompt: string, placeholder: string): Promise<string | undefined>;
  readFile(file: string): Promise<string | undefined>;
  writeFile(file: string, text: string): Promise<void>;
  openFile(file: string): Promise<void>;
  /** Updates `mpbuild.<key>` in the workspace settings. */
  updateSetting(key: string, value: unknown): Promise<void>;
  /** Reads and updates `python.analysis.<key>` in the workspace settings. */
  pythonAnalysis(key: string): unknown;
  updatePythonAnalysis(key: string, value: unknown): Promise<void>;
  /** Shows a build's compile errors as diagnostics (an empty list clears them). */
  showBuildErrors(root: string, errors: FileError[]): void;
  /** Shows the diagnostics of `mpbuild check` (every file of the project; an empty list clears them). */
  showCheckDiagnostics(root: string, diagnostics: CheckDiagnostic[]): void;
  /** The project changed (board, port, new mpbuild.toml): refresh the status bar, start the server. */
  projectChanged(): void;
}

/** The ids of the commands this module implements (package.json declares them, a test checks both lists). */
export const COMMAND_IDS = [
  "mpbuild.build",
  "mpbuild.check",
  "mpbuild.deploy",
  "mpbuild.run",
  "mpbuild.flash",
  "mpbuild.profile",
  "mpbuild.profileLocal",
  "mpbuild.selectBoard",
  "mpbuild.selectPort",
  "mpbuild.createProject",
  "mpbuild.setupStubs",
] as const;

export type CommandId = (typeof COMMAND_IDS)[number];

/** Commands `extension.ts` implements itself (they need the language client or the output channel). */
export const CLIENT_COMMAND_IDS = ["mpbuild.restartServer", "mpbuild.showOutput"] as const;

function rootOrFolder(host: Host): string | undefined {
  const root = host.projectRoot() ?? host.workspaceFolder();
  if (root === undefined) {
    host.error("mpbuild: open a folder first");
  }
  return root;
}

/** Calls mpbuild with `--json` and reports the outcome: a summary, or mpbuild's own error message. */
export async function callMpbuild(host: Host, inv: Invocation, cwd: string): Promise<Outcome> {
  const args = cliArgs(inv);
  host.log(`$ mpbuild ${args.map(shellQuote).join(" ")}   (in ${cwd})`);
  const result = await host.mpbuild(args, cwd);
  const outcome = parseOutcome(result);
  if (outcome.ok) {
    if (result.stderr.trim() !== "") {
      host.log(result.stderr.trimEnd());
    }
    host.log(summarize(inv.verb, outcome.value));
  } else {
    host.log(outcome.detail);
    for (const f of outcome.files) {
      host.log(`${f.path}${f.line !== null ? `:${f.line}` : ""}: ${f.kind}: ${f.message}`);
    }
  }
  return outcome;
}

function report(host: Host, verb: Verb, outcome: Outcome): void {
  if (outcome.ok) {
    host.info(summarize(verb, outcome.value));
  } else {
    host.error(`mpbuild ${verb}: ${firstLine(outcome.message)}`);
  }
}

async function projectVerb(host: Host, verb: Verb, extra: Partial<Invocation> = {}): Promise<Outcome | undefined> {
  const root = rootOrFolder(host);
  if (root === undefined) {
    return undefined;
  }
  const port = host.settings().port;
  const outcome = await callMpbuild(host, { verb, port, ...extra }, root);
  if (verb === "build" || verb === "deploy") {
    host.showBuildErrors(root, outcome.ok ? [] : outcome.files);
  }
  if (verb === "check") {
    // Every diagnostic, whether or not the check failed; a failure without them (an older mpbuild, a bad
    // configuration) clears the previous ones.
    host.showCheckDiagnostics(root, parseCheck(outcome.value));
  }
  report(host, verb, outcome);
  return outcome;
}

async function pythonFile(host: Host, verb: string): Promise<string | undefined> {
  const file = await host.activeFile();
  if (file === undefined || !file.endsWith(".py")) {
    host.error(`mpbuild ${verb}: open a Python file first`);
    return undefined;
  }
  return file;
}

async function boards(host: Host, cwd: string): Promise<BoardInfo[] | undefined> {
  const outcome = await callMpbuild(host, { verb: "boards" }, cwd);
  if (!outcome.ok) {
    host.error(`mpbuild boards: ${firstLine(outcome.message)}`);
    return undefined;
  }
  return parseBoards(outcome.value);
}

function boardItems(list: BoardInfo[]): PickItem<{ board: string; variant?: string }>[] {
  const items: PickItem<{ board: string; variant?: string }>[] = [];
  for (const b of list) {
    const description = `${b.port} · ${b.mcu} · ${b.arch}`;
    items.push({ label: b.id, description, value: { board: b.id } });
    for (const v of b.variants) {
      items.push({ label: `${b.id}-${v}`, description, value: { board: b.id, variant: v } });
    }
  }
  return items;
}

/** Writes the chosen board into `[target]` of mpbuild.toml (creating the file when the folder has none). */
export async function writeBoard(host: Host, root: string, board: string, variant: string | undefined): Promise<void> {
  const file = path.join(root, PROJECT_FILE);
  const current = await host.readFile(file);
  const text = current === undefined ? newProjectFile(projectName(root), board) : setTargetKeys(current, { board, variant });
  await host.writeFile(file, text);
}

async function selectBoard(host: Host): Promise<void> {
  const root = rootOrFolder(host);
  if (root === undefined) {
    return;
  }
  const list = await boards(host, root);
  if (list === undefined) {
    return;
  }
  const current = readTarget((await host.readFile(path.join(root, PROJECT_FILE))) ?? "");
  const items = boardItems(list).map((i) => (i.value.board === current.board && i.value.variant === current.variant ? { ...i, detail: "current" } : i));
  const chosen = await host.pick(items, "Board of this project (sets the .mpy version and the native arch)");
  if (chosen === undefined) {
    return;
  }
  await writeBoard(host, root, chosen.board, chosen.variant);
  host.info(`mpbuild.toml: board = "${chosen.board}"${chosen.variant !== undefined ? `, variant = "${chosen.variant}"` : ""}`);
  host.projectChanged();
}

async function selectPort(host: Host): Promise<void> {
  const root = rootOrFolder(host);
  if (root === undefined) {
    return;
  }
  const outcome = await callMpbuild(host, { verb: "ports" }, root);
  if (!outcome.ok) {
    host.error(`mpbuild ports: ${firstLine(outcome.message)}`);
    return;
  }
  const ports = parsePorts(outcome.value);
  const items: PickItem<string>[] = [
    { label: "$(search) Let mpbuild choose", description: "MPBUILD_PORT, [deploy] port, else the first USB board", value: "" },
    ...ports.map((p) => ({ label: p.name, description: p.description, detail: p.isDefault ? "mpbuild's default" : undefined, value: p.name })),
  ];
  const chosen = await host.pick(items, ports.length === 0 ? "No serial ports found" : "Serial port of the board");
  if (chosen === undefined) {
    return;
  }
  await host.updateSetting("port", chosen);
  host.projectChanged();
}

async function createProject(host: Host): Promise<void> {
  const folder = host.workspaceFolder();
  if (folder === undefined) {
    host.error("mpbuild: open a folder first");
    return;
  }
  const file = path.join(folder, PROJECT_FILE);
  if ((await host.readFile(file)) !== undefined) {
    host.info(`${PROJECT_FILE} already exists`);
    await host.openFile(file);
    return;
  }
  let board: string | undefined;
  const list = await callMpbuild(host, { verb: "boards" }, folder);
  if (list.ok) {
    const none: PickItem<string | undefined> = { label: "No board yet", description: "bytecode only; choose later", value: undefined };
    const items: PickItem<string | undefined>[] = [none, ...parseBoards(list.value).map((b) => ({ label: b.id, description: `${b.port} · ${b.mcu}`, value: b.id }))];
    board = await host.pick(items, "Board of this project");
  }
  await host.writeFile(file, newProjectFile(projectName(folder), board));
  await host.openFile(file);
  host.projectChanged();
}

async function setupStubs(host: Host): Promise<void> {
  const root = rootOrFolder(host);
  if (root === undefined) {
    return;
  }
  const s = host.settings();
  const target = readTarget((await host.readFile(path.join(root, PROJECT_FILE))) ?? "");
  let port: string | undefined;
  if (target.board !== undefined && s.stubs.package === "") {
    const outcome = await callMpbuild(host, { verb: "boards", board: target.board }, root);
    if (outcome.ok && outcome.value !== null && typeof outcome.value.board === "object" && outcome.value.board !== null) {
      const b = outcome.value.board as Record<string, unknown>;
      port = typeof b.port === "string" ? b.port : undefined;
    }
  }
  let pkg = stubPackage(port, s.stubs.package);
  if (pkg === undefined) {
    pkg = await host.input("Stub package from PyPI (no board in mpbuild.toml)", "micropython-rp2-stubs");
    if (pkg === undefined || pkg.trim() === "") {
      return;
    }
    pkg = pkg.trim();
  }
  const pin = versionPin(target.micropython);
  const cmd = pipInstallCommand(s.stubs.python, pkg, pin, s.stubs.directory);
  const pyright = path.join(root, "pyrightconfig.json");
  const pyrightText = await host.readFile(pyright);
  const where = pyrightText !== undefined ? "pyrightconfig.json" : "the workspace settings (python.analysis.*)";
  const install = "Install and configure";
  const configure = "Configure only";
  const answer = await host.confirm(
    `Set up ${pkg}${pin} for Pylance/Pyright?`,
    `This downloads the stubs from PyPI into ${s.stubs.directory}/ with:\n${cmd.map(shellQuote).join(" ")}\n\nand points ${where} at them. mpls keeps running beside Pylance.`,
    [install, configure],
  );
  if (answer === undefined) {
    return;
  }
  if (answer === install) {
    host.log(`$ ${cmd.map(shellQuote).join(" ")}`);
    const r = await host.exec(cmd[0], cmd.slice(1), root);
    host.log((r.stdout + r.stderr).trimEnd());
    if (r.spawnError !== undefined || r.code !== 0) {
      host.error(`pip install ${pkg}: ${firstLine(r.spawnError ?? (r.stderr.trim() || `exit status ${String(r.code)}`))}`);
      return;
    }
  }
  if (pyrightText !== undefined) {
    let existing: Record<string, unknown> = {};
    try {
      const parsed = JSON.parse(pyrightText) as unknown;
      if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) {
        existing = parsed as Record<string, unknown>;
      }
    } catch {
      host.error("pyrightconfig.json is not valid JSON: fix it, or remove it to use the workspace settings");
      return;
    }
    await host.writeFile(pyright, JSON.stringify(pyrightConfig(existing, s.stubs.directory), null, 2) + "\n");
  } else {
    for (const e of pylanceEdits((k) => host.pythonAnalysis(k), s.stubs.directory)) {
      await host.updatePythonAnalysis(e.key, e.value);
    }
  }
  host.info(`MicroPython stubs ${answer === install ? "installed and " : ""}configured (${s.stubs.directory}/)`);
}

/** `mpbuild profile [--local] FILE --json` on the active file; the table goes to the output channel. */
async function profile(host: Host, local: boolean): Promise<Outcome | undefined> {
  const file = await pythonFile(host, "profile");
  if (file === undefined) {
    return undefined;
  }
  const outcome = await projectVerb(host, "profile", { file, local });
  const p = outcome !== undefined && outcome.ok ? parseProfile(outcome.value) : undefined;
  if (p !== undefined) {
    for (const line of profileTable(p)) {
      host.log(line);
    }
  }
  return outcome;
}

/** The handler of each command. */
export function commandHandlers(host: Host): Record<CommandId, () => Promise<unknown>> {
  return {
    "mpbuild.build": () => projectVerb(host, "build"),
    "mpbuild.check": () => projectVerb(host, "check"),
    "mpbuild.deploy": () => projectVerb(host, "deploy"),
    "mpbuild.run": async () => {
      const file = await pythonFile(host, "run");
      const root = file !== undefined ? (host.projectRoot() ?? path.dirname(file)) : undefined;
      if (file === undefined || root === undefined) {
        return;
      }
      const args = cliArgs({ verb: "run", file, port: host.settings().port });
      host.log(`$ mpbuild ${args.map(shellQuote).join(" ")}`);
      await host.mpbuildTerminal(`mpbuild run ${path.basename(file)}`, args, root);
    },
    "mpbuild.profile": () => profile(host, false),
    "mpbuild.profileLocal": () => profile(host, true),
    "mpbuild.flash": async () => {
      const image = await host.pickFile("Firmware image to flash", { Firmware: ["uf2", "bin", "elf", "hex"] });
      if (image === undefined) {
        return undefined;
      }
      return projectVerb(host, "flash", { image });
    },
    "mpbuild.selectBoard": () => selectBoard(host),
    "mpbuild.selectPort": () => selectPort(host),
    "mpbuild.createProject": () => createProject(host),
    "mpbuild.setupStubs": () => setupStubs(host),
  };
}
