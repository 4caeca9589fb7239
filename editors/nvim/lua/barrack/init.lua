-- Starts `barrack lsp` for Barrack Script buffers (one server per project root) and attaches
-- it, on Neovim 0.7 and later. Options: require("barrack").setup({ cmd = { "barrack", "lsp" } }).
local M = {}

M.options = { cmd = { "barrack", "lsp" } }

function M.setup(options)
  M.options = vim.tbl_extend("force", M.options, options or {})
end

-- The folder of the nearest .git above the buffer's file, else the file's own folder.
local function root_of(bufnr)
  local name = vim.api.nvim_buf_get_name(bufnr)
  local folder = name ~= "" and vim.fn.fnamemodify(name, ":p:h") or vim.fn.getcwd()
  local git = vim.fn.finddir(".git", folder .. ";")
  if git ~= "" then
    return vim.fn.fnamemodify(git, ":p:h:h")
  end
  return folder
end

local clients = {}

function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local root = root_of(bufnr)
  local config = { name = "barrack", cmd = M.options.cmd, root_dir = root }
  if vim.lsp.start then
    vim.lsp.start(config, { bufnr = bufnr })
    return
  end
  -- Neovim 0.7 has no vim.lsp.start: keep one client per root and attach buffers to it.
  local id = clients[root]
  if id == nil or vim.lsp.get_client_by_id(id) == nil then
    id = vim.lsp.start_client(config)
    clients[root] = id
  end
  if id then
    vim.lsp.buf_attach_client(bufnr, id)
  end
end

return M
