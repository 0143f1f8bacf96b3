// Entry point of the bundled CLI (bin/efp.cjs loads it).
import { runCli } from './main.js';

// `efp eval model.efp | head`: the reader went away; stop quietly, as Unix tools do, instead of a stack trace
for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
        if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
        throw e;
    });
}

runCli(process.argv.slice(2)).then(code => {
    // -1: a long-running command (the language server) keeps the process alive
    if (code >= 0) process.exitCode = code;
});
