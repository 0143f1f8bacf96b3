import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../helpers/language-workspace.js';

const SUGGESTED = 100;

/** "unknown name" errors, with a suggestion for the first ones of a file only. */
describe('unknown names at scale', () => {
    it(`the first 100 unknown names of a file get a suggestion, the others none (regression: each searched every name, 200,000 took hours)`, async () => {
        const count = 2_000;
        const servers = Array.from({ length: count }, (_, i) => `server srv${i} { power: 1 W  storage: sdd${i} }\nstorage ssd${i} {}`).join('\n');
        const { documents: [document] } = await openWorkspace(servers, false);
        const errors = document.references.filter(r => r.error).map(r => r.error!.message);
        expect(errors.length).toBe(count);
        expect(errors[0]).toBe("unknown name 'sdd0'. Did you mean 'ssd0'?");
        expect(errors[SUGGESTED - 1]).toBe(`unknown name 'sdd${SUGGESTED - 1}'. Did you mean 'ssd${SUGGESTED - 1}'?`);
        expect(errors[SUGGESTED]).toBe(`unknown name 'sdd${SUGGESTED}'.`);
        expect(errors[count - 1]).toBe(`unknown name 'sdd${count - 1}'.`);
    });

    it('the first 1,000 unknown names of a file (as many as its problems list shows) carry the data of the fix creating them, the others not (175,000 of them took 190 MB more to check)', async () => {
        const count = 1_200;
        const servers = Array.from({ length: count }, (_, i) => `server srv${i} { storage: disk${i} }`).join('\n');
        const { documents: [document] } = await openWorkspace(servers, false);
        const data = document.references.filter(r => r.error).map(r => (r.error as { data?: { kind?: string; kinds?: readonly string[] } }).data);
        expect(data.length).toBe(count);
        expect(data[0]).toMatchObject({ kind: 'unknown-object', name: 'disk0', kinds: ['storage'] });
        expect(data[999]).toMatchObject({ kind: 'unknown-object', name: 'disk999' });
        expect(data[1_000]?.kind).toBeUndefined();
    });

    it('the count starts again when the file is linked again', async () => {
        const servers = Array.from({ length: SUGGESTED }, (_, i) => `server srv${i} { storage: sdd${i} }\nstorage ssd${i} {}`).join('\n');
        const { shared, documents: [document, other] } = await openWorkspace({ 'model.efp': servers, 'other.efp': 'storage other {}' }, false);
        const last = () => document.references.filter(r => r.error).map(r => r.error!.message)[SUGGESTED - 1];
        expect(last()).toBe(`unknown name 'sdd${SUGGESTED - 1}'. Did you mean 'ssd${SUGGESTED - 1}'?`);
        // another file goes: the names of this one are linked again
        await shared.workspace.DocumentBuilder.update([], [other.uri]);
        expect(document.references.filter(r => r.error).length).toBe(SUGGESTED);
        expect(last()).toBe(`unknown name 'sdd${SUGGESTED - 1}'. Did you mean 'ssd${SUGGESTED - 1}'?`);
    });
});
