import { describe, expect, it } from 'vitest';
import { expectWellBehaved, runBounded } from '../helpers/bounded-run.js';

/** The hostile-input suite's runner measures what it holds runs to. */
describe('bounded runs of the efp command', () => {
    it('report the exit code, the output and the peak memory of a run', async () => {
        const run = await runBounded(['eval', 'examples/quickstart.efp']);
        expectWellBehaved(run, [0]);
        expect(run.stdout).toContain('Video streaming in France');
        // a Node process holding the engine and the quickstart's series: tens of MB, not a placeholder
        expect(run.peakMemoryMb!).toBeGreaterThan(40);
    });

    it('stop a run that allocates past the address-space ceiling in the child, not in the test', async () => {
        const run = await runBounded(['eval', 'examples/quickstart.efp'], { addressSpaceMb: 256 });
        expect(run.code).not.toBe(0);
    });
});
