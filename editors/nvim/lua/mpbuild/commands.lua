-- The :Mpbuild command: mpbuild verbs over `--json` (build, check, deploy, run, flash, profile, boards, ports), board and port choice, mpls fixes, stub set-up.
local compat = require("mpbuild.compat")
local config = require("mpbuild.config")
local lsp = require("mpbuild.lsp")
local project = require("mpbuild.project")
local stubs = require("mpbuild.stubs")

local M = {}

local levels = vim.log.levels

--- Verbs that reach a board and so take `--port`.
M.BOARD_VERBS = { deploy = true, run = true, flash = true, profile = true }

--- The last mpbuild result (for scripts and tests): { verb, ok, value | message, ... }.
M.last = nil

local function notify(msg, level)
  vim.notify(msg, level or levels.INFO, { title = "mpbuild" })
end

--- The argument list for a verb (without the executable). `--json` for every verb but `run`, which streams.
--- `profile` runs on the board, or with `inv["local"]` on the local MicroPython VM (`--local`, no port):
--- `mpbuild profile [--local] ENTRY [--port PORT] --json`.
function M.args(inv)
  local args = { inv.verb }
  if inv.verb == "run" or inv.verb == "profile" then
    if not inv.file then
      error("mpbuild " .. inv.verb .. " needs a file", 0)
    end
    if inv.verb == "profile" and inv["local"] then
      table.insert(args, "--local")
    end
    table.insert(args, inv.file)
  elseif inv.verb == "flash" then
    if not inv.image then
      error("mpbuild flash needs a firmware image", 0)
    end
    table.insert(args, inv.image)
  elseif inv.verb == "boards" and inv.board then
    table.insert(args, inv.board)
  end
  if inv.port and inv.port ~= "" and M.BOARD_VERBS[inv.verb] and not (inv.verb == "profile" and inv["local"]) then
    vim.list_extend(args, { "--port", inv.port })
  end
  local json = inv.json
  if json == nil then
    json = inv.verb ~= "run"
  end
  if json then
    table.insert(args, "--json")
  end
  return args
end

--- The first non-empty line of a message.
function M.first_line(s)
  for line in (s .. "\n"):gmatch("([^\n]*)\n") do
    if vim.trim(line) ~= "" then
      return vim.trim(line)
    end
  end
  return s
end

local function file_errors(list)
  local out = {}
  if type(list) ~= "table" then
    return out
  end
  for _, f in ipairs(list) do
    if type(f) == "table" and type(f.path) == "string" and type(f.message) == "string" then
      table.insert(out, {
        path = f.path,
        line = type(f.line) == "number" and f.line or nil,
        kind = type(f.kind) == "string" and f.kind or "error",
        message = f.message,
      })
    end
  end
  return out
end

--- Reads a finished mpbuild process. `{"ok": true}` is a success, `{"ok": false, "error": {…}}` mpbuild's
--- reported failure; any other failure (a verb this mpbuild lacks, a bad flag) keeps mpbuild's own stderr text.
function M.parse(r)
  if r.spawn_error then
    return { ok = false, message = r.spawn_error, files = {} }
  end
  local stdout = vim.trim(r.stdout or "")
  local stderr = vim.trim(r.stderr or "")
  local json = stdout:sub(1, 1) == "{" and compat.json_decode(stdout) or nil
  if type(json) == "table" and json.ok == true then
    return { ok = true, value = json, text = stdout }
  end
  if type(json) == "table" and json.ok == false and type(json.error) == "table" then
    local e = json.error
    return {
      ok = false,
      message = type(e.message) == "string" and e.message or "mpbuild failed",
      code = type(e.code) == "string" and e.code or nil,
      help = type(e.help) == "string" and e.help or nil,
      files = file_errors(e.files),
      -- The rest of the answer (`mpbuild check` lists every diagnostic there, errors or not).
      value = json,
    }
  end
  if r.code == 0 then
    -- A JSON answer without `ok` (e.g. a profile) is the result itself.
    return { ok = true, value = type(json) == "table" and json or nil, text = stdout }
  end
  local text = stderr ~= "" and stderr or stdout
  if text == "" then
    text = "mpbuild exited with status " .. tostring(r.code)
  end
  return { ok = false, message = text, files = {} }
end

