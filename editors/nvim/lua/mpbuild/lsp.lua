-- Starting mpls: one client per project root (the folder with mpbuild.toml), attached to its Python buffers beside any other server.
local compat = require("mpbuild.compat")
local config = require("mpbuild.config")

local M = {}

--- The client name (also what :checkhealth and the commands look for).
M.name = "mpls"

-- Project root → client id (Neovim 0.7, which has no vim.lsp.start to reuse clients).
local by_root = {}
-- Errors already shown (each once per session).
local reported = {}

local function notify_once(msg, level)
  if not reported[msg] then
    reported[msg] = true
    vim.notify(msg, level or vim.log.levels.ERROR, { title = "mpbuild" })
  end
end

--- The nearest directory at or above `dir` holding one of `markers`, or nil.
function M.find_root(dir, markers)
  local uv = compat.uv
  dir = vim.fn.fnamemodify(dir, ":p"):gsub("/$", "")
  if dir == "" then
    dir = "/"
  end
  while true do
    for _, m in ipairs(markers) do
      if uv.fs_stat(dir .. "/" .. m) then
        return dir
      end
    end
    local parent = vim.fn.fnamemodify(dir, ":h")
    if parent == dir then
      return nil
    end
    dir = parent
  end
end

--- The project root of a buffer (nil for buffers without a file or outside any project).
function M.buf_root(bufnr, cfg)
  cfg = cfg or config.get()
  local name = vim.api.nvim_buf_get_name(bufnr)
  if name == "" or vim.bo[bufnr].buftype ~= "" then
    return nil
  end
  return M.find_root(vim.fn.fnamemodify(name, ":p:h"), cfg.root_markers)
end

--- The client configuration for a project root.
function M.client_config(root, cfg)
  local settings = config.server_settings(cfg)
  return {
    name = M.name,
    cmd = config.server_cmd(cfg, root),
    root_dir = root,
    init_options = settings,
    settings = settings,
    capabilities = cfg.capabilities or vim.lsp.protocol.make_client_capabilities(),
    on_attach = cfg.on_attach,
  }
end

--- Starts (or reuses) mpls for the buffer's project and attaches it. Returns the client id, or nil.
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local cfg = config.get()
  local root = M.buf_root(bufnr, cfg)
  if not root then
    return nil
  end
  local client_config = M.client_config(root, cfg)
  local exe = client_config.cmd[1]
  if type(exe) ~= "string" or vim.fn.executable(exe) == 0 then
    notify_once(
      string.format("mpbuild: cannot start mpls: `%s` is not executable (set cmd in require('mpbuild').setup{})", tostring(exe))
    )
    return nil
  end
  if vim.lsp.start then
    return vim.lsp.start(client_config, { bufnr = bufnr })
  end
  local id = by_root[root]
  local client = id and vim.lsp.get_client_by_id(id)
  if not client or compat.is_stopped(client) then
    id = vim.lsp.start_client(client_config)
    if not id then
      notify_once("mpbuild: mpls did not start for " .. root)
      return nil
    end
    by_root[root] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
  return id
end

--- The mpls client attached to a buffer, if any.
function M.client(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  return compat.clients({ name = M.name, bufnr = bufnr })[1]
end

--- Sends the current settings to every running mpls.
function M.push_settings()
  local settings = config.server_settings(config.get())
  for _, c in ipairs(compat.clients({ name = M.name })) do
    c.config.settings = settings
    compat.notify_client(c, "workspace/didChangeConfiguration", { settings = settings })
  end
end

--- Stops every mpls client, then attaches the loaded buffers again.
function M.restart()
  local buffers = {}
  for _, c in ipairs(compat.clients({ name = M.name })) do
    for b, _ in pairs(c.attached_buffers or {}) do
      table.insert(buffers, b)
    end
    compat.stop_client(c)
  end
  by_root = {}
  vim.defer_fn(function()
    for _, b in ipairs(buffers) do
      if vim.api.nvim_buf_is_valid(b) then
        M.attach(b)
      end
    end
  end, 500)
end

--- The LSP form of a vim.diagnostic entry (with the `data` mpls put there, which carries its fixes).
function M.to_lsp_diagnostic(d)
  local lsp = d.user_data and d.user_data.lsp or {}
  if lsp.range ~= nil then
    -- Neovim 0.10+ keeps the whole LSP diagnostic.
    return lsp
  end
  local out = vim.deepcopy(lsp)
  out.range = {
    start = { line = d.lnum, character = d.col },
    ["end"] = { line = d.end_lnum or d.lnum, character = d.end_col or d.col },
  }
  out.message = d.message
  out.source = d.source
  out.code = d.code or lsp.code
  out.severity = d.severity
  return out
end

--- mpls's diagnostics of a buffer (optionally of one line), as vim.diagnostic entries.
function M.diagnostics(bufnr, lnum)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr, lnum and { lnum = lnum } or nil)) do
    if d.source == M.name then
      table.insert(out, d)
    end
  end
  return out
end

return M
