-- Headless Neovim end-to-end check of mpls (works with Neovim 0.7+): open a file, receive mpls
-- diagnostics, apply a quick fix through textDocument/codeAction, check the buffer and the new diagnostics.
-- Inputs come from the environment (MPLS_BIN, MPLS_FILE, MPLS_RESULT); the verdict is written to MPLS_RESULT.
local mpls = os.getenv("MPLS_BIN")
local file = os.getenv("MPLS_FILE")
local result = os.getenv("MPLS_RESULT")

local function finish(ok, msg)
  local f = io.open(result, "w")
  f:write((ok and "OK\n" or "FAIL\n") .. msg .. "\n")
  f:close()
  vim.cmd("qa!")
end

local function run()
  vim.cmd("edit " .. file)
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = "mpls",
    cmd = { mpls, "--stdio" },
    root_dir = vim.fn.fnamemodify(file, ":h"),
  })
  if not client_id then
    return finish(false, "could not start mpls")
  end
  vim.lsp.buf_attach_client(bufnr, client_id)

  local function has_code(code)
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if d.code == code then
        return d
      end
    end
    return nil
  end

  if not vim.wait(20000, function() return has_code("MP103") ~= nil end, 20) then
    return finish(false, "no MP103 diagnostic; got " .. vim.inspect(vim.diagnostic.get(bufnr)))
  end
  local d = has_code("MP103")
  local got = {}
  for _, x in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(got, x.code)
  end
  table.sort(got)

  -- The diagnostics as LSP sends them back in a code action request (with their `data`).
  local lsp_diags = vim.lsp.diagnostic.get_line_diagnostics(bufnr, d.lnum, {}, client_id)
  local client = vim.lsp.get_client_by_id(client_id)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = { start = { line = d.lnum, character = d.col }, ["end"] = { line = d.end_lnum, character = d.end_col } },
    context = { diagnostics = lsp_diags, only = { "quickfix" } },
  }
  local resp = client.request_sync("textDocument/codeAction", params, 10000, bufnr)
  if not resp or resp.err or not resp.result or #resp.result == 0 then
    return finish(false, "no code actions: " .. vim.inspect(resp))
  end
  local action = resp.result[1]
  vim.lsp.util.apply_workspace_edit(action.edit, "utf-16")

  -- The server receives the edit through didChange and republishes without MP103.
  if not vim.wait(20000, function() return has_code("MP103") == nil and has_code("MP104") ~= nil end, 20) then
    return finish(false, "MP103 still reported after the fix")
  end
  local lines = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), "\n")
  finish(true, "diagnostics: " .. table.concat(got, ",") .. "\naction: " .. action.title .. "\n--- buffer\n" .. lines)
end

local ok, err = pcall(run)
if not ok then
  finish(false, "error: " .. tostring(err))
end
