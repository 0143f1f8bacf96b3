-- Run by test/e2e/neovim.e2e.ts in `nvim --headless`, after docs/editors/neovim.lua (the documented
-- config, loaded as the user's init) has opened the model: what a user does in the first minutes,
-- through that config's client. The plan (JSON, $EFP_NVIM_PLAN) gives the positions; what Neovim saw
-- is written as JSON to plan.result, then Neovim quits, whatever happened.
local plan = vim.fn.json_decode(table.concat(vim.fn.readfile(vim.env.EFP_NVIM_PLAN), '\n'))
local result = {}

local function diagnostics(buf)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(found, { line = d.lnum, message = d.message, severity = d.severity })
  end
  table.sort(found, function(a, b) return a.line < b.line end)
  return found
end

local function errors(buf)
  return #vim.diagnostic.get(buf, { severity = vim.diagnostic.severity.ERROR })
end

-- the names of the language clients attached to buf (vim.lsp.get_clients is 0.10's, buf_get_clients 0.7's)
local function client_names(buf)
  local names = {}
  local clients = vim.lsp.get_clients and vim.lsp.get_clients({ bufnr = buf }) or vim.lsp.buf_get_clients(buf)
  for _, client in pairs(clients) do table.insert(names, client.name) end
  return names
end

-- the first result of the attached clients' answers to a request (nil when none answered in time)
local function request(buf, method, params)
  local answers = vim.lsp.buf_request_sync(buf, method, params, plan.timeout)
  for _, answer in pairs(answers or {}) do
    if answer.result then return answer.result end
  end
  return nil
end

local function floating_window()
  for _, win in ipairs(vim.api.nvim_list_wins()) do
    if vim.api.nvim_win_get_config(win).relative ~= '' then return win end
  end
  return nil
end

local ok, err = pcall(function()
  local version = vim.version()
  result.version = string.format('%d.%d.%d', version.major, version.minor, version.patch)
  local buf = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(buf)
  result.filetype = vim.bo[buf].filetype
  result.commentstring = vim.bo[buf].commentstring

  -- the file as opened, with its mistake
  result.brokenInTime = vim.wait(plan.timeout, function() return errors(buf) > 0 end, 50)
  result.clients = client_names(buf)
  result.omnifunc = vim.bo[buf].omnifunc
  result.broken = diagnostics(buf)

  -- the mistake fixed as typed text is: the server hears of the change and takes the error back
  vim.api.nvim_buf_set_lines(buf, plan.fix.line, plan.fix.line + 1, true, { plan.fix.text })
  result.fixedInTime = vim.wait(plan.timeout, function() return errors(buf) == 0 end, 50)
  result.fixed = diagnostics(buf)

  -- K on a value, as the config maps it: the floating window's text is what the user reads
  vim.api.nvim_win_set_cursor(0, { plan.hover.line + 1, plan.hover.character })
  vim.cmd('normal K')
  vim.wait(plan.timeout, function() return floating_window() ~= nil end, 50)
  local float = floating_window()
  result.hoverWindow = float and vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(float), 0, -1, false) or {}
  if float then vim.api.nvim_win_close(float, true) end
  -- and the hover's Markdown as the server sent it
  local hover = request(buf, 'textDocument/hover', { textDocument = { uri = uri }, position = plan.hover })
  result.hoverMarkdown = hover and hover.contents and hover.contents.value or ''

  local completion = request(buf, 'textDocument/completion', { textDocument = { uri = uri }, position = plan.completion })
  result.completion = {}
  for _, item in ipairs(completion and (completion.items or completion) or {}) do
    table.insert(result.completion, item.label)
  end
end)
if not ok then result.error = tostring(err) end
vim.fn.writefile({ vim.fn.json_encode(result) }, plan.result)
vim.cmd('qall!')
