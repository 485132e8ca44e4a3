// Calling the mpbuild CLI: the argument list of each verb, running it, and reading its `--json` answer (or its own error text).
import { spawn } from "child_process";

/** The verbs the editor calls. `run` streams to a terminal; every other verb is called with `--json`. */
export type Verb = "build" | "check" | "deploy" | "run" | "flash" | "profile" | "boards" | "ports";

/** What to ask mpbuild for. */
export interface Invocation {
  verb: Verb;
  /** The script for `run` and `profile`. */
  file?: string;
  /** The firmware image for `flash`. */
  image?: string;
  /** A board ID for `boards ID`. */
  board?: string;
  /** Serial port (`--port`), for the verbs that talk to a board. */
  port?: string;
  /** `profile` on the local MicroPython VM (`--local`) instead of a board. */
  local?: boolean;
  /** `--json` (every verb but `run`, which streams its output). */
  json?: boolean;
}

/** Verbs that reach a board and so take `--port`. */
export const BOARD_VERBS: readonly Verb[] = ["deploy", "run", "flash", "profile"];

/** The argument list for an invocation (without the executable). */
export function cliArgs(inv: Invocation): string[] {
  const args: string[] = [inv.verb];
  switch (inv.verb) {
    case "run":
    case "profile":
      if (inv.file === undefined) {
        throw new Error(`mpbuild ${inv.verb} needs a file`);
      }
      // `mpbuild profile [--local] ENTRY`: `--local` runs on the local VM (and takes no port).
      if (inv.verb === "profile" && inv.local === true) {
        args.push("--local");
      }
      args.push(inv.file);
      break;
    case "flash":
      if (inv.image === undefined) {
        throw new Error("mpbuild flash needs a firmware image");
      }
      args.push(inv.image);
      break;
    case "boards":
      if (inv.board !== undefined) {
        args.push(inv.board);
      }
      break;
    default:
      break;
  }
  const onBoard = !(inv.verb === "profile" && inv.local === true);
  if (inv.port !== undefined && inv.port !== "" && BOARD_VERBS.includes(inv.verb) && onBoard) {
    args.push("--port", inv.port);
  }
  if (inv.json ?? inv.verb !== "run") {
    args.push("--json");
  }
  return args;
}

/** One file's compile error, as `mpbuild --json` reports it in `error.files`. */
export interface FileError {
  path: string;
  line: number | null;
  kind: string;
  message: string;
}

/** What a finished mpbuild process produced. */
export interface ExecResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Set when the process could not be started at all. */
  spawnError?: string;
}

export type Outcome =
  | { ok: true; value: Record<string, unknown> | null; text: string }
  | {
      ok: false;
      message: string;
      code?: string;
      help?: string;
      files: FileError[];
      detail: string;
      /** The whole JSON answer of a reported failure (`mpbuild check` lists every diagnostic there). */
      value?: Record<string, unknown>;
    };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function parseJson(text: string): unknown {
  const t = text.trim();
  if (!t.startsWith("{")) {
    return undefined;
  }
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return undefined;
  }
}

function fileErrors(v: unknown): FileError[] {
  if (!Array.isArray(v)) {
    return [];
  }
  const out: FileError[] = [];
  for (const f of v) {
    if (isObject(f) && typeof f.path === "string" && typeof f.message === "string") {
      out.push({
        path: f.path,
        line: typeof f.line === "number" ? f.line : null,
        kind: typeof f.kind === "string" ? f.kind : "error",
        message: f.message,
      });
    }
  }
  return out;
}

/**
 * Reads an mpbuild result. `{"ok": true, ...}` is a success; `{"ok": false, "error": {code, message, help}}` a
 * failure reported by mpbuild; anything else that failed (a verb this mpbuild does not have, a bad flag) is
 * reported with mpbuild's own stderr text, unchanged.
 */
export function parseOutcome(r: ExecResult): Outcome {
  if (r.spawnError !== undefined) {
    return { ok: false, message: r.spawnError, files: [], detail: r.spawnError };
  }
  const json = parseJson(r.stdout);
  if (isObject(json) && json.ok === true) {
    return { ok: true, value: json, text: r.stdout };
  }
  if (isObject(json) && json.ok === false && isObject(json.error)) {
    const e = json.error;
    const message = typeof e.message === "string" ? e.message : "mpbuild failed";
    const help = typeof e.help === "string" ? e.help : undefined;
    const code = typeof e.code === "string" ? e.code : undefined;
    const detail = [code !== undefined ? `error[${code}]: ${message}` : `error: ${message}`, help !== undefined ? `help: ${help}` : ""]
      .filter((l) => l !== "")
      .join("\n");
    return {
      ok: false,
      message,
      code,
      help,
      files: fileErrors(e.files),
      detail: r.stderr.trim() !== "" ? `${detail}\n${r.stderr.trim()}` : detail,
      value: json,
    };
  }
  if (r.code === 0) {
    // A JSON answer without `ok` (a stored profile) is the result itself.
    return { ok: true, value: isObject(json) ? json : null, text: r.stdout };
  }
  const text = r.stderr.trim() !== "" ? r.stderr.trim() : r.stdout.trim();
  const message = text !== "" ? text : `mpbuild exited with status ${r.code === null ? "(killed)" : r.code}`;
  return { ok: false, message, files: [], detail: message };
}

