// Tests of the mpbuild CLI contract: argument lists, `--json` answers, mpbuild's own error text, and running a process.
import * as assert from "assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { cliArgs, firstLine, parseBoards, parseCheck, parseOutcome, parsePorts, runMpbuild, summarize } from "../src/cli";
import { newProjectFile } from "../src/project";
import { unknownVerb } from "./fakeHost";

describe("cli arguments", () => {
  it("puts --json after the verb (a global flag) for every verb but run", () => {
    assert.deepEqual(cliArgs({ verb: "build" }), ["build", "--json"]);
    assert.deepEqual(cliArgs({ verb: "check" }), ["check", "--json"]);
    assert.deepEqual(cliArgs({ verb: "run", file: "/p/main.py" }), ["run", "/p/main.py"]);
    assert.deepEqual(cliArgs({ verb: "profile", file: "/p/main.py" }), ["profile", "/p/main.py", "--json"]);
    assert.deepEqual(cliArgs({ verb: "profile", file: "/p/main.py", port: "COM3", local: true }), ["profile", "--local", "/p/main.py", "--json"]);
  });

  it("passes --port only to the verbs that reach a board", () => {
    assert.deepEqual(cliArgs({ verb: "deploy", port: "/dev/ttyACM0" }), ["deploy", "--port", "/dev/ttyACM0", "--json"]);
    assert.deepEqual(cliArgs({ verb: "run", file: "a.py", port: "COM3" }), ["run", "a.py", "--port", "COM3"]);
    assert.deepEqual(cliArgs({ verb: "flash", image: "fw.uf2", port: "COM3" }), ["flash", "fw.uf2", "--port", "COM3", "--json"]);
    assert.deepEqual(cliArgs({ verb: "build", port: "COM3" }), ["build", "--json"]);
    assert.deepEqual(cliArgs({ verb: "deploy", port: "" }), ["deploy", "--json"]);
  });

  it("names the board for boards ID", () => {
    assert.deepEqual(cliArgs({ verb: "boards" }), ["boards", "--json"]);
    assert.deepEqual(cliArgs({ verb: "boards", board: "RPI_PICO" }), ["boards", "RPI_PICO", "--json"]);
  });

  it("refuses run/profile without a file and flash without an image", () => {
    assert.throws(() => cliArgs({ verb: "run" }), /needs a file/);
    assert.throws(() => cliArgs({ verb: "flash" }), /needs a firmware image/);
  });
});

describe("cli results", () => {
  it("reads a JSON success", () => {
    const o = parseOutcome({ code: 0, stdout: '{\n  "ok": true,\n  "boards": []\n}\n', stderr: "" });
    assert.equal(o.ok, true);
    assert.deepEqual(o.ok ? o.value : null, { ok: true, boards: [] });
  });

  it("reads a JSON error with code, help and file errors", () => {
    const stdout = JSON.stringify({
      ok: false,
      error: {
        code: "mpbuild::compile",
        message: "1 file failed to compile",
        help: "fix the syntax error",
        files: [{ path: "lib/a.py", line: 3, kind: "SyntaxError", message: "invalid syntax", rendered: "..." }, { bogus: true }],
      },
    });
    const o = parseOutcome({ code: 1, stdout, stderr: "" });
    assert.equal(o.ok, false);
    if (!o.ok) {
      assert.equal(o.message, "1 file failed to compile");
      assert.equal(o.code, "mpbuild::compile");
      assert.equal(o.help, "fix the syntax error");
      assert.deepEqual(o.files, [{ path: "lib/a.py", line: 3, kind: "SyntaxError", message: "invalid syntax" }]);
      assert.equal(o.detail, "error[mpbuild::compile]: 1 file failed to compile\nhelp: fix the syntax error");
    }
  });

  it("reports a verb mpbuild does not have with mpbuild's own words", () => {
    const o = parseOutcome(unknownVerb("profile"));
    assert.equal(o.ok, false);
    assert.equal(o.ok ? "" : firstLine(o.message), "error: unrecognized subcommand 'profile'");
    assert.match(o.ok ? "" : o.detail, /For more information, try '--help'\./);
  });

  it("falls back to stdout, then to the exit status", () => {
    assert.deepEqual(parseOutcome({ code: 3, stdout: "boom\n", stderr: "" }), { ok: false, message: "boom", files: [], detail: "boom" });
    assert.deepEqual(parseOutcome({ code: 3, stdout: "", stderr: "" }), {
      ok: false,
      message: "mpbuild exited with status 3",
      files: [],
      detail: "mpbuild exited with status 3",
    });
    assert.equal(parseOutcome({ code: 0, stdout: "plain text", stderr: "" }).ok, true);
  });

  it("reports a program that cannot start", () => {
    const o = parseOutcome({ code: null, stdout: "", stderr: "", spawnError: "cannot run mpbuild: spawn mpbuild ENOENT" });
    assert.equal(o.ok ? "" : o.message, "cannot run mpbuild: spawn mpbuild ENOENT");
  });

  it("summarises a build", () => {
    const build = { out_dir: "/p/build/mpy", target: "bytecode, mpy 6.3", files: [{}, {}], compiled: 1, cached: 1, copied: 0, elapsed_ms: 12.4 };
    assert.equal(summarize("build", { ok: true, build }), "Built 2 files into /p/build/mpy (1 compiled, 1 cached, 0 copied) for bytecode, mpy 6.3 in 12 ms");
    assert.equal(
      summarize("deploy", { ok: true, deploy: { build, sync: { port: "/dev/ttyACM0", dest: "/", dry_run: true } } }),
      "Deployed to /dev/ttyACM0:/ (dry run)",
    );
    assert.equal(summarize("flash", { ok: true }), "mpbuild flash finished");
    assert.equal(summarize("check", null), "mpbuild check finished");
  });

  it("reads boards and their variants", () => {
    const value = {
      ok: true,
      boards: [
        { id: "RPI_PICO2", port: "rp2", mcu: "RP2350", arch: "armv7emsp", mpy: "6.3", variants: { RISCV: {} } },
        { id: "X", port: "stm32" },
        "junk",
      ],
    };
    assert.deepEqual(parseBoards(value), [
      { id: "RPI_PICO2", port: "rp2", mcu: "RP2350", arch: "armv7emsp", mpy: "6.3", variants: ["RISCV"] },
      { id: "X", port: "stm32", mcu: "", arch: "", mpy: "", variants: [] },
    ]);
  });

  it("reads ports and the default one", () => {
    const value = {
      ok: true,
      default: "/dev/ttyACM0",
      ports: [
        { name: "/dev/ttyACM0", vid: 11914, pid: 5, kind: "Raspberry Pi RP2", product: "Board in FS mode" },
        { name: "/dev/ttyS0", vid: null, pid: null },
      ],
    };
    assert.deepEqual(parsePorts(value), [
      { name: "/dev/ttyACM0", description: "Raspberry Pi RP2 · Board in FS mode", isDefault: true },
      { name: "/dev/ttyS0", description: "", isDefault: false },
    ]);
  });
});

