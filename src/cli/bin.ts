// Entry point of the bundled CLI (bin/efp.cjs loads it).
import { runCli } from './main.js';
import { EXIT_INTERNAL, EXIT_MODEL_ERRORS } from './cli-output.js';
import { reasonInWords } from '../platform/file-errors.js';

// `efp eval model.efp | head`: the reader went away; stop quietly, as Unix tools do, instead of a stack trace.
// Any other failure of an output stream (a full disk under `> file`) is said in words, exit 1.
for (const [stream, name] of [[process.stdout, 'standard output'], [process.stderr, 'standard error']] as const) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
        if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
        if (stream !== process.stderr) process.stderr.write(`efp: cannot write ${name}: ${reasonInWords(e, 'write')}\n`);
        process.exit(EXIT_MODEL_ERRORS);
    });
}

runCli(process.argv.slice(2)).then(code => {
    // -1: a long-running command (the language server) keeps the process alive
    if (code >= 0) process.exitCode = code;
}, (e: unknown) => {
    // runCli reports every failure itself: this is a fault in that
    process.stderr.write(`efp: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = EXIT_INTERNAL;
});
