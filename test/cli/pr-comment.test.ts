import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { efp, modelFolders } from '../helpers/cli-run.js';

/** `efp pr-comment` given files that are not what efp diff wrote, or an event file that is not JSON. */
const folder = modelFolders();

describe('efp pr-comment on bad input', () => {
    it('refuses a diff JSON of another shape in words, exit 2, before any request', async () => {
        for (const text of ['{"models":[{}]}', '{"models":[{"status":"compared","summary":{"total":{"change":"0"}}}]}', '{"models":[null]}', '[]', '', '{"models":"x"}']) {
            const dir = folder({ 'd.json': text, 'd.md': 'x' });
            expect(await efp('pr-comment', join(dir, 'd.json'), join(dir, 'd.md'), '--on', 'github'), text).toMatchObject({
                code: 2, stderr: `efp: ${join(dir, 'd.json')} is not the output of efp diff --json\n`
            });
        }
    });

    it('says an event file that is not JSON is unreadable, exit 1, instead of an internal error', async () => {
        const dir = folder({ 'event.json': '{ not json', 'd.json': '{"models":[]}', 'd.md': 'x' });
        const before = process.env.GITHUB_EVENT_PATH;
        process.env.GITHUB_EVENT_PATH = join(dir, 'event.json');
        try {
            const result = await efp('pr-comment', join(dir, 'd.json'), join(dir, 'd.md'), '--on', 'github');
            expect(result.code).toBe(1);
            expect(result.stderr).toMatch(/^efp: cannot comment: cannot read the event GITHUB_EVENT_PATH names \(.*event\.json\): /);
        } finally {
            if (before === undefined) delete process.env.GITHUB_EVENT_PATH;
            else process.env.GITHUB_EVENT_PATH = before;
        }
    });
});