describe("running mpbuild", () => {
  let dir: string;
  let fake: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "mpbuild-vscode-"));
    fake = path.join(dir, "fake-mpbuild");
    fs.writeFileSync(
      fake,
      [
        "#!/usr/bin/env node",
        "const a = process.argv.slice(2);",
        "if (a[0] === 'build') { console.log(JSON.stringify({ ok: true, cwd: process.cwd(), color: process.env.NO_COLOR })); }",
        "else { process.stderr.write(`error: unrecognized subcommand '${a[0]}'\\n`); process.exit(2); }",
      ].join("\n"),
      { mode: 0o755 },
    );
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("collects stdout, runs in the project, turns colour off", async () => {
    const r = await runMpbuild(fake, ["build", "--json"], dir);
    const o = parseOutcome(r);
    assert.equal(o.ok, true);
    assert.deepEqual(o.ok ? o.value : null, { ok: true, cwd: fs.realpathSync(dir), color: "1" });
  });

  it("keeps stderr and the exit status", async () => {
    const r = await runMpbuild(fake, ["deploy", "--json"], dir);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, "error: unrecognized subcommand 'deploy'\n");
  });

  it("turns a missing program into a message", async () => {
    const r = await runMpbuild(path.join(dir, "nope"), ["build"], dir);
    assert.match(r.spawnError ?? "", /^cannot run .*nope: spawn .*ENOENT/);
  });

  // The real binary, when the test command provides it (scripts/test-editors sets MPBUILD_BIN).
  const real = process.env.MPBUILD_BIN;
  (real !== undefined && real !== "" ? it : it.skip)("agrees with the real mpbuild: boards --json and an unknown verb", async function () {
    const bin = real as string;
    const boards = parseOutcome(await runMpbuild(bin, ["boards", "--json"], dir));
    assert.equal(boards.ok, true);
    const list = parseBoards(boards.ok ? boards.value : null);
    assert.ok(list.some((b) => b.id === "RPI_PICO" && b.port === "rp2"), JSON.stringify(list.slice(0, 3)));
    const bogus = parseOutcome(await runMpbuild(bin, ["no-such-verb", "--json"], dir));
    assert.equal(bogus.ok, false);
    assert.match(bogus.ok ? "" : firstLine(bogus.message), /^error: unrecognized subcommand 'no-such-verb'/);
  });

  (real !== undefined && real !== "" ? it : it.skip)("reads the real `mpbuild check --json`: diagnostics, errors and exit status", async function () {
    const bin = real as string;
    const project = fs.mkdtempSync(path.join(os.tmpdir(), "mpbuild-check-"));
    try {
      // The project file the extension writes (strict: mpbuild rejects unknown keys).
      fs.writeFileSync(path.join(project, "mpbuild.toml"), newProjectFile("t", "RPI_PICO"));
      fs.writeFileSync(path.join(project, "main.py"), "def total(xs):\n    t = 0\n    for x in xs:\n        t += abs(x)\n    return t\n");
      const clean = parseOutcome(await runMpbuild(bin, ["check", "--json"], project));
      assert.equal(clean.ok, true);
      const found = parseCheck(clean.ok ? clean.value : null);
      assert.deepEqual(
        found.map((d) => [d.path, d.line, d.column, d.code, d.severity]),
        [["main.py", 4, 14, "MP103", "info"]],
      );
      assert.match(summarize("check", clean.ok ? clean.value : null), /^1 file checked for .*: 0 errors, 0 warnings, 1 note$/);
      fs.writeFileSync(path.join(project, "broken.py"), "x = = 1\n");
      const r = await runMpbuild(bin, ["check", "--json"], project);
      assert.equal(r.code, 1);
      const failed = parseOutcome(r);
      assert.equal(failed.ok, false);
      assert.deepEqual(failed.ok ? [] : failed.files, [{ path: "broken.py", line: 1, kind: "SyntaxError", message: "SyntaxError: invalid syntax" }]);
      assert.equal(parseCheck(failed.ok ? null : failed.value).length, 2);
    } finally {
      fs.rmSync(project, { recursive: true, force: true });
    }
  });
});