--- A one-line summary of a successful result.
function M.summarize(verb, value)
  if type(value) ~= "table" then
    return "mpbuild " .. verb .. " finished"
  end
  local b = value.build
  if verb == "build" and type(b) == "table" then
    local n = type(b.files) == "table" and #b.files or 0
    return string.format(
      "built %d file%s into %s (%d compiled, %d cached, %d copied) for %s%s",
      n,
      n == 1 and "" or "s",
      tostring(b.out_dir),
      tonumber(b.compiled) or 0,
      tonumber(b.cached) or 0,
      tonumber(b.copied) or 0,
      tostring(b.target),
      type(b.elapsed_ms) == "number" and string.format(" in %.0f ms", b.elapsed_ms) or ""
    )
  end
  if verb == "deploy" and type(value.deploy) == "table" then
    local s = type(value.deploy.sync) == "table" and value.deploy.sync or {}
    return "deployed"
      .. (type(s.port) == "string" and (" to " .. s.port) or "")
      .. (type(s.dest) == "string" and (":" .. s.dest) or "")
      .. (s.dry_run == true and " (dry run)" or "")
  end
  if verb == "boards" and type(value.boards) == "table" then
    return #value.boards .. " boards"
  end
  if verb == "ports" and type(value.ports) == "table" then
    return #value.ports .. " serial port" .. (#value.ports == 1 and "" or "s")
  end
  if verb == "check" and type(value.check) == "table" and type(value.check.summary) == "string" then
    return value.check.summary
  end
  if verb == "profile" and type(value.profile) == "table" then
    local p = value.profile
    local hot = type(p.functions) == "table" and p.functions[1] or nil
    return string.format(
      "profiled %s (%s): %.3f ms of program time%s",
      tostring(value.entry),
      tostring(value.ran_on),
      (tonumber(p.total_us) or 0) / 1000,
      type(hot) == "table" and string.format("; hottest: %s (%.1f%% self)", tostring(hot.name), tonumber(hot.self_share) or 0) or ""
    )
  end
  return "mpbuild " .. verb .. " finished"
end

local SEVERITY_TYPE = { error = "E", warning = "W", info = "I", hint = "N" }

--- Quickfix items for every diagnostic of a `mpbuild check --json` answer (`value.check.diagnostics`).
function M.check_items(root, value)
  local items = {}
  local check = type(value) == "table" and value.check or nil
  for _, d in ipairs(type(check) == "table" and type(check.diagnostics) == "table" and check.diagnostics or {}) do
    if type(d) == "table" and type(d.path) == "string" then
      table.insert(items, {
        filename = root .. "/" .. d.path,
        lnum = tonumber(d.line) or 1,
        col = tonumber(d.column) or 1,
        end_lnum = tonumber(d.end_line),
        end_col = tonumber(d.end_column),
        text = tostring(d.code) .. ": " .. tostring(d.message),
        type = SEVERITY_TYPE[d.severity] or "I",
      })
    end
  end
  return items
end

--- Quickfix items for the functions of a `mpbuild profile --json` answer, hottest first (self time).
function M.profile_items(root, value)
  local items = {}
  local p = type(value) == "table" and value.profile or nil
  for _, f in ipairs(type(p) == "table" and type(p.functions) == "table" and p.functions or {}) do
    if type(f) == "table" and type(f.file) == "string" then
      table.insert(items, {
        filename = root .. "/" .. f.file,
        lnum = tonumber(f.line) or 1,
        text = string.format(
          "%s: %.1f%% self, %.3f ms self, %.3f ms total, %d calls",
          tostring(f.qualified_name or f.name),
          tonumber(f.self_share) or 0,
          (tonumber(f.self_us) or 0) / 1000,
          (tonumber(f.total_us) or 0) / 1000,
          tonumber(f.calls) or 0
        ),
        type = "I",
      })
    end
  end
  return items
end

--- Runs a program and calls `on_exit({ code, stdout, stderr, spawn_error })` when it ends.
function M.exec(argv, cwd, on_exit)
  local out, err = {}, {}
  local ok, job = pcall(vim.fn.jobstart, argv, {
    cwd = cwd,
    env = { NO_COLOR = "1" },
    stdout_buffered = true,
    stderr_buffered = true,
    on_stdout = function(_, data)
      out = data or {}
    end,
    on_stderr = function(_, data)
      err = data or {}
    end,
    on_exit = function(_, code)
      on_exit({ code = code, stdout = table.concat(out, "\n"), stderr = table.concat(err, "\n") })
    end,
  })
  if not ok or job <= 0 then
    local why = not ok and tostring(job) or (job == -1 and "not executable" or "invalid arguments")
    vim.schedule(function()
      on_exit({ code = nil, stdout = "", stderr = "", spawn_error = string.format("cannot run %s: %s", tostring(argv[1]), why) })
    end)
  end
