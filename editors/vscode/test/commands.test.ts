// Tests of the commands against a scripted host: which mpbuild calls they make, what they show, what they write.
import * as assert from "assert/strict";
import * as fs from "fs";
import * as path from "path";
import { CLIENT_COMMAND_IDS, COMMAND_IDS, commandHandlers } from "../src/commands";
import { readTarget } from "../src/project";
import { FakeHost, ok, unknownVerb } from "./fakeHost";

const ROOT = path.resolve("/work/app");
const TOML = path.join(ROOT, "mpbuild.toml");

const BOARDS = {
  boards: [
    { id: "RPI_PICO", port: "rp2", mcu: "RP2040", arch: "armv6m", mpy: "6.3", variants: {} },
    { id: "RPI_PICO2", port: "rp2", mcu: "RP2350", arch: "armv7emsp", mpy: "6.3", variants: { RISCV: {} } },
  ],
};

const BUILD = { build: { out_dir: "/work/app/build/mpy", target: "bytecode", files: [{}], compiled: 1, cached: 0, copied: 0, elapsed_ms: 3 } };

describe("commands", () => {
  it("build calls `mpbuild build --json` in the project and reports the summary", async () => {
    const host = new FakeHost(ROOT, undefined, () => ok(BUILD));
    await commandHandlers(host)["mpbuild.build"]();
    assert.deepEqual(host.calls, [{ args: ["build", "--json"], cwd: ROOT }]);
    assert.deepEqual(host.messages, [{ level: "info", text: "Built 1 file into /work/app/build/mpy (1 compiled, 0 cached, 0 copied) for bytecode in 3 ms" }]);
    assert.deepEqual(host.buildErrors, []);
  });

  it("build shows compile errors as diagnostics and mpbuild's message", async () => {
    const failure = {
      code: 1,
      stdout: JSON.stringify({
        ok: false,
        error: { code: "mpbuild::compile", message: "1 file failed to compile", help: null, files: [{ path: "main.py", line: 2, kind: "SyntaxError", message: "invalid syntax" }] },
      }),
      stderr: "",
    };
    const host = new FakeHost(ROOT, undefined, () => failure);
    await commandHandlers(host)["mpbuild.build"]();
    assert.deepEqual(host.buildErrors, [{ path: "main.py", line: 2, kind: "SyntaxError", message: "invalid syntax" }]);
    assert.deepEqual(host.messages, [{ level: "error", text: "mpbuild build: 1 file failed to compile" }]);
    assert.ok(host.logs.includes("main.py:2: SyntaxError: invalid syntax"));
  });

  for (const verb of ["check", "deploy"] as const) {
    it(`${verb} shows the CLI's own error when this mpbuild has no such verb`, async () => {
      const host = new FakeHost(ROOT, undefined, (args) => unknownVerb(args[0]), { port: "/dev/ttyUSB0" });
      await commandHandlers(host)[`mpbuild.${verb}`]();
      const expected = verb === "deploy" ? ["deploy", "--port", "/dev/ttyUSB0", "--json"] : ["check", "--json"];
      assert.deepEqual(host.calls.map((c) => c.args), [expected]);
      assert.deepEqual(host.messages, [{ level: "error", text: `mpbuild ${verb}: error: unrecognized subcommand '${verb}'` }]);
      assert.ok(host.logs.some((l) => l.includes("For more information, try '--help'.")));
    });
  }

  it("run saves nothing itself but runs the active file in a terminal with the port", async () => {
    const host = new FakeHost(ROOT, path.join(ROOT, "main.py"), () => ok({}), { port: "COM4" });
    await commandHandlers(host)["mpbuild.run"]();
    assert.deepEqual(host.terminals, [{ title: "mpbuild run main.py", args: ["run", path.join(ROOT, "main.py"), "--port", "COM4"], cwd: ROOT }]);
    assert.deepEqual(host.calls, []);
  });

  it("run and profile need a Python file", async () => {
    const host = new FakeHost(ROOT, path.join(ROOT, "README.md"), () => ok({}));
    await commandHandlers(host)["mpbuild.run"]();
    await commandHandlers(host)["mpbuild.profile"]();
    assert.deepEqual(host.messages.map((m) => m.text), ["mpbuild run: open a Python file first", "mpbuild profile: open a Python file first"]);
    assert.deepEqual(host.terminals, []);
  });

  it("profile calls `mpbuild profile FILE --json` and shows what mpbuild says", async () => {
    const host = new FakeHost(ROOT, path.join(ROOT, "main.py"), (args) => unknownVerb(args[0]));
    await commandHandlers(host)["mpbuild.profile"]();
    assert.deepEqual(host.calls[0].args, ["profile", path.join(ROOT, "main.py"), "--json"]);
    assert.deepEqual(host.messages, [{ level: "error", text: "mpbuild profile: error: unrecognized subcommand 'profile'" }]);
  });

  it("profile on the board passes the port; profile on the local VM passes --local and no port", async () => {
    const answer = {
      code: 0,
      stdout: JSON.stringify({
        version: 1,
        entry: "main.py",
        ran_on: "local",
        svg: path.join(ROOT, ".mpbuild/profile.svg"),
        profile: {
          total_us: 2500,
          functions: [
            { name: "work", qualified_name: "work", file: "main.py", line: 4, calls: 3, self_us: 2000, total_us: 2100, self_share: 80 },
            { name: "<module>", qualified_name: "", file: "main.py", line: 1, calls: 1, self_us: 500, total_us: 2500, self_share: 20 },
          ],
        },
      }),
      stderr: "",
    };
    const host = new FakeHost(ROOT, path.join(ROOT, "main.py"), () => answer, { port: "COM4" });
    await commandHandlers(host)["mpbuild.profile"]();
    await commandHandlers(host)["mpbuild.profileLocal"]();
    assert.deepEqual(
      host.calls.map((c) => c.args),
      [
        ["profile", path.join(ROOT, "main.py"), "--port", "COM4", "--json"],
        ["profile", "--local", path.join(ROOT, "main.py"), "--json"],
      ],
    );
    assert.deepEqual(host.messages[1], { level: "info", text: "Profiled main.py (local): 2.500 ms of program time; hottest: work (80.0% self)" });
    assert.ok(host.logs.includes("  80.0%     2.000     2.100         3  work (main.py:4)"), host.logs.join("\n"));
    assert.ok(host.logs.includes(`flame graph: ${path.join(ROOT, ".mpbuild/profile.svg")}`));
  });

  it("check shows every diagnostic, also when the check fails on errors", async () => {
    const diagnostics = [
      { path: "main.py", line: 7, column: 14, end_line: 7, end_column: 17, code: "MP103", severity: "info", message: "builtin `abs`", fixes: [{ title: "Alias `abs`", applicability: "safe" }] },
      { path: "lib/irq.py", line: 5, column: 11, end_line: 5, end_column: 13, code: "MP105", severity: "error", message: "allocates", fixes: [] },
    ];
    const failed = {
      code: 1,
      stdout: JSON.stringify({
        ok: false,
        check: { summary: "2 files checked: 1 error", diagnostics },
        error: { code: "mpbuild::check::errors", message: "2 files checked: 1 error", files: [{ path: "lib/irq.py", line: 5, kind: "MP105", message: "allocates" }] },
      }),
      stderr: "",
    };
    const host = new FakeHost(ROOT, undefined, () => failed);
    await commandHandlers(host)["mpbuild.check"]();
    assert.deepEqual(host.calls.map((c) => c.args), [["check", "--json"]]);
    assert.deepEqual(host.checkDiagnostics, [
      { path: "main.py", line: 7, column: 14, endLine: 7, endColumn: 17, code: "MP103", severity: "info", message: "builtin `abs`", fix: "Alias `abs`" },
      { path: "lib/irq.py", line: 5, column: 11, endLine: 5, endColumn: 13, code: "MP105", severity: "error", message: "allocates", fix: undefined },
    ]);
    assert.deepEqual(host.messages, [{ level: "error", text: "mpbuild check: 2 files checked: 1 error" }]);
    const clean = new FakeHost(ROOT, undefined, () => ok({ check: { summary: "1 file checked: 0 errors", diagnostics: [] } }));
    await commandHandlers(clean)["mpbuild.check"]();
    assert.deepEqual(clean.checkDiagnostics, []);
    assert.deepEqual(clean.messages, [{ level: "info", text: "1 file checked: 0 errors" }]);
  });

  it("flash asks for the image and passes it on", async () => {
    const host = new FakeHost(ROOT, undefined, () => ok({ flash: {} }));
    host.fileAnswer = "/tmp/RPI_PICO-v1.29.uf2";
    await commandHandlers(host)["mpbuild.flash"]();
    assert.deepEqual(host.calls[0].args, ["flash", "/tmp/RPI_PICO-v1.29.uf2", "--json"]);
    const cancelled = new FakeHost(ROOT, undefined, () => ok({}));
    await commandHandlers(cancelled)["mpbuild.flash"]();
    assert.deepEqual(cancelled.calls, []);
  });

  it("select board lists boards and variants and writes [target]", async () => {
    const host = new FakeHost(ROOT, undefined, () => ok(BOARDS));
    host.files.set(TOML, 'name = "app"\n\n[target]\nboard = "RPI_PICO"\n');
    host.pickAnswer = (items) => items.find((i) => i.label === "RPI_PICO2-RISCV")?.value;
    await commandHandlers(host)["mpbuild.selectBoard"]();
    assert.deepEqual(host.calls[0].args, ["boards", "--json"]);
    assert.deepEqual(
      host.picks[0].items.map((i) => [i.label, i.detail]),
      [
        ["RPI_PICO", "current"],
        ["RPI_PICO2", undefined],
        ["RPI_PICO2-RISCV", undefined],
      ],
    );
    assert.deepEqual(readTarget(host.files.get(TOML) ?? ""), { board: "RPI_PICO2", variant: "RISCV" });
    assert.equal(host.changed, 1);
  });

  it("select board reports a failing mpbuild and writes nothing", async () => {
    const host = new FakeHost(ROOT, undefined, () => ({ code: 101, stdout: "", stderr: "thread 'main' panicked\n" }));
    await commandHandlers(host)["mpbuild.selectBoard"]();
    assert.deepEqual(host.messages, [{ level: "error", text: "mpbuild boards: thread 'main' panicked" }]);
    assert.equal(host.files.size, 0);
  });

  it("select port stores the choice (or mpbuild's own choice) in the workspace", async () => {
    const host = new FakeHost(ROOT, undefined, () => ok({ ports: [{ name: "/dev/ttyACM0", kind: "Raspberry Pi RP2" }], default: "/dev/ttyACM0" }));
    host.pickAnswer = (items) => items[1].value;
    await commandHandlers(host)["mpbuild.selectPort"]();
    assert.equal(host.settingsSet.get("port"), "/dev/ttyACM0");
    assert.equal(host.picks[0].items[1].detail, "mpbuild's default");
    host.pickAnswer = (items) => items[0].value;
    await commandHandlers(host)["mpbuild.selectPort"]();
    assert.equal(host.settingsSet.get("port"), "");
  });

  it("select port shows the CLI's error when mpbuild has no `ports` verb", async () => {
    const host = new FakeHost(ROOT, undefined, (args) => unknownVerb(args[0]));
    await commandHandlers(host)["mpbuild.selectPort"]();
    assert.deepEqual(host.messages, [{ level: "error", text: "mpbuild ports: error: unrecognized subcommand 'ports'" }]);
    assert.equal(host.settingsSet.size, 0);
  });

  it("create project writes mpbuild.toml with the chosen board and opens it", async () => {
    const host = new FakeHost(ROOT, undefined, () => ok(BOARDS));
    host.pickAnswer = (items) => items[1].value;
    await commandHandlers(host)["mpbuild.createProject"]();
    assert.equal(readTarget(host.files.get(TOML) ?? "").board, "RPI_PICO");
    assert.match(host.files.get(TOML) ?? "", /^name = "app"$/m);
    assert.deepEqual(host.opened, [TOML]);
    assert.equal(host.changed, 1);
  });

  it("create project keeps an existing mpbuild.toml", async () => {
    const host = new FakeHost(ROOT, undefined, () => ok(BOARDS));
    host.files.set(TOML, "# mine\n");
    await commandHandlers(host)["mpbuild.createProject"]();
    assert.equal(host.files.get(TOML), "# mine\n");
    assert.deepEqual(host.messages, [{ level: "info", text: "mpbuild.toml already exists" }]);
  });

  it("create project still works without a board list", async () => {
    const host = new FakeHost(ROOT, undefined, () => ({ code: null, stdout: "", stderr: "", spawnError: "mpbuild was not found" }));
    await commandHandlers(host)["mpbuild.createProject"]();
    assert.equal(readTarget(host.files.get(TOML) ?? "").board, undefined);
    assert.equal(host.picks.length, 0);
  });

  it("stubs: asks first, installs the port's stubs with pip, then configures Pylance", async () => {
    const host = new FakeHost(ROOT, undefined, () => ok({ board: { id: "RPI_PICO", port: "rp2" } }));
    host.files.set(TOML, '[target]\nboard = "RPI_PICO"\nmicropython = "1.29"\n');
    host.confirmAnswer = "Install and configure";
    await commandHandlers(host)["mpbuild.setupStubs"]();
    assert.deepEqual(host.calls[0].args, ["boards", "RPI_PICO", "--json"]);
    assert.equal(host.confirmations.length, 1);
    assert.match(host.confirmations[0].detail, /python3 -m pip install --upgrade --target typings 'micropython-rp2-stubs==1\.29\.\*'/);
    assert.deepEqual(host.execs, [{ command: "python3", args: ["-m", "pip", "install", "--upgrade", "--target", "typings", "micropython-rp2-stubs==1.29.*"] }]);
    assert.deepEqual(host.python.get("typeshedPaths"), ["typings"]);
    assert.deepEqual(host.python.get("extraPaths"), ["typings"]);
    assert.deepEqual(host.python.get("diagnosticSeverityOverrides"), { reportMissingModuleSource: "none" });
  });

  it("stubs: downloads nothing when the user declines", async () => {
    const host = new FakeHost(ROOT, undefined, () => ok({ board: { id: "RPI_PICO", port: "rp2" } }));
    host.files.set(TOML, '[target]\nboard = "RPI_PICO"\n');
    await commandHandlers(host)["mpbuild.setupStubs"]();
    assert.deepEqual(host.execs, []);
    assert.equal(host.python.size, 0);
  });

  it("stubs: configure only, into an existing pyrightconfig.json", async () => {
    const host = new FakeHost(ROOT, undefined, () => ok({}), { "stubs.package": "micropython-esp32-stubs" });
    host.files.set(path.join(ROOT, "pyrightconfig.json"), '{ "include": ["src"] }');
    host.confirmAnswer = "Configure only";
    await commandHandlers(host)["mpbuild.setupStubs"]();
    assert.deepEqual(host.calls, []);
    assert.deepEqual(host.execs, []);
    assert.deepEqual(JSON.parse(host.files.get(path.join(ROOT, "pyrightconfig.json")) ?? "{}"), {
      include: ["src"],
      typeshedPath: "typings",
      stubPath: "typings",
      extraPaths: ["typings"],
      reportMissingModuleSource: "none",
    });
    assert.equal(host.python.size, 0);
  });

  it("stubs: a failing pip stops before the settings change", async () => {
    const host = new FakeHost(ROOT, undefined, () => ok({}), { "stubs.package": "micropython-rp2-stubs" }, { code: 1, stdout: "", stderr: "ERROR: No matching distribution\n" });
    host.confirmAnswer = "Install and configure";
    await commandHandlers(host)["mpbuild.setupStubs"]();
    assert.deepEqual(host.messages, [{ level: "error", text: "pip install micropython-rp2-stubs: ERROR: No matching distribution" }]);
    assert.equal(host.python.size, 0);
  });

  it("needs an open folder", async () => {
    const host = new FakeHost(undefined, undefined, () => ok({}));
    await commandHandlers(host)["mpbuild.build"]();
    assert.deepEqual(host.messages, [{ level: "error", text: "mpbuild: open a folder first" }]);
    assert.deepEqual(host.calls, []);
  });
});

