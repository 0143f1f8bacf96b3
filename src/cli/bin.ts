// Entry point of the bundled CLI (bin/efp.cjs loads it).
import { runCli } from './main.js';

runCli(process.argv.slice(2)).then(code => {
    // -1: a long-running command (the language server) keeps the process alive
    if (code >= 0) process.exitCode = code;
});
