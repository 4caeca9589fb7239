-- Editing Barrack Script: `#` comments, the two-space indent `barrack fmt` writes, and the
-- language server for every buffer of the filetype.
vim.bo.commentstring = "# %s"
vim.bo.comments = ":#"
vim.bo.shiftwidth = 2
vim.bo.softtabstop = 2
vim.bo.expandtab = true
require("barrack").attach(0)
