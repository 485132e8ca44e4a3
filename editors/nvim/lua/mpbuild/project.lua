-- mpbuild.toml: reading the `[target]` keys and rewriting them (board choice) without losing other lines or comments.
local M = {}

M.FILE = "mpbuild.toml"

local function table_header(line)
  return line:match("^%s*%[([^%]]+)%]%s*$") or line:match("^%s*%[([^%]]+)%]%s*#")
end

local function key_value(line)
  return line:match("^%s*([%w_-]+)%s*=%s*(.-)%s*$")
end

local function toml_string(raw)
  local v = raw:gsub("%s+#.*$", "")
  local dq = v:match('^"(.*)"$')
  if dq then
    return (dq:gsub('\\(["\\])', "%1"))
  end
  return v:match("^'([^']*)'$")
end

local function quote(s)
  return '"' .. s:gsub("\\", "\\\\"):gsub('"', '\\"') .. '"'
end

--- The string keys of `[target]`: board, variant, arch, micropython.
function M.read_target(text)
  local out, tbl = {}, ""
  for line in (text .. "\n"):gmatch("([^\n]*)\n") do
    line = line:gsub("\r$", "")
    local h = table_header(line)
    if h then
      tbl = vim.trim(h)
    elseif tbl == "target" then
      local k, v = key_value(line)
      if k == "board" or k == "variant" or k == "arch" or k == "micropython" then
        out[k] = toml_string(v)
      end
    end
  end
  return out
end

--- Sets (a string) or removes (`false`) keys of `[target]`, appending the table when missing.
function M.set_target_keys(text, keys, order)
  order = order or vim.tbl_keys(keys)
  table.sort(order)
  local lines = vim.split(text, "\n", { plain = true })
  local trailing = lines[#lines] == ""
  if trailing then
    table.remove(lines)
  end
  local start, stop = nil, #lines + 1
  for i, line in ipairs(lines) do
    local h = table_header(line)
    if h then
      if start then
        stop = i
        break
      end
      if vim.trim(h) == "target" then
        start = i
      end
    end
  end
  local pending = vim.deepcopy(keys)
  local function added()
    local out = {}
    for _, k in ipairs(order) do
      if pending[k] then
        table.insert(out, k .. " = " .. quote(pending[k]))
      end
    end
    return out
  end
  if not start then
    local add = added()
    if #add == 0 then
      return text
    end
    while #lines > 0 and vim.trim(lines[#lines]) == "" do
      table.remove(lines)
    end
    if #lines > 0 then
      table.insert(lines, "")
    end
    table.insert(lines, "[target]")
    vim.list_extend(lines, add)
    return table.concat(lines, "\n") .. "\n"
  end
  local body = {}
  for i = start + 1, stop - 1 do
    local k = key_value(lines[i])
    if k and pending[k] ~= nil then
      if pending[k] then
        table.insert(body, k .. " = " .. quote(pending[k]))
      end
      pending[k] = nil
    else
      table.insert(body, lines[i])
    end
  end
  local at = #body
  while at > 0 and vim.trim(body[at]) == "" do
    at = at - 1
  end
  for j, l in ipairs(added()) do
    table.insert(body, at + j, l)
  end
  local out = {}
  for i = 1, start do
    table.insert(out, lines[i])
  end
  vim.list_extend(out, body)
  for i = stop, #lines do
    table.insert(out, lines[i])
  end
  return table.concat(out, "\n") .. "\n"
end

--- Reads a file; nil when it does not exist.
function M.read_file(path)
  local f = io.open(path, "rb")
  if not f then
    return nil
  end
  local text = f:read("*a")
  f:close()
  return text
end

--- Writes a file; returns nil or an error message.
function M.write_file(path, text)
  local f, err = io.open(path, "wb")
  if not f then
    return err
  end
  f:write(text)
  f:close()
  return nil
end

return M
