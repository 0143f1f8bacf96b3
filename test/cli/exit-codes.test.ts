import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { efp } from '../helpers/cli-run.js';

/** The documented exit codes: 0 fine, 1 findings, 2 the command could not run, 3 a bug of efp. */
describe('exit codes', () => {
    const debug = process.env.EFP_DEBUG;
    afterEach(() => {
        if (debug === undefined) delete process.env.EFP_DEBUG;
        else process.env.EFP_DEBUG = debug;
    });

    /** A run whose standard output fails with an error efp does not expect: a fault of efp, not of the input. */
    async function faulty(): Promise<{ code: number; stderr: string }> {
        let stderr = '';
        const code = await runCli(['eval', 'examples/quickstart.efp'], {
            out: () => { throw new TypeError('the output broke'); },
            err: text => { stderr += text.endsWith('\n') ? text : text + '\n'; }
        });
        return { code, stderr };
    }

    it('an internal fault exits 3, saying it is a bug of efp, with the stack only under EFP_DEBUG=1', async () => {
        delete process.env.EFP_DEBUG;
        const quiet = await faulty();
        expect(quiet.code).toBe(3);
        expect(quiet.stderr).toBe('efp: internal error: the output broke\n    this is a bug in efp, not in your model; run with EFP_DEBUG=1 for details\n');
        process.env.EFP_DEBUG = '1';
        const verbose = await faulty();
        expect(verbose.code).toBe(3);
        expect(verbose.stderr).toMatch(/^TypeError: the output broke\n\s+at /m);
    });

    it('efp --help lists them', async () => {
        const help = await efp('--help');
        expect(help.code).toBe(0);
        expect(help.stdout).toContain([
            'Exit codes:',
            '  0  fine',
            '  1  findings: the model has errors, a budget or --fail-above is exceeded, or an output could not be written (the path and why)',
            '  2  the command could not run: a bad argument, an input that cannot be read, an output that is one of the inputs',
            '  3  an internal fault: a bug in efp (EFP_DEBUG=1 prints its stack)'
        ].join('\n'));
    });
});
