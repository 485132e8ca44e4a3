-- :checkhealth mpbuild: Neovim version, configuration, the mpls and mpbuild executables, the current project, other Python servers, stubs.
local compat = require("mpbuild.compat")
local config = require("mpbuild.config")

local M = {}

local function version_of(argv)
  local cmd = vim.deepcopy(argv)
  table.insert(cmd, "--version")
  local out = vim.fn.system(cmd)
  if vim.v.shell_error ~= 0 then
    return nil, vim.trim(out)
  end
  return vim.trim(out)
end

local function check_executable(h, what, argv, advice)
  local exe = argv[1]
  if type(exe) ~= "string" or vim.fn.executable(exe) == 0 then
    h.error(string.format("%s: `%s` is not executable", what, tostring(exe)), { advice })
    return
  end
  local v, err = version_of(argv)
  if v then
    h.ok(string.format("%s: %s (%s)", what, v, vim.fn.exepath(exe) ~= "" and vim.fn.exepath(exe) or exe))
  else
    h.error(string.format("%s: `%s --version` failed: %s", what, exe, err or "?"), { advice })
  end
end

function M.check()
  local h = compat.health()
  h.start("mpbuild: Neovim and configuration")
  local v = vim.version()
  local vs = string.format("%d.%d.%d", v.major, v.minor, v.patch)
  if compat.has("0.7") then
    h.ok("Neovim " .. vs)
  else
    h.error("Neovim " .. vs .. " is too old", { "mpbuild needs Neovim 0.7 or later" })
  end
  local cfg = config.get()
  if config.is_set() then
    h.ok("setup() called; options are valid")
  else
    h.warn("setup() has not been called: mpls does not start by itself", { 'Add require("mpbuild").setup{} to your init.lua' })
  end
  local err = config.check(cfg)
  if err then
    h.error("invalid options: " .. err)
  end

  h.start("mpbuild: executables")
  local root = require("mpbuild.lsp").buf_root(vim.api.nvim_get_current_buf(), cfg) or vim.fn.getcwd()
  local ok_cmd, cmd = pcall(config.server_cmd, cfg, root)
  if ok_cmd and type(cmd) == "table" then
    check_executable(h, "mpls", { cmd[1] }, "Install it (cargo install --path lsp) or set cmd in setup{}")
  else
    h.error("cmd: the function given to setup{} failed: " .. tostring(cmd))
  end
  check_executable(h, "mpbuild", config.mpbuild_cmd(cfg), "Install it (cargo install --path toolchain) or set mpbuild in setup{}")

  h.start("mpbuild: project")
  local lsp = require("mpbuild.lsp")
  local bufnr = vim.api.nvim_get_current_buf()
  local project_root = lsp.buf_root(bufnr, cfg) or lsp.find_root(vim.fn.getcwd(), cfg.root_markers)
  if project_root then
    h.ok("project: " .. project_root)
    local target = require("mpbuild.project").read_target(require("mpbuild.project").read_file(project_root .. "/mpbuild.toml") or "")
    if target.board then
      h.ok("board: " .. target.board .. (target.variant and ("-" .. target.variant) or ""))
    else
      h.info("no [target] board in mpbuild.toml (bytecode only; :Mpbuild board sets one)")
    end
  else
    h.info("no mpbuild.toml above the current buffer or the working directory: mpls starts only in projects")
  end
  local running = compat.clients({ name = lsp.name })
  if #running > 0 then
    for _, c in ipairs(running) do
      local n = vim.tbl_count(c.attached_buffers or {})
      h.ok(string.format("mpls running (client %d, %s, %d buffer%s)", c.id, c.config.root_dir or "?", n, n == 1 and "" or "s"))
    end
  else
    h.info("mpls is not running (it starts when a Python file of a project is opened)")
  end
  local others = {}
  for _, c in ipairs(compat.clients()) do
    if c.name ~= lsp.name then
      table.insert(others, c.name)
    end
  end
  if #others > 0 then
    h.ok("other language servers beside mpls: " .. table.concat(others, ", "))
  end
  if project_root then
    if compat.uv.fs_stat(project_root .. "/" .. cfg.stubs.directory) then
      h.ok("MicroPython stubs folder: " .. cfg.stubs.directory .. "/")
    else
      h.info("no MicroPython stubs for Pyright (:Mpbuild stubs installs them and writes pyrightconfig.json)")
    end
  end
end

return M
