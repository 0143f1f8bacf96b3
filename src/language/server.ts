// Entry point of the bundled language server (used by the VS Code extension and `efp lsp`).
import { createServerConnection, keepServerAlive, startServer } from './main.js';

const connection = createServerConnection();
keepServerAlive(connection);
startServer(connection);
