-- The plugin's configuration: defaults, the user's options merged on top, and validation with path-qualified messages.
local compat = require("mpbuild.compat")

local M = {}

--- Defaults of every option (see `:help mpbuild-config`).
M.defaults = {
  -- How mpls is started: a list (`{ "mpls", "--stdio" }`) or a function(root_dir) returning one.
  cmd = nil,
  -- The mpbuild executable used by :Mpbuild.
  mpbuild = "mpbuild",
  -- Start mpls automatically for these filetypes in folders with one of `root_markers`.
  autostart = true,
  filetypes = { "python" },
  root_markers = { "mpbuild.toml" },
  -- mpls settings (override mpbuild.toml): select, ignore, severity, compileDiagnostics, micropython, arch, emit.
  settings = {},
  -- Serial port passed to deploy/run/flash/profile as --port (nil: mpbuild chooses).
  port = nil,
  -- Passed to the LSP client.
  on_attach = nil,
  capabilities = nil,
  -- MicroPython stubs for Pyright/basedpyright (:Mpbuild stubs).
  stubs = { directory = "typings", package = nil, python = "python3" },
}

local TOP = {
  "cmd",
  "mpbuild",
  "autostart",
  "filetypes",
  "root_markers",
  "settings",
  "port",
  "on_attach",
  "capabilities",
  "stubs",
}
local SETTINGS = { "select", "ignore", "severity", "compileDiagnostics", "micropython", "arch", "emit" }
local STUBS = { "directory", "package", "python" }
local SEVERITIES = { error = true, warning = true, information = true, hint = true }
local EMITTERS = { bytecode = true, native = true, viper = true }

local current = nil

local function contains(list, x)
  for _, v in ipairs(list) do
    if v == x then
      return true
    end
  end
  return false
end

