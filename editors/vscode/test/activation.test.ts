// Activation of the real extension module against the vscode stand-in: commands registered, status bar, server warning, a command end to end.
import * as assert from "assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { installVscodeMock } from "./vscodeMock";
import type { MockState } from "./vscodeMock";
import type { ExtensionContext } from "vscode";

type ExtensionModule = typeof import("../src/extension");

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")) as {
  contributes: { commands: { command: string }[] };
};

async function until(cond: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (cond()) {
      return;
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  assert.fail(`timed out waiting for ${what}`);
}

describe("extension activation (vscode stand-in)", () => {
  let state: MockState;
  let ext: ExtensionModule;
  let dir: string;

  before(async () => {
    state = installVscodeMock();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "mpbuild-activate-"));
    fs.writeFileSync(path.join(dir, "mpbuild.toml"), '[target]\nboard = "RPI_PICO"\nmicropython = "1.29"\n');
    const fake = path.join(dir, "fake-mpbuild");
    fs.writeFileSync(
      fake,
      [
        "#!/usr/bin/env node",
        "const a = process.argv.slice(2);",
        "const out = (v) => console.log(JSON.stringify({ ok: true, ...v }));",
        "if (a[0] === 'boards' && a[1] === 'RPI_PICO') out({ board: { id: 'RPI_PICO', port: 'rp2', mcu: 'RP2040', arch: 'armv6m', mpy: '6.3' } });",
        "else if (a[0] === 'build') out({ build: { out_dir: process.cwd() + '/build/mpy', target: 'armv6m', files: [{}], compiled: 1, cached: 0, copied: 0 } });",
        "else { process.stderr.write(`error: unrecognized subcommand '${a[0]}'\\n`); process.exit(2); }",
      ].join("\n"),
      { mode: 0o755 },
    );
    state.folders = [dir];
    state.projectFiles = [path.join(dir, "mpbuild.toml")];
    state.config["mpbuild.cli.path"] = fake;
    state.config["mpbuild.server.path"] = path.join(dir, "no-mpls");
    // Loaded only now, so that `require("vscode")` finds the stand-in.
    ext = await import("../src/extension");
    ext.activate({ subscriptions: [], extensionPath: dir } as unknown as ExtensionContext);
    await until(() => state.status.text.includes("RPI_PICO"), "the status bar");
  });

  after(async () => {
    await ext.deactivate();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("registers every command package.json declares", () => {
    assert.deepEqual([...state.commands.keys()].sort(), manifest.contributes.commands.map((c) => c.command).sort());
  });

  it("marks the workspace as a project and shows board and target", () => {
    assert.deepEqual(state.executed[0], ["setContext", "mpbuild.project", true]);
    assert.equal(state.status.text, "$(circuit-board) RPI_PICO · armv6m · 1.29");
    assert.equal(state.status.command, "mpbuild.selectBoard");
    assert.ok(state.status.visible);
  });

  it("says which setting points at a missing mpls", () => {
    assert.ok(state.messages.some((m) => m.level === "warn" && m.text === `mpbuild.server.path: ${path.join(dir, "no-mpls")} does not exist`), JSON.stringify(state.messages));
  });

  it("runs a command through the real host: build, then a verb mpbuild lacks", async () => {
    state.messages.length = 0;
    await state.commands.get("mpbuild.build")?.();
    assert.deepEqual(state.messages, [{ level: "info", text: `Built 1 file into ${fs.realpathSync(dir)}/build/mpy (1 compiled, 0 cached, 0 copied) for armv6m` }]);
    await state.commands.get("mpbuild.check")?.();
    assert.deepEqual(state.messages[1], { level: "error", text: "mpbuild check: error: unrecognized subcommand 'check'" });
    assert.ok(state.output.some((l) => l.startsWith("$ mpbuild check --json")));
  });
});