describe("package.json", () => {
  const dir = path.join(__dirname, "..", "..");
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as {
    main: string;
    contributes: {
      commands: { command: string; title: string; category: string }[];
      walkthroughs: { steps: { description: string; media: { markdown: string }; completionEvents: string[] }[] }[];
    };
    devDependencies: Record<string, string>;
    dependencies: Record<string, string>;
  };

  it("declares exactly the commands the extension registers", () => {
    const declared = manifest.contributes.commands.map((c) => c.command).sort();
    assert.deepEqual(declared, [...COMMAND_IDS, ...CLIENT_COMMAND_IDS].sort());
    for (const c of manifest.contributes.commands) {
      assert.equal(c.category, "mpbuild");
    }
  });

  it("has a walkthrough whose links and media exist", () => {
    const ids = new Set(manifest.contributes.commands.map((c) => c.command));
    const steps = manifest.contributes.walkthroughs[0].steps;
    assert.ok(steps.some((s) => s.description.includes("command:mpbuild.createProject")));
    for (const s of steps) {
      for (const m of s.description.matchAll(/command:([\w.]+)/g)) {
        assert.ok(ids.has(m[1]), m[1]);
      }
      for (const e of s.completionEvents) {
        assert.ok(ids.has(e.replace(/^onCommand:/, "")), e);
      }
      assert.ok(fs.existsSync(path.join(dir, s.media.markdown)), s.media.markdown);
    }
  });

  it("pins every dependency to an exact version", () => {
    for (const [name, v] of Object.entries({ ...manifest.devDependencies, ...manifest.dependencies })) {
      assert.match(v, /^\d+\.\d+\.\d+$/, name);
    }
  });
});
