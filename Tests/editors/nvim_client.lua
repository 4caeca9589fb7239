-- Neovim as the client: the buffer opened on the command line is a Barrack Script with a name
-- error on line 2 and a half-typed `dep` on line 3 (an unknown name too). Waits for the server's diagnostics, asks for
-- the completions at the end of `dep`, writes what it got as JSON to $NVIM_RESULT and quits.
local function run()
  local result = { filetype = vim.bo.filetype }
  vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 50)
  result.clients = #vim.lsp.buf_get_clients(0)
  result.diagnostics = {}
  for _, diagnostic in ipairs(vim.diagnostic.get(0)) do
    table.insert(result.diagnostics, { line = diagnostic.lnum, col = diagnostic.col, message = diagnostic.message })
  end
  local params = { textDocument = { uri = vim.uri_from_bufnr(0) }, position = { line = 2, character = 3 } }
  local responses = vim.lsp.buf_request_sync(0, "textDocument/completion", params, 10000) or {}
  result.completion = {}
  for _, response in pairs(responses) do
    local items = response.result and (response.result.items or response.result) or {}
    for _, item in ipairs(items) do table.insert(result.completion, item.label) end
  end
  return result
end

local ok, result = pcall(run)
if not ok then result = { error = tostring(result) } end
local file = assert(io.open(os.getenv("NVIM_RESULT"), "w"))
file:write(vim.fn.json_encode(result))
file:close()
vim.cmd("qa!")