end

--- The project root for the commands: the current buffer's, else the working directory's, else the working directory.
function M.root()
  local cfg = config.get()
  return lsp.buf_root(vim.api.nvim_get_current_buf(), cfg) or lsp.find_root(vim.fn.getcwd(), cfg.root_markers) or vim.fn.getcwd()
end

local function show_file_errors(root, verb, files)
  local items = {}
  for _, f in ipairs(files) do
    table.insert(items, { filename = root .. "/" .. f.path, lnum = f.line or 1, text = f.kind .. ": " .. f.message, type = "E" })
  end
  vim.fn.setqflist({}, " ", { title = "mpbuild " .. verb, items = items })
end

--- Shows an outcome: a summary, or mpbuild's message (compile errors also go to the quickfix list).
function M.report(verb, outcome, root)
  if outcome.ok then
    notify(M.summarize(verb, outcome.value))
    return
  end
  if #outcome.files > 0 then
    show_file_errors(root, verb, outcome.files)
  end
  local text = "mpbuild " .. verb .. ": " .. outcome.message
  if outcome.help then
    text = text .. "\nhelp: " .. outcome.help
  end
  if #outcome.files > 0 then
    text = text .. "\n(" .. #outcome.files .. " in the quickfix list: :copen)"
  end
  notify(text, levels.ERROR)
end

--- Calls `mpbuild <verb> … --json` in the project and reports the outcome; `on_done(outcome)` afterwards.
function M.call(verb, opts, on_done)
  opts = opts or {}
  local cfg = config.get()
  local root = opts.root or M.root()
  local ok, args = pcall(M.args, {
    verb = verb,
    file = opts.file,
    image = opts.image,
    board = opts.board,
    port = opts.port or cfg.port,
    ["local"] = opts["local"],
  })
  if not ok then
    notify(tostring(args), levels.ERROR)
    return
  end
  local argv = config.mpbuild_cmd(cfg)
  vim.list_extend(argv, args)
  M.exec(argv, root, function(r)
    local outcome = M.parse(r)
    outcome.verb = verb
    outcome.argv = argv
    M.last = outcome
    if not opts.silent then
      M.report(verb, outcome, root)
    end
    if on_done then
      on_done(outcome)
    end
  end)
end

local function current_python_file(verb, arg)
  local file = arg
  if not file then
    local bufnr = vim.api.nvim_get_current_buf()
    file = vim.api.nvim_buf_get_name(bufnr)
    if file ~= "" and vim.bo[bufnr].modified then
      vim.cmd("silent write")
    end
  end
  if not file or file == "" or not file:match("%.py$") then
    notify("mpbuild " .. verb .. ": open a Python file first (or give one)", levels.ERROR)
    return nil
  end
  return vim.fn.fnamemodify(file, ":p")
end

--- `:Mpbuild run [FILE]`: runs the file on the board in a terminal split (its output streams there).
function M.run(file)
  file = current_python_file("run", file)
  if not file then
    return
  end
  local cfg = config.get()
  local argv = config.mpbuild_cmd(cfg)
  vim.list_extend(argv, M.args({ verb = "run", file = file, port = cfg.port }))
  local root = M.root()
  vim.cmd("botright 12new")
  compat.terminal(argv, { cwd = root })
end

--- Writes `board` (and `variant`) into `[target]` of the project's mpbuild.toml.
function M.write_board(root, id)
  local board, variant = id:match("^([^-]+)-(.+)$")
  board = board or id
  local path = root .. "/" .. project.FILE
  local text = project.read_file(path) or ""
  local new = project.set_target_keys(text, { board = board, variant = variant or false }, { "board", "variant" })
  local err = project.write_file(path, new)
  if err then
    notify("mpbuild: cannot write " .. path .. ": " .. err, levels.ERROR)
    return false
  end
  notify(string.format('%s: board = "%s"%s', project.FILE, board, variant and string.format(', variant = "%s"', variant) or ""))
  return true
end

