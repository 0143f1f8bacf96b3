// Entry point of the bundled language server (used by the VS Code extension).
import { startServer } from './main.js';

startServer();
