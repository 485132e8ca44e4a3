-- Headless end-to-end test of the plugin with the real mpls and mpbuild: diagnostics appear, :Mpbuild fix applies a
-- code action, :checkhealth mpbuild is OK, :Mpbuild build runs mpbuild, a missing verb shows mpbuild's own message.
-- Usage (scripts/test-editors does this):
--   MPLS=/path/mpls MPBUILD=/path/mpbuild RESULT=/tmp/out.txt \
--     nvim --headless -u NONE -i NONE -n --cmd "set rtp^=editors/nvim" -c "luafile editors/nvim/tests/e2e.lua"
-- The verdict ("OK" or "FAIL" and the steps) is written to $RESULT; the exit status is 0 only when every step passed.

local MPLS = assert(os.getenv("MPLS"), "MPLS must name the mpls binary")
local MPBUILD = assert(os.getenv("MPBUILD"), "MPBUILD must name the mpbuild binary")
local RESULT = assert(os.getenv("RESULT"), "RESULT must name the verdict file")

local log = {}
local function step(msg)
  table.insert(log, msg)
end

local function finish(ok, msg)
  if msg then
    step(msg)
  end
  local f = io.open(RESULT, "w")
  f:write((ok and "OK" or "FAIL") .. "\n" .. table.concat(log, "\n") .. "\n")
  f:close()
  vim.cmd(ok and "qall!" or "cquit 1")
end

-- Notifications are recorded (the test reads what a user would see).
local notes = {}
vim.notify = function(msg, level)
  table.insert(notes, { msg = msg, level = level or vim.log.levels.INFO })
