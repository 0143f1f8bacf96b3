import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { AstUtils } from 'langium';
import { isObjectDecl, type Document } from '../../src/language/generated/ast.js';
import { BUILTIN_LIBRARY_URI } from '../../src/language/builtin-library.js';
import { openWorkspace } from '../helpers/language-workspace.js';

/** `from X` names an archetype: looked up by name, never the object being declared. */
describe('archetypes at scale', () => {
    // past the default budget of tokens of a file (src/language/token-budget.ts), raised as a user may: what is tested is how efp scales
    beforeAll(() => { process.env.EFP_MAX_MODEL_TOKENS = '100000000'; });
    afterAll(() => { delete process.env.EFP_MAX_MODEL_TOKENS; });

    it('20,000 objects from one archetype each link to it, and `storage ssd from ssd` still means the built-in (regression: 87 s, each scanned every name)', async () => {
        const count = 20_000;
        const text = ['server web { power: 300 W }', 'storage ssd from ssd {}', ...Array.from({ length: count }, (_, i) => `server s${i} from web {}`)].join('\n');
        const { documents: [document] } = await openWorkspace(text, false);
        expect(document.references.filter(r => r.error).map(r => r.error!.message)).toEqual([]);
        const objects = (document.parseResult.value as Document).elements.filter(isObjectDecl);
        const ssd = objects.find(o => o.name === 'ssd')!.archetype!.ref!;
        expect(AstUtils.getDocument(ssd).uri.toString()).toBe(BUILTIN_LIBRARY_URI);
        const web = objects.find(o => o.name === 'web');
        expect(objects.filter(o => o.archetype?.ref === web).length).toBe(count);
    });

    it('an object from itself, with no other of that name, is an unknown name', async () => {
        const { documents: [document] } = await openWorkspace('server mine from mine {}', false);
        expect(document.references.filter(r => r.error).map(r => r.error!.message)).toEqual(["unknown object 'mine'."]);
    });
});
