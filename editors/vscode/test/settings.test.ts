// Tests of the settings: defaults, validation messages, the object sent to mpls, and agreement with package.json.
import * as assert from "assert/strict";
import * as fs from "fs";
import * as path from "path";
import { SETTING_KEYS, needsRestart, readSettings, serverSettings } from "../src/settings";

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")) as {
  contributes: { configuration: { properties: Record<string, { description?: string; markdownDescription?: string; default?: unknown }> } };
};

describe("settings", () => {
  it("has defaults that leave everything to mpbuild.toml", () => {
    const { settings, problems } = readSettings(() => undefined);
    assert.deepEqual(problems, []);
    assert.deepEqual(settings.server, { enabled: true, path: "", args: [] });
    assert.equal(settings.port, "");
    assert.deepEqual(serverSettings(settings.lint), { mpls: {} });
    assert.deepEqual(settings.stubs, { directory: "typings", package: "", python: "python3" });
  });

  it("treats null (the declared default) as unset", () => {
    const { settings, problems } = readSettings(() => null);
    assert.deepEqual(problems, []);
    assert.deepEqual(serverSettings(settings.lint), { mpls: {} });
  });

  it("sends only what the user set, in mpls's shape", () => {
    const values: Record<string, unknown> = {
      "lint.select": ["mp101", "MP103"],
      "lint.ignore": ["MP104"],
      "lint.severity": { MP103: "warning" },
      "lint.compileDiagnostics": false,
      "lint.emit": "native",
      "lint.arch": "armv6m",
    };
    const { settings, problems } = readSettings((k) => values[k]);
    assert.deepEqual(problems, []);
    assert.deepEqual(serverSettings(settings.lint), {
      mpls: { select: ["MP101", "MP103"], ignore: ["MP104"], severity: { MP103: "warning" }, compileDiagnostics: false, emit: "native", arch: "armv6m" },
    });
  });

  it("explains each bad value with its full key", () => {
    const values: Record<string, unknown> = {
      "server.enabled": "yes",
      "server.args": "--verbose",
      "lint.select": ["MP1", "ALL"],
      "lint.ignore": ["ALL"],
      "lint.severity": { MP103: "loud", X: "error" },
      "lint.emit": "turbo",
      port: 3,
    };
    const { settings, problems } = readSettings((k) => values[k]);
    assert.deepEqual(problems, [
      'mpbuild.server.enabled: expected true or false, got "yes"',
      'mpbuild.server.args: expected an array of strings, got "--verbose"',
      "mpbuild.port: expected a string, got number",
      "mpbuild.lint.select: `MP1` is not a rule code (MP101, MP102, … or ALL)",
      "mpbuild.lint.ignore: `ALL` is not a rule code (MP101, MP102, …)",
      "mpbuild.lint.severity.MP103: expected one of error, warning, information, hint, got \"loud\"",
      "mpbuild.lint.severity: `X` is not a rule code (MP101, MP102, …)",
      'mpbuild.lint.emit: expected one of bytecode, native, viper, got "turbo"',
    ]);
    // Bad values fall back to their defaults.
    assert.equal(settings.server.enabled, true);
    assert.deepEqual(settings.lint.select, ["ALL"]);
    assert.deepEqual(settings.lint.ignore, []);
  });

  it("restarts the server only for server settings", () => {
    assert.equal(needsRestart((k) => k === "mpbuild.server.path"), true);
    assert.equal(needsRestart((k) => k === "mpbuild.lint.select"), false);
  });

  it("declares every setting it reads in package.json, each with a description", () => {
    const declared = Object.keys(manifest.contributes.configuration.properties).sort();
    assert.deepEqual(declared, SETTING_KEYS.map((k) => `mpbuild.${k}`).sort());
    for (const [key, p] of Object.entries(manifest.contributes.configuration.properties)) {
      const text = p.description ?? p.markdownDescription ?? "";
      assert.ok(text.length > 20, `${key} needs a description`);
      assert.ok("default" in p, `${key} needs a default`);
    }
  });

  it("reads the package.json defaults without complaint", () => {
    const props = manifest.contributes.configuration.properties;
    const { problems } = readSettings((k) => props[`mpbuild.${k}`]?.default);
    assert.deepEqual(problems, []);
  });
});
