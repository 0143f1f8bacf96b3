import { describe, expect, it } from 'vitest';
import { expectWellBehaved, runBounded } from '../helpers/bounded-run.js';
import { modelFolders } from '../helpers/cli-run.js';

/** Files that import each other in shapes no model has: long chains, wide fans, cycles. */
const folder = modelFolders();

describe('import graphs', () => {
    it('3,000 files each importing the next: an error on each model past the limit (regression: did not finish in 8 minutes)', async () => {
        const files: Record<string, string> = {};
        for (let i = 0; i < 3000; i++) files[`a${i}.efp`] = `${i < 2999 ? `import "a${i + 1}.efp"\n` : ''}source s${i} "S${i}"\n`;
        const run = await runBounded(['check', 'a0.efp'], { cwd: folder(files), timeoutMs: 120_000 });
        expectWellBehaved(run, [1]);
        expect(run.stdout).toContain('a0.efp:1:8: error: this model reaches more than 256 files through its imports, more than efp evaluates as one model [too-many-files]');
    }, 150_000);

    it('one file importing 2,000 others: the same error, once', async () => {
        const files: Record<string, string> = { 'main.efp': Array.from({ length: 2000 }, (_, i) => `import "b${i}.efp"`).join('\n') + '\n' };
        for (let i = 0; i < 2000; i++) files[`b${i}.efp`] = `source s${i} "S${i}"\n`;
        const run = await runBounded(['check', 'main.efp'], { cwd: folder(files), timeoutMs: 120_000 });
        expectWellBehaved(run, [1]);
        expect(run.stdout.match(/too-many-files/g)).toHaveLength(1);
    }, 150_000);

    it('a file importing itself, and two importing each other: read once each, no problem but the model\'s want of a system', async () => {
        const dir = folder({
            'self.efp': 'import "self.efp"\nsource a "A"\n',
            'ping.efp': 'import "pong.efp"\nsource ping "Ping"\n',
            'pong.efp': 'import "ping.efp"\nsource pong "Pong"\n'
        });
        for (const file of ['self.efp', 'ping.efp']) {
            const run = await runBounded(['check', file], { cwd: dir });
            expectWellBehaved(run, [1]);
            // a file importing it is in its own model: it is no part of another's
            expect(run.stdout).toBe(`${file}:1:1: error: this model declares no system, so it has no footprint to total [no-system]\n`
                + '    hint: Add a usage pattern and a system that lists it, `system my_service { usage_patterns: [my_users] }` (examples/quickstart.efp is a whole model).\n'
                + `${file}: 1 error, 0 warnings\n`);
        }
    });
});
