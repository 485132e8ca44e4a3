// Tests of finding mpls/mpbuild: setting, PATH, bundled binary, and the messages when none is found.
import * as assert from "assert/strict";
import { exeName, expandHome, findOnPath, resolveExecutable } from "../src/executable";
import type { Probe } from "../src/executable";

function probe(files: string[], extra: Partial<Probe> = {}): Probe {
  const set = new Set(files);
  return { isFile: (p) => set.has(p), env: { PATH: "/usr/bin:/home/u/.cargo/bin" }, platform: "linux", arch: "x64", home: "/home/u", ...extra };
}

describe("executable", () => {
  it("adds .exe on Windows only", () => {
    assert.equal(exeName("mpls", "win32"), "mpls.exe");
    assert.equal(exeName("mpls", "linux"), "mpls");
  });

  it("expands ~", () => {
    assert.equal(expandHome("~/bin/mpls", "/home/u"), "/home/u/bin/mpls");
    assert.equal(expandHome("/opt/mpls", "/home/u"), "/opt/mpls");
  });

  it("searches PATH in order", () => {
    assert.equal(findOnPath("mpls", probe(["/home/u/.cargo/bin/mpls"])), "/home/u/.cargo/bin/mpls");
    assert.equal(findOnPath("mpls", probe([])), undefined);
  });

  it("searches a Windows Path with ;", () => {
    const p = probe(["C:\\tools\\mpls.exe"], { platform: "win32", env: { Path: "C:\\Windows;C:\\tools" } });
    assert.equal(findOnPath("mpls.exe", p), "C:\\tools\\mpls.exe");
  });

  it("prefers the setting, then PATH, then the bundled binary", () => {
    const files = ["/opt/mpls", "/usr/bin/mpls", "/ext/bin/linux-x64/mpls"];
    assert.deepEqual(resolveExecutable("mpls", "mpbuild.server.path", "/opt/mpls", "/ext", probe(files)), { ok: true, command: "/opt/mpls", source: "setting" });
    assert.deepEqual(resolveExecutable("mpls", "mpbuild.server.path", "", "/ext", probe(files)), { ok: true, command: "/usr/bin/mpls", source: "path" });
    assert.deepEqual(resolveExecutable("mpls", "mpbuild.server.path", "", "/ext", probe(["/ext/bin/linux-x64/mpls"])), {
      ok: true,
      command: "/ext/bin/linux-x64/mpls",
      source: "bundled",
    });
    assert.deepEqual(resolveExecutable("mpls", "mpbuild.server.path", "", "/ext", probe(["/ext/bin/mpls"])), { ok: true, command: "/ext/bin/mpls", source: "bundled" });
  });

  it("looks a bare name in the setting up on PATH", () => {
    assert.deepEqual(resolveExecutable("mpls", "mpbuild.server.path", "mpls", "/ext", probe(["/usr/bin/mpls"])), { ok: true, command: "/usr/bin/mpls", source: "setting" });
  });

  it("says which setting is wrong", () => {
    const r = resolveExecutable("mpls", "mpbuild.server.path", "~/nowhere/mpls", "/ext", probe([]));
    assert.deepEqual(r, { ok: false, message: "mpbuild.server.path: /home/u/nowhere/mpls does not exist" });
    const bare = resolveExecutable("mpbuild", "mpbuild.cli.path", "mpbuild-dev", "/ext", probe([]));
    assert.deepEqual(bare, { ok: false, message: "mpbuild.cli.path: `mpbuild-dev` is not on the PATH" });
  });

  it("tells how to install a missing program", () => {
    const r = resolveExecutable("mpbuild", "mpbuild.cli.path", "", "/ext", probe([]));
    assert.equal(r.ok, false);
    assert.match(r.ok ? "" : r.message, /mpbuild was not found: set mpbuild.cli.path, or put mpbuild on the PATH \(cargo install --path toolchain\)/);
  });
});
