-- Loaded at start-up from the runtime path: defines :Mpbuild (the LSP starts only after require("mpbuild").setup{}).
if vim.g.loaded_mpbuild then
  return
end
vim.g.loaded_mpbuild = true

vim.api.nvim_create_user_command("Mpbuild", function(opts)
  require("mpbuild.commands").dispatch(opts.fargs)
end, {
  nargs = "*",
  complete = function(arglead, cmdline)
    return require("mpbuild.commands").complete(arglead, cmdline)
  end,
  desc = "mpbuild: build | check | deploy | run | flash | profile | board | port | fix | fixall | stubs | restart",
})