local function is_list_of_strings(v, nonempty)
  if type(v) ~= "table" or (nonempty and #v == 0) then
    return false
  end
  local n = 0
  for k, x in pairs(v) do
    n = n + 1
    if type(k) ~= "number" or type(x) ~= "string" then
      return false
    end
  end
  return n == #v
end

local function unknown_keys(path, t, known)
  local bad = {}
  for k, _ in pairs(t) do
    if not contains(known, k) then
      table.insert(bad, tostring(k))
    end
  end
  if #bad == 0 then
    return nil
  end
  table.sort(bad)
  return string.format("%sunknown option%s %s (known: %s)", path, #bad > 1 and "s" or "", table.concat(bad, ", "), table.concat(known, ", "))
end

local function describe(v)
  if type(v) == "table" then
    local text = vim.inspect(v, { newline = " ", indent = "" })
    return #text > 60 and (text:sub(1, 57) .. "...") or text
  end
  return type(v) == "string" and string.format("%q", v) or tostring(v)
end

local function is_rule(code, allow_all)
  return type(code) == "string" and (code:match("^MP%d%d%d$") ~= nil or (allow_all and code == "ALL"))
end

--- Checks a complete configuration; returns nil or a message naming the option (`settings.select[2]: …`).
function M.check(cfg)
  local err = unknown_keys("", cfg, TOP)
  if err then
    return err
  end
  local checks = {
    {
      "cmd",
      cfg.cmd,
      function(v)
        return type(v) == "function" or is_list_of_strings(v, true)
      end,
      true,
      "a non-empty list of strings or a function(root_dir)",
    },
    {
      "mpbuild",
      cfg.mpbuild,
      function(v)
        return (type(v) == "string" and v ~= "") or is_list_of_strings(v, true)
      end,
      false,
      "an executable name or path (or a list: command and arguments)",
    },
    { "autostart", cfg.autostart, "boolean" },
    {
      "filetypes",
      cfg.filetypes,
      function(v)
        return is_list_of_strings(v, false)
      end,
      false,
      "a list of filetypes",
    },
    {
      "root_markers",
      cfg.root_markers,
      function(v)
        return is_list_of_strings(v, true)
      end,
      false,
      "a non-empty list of file names",
    },
    { "settings", cfg.settings, "table" },
    { "port", cfg.port, "string", true },
    { "on_attach", cfg.on_attach, "function", true },
    { "capabilities", cfg.capabilities, "table", true },
    { "stubs", cfg.stubs, "table" },
  }
  for _, c in ipairs(checks) do
    if type(c[3]) == "function" then
      -- Shape checks: say what was expected and show the value itself.
      if not ((c[4] and c[2] == nil) or c[3](c[2])) then
        return string.format("%s: expected %s, got %s", c[1], c[5], describe(c[2]))
      end
    else
      err = compat.validate(c[1], c[2], c[3], c[4])
      if err then
        return err
      end
    end
  end

  local s = cfg.settings
  err = unknown_keys("settings: ", s, SETTINGS)
  if err then
    return err
  end
  for _, key in ipairs({ "select", "ignore" }) do
    if s[key] ~= nil then
      if not is_list_of_strings(s[key], false) then
        return string.format("settings.%s: expected a list of rule codes, got %s", key, type(s[key]))
      end
      for i, code in ipairs(s[key]) do
        if not is_rule(code, key == "select") then
          return string.format(
            "settings.%s[%d]: `%s` is not a rule code (MP101, MP102, …%s)",
            key,
            i,
            code,
            key == "select" and " or ALL" or ""
          )
        end
      end
    end
  end
  if s.severity ~= nil then
    if type(s.severity) ~= "table" then
      return "settings.severity: expected a table such as { MP103 = \"warning\" }, got " .. type(s.severity)
    end
    for code, level in pairs(s.severity) do
      if not is_rule(code, false) then
        return string.format("settings.severity: `%s` is not a rule code (MP101, MP102, …)", tostring(code))
      end
      if not SEVERITIES[level] then
        return string.format("settings.severity.%s: expected error, warning, information or hint, got %s", code, vim.inspect(level))
      end
    end
  end
  err = compat.validate("settings.compileDiagnostics", s.compileDiagnostics, "boolean", true)
    or compat.validate("settings.micropython", s.micropython, "string", true)
    or compat.validate("settings.arch", s.arch, "string", true)
  if err then
    return err
  end
  if s.emit ~= nil and not EMITTERS[s.emit] then
    return "settings.emit: expected bytecode, native or viper, got " .. vim.inspect(s.emit)
  end

  err = unknown_keys("stubs: ", cfg.stubs, STUBS)
    or compat.validate("stubs.directory", cfg.stubs.directory, "string")
    or compat.validate("stubs.package", cfg.stubs.package, "string", true)
    or compat.validate("stubs.python", cfg.stubs.python, "string")
  return err
end

--- Merges `opts` over the defaults and checks the result: returns the configuration, or nil and a message.
function M.resolve(opts)
  if opts ~= nil and type(opts) ~= "table" then
    return nil, "setup() expects a table of options, got " .. type(opts)
  end
  local cfg = vim.tbl_deep_extend("force", vim.deepcopy(M.defaults), opts or {})
  -- Lists replace the defaults instead of being merged index by index.
  for _, key in ipairs({ "cmd", "filetypes", "root_markers", "mpbuild" }) do
    if opts ~= nil and opts[key] ~= nil then
      cfg[key] = opts[key]
    end
  end
  local err = M.check(cfg)
  if err then
    return nil, err
  end
  return cfg
end

--- Sets the configuration (called by setup()).
function M.set(cfg)
  current = cfg
end

--- The configuration in force: the one given to setup(), else the defaults.
function M.get()
  return current or vim.deepcopy(M.defaults)
end

--- True once setup() has succeeded.
function M.is_set()
  return current ~= nil
end

--- The mpls command for a project root.
function M.server_cmd(cfg, root)
  if type(cfg.cmd) == "function" then
    return cfg.cmd(root)
  end
  return cfg.cmd or { "mpls", "--stdio" }
end

--- The mpbuild command as a list (executable first).
function M.mpbuild_cmd(cfg)
  if type(cfg.mpbuild) == "table" then
    return vim.deepcopy(cfg.mpbuild)
  end
  return { cfg.mpbuild }
end

--- The settings object sent to mpls (`{ mpls = {...} }`), an empty JSON object when nothing is set.
function M.server_settings(cfg)
  local s = cfg.settings or {}
  if next(s) == nil then
    return { mpls = compat.empty_object() }
  end
  return { mpls = s }
end

return M
