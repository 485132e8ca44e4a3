// Tests of the stub set-up: package choice, version pin, pip command, and the Pylance/Pyright settings it writes.
import * as assert from "assert/strict";
import { RUFF_BUILTINS, pipInstallCommand, pylanceEdits, pyrightConfig, shellQuote, stubPackage, versionPin } from "../src/stubs";

describe("stubs", () => {
  it("picks the port's package unless one is named", () => {
    assert.equal(stubPackage("rp2", ""), "micropython-rp2-stubs");
    assert.equal(stubPackage("ESP32", ""), "micropython-esp32-stubs");
    assert.equal(stubPackage("rp2", "micropython-rp2-rpi_pico_w-stubs"), "micropython-rp2-rpi_pico_w-stubs");
    assert.equal(stubPackage(undefined, ""), undefined);
  });

  it("pins the firmware's release", () => {
    assert.equal(versionPin("1.29"), "==1.29.*");
    assert.equal(versionPin("1.24.1"), "==1.24.*");
    assert.equal(versionPin("latest"), "");
    assert.equal(versionPin(undefined), "");
  });

  it("installs with pip --target into the stub folder", () => {
    const cmd = pipInstallCommand("python3", "micropython-rp2-stubs", "==1.29.*", "typings");
    assert.deepEqual(cmd, ["python3", "-m", "pip", "install", "--upgrade", "--target", "typings", "micropython-rp2-stubs==1.29.*"]);
    assert.equal(cmd.map(shellQuote).join(" "), "python3 -m pip install --upgrade --target typings 'micropython-rp2-stubs==1.29.*'");
  });

  it("adds the folder to Pylance's paths and silences missing module sources, keeping other values", () => {
    const current: Record<string, unknown> = { extraPaths: ["lib"], diagnosticSeverityOverrides: { reportMissingImports: "warning" } };
    assert.deepEqual(pylanceEdits((k) => current[k], "typings"), [
      { key: "typeshedPaths", value: ["typings"] },
      { key: "extraPaths", value: ["lib", "typings"] },
      { key: "diagnosticSeverityOverrides", value: { reportMissingImports: "warning", reportMissingModuleSource: "none" } },
    ]);
  });

  it("changes nothing the second time", () => {
    const current: Record<string, unknown> = {
      typeshedPaths: ["typings"],
      extraPaths: ["typings"],
      diagnosticSeverityOverrides: { reportMissingModuleSource: "none" },
    };
    assert.deepEqual(pylanceEdits((k) => current[k], "typings"), []);
  });

  it("merges into pyrightconfig.json", () => {
    assert.deepEqual(pyrightConfig({ include: ["src"], extraPaths: ["lib"] }, "typings"), {
      include: ["src"],
      extraPaths: ["lib", "typings"],
      typeshedPath: "typings",
      stubPath: "typings",
      reportMissingModuleSource: "none",
    });
  });

  it("knows Ruff's MicroPython builtins", () => {
    assert.ok(RUFF_BUILTINS.includes("const") && RUFF_BUILTINS.includes("ptr8"));
  });
});
