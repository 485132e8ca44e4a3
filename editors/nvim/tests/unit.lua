-- Unit tests of the plugin's pure parts (config validation, mpbuild arguments and JSON, mpbuild.toml edits, stubs), run in headless Neovim.
-- Usage: nvim --headless -u NONE -i NONE -n --cmd "set rtp^=editors/nvim" -c "luafile editors/nvim/tests/unit.lua"
-- Prints one line per test and "N passed, M failed"; exits with status 1 when a test failed.

local passed, failed = 0, 0
local function test(name, f)
  local ok, err = pcall(f)
  if ok then
    passed = passed + 1
    io.stdout:write("ok   " .. name .. "\n")
  else
    failed = failed + 1
    io.stdout:write("FAIL " .. name .. "\n     " .. tostring(err):gsub("\n", "\n     ") .. "\n")
  end
end

local function eq(got, want, what)
  if not vim.deep_equal(got, want) then
    error(string.format("%s\n  got:  %s\n  want: %s", what or "not equal", vim.inspect(got), vim.inspect(want)), 2)
  end
end

local config = require("mpbuild.config")
local commands = require("mpbuild.commands")
local project = require("mpbuild.project")
local stubs = require("mpbuild.stubs")
local lsp = require("mpbuild.lsp")

-- Configuration ---------------------------------------------------------------------------------------------------

test("config: defaults are valid", function()
  local cfg, err = config.resolve(nil)
  eq(err, nil)
  eq(config.server_cmd(cfg, "/p"), { "mpls", "--stdio" })
  eq(config.mpbuild_cmd(cfg), { "mpbuild" })
  eq(vim.json.encode(config.server_settings(cfg)), '{"mpls":{}}')
end)

test("config: cmd replaces the default, or is a function of the root", function()
  local cfg = config.resolve({ cmd = { "/opt/mpls" } })
  eq(config.server_cmd(cfg, "/p"), { "/opt/mpls" })
  cfg = config.resolve({
    cmd = function(root)
      return { "mpls", "--stdio", root }
    end,
  })
  eq(config.server_cmd(cfg, "/p"), { "mpls", "--stdio", "/p" })
end)

local function rejects(opts, pattern)
  local cfg, err = config.resolve(opts)
  eq(cfg, nil, "accepted " .. vim.inspect(opts))
  if not tostring(err):find(pattern, 1, true) then
    error(string.format("message %q does not contain %q", tostring(err), pattern), 2)
  end
end

test("config: clear messages for bad options", function()
  rejects("x", "setup() expects a table of options, got string")
  rejects({ cmd = 42 }, "cmd")
  rejects({ cmd = {} }, "a non-empty list of strings or a function(root_dir)")
  rejects({ cmd = { "mpls", 3 } }, "cmd")
  rejects({ cmdd = { "mpls" } }, "unknown option cmdd (known: cmd, mpbuild,")
  rejects({ autostart = "yes" }, "autostart")
  rejects({ port = 3 }, "port")
  rejects({ settings = { selekt = {} } }, "settings: unknown option selekt")
  rejects({ settings = { select = { "MP101", "MP1" } } }, "settings.select[2]: `MP1` is not a rule code")
  rejects({ settings = { ignore = { "ALL" } } }, "settings.ignore[1]: `ALL` is not a rule code")
  rejects({ settings = { severity = { MP103 = "loud" } } }, 'settings.severity.MP103: expected error, warning, information or hint, got "loud"')
  rejects({ settings = { emit = "turbo" } }, 'settings.emit: expected bytecode, native or viper, got "turbo"')
  rejects({ settings = { compileDiagnostics = "no" } }, "settings.compileDiagnostics")
  rejects({ stubs = { dir = "x" } }, "stubs: unknown option dir")
end)

test("config: good settings pass through to mpls", function()
  local cfg = config.resolve({ settings = { select = { "ALL" }, ignore = { "MP104" }, severity = { MP103 = "hint" }, emit = "viper" } })
  eq(config.server_settings(cfg), { mpls = { select = { "ALL" }, ignore = { "MP104" }, severity = { MP103 = "hint" }, emit = "viper" } })
end)