/** The first non-empty line of a message (for a notification; the output channel gets all of it). */
export function firstLine(message: string): string {
  for (const line of message.split(/\r?\n/)) {
    if (line.trim() !== "") {
      return line.trim();
    }
  }
  return message;
}

function num(v: unknown): number | undefined {
  return typeof v === "number" ? v : undefined;
}

/** A one-line summary of a successful result. */
export function summarize(verb: Verb, value: Record<string, unknown> | null): string {
  if (value === null) {
    return `mpbuild ${verb} finished`;
  }
  const build = isObject(value.build) ? value.build : undefined;
  if (verb === "build" && build !== undefined) {
    const files = Array.isArray(build.files) ? build.files.length : 0;
    const ms = num(build.elapsed_ms);
    return (
      `Built ${files} file${files === 1 ? "" : "s"} into ${String(build.out_dir)} ` +
      `(${num(build.compiled) ?? 0} compiled, ${num(build.cached) ?? 0} cached, ${num(build.copied) ?? 0} copied) ` +
      `for ${String(build.target)}${ms !== undefined ? ` in ${ms.toFixed(0)} ms` : ""}`
    );
  }
  const deploy = isObject(value.deploy) ? value.deploy : undefined;
  if (verb === "deploy" && deploy !== undefined) {
    const sync = isObject(deploy.sync) ? deploy.sync : {};
    const where = typeof sync.port === "string" ? ` to ${sync.port}` : "";
    const dest = typeof sync.dest === "string" ? `:${sync.dest}` : "";
    const dry = sync.dry_run === true ? " (dry run)" : "";
    return `Deployed${where}${dest}${dry}`;
  }
  if (verb === "boards" && Array.isArray(value.boards)) {
    return `${value.boards.length} boards`;
  }
  if (verb === "ports" && Array.isArray(value.ports)) {
    return `${value.ports.length} serial port${value.ports.length === 1 ? "" : "s"}`;
  }
  const check = isObject(value.check) ? value.check : undefined;
  if (verb === "check" && check !== undefined && typeof check.summary === "string") {
    return check.summary;
  }
  const profile = parseProfile(value);
  if (verb === "profile" && profile !== undefined) {
    const hot = profile.functions[0];
    return (
      `Profiled ${profile.entry} (${profile.ranOn}): ${(profile.totalUs / 1000).toFixed(3)} ms of program time` +
      (hot !== undefined ? `; hottest: ${hot.name} (${hot.selfShare.toFixed(1)}% self)` : "")
    );
  }
  return `mpbuild ${verb} finished`;
}

/** One diagnostic of `mpbuild check --json` (`check.diagnostics`): 1-based lines and columns. */
export interface CheckDiagnostic {
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  code: string;
  severity: "error" | "warning" | "info" | "hint";
  message: string;
  /** The first fix's title, if any. */
  fix?: string;
}

/** Reads every diagnostic of a `mpbuild check --json` answer (success or failure). */
export function parseCheck(value: Record<string, unknown> | null | undefined): CheckDiagnostic[] {
  const check = value !== null && value !== undefined && isObject(value.check) ? value.check : undefined;
  const list = check !== undefined && Array.isArray(check.diagnostics) ? check.diagnostics : [];
  const out: CheckDiagnostic[] = [];
  for (const d of list) {
    if (!isObject(d) || typeof d.path !== "string" || typeof d.message !== "string") {
      continue;
    }
    const line = num(d.line) ?? 1;
    const column = num(d.column) ?? 1;
    const severity = d.severity === "error" || d.severity === "warning" || d.severity === "hint" ? d.severity : "info";
    const fixes = Array.isArray(d.fixes) ? d.fixes : [];
    const first: unknown = fixes[0];
    out.push({
      path: d.path,
      line,
      column,
      endLine: num(d.end_line) ?? line,
      endColumn: num(d.end_column) ?? column,
      code: typeof d.code === "string" ? d.code : "",
      severity,
      message: d.message,
      fix: isObject(first) && typeof first.title === "string" ? first.title : undefined,
    });
  }
  return out;
}

/** One function of a profile, as `mpbuild profile --json` reports it. */
export interface ProfiledFunction {
  name: string;
  file: string;
  line: number;
  calls: number;
  selfUs: number;
  totalUs: number;
  selfShare: number;
}

/** A `mpbuild profile --json` answer: the entry, where it ran, the program time, functions hottest first. */
export interface ProfileSummary {
  entry: string;
  ranOn: string;
  totalUs: number;
  functions: ProfiledFunction[];
  svg?: string;
}

