-- Differences between Neovim 0.7 (Debian) and current releases, behind one small API: LSP clients, requests, health reports, validation, terminals.
local M = {}

--- True when Neovim is at least version `v` ("0.8", "0.11").
function M.has(v)
  return vim.fn.has("nvim-" .. v) == 1
end

M.uv = vim.uv or vim.loop

--- Every running LSP client, optionally only those named `name` and/or attached to `bufnr`.
function M.clients(filter)
  filter = filter or {}
  local all = vim.lsp.get_clients and vim.lsp.get_clients() or vim.lsp.get_active_clients()
  local out = {}
  for _, c in ipairs(all) do
    local name_ok = filter.name == nil or c.name == filter.name
    local buf_ok = filter.bufnr == nil or (c.attached_buffers and c.attached_buffers[filter.bufnr])
    if name_ok and buf_ok then
      table.insert(out, c)
    end
  end
  return out
end

--- Sends a request through a client (`client:request` on 0.11+, `client.request` before).
function M.request(client, method, params, handler, bufnr)
  if M.has("0.11") then
    return client:request(method, params, handler, bufnr)
  end
  return client.request(method, params, handler, bufnr)
end

--- Sends a notification through a client.
function M.notify_client(client, method, params)
  if M.has("0.11") then
    return client:notify(method, params)
  end
  return client.notify(method, params)
end

--- Stops a client.
function M.stop_client(client)
  if M.has("0.11") then
    return client:stop()
  end
  return client.stop()
end

--- True when the client has stopped.
function M.is_stopped(client)
  if M.has("0.11") then
    return client:is_stopped()
  end
  return client.is_stopped()
end

--- `vim.validate` with one signature on every version: `validator` is a type name, a list of type names, or a
--- function (then `message` says what was expected). Returns nil, or the error text without a code location.
function M.validate(name, value, validator, optional, message)
  local ok, err
  if M.has("0.11") then
    ok, err = pcall(vim.validate, name, value, validator, optional, message)
  else
    local spec
    if type(validator) == "function" then
      local f = validator
      spec = {
        value,
        function(v)
          return (optional and v == nil) or f(v)
        end,
        message,
      }
    else
      spec = { value, validator, optional }
    end
    ok, err = pcall(vim.validate, { [name] = spec })
  end
  if ok then
    return nil
  end
  return (tostring(err):gsub("^[^\n]-:%d+: ", ""))
end

--- Health reporting (`vim.health.start/ok/…` on 0.9+, `require("health").report_*` on 0.7/0.8).
function M.health()
  local h = vim.health or require("health")
  return {
    start = h.start or h.report_start,
    ok = h.ok or h.report_ok,
    info = h.info or h.report_info,
    warn = h.warn or h.report_warn,
    error = h.error or h.report_error,
  }
end

--- Runs `argv` in a terminal in the current window.
function M.terminal(argv, opts)
  if M.has("0.11") then
    return vim.fn.jobstart(argv, vim.tbl_extend("force", opts or {}, { term = true }))
  end
  return vim.fn.termopen(argv, opts or {})
end

--- Decodes JSON; nil when the text is not JSON.
function M.json_decode(text)
  local ok, v = pcall(vim.json.decode, text)
  if ok then
    return v
  end
  return nil
end

--- An empty JSON object (an empty Lua table would be sent as `[]`).
function M.empty_object()
  return vim.empty_dict()
end

return M
