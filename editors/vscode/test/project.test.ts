// Tests of the project helpers: finding mpbuild.toml, reading [target], editing it without losing comments.
import * as assert from "assert/strict";
import * as path from "path";
import { findProjectRoot, newProjectFile, projectName, readTarget, setTargetKeys } from "../src/project";

describe("project root", () => {
  const files = new Set([path.resolve("/ws/app/mpbuild.toml"), path.resolve("/ws/mpbuild.toml")]);
  const isFile = (p: string): boolean => files.has(path.resolve(p));

  it("finds the nearest mpbuild.toml", () => {
    assert.equal(findProjectRoot("/ws/app/lib/drivers", "/ws", isFile), path.resolve("/ws/app"));
    assert.equal(findProjectRoot("/ws/other", "/ws", isFile), path.resolve("/ws"));
  });

  it("does not look above the workspace folder", () => {
    assert.equal(findProjectRoot("/ws/other/x", "/ws/other", isFile), undefined);
    assert.equal(findProjectRoot("/elsewhere", "/ws", isFile), undefined);
  });
});

describe("mpbuild.toml", () => {
  const text = [
    'name = "demo"',
    "",
    "[target]",
    'board = "RPI_PICO"   # the Pico',
    'variant = "RISCV"',
    "micropython = '1.29'",
    "",
    "[compile]",
    'emit = "native"',
    "board = \"not-a-target\"",
    "",
  ].join("\n");

  it("reads [target] only", () => {
    assert.deepEqual(readTarget(text), { board: "RPI_PICO", variant: "RISCV", micropython: "1.29" });
    assert.deepEqual(readTarget('[target]\narch = "armv6m"\nboard = 3\n'), { arch: "armv6m" });
    assert.deepEqual(readTarget(""), {});
  });

  it("replaces a key in place, keeping its comment, and drops the old variant", () => {
    const out = setTargetKeys(text, { board: "ESP32_GENERIC", variant: undefined });
    assert.equal(
      out,
      [
        'name = "demo"',
        "",
        "[target]",
        'board = "ESP32_GENERIC" # the Pico',
        "micropython = '1.29'",
        "",
        "[compile]",
        'emit = "native"',
        'board = "not-a-target"',
        "",
      ].join("\n"),
    );
    assert.deepEqual(readTarget(out), { board: "ESP32_GENERIC", micropython: "1.29" });
  });

  it("adds missing keys after the table's last key", () => {
    const out = setTargetKeys('[target]\nmicropython = "1.29"\n\n[compile]\nopt = 1\n', { board: "RPI_PICO2", variant: "RISCV" });
    assert.equal(out, '[target]\nmicropython = "1.29"\nboard = "RPI_PICO2"\nvariant = "RISCV"\n\n[compile]\nopt = 1\n');
  });

  it("appends [target] when missing, and keeps CRLF", () => {
    assert.equal(setTargetKeys('name = "x"\r\n', { board: "PYBV11" }), 'name = "x"\r\n\r\n[target]\r\nboard = "PYBV11"\r\n');
    assert.equal(setTargetKeys("", { board: "PYBV11" }), '[target]\nboard = "PYBV11"\n');
    assert.equal(setTargetKeys('name = "x"\n', { variant: undefined }), 'name = "x"\n');
  });

  it("escapes quotes", () => {
    assert.equal(readTarget(setTargetKeys("", { board: 'A"B' })).board, 'A"B');
  });

  it("writes a new project file that mpbuild and mpls both read", () => {
    const t = newProjectFile("demo", "RPI_PICO");
    assert.deepEqual(readTarget(t), { board: "RPI_PICO", micropython: "1.29" });
    // [lint] is part of mpbuild's schema (the same table mpls reads); the real mpbuild parses this file in
    // the `mpbuild check` test of cli.test.ts.
    assert.match(t, /^\[lint\]/m);
    assert.equal(readTarget(newProjectFile("demo")).board, undefined);
  });

  it("names the project after its folder", () => {
    assert.equal(projectName("/home/u/My Sensor!"), "My-Sensor");
    assert.equal(projectName("/"), "app");
  });
});