test("setup: reports invalid options instead of starting", function()
  local notified
  local orig = vim.notify
  vim.notify = function(msg)
    notified = msg
  end
  local ok, err = require("mpbuild").setup({ cmd = 42 })
  vim.notify = orig
  eq(ok, false)
  if not notified:find("mpbuild: invalid setup() options: cmd", 1, true) then
    error("notification: " .. notified)
  end
  eq(type(err), "string")
end)

-- mpbuild arguments and results -------------------------------------------------------------------------------------

test("args: --json after the verb, --port only for board verbs", function()
  eq(commands.args({ verb = "build" }), { "build", "--json" })
  eq(commands.args({ verb = "build", port = "/dev/ttyACM0" }), { "build", "--json" })
  eq(commands.args({ verb = "deploy", port = "/dev/ttyACM0" }), { "deploy", "--port", "/dev/ttyACM0", "--json" })
  eq(commands.args({ verb = "run", file = "/p/main.py", port = "COM3" }), { "run", "/p/main.py", "--port", "COM3" })
  eq(commands.args({ verb = "profile", file = "/p/main.py" }), { "profile", "/p/main.py", "--json" })
  eq(commands.args({ verb = "profile", file = "/p/main.py", port = "COM3" }), { "profile", "/p/main.py", "--port", "COM3", "--json" })
  -- On the local VM: `--local` before the entry, and no port.
  eq(commands.args({ verb = "profile", file = "/p/main.py", port = "COM3", ["local"] = true }), { "profile", "--local", "/p/main.py", "--json" })
  eq(commands.args({ verb = "check" }), { "check", "--json" })
  eq(commands.args({ verb = "flash", image = "fw.uf2" }), { "flash", "fw.uf2", "--json" })
  eq(commands.args({ verb = "boards", board = "RPI_PICO" }), { "boards", "RPI_PICO", "--json" })
  eq(pcall(commands.args, { verb = "flash" }), false)
end)

test("parse: JSON success", function()
  local o = commands.parse({ code = 0, stdout = '{\n  "ok": true,\n  "boards": []\n}', stderr = "" })
  eq(o.ok, true)
  eq(o.value.boards, {})
end)

test("parse: JSON error with files", function()
  local stdout = vim.json.encode({
    ok = false,
    error = {
      code = "mpbuild::compile",
      message = "1 file failed to compile",
      help = vim.NIL,
      files = { { path = "main.py", line = 2, kind = "SyntaxError", message = "invalid syntax" } },
    },
  })
  local o = commands.parse({ code = 1, stdout = stdout, stderr = "" })
  eq(o.ok, false)
  eq(o.message, "1 file failed to compile")
  eq(o.help, nil)
  eq(o.files, { { path = "main.py", line = 2, kind = "SyntaxError", message = "invalid syntax" } })
end)

test("parse: a verb mpbuild lacks keeps mpbuild's own text", function()
  local stderr = "error: unrecognized subcommand 'profile'\n\nUsage: mpbuild [OPTIONS] <COMMAND>\n\nFor more information, try '--help'.\n"
  local o = commands.parse({ code = 2, stdout = "", stderr = stderr })
  eq(o.ok, false)
  eq(o.message, vim.trim(stderr))
  eq(commands.first_line(o.message), "error: unrecognized subcommand 'profile'")
end)

test("parse: spawn errors and bare exit codes", function()
  eq(commands.parse({ spawn_error = "cannot run mpbuild: not executable" }).message, "cannot run mpbuild: not executable")
  eq(commands.parse({ code = 4, stdout = "", stderr = "" }).message, "mpbuild exited with status 4")
  eq(commands.parse({ code = 0, stdout = "text", stderr = "" }).ok, true)
end)