--- `:Mpbuild board [ID]`: sets the board in mpbuild.toml (asks with the list of `mpbuild boards` when no ID).
function M.board(id)
  local root = M.root()
  if id then
    M.write_board(root, id)
    return
  end
  M.call("boards", { silent = true, root = root }, function(outcome)
    if not outcome.ok then
      M.report("boards", outcome, root)
      return
    end
    local items = {}
    for _, b in ipairs(type(outcome.value.boards) == "table" and outcome.value.boards or {}) do
      table.insert(items, { id = b.id, text = string.format("%-22s %-8s %-10s %s", b.id, b.port or "", b.mcu or "", b.arch or "") })
      for v, _ in pairs(type(b.variants) == "table" and b.variants or {}) do
        table.insert(items, { id = b.id .. "-" .. v, text = string.format("%-22s %-8s %-10s %s", b.id .. "-" .. v, b.port or "", b.mcu or "", b.arch or "") })
      end
    end
    vim.ui.select(items, {
      prompt = "Board of this project",
      format_item = function(i)
        return i.text
      end,
    }, function(choice)
      if choice then
        M.write_board(root, choice.id)
      end
    end)
  end)
end

--- `:Mpbuild port [PORT]`: the serial port for this session (asks with `mpbuild ports` when no PORT).
function M.port(name)
  local cfg = config.get()
  if name then
    cfg.port = name ~= "auto" and name or nil
    notify("mpbuild: port " .. (cfg.port or "chosen by mpbuild"))
    return
  end
  M.call("ports", { silent = true }, function(outcome)
    if not outcome.ok then
      M.report("ports", outcome, M.root())
      return
    end
    local items = { { name = nil, text = "let mpbuild choose" } }
    for _, p in ipairs(type(outcome.value.ports) == "table" and outcome.value.ports or {}) do
      local what = type(p.kind) == "string" and p.kind or ""
      table.insert(items, { name = p.name, text = p.name .. (what ~= "" and ("  " .. what) or "") })
    end
    vim.ui.select(items, {
      prompt = "Serial port of the board",
      format_item = function(i)
        return i.text
      end,
    }, function(choice)
      if choice then
        M.port(choice.name or "auto")
      end
    end)
  end)
end

local function apply_action(client, action, bufnr)
  if action.edit then
    vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding or "utf-16")
  end
  local cmd = type(action.command) == "table" and action.command or (type(action.command) == "string" and action or nil)
  if cmd then
    compat.request(client, "workspace/executeCommand", { command = cmd.command, arguments = cmd.arguments }, function() end, bufnr)
  end
end

local function code_actions(bufnr, client, range, diagnostics, only, on_result)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = range,
    context = { diagnostics = diagnostics, only = only },
  }
  compat.request(client, "textDocument/codeAction", params, function(err, result)
    if err then
      on_result(nil, "mpls: " .. tostring(err.message or err))
      return
    end
    local actions = {}
    for _, a in ipairs(result or {}) do
      if a.edit or a.command then
        table.insert(actions, a)
      end
    end
    on_result(actions)
  end, bufnr)
end

