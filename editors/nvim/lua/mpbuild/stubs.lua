-- MicroPython stubs for Pyright/basedpyright: the PyPI package for the board's port, the pip command, and pyrightconfig.json.
local M = {}

--- `micropython-<port>-stubs`, unless the user named a package.
function M.package(port, override)
  if override and override ~= "" then
    return override
  end
  if not port or port == "" then
    return nil
  end
  return "micropython-" .. port:lower() .. "-stubs"
end

--- `==1.29.*` for MicroPython 1.29; empty when the version is unknown.
function M.pin(micropython)
  local major, minor = (micropython or ""):match("^(%d+)%.(%d+)")
  if not major then
    return ""
  end
  return "==" .. major .. "." .. minor .. ".*"
end

--- The pip command installing the stubs into the stub folder.
function M.pip_command(python, pkg, pin, directory)
  return { python, "-m", "pip", "install", "--upgrade", "--target", directory, pkg .. pin }
end

--- pyrightconfig.json with the stub folder as typeshed and stub path (merged into an existing object).
function M.pyright_config(existing, directory)
  local out = vim.deepcopy(existing or {})
  out.typeshedPath = directory
  out.stubPath = directory
  local extra = type(out.extraPaths) == "table" and out.extraPaths or {}
  if not vim.tbl_contains(extra, directory) then
    table.insert(extra, directory)
  end
  out.extraPaths = extra
  out.reportMissingModuleSource = "none"
  return out
end

--- JSON with two-space indentation and sorted keys (for a file people read and commit).
function M.pretty_json(v, indent)
  indent = indent or ""
  local inner = indent .. "  "
  if type(v) == "table" then
    local islist = vim.islist or vim.tbl_islist
    if next(v) ~= nil and islist(v) then
      local parts = {}
      for _, x in ipairs(v) do
        table.insert(parts, inner .. M.pretty_json(x, inner))
      end
      return "[\n" .. table.concat(parts, ",\n") .. "\n" .. indent .. "]"
    end
    local keys = vim.tbl_keys(v)
    table.sort(keys)
    if #keys == 0 then
      return "{}"
    end
    local parts = {}
    for _, k in ipairs(keys) do
      table.insert(parts, inner .. vim.json.encode(tostring(k)) .. ": " .. M.pretty_json(v[k], inner))
    end
    return "{\n" .. table.concat(parts, ",\n") .. "\n" .. indent .. "}"
  end
  return vim.json.encode(v)
end

--- Names Ruff must treat as builtins in MicroPython code (`[tool.ruff] builtins`).
M.ruff_builtins = { "const", "micropython", "ptr", "ptr8", "ptr16", "ptr32", "uint" }

return M
