-- The plugin's entry point: require("mpbuild").setup{…} validates the options and starts mpls for Python buffers of mpbuild.toml projects.
local config = require("mpbuild.config")

local M = {}

local group = nil

--- Configures the plugin. Returns true, or false after showing what is wrong with the options.
function M.setup(opts)
  local cfg, err = config.resolve(opts)
  if not cfg then
    vim.notify("mpbuild: invalid setup() options: " .. err, vim.log.levels.ERROR, { title = "mpbuild" })
    return false, err
  end
  config.set(cfg)
  group = vim.api.nvim_create_augroup("mpbuild", { clear = true })
  if cfg.autostart and #cfg.filetypes > 0 then
    vim.api.nvim_create_autocmd("FileType", {
      group = group,
      pattern = cfg.filetypes,
      desc = "mpbuild: start mpls in mpbuild.toml projects",
      callback = function(ev)
        require("mpbuild.lsp").attach(ev.buf)
      end,
    })
    -- Buffers opened before setup().
    for _, b in ipairs(vim.api.nvim_list_bufs()) do
      if vim.api.nvim_buf_is_loaded(b) and vim.tbl_contains(cfg.filetypes, vim.bo[b].filetype) then
        require("mpbuild.lsp").attach(b)
      end
    end
  end
  -- A changed mpbuild.toml is read again by mpls when saved in Neovim (didSave); other servers are left alone.
  vim.api.nvim_create_autocmd("BufWritePost", {
    group = group,
    pattern = "mpbuild.toml",
    desc = "mpbuild: tell mpls the project file changed",
    callback = function(ev)
      local compat = require("mpbuild.compat")
      local uri = vim.uri_from_fname(vim.api.nvim_buf_get_name(ev.buf))
      for _, c in ipairs(compat.clients({ name = require("mpbuild.lsp").name })) do
        compat.notify_client(c, "workspace/didChangeWatchedFiles", { changes = { { uri = uri, type = 2 } } })
      end
    end,
  })
  return true
end

--- Changes mpls settings at run time (`{ ignore = { "MP104" } }`) and sends them to the running servers.
function M.set_settings(settings)
  local cfg = vim.deepcopy(config.get())
  cfg.settings = settings
  local err = config.check(cfg)
  if err then
    vim.notify("mpbuild: " .. err, vim.log.levels.ERROR, { title = "mpbuild" })
    return false, err
  end
  config.get().settings = settings
  require("mpbuild.lsp").push_settings()
  return true
end

return M
