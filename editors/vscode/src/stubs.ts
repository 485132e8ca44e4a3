// MicroPython stubs for Pylance/Pyright: which PyPI package, the pip command that installs it, and the settings that use it.

/** The stub package for a board's port (`micropython-rp2-stubs`), unless the user named one. */
export function stubPackage(port: string | undefined, override: string): string | undefined {
  if (override !== "") {
    return override;
  }
  if (port === undefined || port === "") {
    return undefined;
  }
  return `micropython-${port.toLowerCase()}-stubs`;
}

/** The version pin matching the firmware (`1.29` → `==1.29.*`); none when the version is unknown or odd. */
export function versionPin(micropython: string | undefined): string {
  if (micropython === undefined) {
    return "";
  }
  const m = /^(\d+)\.(\d+)/.exec(micropython.trim());
  return m === null ? "" : `==${m[1]}.${m[2]}.*`;
}

/** The command that installs the stubs into the project's stub folder (run only after the user agrees). */
export function pipInstallCommand(python: string, pkg: string, pin: string, directory: string): string[] {
  return [python, "-m", "pip", "install", "--upgrade", "--target", directory, `${pkg}${pin}`];
}

/** Quotes an argument for display as a POSIX shell command (only when needed). */
export function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_./=:+-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`;
}

/** A setting change to make (`python.analysis.<key>`). */
export interface SettingEdit {
  key: string;
  value: unknown;
}

function withEntry(list: unknown, entry: string): string[] | undefined {
  const current = Array.isArray(list) ? list.filter((x): x is string => typeof x === "string") : [];
  return current.includes(entry) ? undefined : [...current, entry];
}

/**
 * The Pylance settings that make the stubs win over CPython's typeshed, as the micropython-stubs docs
 * recommend: the stub folder in `typeshedPaths` and `extraPaths`, and `reportMissingModuleSource` off (stubs
 * have no source). Only what changes is returned; other values are kept.
 */
export function pylanceEdits(current: (key: string) => unknown, directory: string): SettingEdit[] {
  const edits: SettingEdit[] = [];
  for (const key of ["typeshedPaths", "extraPaths"]) {
    const next = withEntry(current(key), directory);
    if (next !== undefined) {
      edits.push({ key, value: next });
    }
  }
  const overrides = current("diagnosticSeverityOverrides");
  const obj = typeof overrides === "object" && overrides !== null && !Array.isArray(overrides) ? (overrides as Record<string, unknown>) : {};
  if (obj.reportMissingModuleSource !== "none") {
    edits.push({ key: "diagnosticSeverityOverrides", value: { ...obj, reportMissingModuleSource: "none" } });
  }
  return edits;
}

/** pyrightconfig.json for Pyright/basedpyright (Neovim, CLI): the same choices, merged into an existing file. */
export function pyrightConfig(existing: Record<string, unknown>, directory: string): Record<string, unknown> {
  const out: Record<string, unknown> = { ...existing };
  out.typeshedPath = directory;
  out.stubPath = directory;
  const extra = withEntry(existing.extraPaths, directory);
  if (extra !== undefined) {
    out.extraPaths = extra;
  }
  out.reportMissingModuleSource = "none";
  return out;
}

/** Names Ruff must treat as builtins in MicroPython code (`[tool.ruff] builtins`), from the micropython-stubs docs. */
export const RUFF_BUILTINS = ["const", "micropython", "ptr", "ptr8", "ptr16", "ptr32", "uint"];