test("summarize: build and deploy", function()
  local build = { out_dir = "/p/build/mpy", target = "bytecode", files = { {}, {} }, compiled = 2, cached = 0, copied = 0, elapsed_ms = 4.2 }
  eq(commands.summarize("build", { ok = true, build = build }), "built 2 files into /p/build/mpy (2 compiled, 0 cached, 0 copied) for bytecode in 4 ms")
  eq(commands.summarize("deploy", { deploy = { sync = { port = "/dev/ttyACM0", dest = "/" } } }), "deployed to /dev/ttyACM0:/")
  eq(commands.summarize("flash", nil), "mpbuild flash finished")
end)

test("check: every diagnostic to the quickfix list, the summary, errors kept", function()
  local stdout = vim.json.encode({
    ok = false,
    check = {
      summary = "2 files checked for bytecode only, mpy 6.3: 1 error, 0 warnings, 1 note",
      diagnostics = {
        { path = "main.py", line = 7, column = 14, end_line = 7, end_column = 17, code = "MP103", severity = "info", message = "builtin `abs`" },
        { path = "lib/irq.py", line = 5, column = 11, end_line = 5, end_column = 13, code = "MP105", severity = "error", message = "allocates" },
      },
    },
    error = { code = "mpbuild::check::errors", message = "1 error", files = { { path = "lib/irq.py", line = 5, kind = "MP105", message = "allocates" } } },
  })
  local o = commands.parse({ code = 1, stdout = stdout, stderr = "" })
  eq(o.ok, false)
  eq(#o.files, 1)
  local items = commands.check_items("/p", o.value)
  eq(#items, 2)
  eq({ items[1].filename, items[1].lnum, items[1].col, items[1].type, items[1].text }, { "/p/main.py", 7, 14, "I", "MP103: builtin `abs`" })
  eq(items[2].type, "E")
  local ok = commands.parse({ code = 0, stdout = vim.json.encode({ ok = true, check = { summary = "1 file checked", diagnostics = {} } }), stderr = "" })
  eq(commands.summarize("check", ok.value), "1 file checked")
end)

test("profile: a JSON answer without `ok` is the result; hottest functions listed", function()
  local stdout = vim.json.encode({
    version = 1,
    entry = "main.py",
    ran_on = "local",
    profile = {
      total_us = 12345.0,
      functions = {
        { name = "work", qualified_name = "work", file = "main.py", line = 4, calls = 10, self_us = 9000.0, total_us = 9500.0, self_share = 72.9 },
        { name = "<module>", file = "main.py", line = 1, calls = 1, self_us = 1000.0, total_us = 12345.0, self_share = 8.1 },
      },
    },
  })
  local o = commands.parse({ code = 0, stdout = stdout, stderr = "" })
  eq(o.ok, true)
  eq(commands.summarize("profile", o.value), "profiled main.py (local): 12.345 ms of program time; hottest: work (72.9% self)")
  local items = commands.profile_items("/p", o.value)
  eq({ items[1].filename, items[1].lnum, items[1].text }, { "/p/main.py", 4, "work: 72.9% self, 9.000 ms self, 9.500 ms total, 10 calls" })
  eq(items[2].text, "<module>: 8.1% self, 1.000 ms self, 12.345 ms total, 1 calls")
end)

test("dispatch: unknown subcommands are named", function()
  local notified
  local orig = vim.notify
  vim.notify = function(msg)
    notified = msg
  end
  commands.dispatch({ "biuld" })
  vim.notify = orig
  eq(notified, "mpbuild: unknown command `biuld` (one of: board, boards, build, check, deploy, fix, fixall, flash, port, profile, restart, run, stubs)")
end)

test("complete: subcommands", function()
  eq(commands.complete("b", "Mpbuild b"), { "board", "boards", "build" })
  eq(commands.complete("fi", "Mpbuild fi"), { "fix", "fixall" })
end)

-- mpbuild.toml --------------------------------------------------------------------------------------------------------

test("toml: reads [target] only", function()
  local text = 'name = "x"\n[target]\nboard = "RPI_PICO"  # pico\nmicropython = \'1.29\'\n[compile]\nboard = "no"\n'
  eq(project.read_target(text), { board = "RPI_PICO", micropython = "1.29" })
end)

test("toml: replaces, removes and adds keys, keeping other lines", function()
  local text = '# top\n[target]\nboard = "RPI_PICO"\nvariant = "X"\n\n[compile]\nopt = 1\n'
  eq(
    project.set_target_keys(text, { board = "RPI_PICO2", variant = false }, { "board", "variant" }),
    '# top\n[target]\nboard = "RPI_PICO2"\n\n[compile]\nopt = 1\n'
  )
  eq(
    project.set_target_keys('[target]\nmicropython = "1.29"\n', { board = "RPI_PICO2", variant = "RISCV" }, { "board", "variant" }),
    '[target]\nmicropython = "1.29"\nboard = "RPI_PICO2"\nvariant = "RISCV"\n'
  )
  eq(project.set_target_keys('name = "x"\n', { board = "PYBV11" }), 'name = "x"\n\n[target]\nboard = "PYBV11"\n')
  eq(project.set_target_keys("", { board = "PYBV11" }), '[target]\nboard = "PYBV11"\n')
  eq(project.read_target(project.set_target_keys("", { board = 'A"B' })).board, 'A"B')
end)

test("root: nearest folder with a marker", function()
  local dir = vim.fn.tempname()
  vim.fn.mkdir(dir .. "/app/lib", "p")
  project.write_file(dir .. "/app/mpbuild.toml", "")
  eq(lsp.find_root(dir .. "/app/lib", { "mpbuild.toml" }), vim.fn.resolve(dir .. "/app"))
  eq(lsp.find_root(dir, { "mpbuild.toml" }), nil)
  vim.fn.delete(dir, "rf")
end)

-- Stubs ---------------------------------------------------------------------------------------------------------------

test("stubs: package, pin, pip command", function()
  eq(stubs.package("rp2", nil), "micropython-rp2-stubs")
  eq(stubs.package("rp2", "micropython-rp2-rpi_pico_w-stubs"), "micropython-rp2-rpi_pico_w-stubs")
  eq(stubs.package(nil, nil), nil)
  eq(stubs.pin("1.29"), "==1.29.*")
  eq(stubs.pin(nil), "")
  eq(
    stubs.pip_command("python3", "micropython-rp2-stubs", "==1.29.*", "typings"),
    { "python3", "-m", "pip", "install", "--upgrade", "--target", "typings", "micropython-rp2-stubs==1.29.*" }
  )
end)

test("stubs: pyrightconfig.json merge and layout", function()
  local merged = stubs.pyright_config({ include = { "src" }, extraPaths = { "lib" } }, "typings")
  eq(merged, { include = { "src" }, extraPaths = { "lib", "typings" }, typeshedPath = "typings", stubPath = "typings", reportMissingModuleSource = "none" })
  eq(
    stubs.pretty_json(merged),
    '{\n  "extraPaths": [\n    "lib",\n    "typings"\n  ],\n  "include": [\n    "src"\n  ],\n  "reportMissingModuleSource": "none",\n  "stubPath": "typings",\n  "typeshedPath": "typings"\n}'
  )
end)

-- LSP diagnostics back to the protocol -------------------------------------------------------------------------------

test("diagnostics: keep mpls's data for code actions", function()
  local d = {
    lnum = 3,
    col = 4,
    end_lnum = 3,
    end_col = 9,
    severity = 2,
    message = "m",
    source = "mpls",
    code = "MP103",
    user_data = { lsp = { code = "MP103", data = { version = 1, fixes = {} } } },
  }
  local l = lsp.to_lsp_diagnostic(d)
  eq(l.data, { version = 1, fixes = {} })
  eq(l.source, "mpls")
  eq(l.range, { start = { line = 3, character = 4 }, ["end"] = { line = 3, character = 9 } })
  local full = { range = { start = { line = 0, character = 0 }, ["end"] = { line = 0, character = 1 } }, data = 1 }
  eq(lsp.to_lsp_diagnostic({ user_data = { lsp = full } }), full)
end)

io.stdout:write(string.format("nvim unit (%s): %d passed, %d failed\n", tostring(vim.version().major) .. "." .. tostring(vim.version().minor), passed, failed))
if failed > 0 then
  vim.cmd("cquit 1")
else
  vim.cmd("qall!")
end
