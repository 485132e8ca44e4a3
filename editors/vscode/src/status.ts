// The status-bar item's text: the board and the compile target of the current project, and the chosen port.
import type { Target } from "./project";
import type { BoardInfo } from "./cli";

export interface StatusInput {
  /** False when the workspace has no mpbuild.toml. */
  hasProject: boolean;
  target: Target;
  /** The board's entry in `mpbuild boards --json`, when the board is known. */
  board?: BoardInfo;
  port: string;
}

export interface StatusView {
  text: string;
  tooltip: string;
}

/** `$(circuit-board) RPI_PICO · armv6m` (board, then the arch native code is compiled for, or `bytecode`). */
export function statusView(s: StatusInput): StatusView {
  if (!s.hasProject) {
    return { text: "$(circuit-board) mpbuild", tooltip: "No mpbuild.toml in this workspace: click to create one" };
  }
  const id = s.target.board !== undefined ? (s.target.variant !== undefined ? `${s.target.board}-${s.target.variant}` : s.target.board) : undefined;
  const arch = s.target.arch ?? (s.board?.arch !== undefined && s.board.arch !== "" ? s.board.arch : undefined);
  const target = arch === undefined || arch === "none" ? "bytecode" : arch;
  const version = s.target.micropython !== undefined ? ` · ${s.target.micropython}` : "";
  const text = `$(circuit-board) ${id ?? "no board"} · ${target}${version}`;
  const lines = [
    id !== undefined ? `Board ${id}${s.board !== undefined ? ` (${s.board.port}, ${s.board.mcu}, .mpy ${s.board.mpy})` : ""}` : "No board in mpbuild.toml",
    `Target: ${target === "bytecode" ? "bytecode only (no -march)" : `-march=${target}`}`,
    s.port !== "" ? `Port: ${s.port}` : "Port: chosen by mpbuild",
    "Click to select the board",
  ];
  return { text, tooltip: lines.join("\n") };
}