--- `:Mpbuild fix`: applies mpls's fix for the diagnostic on the cursor line (the preferred one, or asks).
--- `on_done(title | nil, error | nil)` is called after the edit (for scripts and tests).
function M.fix(on_done)
  local function done(title, err)
    if err then
      notify(err, levels.WARN)
    end
    if on_done then
      on_done(title, err)
    end
  end
  local bufnr = vim.api.nvim_get_current_buf()
  local client = lsp.client(bufnr)
  if not client then
    return done(nil, "mpbuild: mpls is not attached to this buffer")
  end
  local lnum = vim.api.nvim_win_get_cursor(0)[1] - 1
  local diags = lsp.diagnostics(bufnr, lnum)
  if #diags == 0 then
    return done(nil, "mpbuild: no mpls diagnostic on this line")
  end
  local lsp_diags = vim.tbl_map(lsp.to_lsp_diagnostic, diags)
  local line = vim.api.nvim_buf_get_lines(bufnr, lnum, lnum + 1, false)[1] or ""
  local range = { start = { line = lnum, character = 0 }, ["end"] = { line = lnum, character = #line } }
  code_actions(bufnr, client, range, lsp_diags, { "quickfix" }, function(actions, err)
    if err then
      return done(nil, err)
    end
    if #actions == 0 then
      return done(nil, "mpbuild: mpls has no fix for this line")
    end
    local preferred = vim.tbl_filter(function(a)
      return a.isPreferred
    end, actions)
    if #preferred == 1 or #actions == 1 then
      local a = preferred[1] or actions[1]
      apply_action(client, a, bufnr)
      return done(a.title)
    end
    vim.ui.select(actions, {
      prompt = "mpls fix",
      format_item = function(a)
        return a.title
      end,
    }, function(a)
      if a then
        apply_action(client, a, bufnr)
        done(a.title)
      else
        done(nil)
      end
    end)
  end)
end

--- `:Mpbuild fixall`: applies every safe mpls fix of the buffer (`source.fixAll.mpls`).
function M.fixall(on_done)
  local bufnr = vim.api.nvim_get_current_buf()
  local client = lsp.client(bufnr)
  local function done(title, err)
    if err then
      notify(err, levels.WARN)
    end
    if on_done then
      on_done(title, err)
    end
  end
  if not client then
    return done(nil, "mpbuild: mpls is not attached to this buffer")
  end
  local n = vim.api.nvim_buf_line_count(bufnr)
  local range = { start = { line = 0, character = 0 }, ["end"] = { line = n, character = 0 } }
  local diags = vim.tbl_map(lsp.to_lsp_diagnostic, lsp.diagnostics(bufnr))
  code_actions(bufnr, client, range, diags, { "source.fixAll.mpls" }, function(actions, err)
    if err then
      return done(nil, err)
    end
    if #actions == 0 then
      return done(nil, "mpbuild: nothing to fix")
    end
    apply_action(client, actions[1], bufnr)
    done(actions[1].title)
  end)
end

--- `:Mpbuild stubs`: installs `micropython-<port>-stubs` into the stub folder (after asking) and writes pyrightconfig.json.
--- `opts.answer` (1 install and configure, 2 configure only, 3 cancel) skips the question, for scripts.
function M.stubs(opts, on_done)
  opts = opts or {}
  local cfg = config.get()
  local root = M.root()
  local target = project.read_target(project.read_file(root .. "/" .. project.FILE) or "")
  local function continue(port)
    local pkg = stubs.package(port, cfg.stubs.package)
    if not pkg then
      notify("mpbuild stubs: no board in mpbuild.toml; set one (:Mpbuild board) or stubs.package in setup()", levels.ERROR)
      return
    end
    local pin = stubs.pin(target.micropython)
    local cmd = stubs.pip_command(cfg.stubs.python, pkg, pin, cfg.stubs.directory)
    local answer = opts.answer
      or vim.fn.confirm(
        string.format("Download %s%s from PyPI into %s/ with\n%s\nand write pyrightconfig.json?", pkg, pin, cfg.stubs.directory, table.concat(cmd, " ")),
        "&Install and configure\n&Configure only\n&Cancel",
        3
      )
    if answer ~= 1 and answer ~= 2 then
      return
    end
    local function configure()
      local path = root .. "/pyrightconfig.json"
      local existing = {}
      local text = project.read_file(path)
      if text then
        existing = compat.json_decode(text)
        if type(existing) ~= "table" then
          notify("mpbuild stubs: pyrightconfig.json is not valid JSON; fix or remove it", levels.ERROR)
          return
        end
      end
      local err = project.write_file(path, stubs.pretty_json(stubs.pyright_config(existing, cfg.stubs.directory)) .. "\n")
      if err then
        notify("mpbuild stubs: " .. err, levels.ERROR)
        return
      end
      notify(string.format("mpbuild stubs: pyrightconfig.json points Pyright at %s/ (%s%s)", cfg.stubs.directory, pkg, pin))
      if on_done then
        on_done(true)
      end
    end
    if answer == 2 then
      return configure()
    end
    notify("mpbuild stubs: " .. table.concat(cmd, " "))
    M.exec(cmd, root, function(r)
      if r.spawn_error or r.code ~= 0 then
        notify("mpbuild stubs: pip failed: " .. (r.spawn_error or vim.trim(r.stderr)), levels.ERROR)
        return
      end
      configure()
    end)
  end
  if target.board and not cfg.stubs.package then
    M.call("boards", { silent = true, board = target.board, root = root }, function(outcome)
      local b = outcome.ok and type(outcome.value.board) == "table" and outcome.value.board or {}
      continue(b.port)
    end)
  else
    continue(nil)
  end
end

--- `:Mpbuild check`: `mpbuild check --json`; every diagnostic goes to the quickfix list.
function M.check(on_done)
  local root = M.root()
  M.call("check", { root = root, silent = true }, function(outcome)
    local items = M.check_items(root, outcome.value)
    if outcome.ok or #items > 0 then
      vim.fn.setqflist({}, " ", { title = "mpbuild check", items = items })
      local summary = outcome.ok and M.summarize("check", outcome.value) or outcome.message
      notify(summary .. (#items > 0 and "\n(" .. #items .. " in the quickfix list: :copen)" or ""), outcome.ok and levels.INFO or levels.ERROR)
    else
      M.report("check", outcome, root)
    end
    if on_done then
      on_done(outcome)
    end
  end)
end

--- `:Mpbuild profile [--local] [FILE]`: profiles the file (default: the current buffer) on the board, or on
--- the local VM; the functions, hottest first, go to the quickfix list.
function M.profile(args, on_done)
  local is_local = false
  local rest = {}
  for _, a in ipairs(args or {}) do
    if a == "--local" then
      is_local = true
    else
      table.insert(rest, a)
    end
  end
  local file = current_python_file("profile", rest[1])
  if not file then
    return
  end
  local root = M.root()
  M.call("profile", { file = file, root = root, ["local"] = is_local, silent = true }, function(outcome)
    if outcome.ok then
      local items = M.profile_items(root, outcome.value)
      vim.fn.setqflist({}, " ", { title = "mpbuild profile", items = items })
      notify(M.summarize("profile", outcome.value) .. (#items > 0 and "\n(functions in the quickfix list: :copen)" or ""))
    else
      M.report("profile", outcome, root)
    end
    if on_done then
      on_done(outcome)
    end
  end)
end

--- The subcommands of :Mpbuild.
M.handlers = {
  build = function()
    M.call("build")
  end,
  check = function()
    M.check()
  end,
  deploy = function()
    M.call("deploy")
  end,
  run = function(args)
    M.run(args[1])
  end,
  flash = function(args)
    if not args[1] then
      notify("usage: :Mpbuild flash IMAGE (.uf2, .bin, .elf, .hex)", levels.ERROR)
      return
    end
    M.call("flash", { image = vim.fn.fnamemodify(args[1], ":p") })
  end,
  profile = function(args)
    M.profile(args)
  end,
  boards = function()
    M.call("boards", { silent = true }, function(outcome)
      if not outcome.ok then
        return M.report("boards", outcome, M.root())
      end
      local lines = {}
      for _, b in ipairs(outcome.value.boards or {}) do
        table.insert(lines, string.format("%-22s %-8s %-10s %s", b.id, b.port or "", b.mcu or "", b.arch or ""))
      end
      notify(table.concat(lines, "\n"))
    end)
  end,
  board = function(args)
    M.board(args[1])
  end,
  port = function(args)
    M.port(args[1])
  end,
  fix = function()
    M.fix()
  end,
  fixall = function()
    M.fixall()
  end,
  stubs = function()
    M.stubs()
  end,
  restart = function()
    lsp.restart()
  end,
}

--- The subcommand names, sorted.
function M.names()
  local names = vim.tbl_keys(M.handlers)
  table.sort(names)
  return names
end

--- Runs `:Mpbuild {args}`.
function M.dispatch(fargs)
  local verb = fargs[1]
  if not verb then
    notify("usage: :Mpbuild {" .. table.concat(M.names(), "|") .. "}", levels.ERROR)
    return
  end
  local handler = M.handlers[verb]
  if not handler then
    notify(string.format("mpbuild: unknown command `%s` (one of: %s)", verb, table.concat(M.names(), ", ")), levels.ERROR)
    return
  end
  handler({ unpack(fargs, 2) })
end

--- Completion for :Mpbuild.
function M.complete(arglead, cmdline)
  local words = vim.split(cmdline, "%s+", { trimempty = false })
  if #words <= 2 then
    return vim.tbl_filter(function(n)
      return n:sub(1, #arglead) == arglead
    end, M.names())
  end
  local verb = words[2]
  if verb == "profile" and ("--local"):sub(1, #arglead) == arglead and arglead:sub(1, 1) == "-" then
    return { "--local" }
  end
  if verb == "run" or verb == "profile" or verb == "flash" then
    return vim.fn.getcompletion(arglead, "file")
  end
  return {}
end

return M
