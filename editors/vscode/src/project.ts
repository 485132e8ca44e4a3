// The project: finding the folder with mpbuild.toml, reading its [target], and editing it (board choice, new project file).
import * as path from "path";

export const PROJECT_FILE = "mpbuild.toml";

/**
 * The nearest folder at or above `start` holding mpbuild.toml, not going above `stop` (a workspace folder).
 * `undefined` when there is none.
 */
export function findProjectRoot(start: string, stop: string, isFile: (p: string) => boolean): string | undefined {
  let dir = path.resolve(start);
  const limit = path.resolve(stop);
  for (;;) {
    if (isFile(path.join(dir, PROJECT_FILE))) {
      return dir;
    }
    if (dir === limit) {
      return undefined;
    }
    const parent = path.dirname(dir);
    if (parent === dir || !(parent + path.sep).startsWith(limit + path.sep) && parent !== limit) {
      return undefined;
    }
    dir = parent;
  }
}

/** The `[target]` keys the editor shows and edits. */
export interface Target {
  board?: string;
  variant?: string;
  arch?: string;
  micropython?: string;
}

const TABLE = /^\s*\[([^\]]+)\]\s*(#.*)?$/;
const KEY = /^\s*([A-Za-z0-9_-]+)\s*=\s*(.*?)\s*$/;

function tomlString(raw: string): string | undefined {
  const v = raw.replace(/\s+#.*$/, "").trim();
  const m = /^"((?:[^"\\]|\\.)*)"$/.exec(v) ?? /^'([^']*)'$/.exec(v);
  if (m === null) {
    return undefined;
  }
  return v.startsWith('"') ? m[1].replace(/\\(["\\])/g, "$1") : m[1];
}

/** Reads the string keys of `[target]` (a small reader: enough for `key = "value"` lines). */
export function readTarget(text: string): Target {
  const out: Target = {};
  let table = "";
  for (const line of text.split(/\r?\n/)) {
    const t = TABLE.exec(line);
    if (t !== null) {
      table = t[1].trim();
      continue;
    }
    if (table !== "target") {
      continue;
    }
    const k = KEY.exec(line);
    if (k === null) {
      continue;
    }
    const value = tomlString(k[2]);
    if (value === undefined) {
      continue;
    }
    if (k[1] === "board" || k[1] === "variant" || k[1] === "arch" || k[1] === "micropython") {
      out[k[1]] = value;
    }
  }
  return out;
}

function quote(s: string): string {
  return `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/**
 * Sets (or, with `undefined`, removes) keys of `[target]`, keeping every other line and comment. The table is
 * appended when missing.
 */
export function setTargetKeys(text: string, keys: Record<string, string | undefined>): string {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const lines = text === "" ? [] : text.split(/\r?\n/);
  const trailing = lines.length > 0 && lines[lines.length - 1] === "";
  if (trailing) {
    lines.pop();
  }
  let start = -1;
  let end = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const t = TABLE.exec(lines[i]);
    if (t === null) {
      continue;
    }
    if (start >= 0) {
      end = i;
      break;
    }
    if (t[1].trim() === "target") {
      start = i;
    }
  }
  const pending = new Map(Object.entries(keys));
  if (start < 0) {
    const add = [...pending].filter(([, v]) => v !== undefined).map(([k, v]) => `${k} = ${quote(v as string)}`);
    if (add.length === 0) {
      return text;
    }
    while (lines.length > 0 && lines[lines.length - 1].trim() === "") {
      lines.pop();
    }
    const block = lines.length > 0 ? ["", "[target]", ...add] : ["[target]", ...add];
    return [...lines, ...block].join(eol) + eol;
  }
  const body: string[] = [];
  for (const line of lines.slice(start + 1, end)) {
    const k = KEY.exec(line);
    if (k !== null && pending.has(k[1])) {
      const v = pending.get(k[1]);
      pending.delete(k[1]);
      if (v !== undefined) {
        const comment = /\s(#.*)$/.exec(k[2].replace(/"(?:[^"\\]|\\.)*"/g, '""'));
        body.push(`${k[1]} = ${quote(v)}${comment !== null ? ` ${comment[1]}` : ""}`);
      }
      continue;
    }
    body.push(line);
  }
  // New keys go after the last key line of the table (before trailing blank lines).
  let insertAt = body.length;
  while (insertAt > 0 && body[insertAt - 1].trim() === "") {
    insertAt--;
  }
  const added = [...pending].filter(([, v]) => v !== undefined).map(([k, v]) => `${k} = ${quote(v as string)}`);
  body.splice(insertAt, 0, ...added);
  const result = [...lines.slice(0, start + 1), ...body, ...lines.slice(end)];
  return result.join(eol) + (trailing || result.length > 0 ? eol : "");
}

/** The project name mpbuild would use: letters, digits, `-` and `_` of the folder name. */
export function projectName(folder: string): string {
  const base = path.basename(folder).replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "");
  return base === "" ? "app" : base;
}

/** A new mpbuild.toml, commented, with the board when one was chosen. */
export function newProjectFile(name: string, board?: string): string {
  const lines = [
    "# mpbuild project: `mpbuild build` compiles it to .mpy files, `mpbuild deploy` copies it to the board.",
    "# Every key is optional; see docs/mpbuild-toml.md for all of them.",
    `name = ${quote(name)}`,
    'sources = ["**/*.py"]',
    'entries = ["boot.py", "main.py"]   # kept as .py: boards run them as source',
    "",
    "[target]",
    board !== undefined ? `board = ${quote(board)}           # \`mpbuild boards\` lists the IDs` : '# board = "RPI_PICO"          # `mpbuild boards` lists the IDs',
    'micropython = "1.29"',
    "",
    "[compile]",
    'emit = "bytecode"                # bytecode, native or viper',
    "",
    "[lint]                           # the rules of mpls (the editor) and `mpbuild check`",
    '# select = ["ALL"]',
    '# ignore = ["MP104"]',
    "",
  ];
  return lines.join("\n");
}
