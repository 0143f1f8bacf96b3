-- efp's language server in Neovim 0.7 or later, with no plugin. It runs `efp`, the command that
-- `npm install --global @efp-lang/efp` puts on the PATH. Save this file as ~/.config/nvim/lua/efp.lua
-- and add `require('efp')` to init.lua (or paste it into init.lua).

-- .efp files have the filetype efp (an autocommand: vim.filetype.add needs 0.8, or 0.9 by default)
vim.api.nvim_create_autocmd({ 'BufRead', 'BufNewFile' }, { pattern = '*.efp', command = 'setfiletype efp' })

-- The project a file belongs to: the nearest folder above it with .git (a folder, or a file in a
-- git worktree), else its own folder. efp reads only the files inside it, unless init_options says more.
local function efp_root(buf)
  local dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(buf), ':p:h')
  local search = vim.fn.escape(dir, ' ,') .. ';'
  local git = vim.fn.finddir('.git', search)
  if git == '' then git = vim.fn.findfile('.git', search) end
  if git == '' then return dir end
  local path = vim.fn.fnamemodify(git, ':p'):gsub('[/\\]$', '')
  return vim.fn.fnamemodify(path, ':h')
end

local efp_clients = {} -- Neovim 0.7 (no vim.lsp.start): one client a project, by root folder

vim.api.nvim_create_autocmd('FileType', {
  pattern = 'efp',
  callback = function(args)
    local buf = args.buf
    vim.bo[buf].commentstring = '// %s'
    local config = {
      name = 'efp',
      cmd = { 'efp', 'lsp', '--stdio' },
      root_dir = efp_root(buf),
      -- init_options = { filePolicy = { allowOutsideWorkspace = true } }, -- to read files outside the project
      on_attach = function(_, attached)
        vim.bo[attached].omnifunc = 'v:lua.vim.lsp.omnifunc' -- completion with <C-x><C-o>
        vim.keymap.set('n', 'K', vim.lsp.buf.hover, { buffer = attached }) -- a value, its formula, its source
        vim.keymap.set('n', 'gd', vim.lsp.buf.definition, { buffer = attached })
        vim.keymap.set('n', '<leader>ca', vim.lsp.buf.code_action, { buffer = attached }) -- quick fixes
        vim.keymap.set('n', '<leader>cl', vim.lsp.codelens.run, { buffer = attached }) -- an object's footprint
        -- each object's yearly footprint above it, redrawn as the model changes
        vim.api.nvim_create_autocmd({ 'BufEnter', 'InsertLeave', 'BufWritePost' }, {
          group = vim.api.nvim_create_augroup('efp_codelens_' .. attached, { clear = true }),
          buffer = attached,
          callback = function() vim.lsp.codelens.refresh() end,
        })
      end,
    }
    if vim.lsp.start then -- Neovim 0.8 and later
      vim.lsp.start(config, { bufnr = buf })
      return
    end
    local id = efp_clients[config.root_dir]
    local client = id and vim.lsp.get_client_by_id(id)
    if not client or client.is_stopped() then
      id = vim.lsp.start_client(config)
      efp_clients[config.root_dir] = id
    end
    if id then vim.lsp.buf_attach_client(buf, id) end
  end,
})
