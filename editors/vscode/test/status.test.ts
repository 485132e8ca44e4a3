// Tests of the status-bar text: board, target arch, version and port.
import * as assert from "assert/strict";
import { statusView } from "../src/status";

describe("status bar", () => {
  it("invites to create a project when there is none", () => {
    assert.equal(statusView({ hasProject: false, target: {}, port: "" }).text, "$(circuit-board) mpbuild");
  });

  it("shows the board and the arch from the board table", () => {
    const v = statusView({
      hasProject: true,
      target: { board: "RPI_PICO", micropython: "1.29" },
      board: { id: "RPI_PICO", port: "rp2", mcu: "RP2040", arch: "armv6m", mpy: "6.3", variants: [] },
      port: "/dev/ttyACM0",
    });
    assert.equal(v.text, "$(circuit-board) RPI_PICO · armv6m · 1.29");
    assert.equal(v.tooltip, "Board RPI_PICO (rp2, RP2040, .mpy 6.3)\nTarget: -march=armv6m\nPort: /dev/ttyACM0\nClick to select the board");
  });

  it("prefers an explicit arch, and says bytecode without one", () => {
    assert.equal(statusView({ hasProject: true, target: { board: "RPI_PICO2", variant: "RISCV", arch: "rv32imc" }, port: "" }).text, "$(circuit-board) RPI_PICO2-RISCV · rv32imc");
    assert.equal(statusView({ hasProject: true, target: {}, port: "" }).text, "$(circuit-board) no board · bytecode");
    assert.equal(statusView({ hasProject: true, target: { arch: "none" }, port: "" }).text, "$(circuit-board) no board · bytecode");
  });
});
