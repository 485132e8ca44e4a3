// Finds the mpls and mpbuild executables: an explicit setting, then the PATH, then a binary shipped in the extension.
import * as path from "path";

/** What the resolver may look at (injected so tests need no real file system). */
export interface Probe {
  isFile(p: string): boolean;
  env: Record<string, string | undefined>;
  platform: string;
  arch: string;
  home: string;
}

/** Where an executable was found. */
export type Source = "setting" | "path" | "bundled";

export type Resolution = { ok: true; command: string; source: Source } | { ok: false; message: string };

/** The file name of a program on this platform (`mpls` or `mpls.exe`). */
export function exeName(base: string, platform: string): string {
  return platform === "win32" ? `${base}.exe` : base;
}

function pathApi(platform: string): path.PlatformPath {
  return platform === "win32" ? path.win32 : path.posix;
}

/** The first `name` in the directories of `PATH`, if any. */
export function findOnPath(name: string, probe: Probe): string | undefined {
  const p = pathApi(probe.platform);
  const raw = probe.env.PATH ?? probe.env.Path ?? "";
  const sep = probe.platform === "win32" ? ";" : ":";
  for (const dir of raw.split(sep)) {
    if (dir === "") {
      continue;
    }
    const candidate = p.join(dir, name);
    if (probe.isFile(candidate)) {
      return candidate;
    }
  }
  return undefined;
}

/** Expands a leading `~` to the home directory. */
export function expandHome(value: string, home: string): string {
  if (value === "~") {
    return home;
  }
  if (value.startsWith("~/") || value.startsWith("~\\")) {
    return home + value.slice(1);
  }
  return value;
}

/**
 * Resolves `base` (`mpls` or `mpbuild`): the setting when given (a path, or a bare name looked up on the
 * PATH), else the PATH, else `bin/<platform>-<arch>/` or `bin/` inside the extension.
 */
export function resolveExecutable(base: string, settingKey: string, setting: string, extensionPath: string, probe: Probe): Resolution {
  const p = pathApi(probe.platform);
  const name = exeName(base, probe.platform);
  const configured = setting.trim();
  if (configured !== "") {
    const expanded = expandHome(configured, probe.home);
    const bare = !expanded.includes("/") && !expanded.includes("\\");
    if (bare) {
      const found = findOnPath(expanded, probe) ?? (probe.platform === "win32" ? findOnPath(`${expanded}.exe`, probe) : undefined);
      if (found !== undefined) {
        return { ok: true, command: found, source: "setting" };
      }
      return { ok: false, message: `${settingKey}: \`${configured}\` is not on the PATH` };
    }
    if (probe.isFile(expanded)) {
      return { ok: true, command: expanded, source: "setting" };
    }
    return { ok: false, message: `${settingKey}: ${expanded} does not exist` };
  }
  const onPath = findOnPath(name, probe);
  if (onPath !== undefined) {
    return { ok: true, command: onPath, source: "path" };
  }
  for (const dir of [p.join(extensionPath, "bin", `${probe.platform}-${probe.arch}`), p.join(extensionPath, "bin")]) {
    const candidate = p.join(dir, name);
    if (probe.isFile(candidate)) {
      return { ok: true, command: candidate, source: "bundled" };
    }
  }
  return {
    ok: false,
    message: `${base} was not found: set ${settingKey}, or put ${name} on the PATH (cargo install --path ${base === "mpls" ? "lsp" : "toolchain"})`,
  };
}
