import { describe, expect, it } from 'vitest';
import { valueAt } from '../../../src/language/evaluation/value-at.js';
import { cursor, openWorkspace } from '../../helpers/language-workspace.js';

/** What "Show Calculus Graph of the Value at the Cursor" opens for the cursor at `<|>`. */
async function at(textWithCursor: string) {
    const { text, offset } = cursor(textWithCursor);
    const { Efp, documents: [document] } = await openWorkspace(text);
    return valueAt(Efp, document, offset);
}

const MODEL = `
storage disk from ssd {}
server web { power: 3<|>00 W  storage: disk }
job stream on web { data_transferred: 2 MB }
`;

describe('the value at the cursor', () => {
    it('is the attribute whose value the cursor is in', async () => {
        expect(await at(MODEL)).toEqual({ object: 'web', attribute: 'power' });
    });

    it('is the attribute whose name the cursor is on', async () => {
        expect(await at(MODEL.replace('3<|>00', '300').replace('data_transferred', 'data_tr<|>ansferred'))).toEqual({ object: 'stream', attribute: 'data_transferred' });
    });

    it('follows a reference\'s path to the object whose attribute it names', async () => {
        const text = MODEL.replace('3<|>00', '300') + 'server other { power: stream.server.id<|>le_power  storage: disk }\n';
        expect(await at(text)).toEqual({ object: 'web', attribute: 'idle_power' });
    });

    it('is the object itself on its name or on a reference to it', async () => {
        expect(await at(MODEL.replace('3<|>00', '300').replace('server web', 'server w<|>eb'))).toEqual({ object: 'web' });
        expect(await at(MODEL.replace('3<|>00', '300').replace('on web', 'on w<|>eb'))).toEqual({ object: 'web' });
    });

    it('is the object whose closing brace the cursor follows at the end of a line', async () => {
        expect(await at(MODEL.replace('3<|>00', '300').replace('storage: disk }', 'storage: disk }<|>'))).toEqual({ object: 'web' });
    });

    it('is nothing outside objects', async () => {
        expect(await at(`<|>${MODEL.replace('3<|>00', '300')}`)).toEqual({});
    });
});
