// The extension's settings (`mpbuild.*`): read with validation, and turned into the mpls settings object.

/** Reads one setting below `mpbuild.` (e.g. `server.path`); `undefined` when unset. */
export type Getter = (key: string) => unknown;

export type Severity = "error" | "warning" | "information" | "hint";
export type Emit = "bytecode" | "native" | "viper";

/** Settings passed to mpls; `undefined` means "take it from mpbuild.toml". */
export interface LintSettings {
  select?: string[];
  ignore?: string[];
  severity: Record<string, Severity>;
  compileDiagnostics?: boolean;
  emit?: Emit;
  arch?: string;
  micropython?: string;
}

export interface Settings {
  server: { enabled: boolean; path: string; args: string[] };
  cliPath: string;
  port: string;
  lint: LintSettings;
  stubs: { directory: string; package: string; python: string };
}

/** Every key the extension reads, so a test can check that package.json declares each one. */
export const SETTING_KEYS = [
  "server.enabled",
  "server.path",
  "server.args",
  "trace.server",
  "cli.path",
  "port",
  "lint.select",
  "lint.ignore",
  "lint.severity",
  "lint.compileDiagnostics",
  "lint.emit",
  "lint.arch",
  "lint.micropython",
  "stubs.directory",
  "stubs.package",
  "stubs.python",
] as const;

const RULE = /^MP[0-9]{3}$/;
const SEVERITIES: readonly string[] = ["error", "warning", "information", "hint"];
const EMITTERS: readonly string[] = ["bytecode", "native", "viper"];

function describe(v: unknown): string {
  if (v === null) {
    return "null";
  }
  if (Array.isArray(v)) {
    return "an array";
  }
  return typeof v === "string" ? `"${v}"` : typeof v;
}

class Reader {
  readonly problems: string[] = [];
  constructor(private readonly get: Getter) {}

  private bad(key: string, want: string, got: unknown): void {
    this.problems.push(`mpbuild.${key}: expected ${want}, got ${describe(got)}`);
  }

  bool(key: string, fallback: boolean): boolean {
    const v = this.get(key);
    if (v === undefined || v === null) {
      return fallback;
    }
    if (typeof v !== "boolean") {
      this.bad(key, "true or false", v);
      return fallback;
    }
    return v;
  }

  optBool(key: string): boolean | undefined {
    const v = this.get(key);
    if (v === undefined || v === null) {
      return undefined;
    }
    if (typeof v !== "boolean") {
      this.bad(key, "true, false or null", v);
      return undefined;
    }
    return v;
  }

  str(key: string, fallback: string): string {
    const v = this.get(key);
    if (v === undefined || v === null) {
      return fallback;
    }
    if (typeof v !== "string") {
      this.bad(key, "a string", v);
      return fallback;
    }
    return v;
  }

  optStr(key: string): string | undefined {
    const v = this.get(key);
    if (v === undefined || v === null || v === "") {
      return undefined;
    }
    if (typeof v !== "string") {
      this.bad(key, "a string or null", v);
      return undefined;
    }
    return v;
  }

  strings(key: string): string[] | undefined {
    const v = this.get(key);
    if (v === undefined || v === null) {
      return undefined;
    }
    if (!Array.isArray(v) || v.some((x) => typeof x !== "string")) {
      this.bad(key, "an array of strings", v);
      return undefined;
    }
    return v as string[];
  }

  rules(key: string, allowAll: boolean): string[] | undefined {
    const v = this.strings(key);
    if (v === undefined) {
      return undefined;
    }
    const out: string[] = [];
    for (const raw of v) {
      const code = raw.trim().toUpperCase();
      if (RULE.test(code) || (allowAll && code === "ALL")) {
        out.push(code);
      } else {
        this.problems.push(`mpbuild.${key}: \`${raw}\` is not a rule code (MP101, MP102, …${allowAll ? " or ALL" : ""})`);
      }
    }
    return out;
  }

  severity(key: string): Record<string, Severity> {
    const v = this.get(key);
    const out: Record<string, Severity> = {};
    if (v === undefined || v === null) {
      return out;
    }
    if (typeof v !== "object" || Array.isArray(v)) {
      this.bad(key, "an object such as {\"MP103\": \"warning\"}", v);
      return out;
    }
    for (const [raw, level] of Object.entries(v as Record<string, unknown>)) {
      const code = raw.trim().toUpperCase();
      if (!RULE.test(code)) {
        this.problems.push(`mpbuild.${key}: \`${raw}\` is not a rule code (MP101, MP102, …)`);
        continue;
      }
      if (typeof level !== "string" || !SEVERITIES.includes(level)) {
        this.problems.push(`mpbuild.${key}.${raw}: expected one of ${SEVERITIES.join(", ")}, got ${describe(level)}`);
        continue;
      }
      out[code] = level as Severity;
    }
    return out;
  }

  emit(key: string): Emit | undefined {
    const v = this.optStr(key);
    if (v === undefined) {
      return undefined;
    }
    if (!EMITTERS.includes(v)) {
      this.problems.push(`mpbuild.${key}: expected one of ${EMITTERS.join(", ")}, got "${v}"`);
      return undefined;
    }
    return v as Emit;
  }
}

/** Reads every setting; bad values fall back to their default and are described in `problems`. */
export function readSettings(get: Getter): { settings: Settings; problems: string[] } {
  const r = new Reader(get);
  const settings: Settings = {
    server: {
      enabled: r.bool("server.enabled", true),
      path: r.str("server.path", ""),
      args: r.strings("server.args") ?? [],
    },
    cliPath: r.str("cli.path", ""),
    port: r.str("port", "").trim(),
    lint: {
      select: r.rules("lint.select", true),
      ignore: r.rules("lint.ignore", false),
      severity: r.severity("lint.severity"),
      compileDiagnostics: r.optBool("lint.compileDiagnostics"),
      emit: r.emit("lint.emit"),
      arch: r.optStr("lint.arch"),
      micropython: r.optStr("lint.micropython"),
    },
    stubs: {
      directory: r.str("stubs.directory", "typings").trim() || "typings",
      package: r.str("stubs.package", "").trim(),
      python: r.str("stubs.python", "python3").trim() || "python3",
    },
  };
  return { settings, problems: r.problems };
}

/**
 * The object mpls expects in `initializationOptions` and `workspace/didChangeConfiguration`
 * (`{"mpls": {...}}`). Only values the user set are sent, so mpbuild.toml supplies the rest.
 */
export function serverSettings(lint: LintSettings): { mpls: Record<string, unknown> } {
  const mpls: Record<string, unknown> = {};
  if (lint.select !== undefined) {
    mpls.select = lint.select;
  }
  if (lint.ignore !== undefined) {
    mpls.ignore = lint.ignore;
  }
  if (Object.keys(lint.severity).length > 0) {
    mpls.severity = lint.severity;
  }
  if (lint.compileDiagnostics !== undefined) {
    mpls.compileDiagnostics = lint.compileDiagnostics;
  }
  if (lint.emit !== undefined) {
    mpls.emit = lint.emit;
  }
  if (lint.arch !== undefined) {
    mpls.arch = lint.arch;
  }
  if (lint.micropython !== undefined) {
    mpls.micropython = lint.micropython;
  }
  return { mpls };
}

/** True when a configuration change under `mpbuild.` needs the language server restarted (not just re-sent). */
export function needsRestart(affects: (key: string) => boolean): boolean {
  return ["server.enabled", "server.path", "server.args"].some((k) => affects(`mpbuild.${k}`));
}