end
local function last_note()
  return notes[#notes] or { msg = "", level = -1 }
end

local function write(path, text)
  local f = assert(io.open(path, "w"))
  f:write(text)
  f:close()
end

local function run()
  local v = vim.version()
  step(string.format("neovim %d.%d.%d", v.major, v.minor, v.patch))

  -- A project: mpbuild.toml, an entry file with a performance problem, a library module.
  local root = vim.fn.resolve(vim.fn.tempname())
  vim.fn.mkdir(root, "p")
  write(root .. "/mpbuild.toml", 'name = "e2e"\n\n[target]\nmicropython = "1.29"\n')
  write(
    root .. "/main.py",
    "import time\n\n\ndef total(xs):\n    t = 0\n    for x in xs:\n        t += abs(x)\n        time.sleep_ms(0)\n    return t\n"
  )
  write(root .. "/util.py", "def double(x):\n    return 2 * x\n")
  vim.cmd("cd " .. vim.fn.fnameescape(root))

  -- -u NONE loads no plugins: load ours as Neovim does at start-up.
  vim.cmd("filetype on")
  vim.cmd("runtime! plugin/mpbuild.lua")
  local ok = require("mpbuild").setup({ cmd = { MPLS, "--stdio" }, mpbuild = MPBUILD })
  if not ok then
    return finish(false, "setup() refused valid options")
  end

  -- 1. Diagnostics from mpls appear in a Python buffer of the project.
  vim.cmd("edit " .. vim.fn.fnameescape(root .. "/main.py"))
  local bufnr = vim.api.nvim_get_current_buf()
  local lsp = require("mpbuild.lsp")
  local function has(code)
    for _, d in ipairs(lsp.diagnostics(bufnr)) do
      if d.code == code then
        return d
      end
    end
  end
  if not vim.wait(30000, function()
    return has("MP103") ~= nil
  end, 50) then
    return finish(false, "no MP103 diagnostic from mpls; diagnostics: " .. vim.inspect(vim.diagnostic.get(bufnr)) .. "\nnotes: " .. vim.inspect(notes))
  end
  local codes = {}
  for _, d in ipairs(lsp.diagnostics(bufnr)) do
    table.insert(codes, d.code)
  end
  table.sort(codes)
  step("diagnostics: " .. table.concat(codes, ","))
  local client = lsp.client(bufnr)
  step("client: " .. client.name .. " root " .. tostring(client.config.root_dir))
  if client.config.root_dir ~= root then
    return finish(false, "mpls root is not the project")
  end

  -- 2. A code action applied through the plugin (:Mpbuild fix on the diagnostic's line).
  local d = has("MP103")
  vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
  vim.cmd("Mpbuild fix")
  local function text()
    return table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), "\n")
  end
  if not vim.wait(20000, function()
    return text():find("_abs = abs", 1, true) ~= nil
  end, 50) then
    return finish(false, "the fix was not applied; notes: " .. vim.inspect(notes) .. "\nbuffer:\n" .. text())
  end
  step("fixed:\n" .. text())
  if not vim.wait(20000, function()
    return has("MP103") == nil and has("MP104") ~= nil
  end, 50) then
    return finish(false, "mpls still reports MP103 after the fix")
  end
  step("after the fix mpls reports MP104 only")
  vim.cmd("write")

  -- 3. :checkhealth mpbuild reports OK (and no ERROR).
  vim.cmd("checkhealth mpbuild")
  local health = vim.api.nvim_buf_get_lines(0, 0, -1, false)
  local report = table.concat(health, "\n")
  vim.cmd("tabclose")
  step("checkhealth:\n" .. report)
  if report:find("ERROR", 1, true) or not report:find("OK", 1, true) then
    return finish(false, "checkhealth mpbuild is not OK")
  end
  for _, want in ipairs({ "setup() called", "mpls: mpls ", "mpbuild: mpbuild ", "mpls running" }) do
    if not report:find(want, 1, true) then
      return finish(false, "checkhealth lacks: " .. want)
    end
  end

  -- 4. :Mpbuild build runs mpbuild in the project.
  local commands = require("mpbuild.commands")
  commands.last = nil
  vim.cmd("Mpbuild build")
  if not vim.wait(60000, function()
    return commands.last ~= nil
  end, 50) then
    return finish(false, ":Mpbuild build did not finish")
  end
  step("build: " .. last_note().msg)
  if not commands.last.ok or last_note().level ~= vim.log.levels.INFO then
    return finish(false, ":Mpbuild build failed: " .. vim.inspect(commands.last))
  end
  if vim.fn.filereadable(root .. "/build/mpy/util.mpy") ~= 1 or vim.fn.filereadable(root .. "/build/mpy/main.py") ~= 1 then
    return finish(false, "build/mpy lacks util.mpy or main.py")
  end
  local mpy = io.open(root .. "/build/mpy/util.mpy", "rb"):read(2)
  if mpy ~= "M\6" then
    return finish(false, "util.mpy does not start with the .mpy v6 header")
  end
  step("build/mpy/util.mpy written (.mpy v6)")

  -- 5. A build error goes to the quickfix list with mpbuild's message.
  write(root .. "/broken.py", "def f(:\n    pass\n")
  commands.last = nil
  vim.cmd("Mpbuild build")
  vim.wait(60000, function()
    return commands.last ~= nil
  end, 50)
  local qf = vim.fn.getqflist()
  step("broken build: " .. last_note().msg:gsub("\n", " | "))
  if commands.last.ok or #qf ~= 1 or vim.fn.bufname(qf[1].bufnr):find("broken.py", 1, true) == nil or qf[1].lnum ~= 1 then
    return finish(false, "a compile error should fail the build and fill the quickfix list: " .. vim.inspect(qf))
  end
  os.remove(root .. "/broken.py")

  -- 5b. :Mpbuild check runs `mpbuild check --json`: mpls's diagnostics of every file in the quickfix list.
  local checked = nil
  commands.check(function(outcome)
    checked = outcome
  end)
  if not vim.wait(60000, function()
    return checked ~= nil
  end, 50) then
    return finish(false, ":Mpbuild check did not finish")
  end
  qf = vim.fn.getqflist()
  step("check: " .. last_note().msg:gsub("\n", " | ") .. " (" .. #qf .. " items)")
  local found = false
  for _, item in ipairs(qf) do
    if item.text:find("^MP104: ") and vim.fn.bufname(item.bufnr):find("main.py", 1, true) then
      found = true
    end
  end
  if not checked.ok or not found then
    return finish(false, ":Mpbuild check should pass and list MP104 in main.py: " .. vim.inspect(qf) .. "\n" .. vim.inspect(checked))
  end

  -- 6. A verb this mpbuild may not have yet (deploy, with no board attached) shows mpbuild's own message.
  local direct = vim.fn.system({ MPBUILD, "deploy", "--json" })
  local direct_json = require("mpbuild.compat").json_decode(vim.trim(direct))
  local expected = (type(direct_json) == "table" and type(direct_json.error) == "table") and direct_json.error.message
    or commands.first_line(direct)
  commands.last = nil
  vim.cmd("Mpbuild deploy")
  if not vim.wait(60000, function()
    return commands.last ~= nil
  end, 50) then
    return finish(false, ":Mpbuild deploy did not finish")
  end
  local note = last_note()
  step("deploy: " .. note.msg:gsub("\n", " | "))
  if commands.last.ok or note.level ~= vim.log.levels.ERROR or not note.msg:find(expected, 1, true) then
    return finish(false, "deploy should show mpbuild's own error `" .. expected .. "`")
  end

  -- 7. :Mpbuild board writes [target] of mpbuild.toml.
  vim.cmd("Mpbuild board RPI_PICO2-RISCV")
  local target = require("mpbuild.project").read_target(require("mpbuild.project").read_file(root .. "/mpbuild.toml"))
  if target.board ~= "RPI_PICO2" or target.variant ~= "RISCV" or target.micropython ~= "1.29" then
    return finish(false, "board not written: " .. vim.inspect(target))
  end
  step("mpbuild.toml: board RPI_PICO2, variant RISCV")

  -- 8. :Mpbuild stubs, "configure only" (no download): the board's port from `mpbuild boards ID --json`, then pyrightconfig.json.
  local configured = false
  commands.stubs({ answer = 2 }, function()
    configured = true
  end)
  if not vim.wait(30000, function()
    return configured
  end, 50) then
    return finish(false, "stubs were not configured; notes: " .. vim.inspect(notes))
  end
  local pyright = require("mpbuild.compat").json_decode(require("mpbuild.project").read_file(root .. "/pyrightconfig.json") or "")
  if type(pyright) ~= "table" or pyright.typeshedPath ~= "typings" or pyright.reportMissingModuleSource ~= "none" then
    return finish(false, "pyrightconfig.json: " .. vim.inspect(pyright))
  end
  step("stubs: " .. last_note().msg)
  if not last_note().msg:find("micropython-rp2-stubs==1.29.*", 1, true) then
    return finish(false, "the stub package should be rp2's, pinned to 1.29")
  end

  finish(true)
end

local ok, err = pcall(run)
if not ok then
  finish(false, "error: " .. tostring(err))
end