/** Reads a `mpbuild profile --json` answer, or `undefined` when it is not one. */
export function parseProfile(value: Record<string, unknown> | null | undefined): ProfileSummary | undefined {
  if (value === null || value === undefined || !isObject(value.profile)) {
    return undefined;
  }
  const p = value.profile;
  const functions: ProfiledFunction[] = [];
  for (const f of Array.isArray(p.functions) ? p.functions : []) {
    if (!isObject(f) || typeof f.name !== "string") {
      continue;
    }
    functions.push({
      name: typeof f.qualified_name === "string" && f.qualified_name !== "" ? f.qualified_name : f.name,
      file: typeof f.file === "string" ? f.file : "",
      line: num(f.line) ?? 1,
      calls: num(f.calls) ?? 0,
      selfUs: num(f.self_us) ?? 0,
      totalUs: num(f.total_us) ?? 0,
      selfShare: num(f.self_share) ?? 0,
    });
  }
  return {
    entry: typeof value.entry === "string" ? value.entry : "?",
    ranOn: typeof value.ran_on === "string" ? value.ran_on : "?",
    totalUs: num(p.total_us) ?? 0,
    functions,
    svg: typeof value.svg === "string" ? value.svg : undefined,
  };
}

/** The profile as a table for the output channel (self share, self and total ms, calls, where). */
export function profileTable(p: ProfileSummary, top = 20): string[] {
  const lines = [`profile of ${p.entry} (${p.ranOn}): ${(p.totalUs / 1000).toFixed(3)} ms`, "  self%   self ms  total ms     calls  function"];
  for (const f of p.functions.slice(0, top)) {
    lines.push(
      `${f.selfShare.toFixed(1).padStart(6)}% ${(f.selfUs / 1000).toFixed(3).padStart(9)} ${(f.totalUs / 1000).toFixed(3).padStart(9)} ${String(f.calls).padStart(9)}  ${f.name} (${f.file}:${f.line})`,
    );
  }
  if (p.svg !== undefined) {
    lines.push(`flame graph: ${p.svg}`);
  }
  return lines;
}

/** A board as `mpbuild boards --json` lists it. */
export interface BoardInfo {
  id: string;
  port: string;
  mcu: string;
  arch: string;
  mpy: string;
  variants: string[];
}

/** Reads the board list of `mpbuild boards --json`. */
export function parseBoards(value: Record<string, unknown> | null): BoardInfo[] {
  const list = value !== null && Array.isArray(value.boards) ? value.boards : [];
  const out: BoardInfo[] = [];
  for (const b of list) {
    if (!isObject(b) || typeof b.id !== "string") {
      continue;
    }
    out.push({
      id: b.id,
      port: typeof b.port === "string" ? b.port : "",
      mcu: typeof b.mcu === "string" ? b.mcu : "",
      arch: typeof b.arch === "string" ? b.arch : "",
      mpy: typeof b.mpy === "string" ? b.mpy : "",
      variants: isObject(b.variants) ? Object.keys(b.variants) : [],
    });
  }
  return out;
}

/** A serial port as `mpbuild ports --json` lists it. */
export interface PortInfo {
  name: string;
  description: string;
  isDefault: boolean;
}

/** Reads the port list of `mpbuild ports --json`. */
export function parsePorts(value: Record<string, unknown> | null): PortInfo[] {
  if (value === null || !Array.isArray(value.ports)) {
    return [];
  }
  const chosen = typeof value.default === "string" ? value.default : undefined;
  const out: PortInfo[] = [];
  for (const p of value.ports) {
    if (!isObject(p) || typeof p.name !== "string") {
      continue;
    }
    const parts = [p.kind, p.product ?? p.manufacturer].filter((x): x is string => typeof x === "string" && x !== "");
    out.push({ name: p.name, description: parts.join(" · "), isDefault: p.name === chosen });
  }
  return out;
}

/** Runs mpbuild and collects its output (never rejects: a failure to start is in `spawnError`). */
export function runMpbuild(command: string, args: string[], cwd: string, env: Record<string, string | undefined> = process.env): Promise<ExecResult> {
  return new Promise((resolve) => {
    let stdout = "";
    let stderr = "";
    let settled = false;
    const done = (r: ExecResult): void => {
      if (!settled) {
        settled = true;
        resolve(r);
      }
    };
    let child;
    try {
      child = spawn(command, args, { cwd, env: { ...env, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] });
    } catch (e) {
      done({ code: null, stdout, stderr, spawnError: `cannot run ${command}: ${e instanceof Error ? e.message : String(e)}` });
      return;
    }
    child.stdout.setEncoding("utf8");
    child.stderr.setEncoding("utf8");
    child.stdout.on("data", (d: string) => {
      stdout += d;
    });
    child.stderr.on("data", (d: string) => {
      stderr += d;
    });
    child.on("error", (e) => done({ code: null, stdout, stderr, spawnError: `cannot run ${command}: ${e.message}` }));
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}
