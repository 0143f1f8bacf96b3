import { describe, it, expect } from 'vitest';
import { EmptyFileSystem, URI } from 'langium';
import { createEfpServices } from '../../src/language/efp-module.js';
import { builtinLibraryText, BUILTIN_LIBRARY_URI } from '../../src/language/builtin-library.js';
import { readFileSync } from 'node:fs';
import { describeModel } from '../../src/language/model-description.js';
import { Model } from '../../src/engine/model/model.js';
import { modelToReferenceJson } from '../../src/engine/export/reference-json.js';
import { compareDumps, loadReference } from '../helpers/reference-comparison.js';

describe('scratch', () => {
  it('parses quickstart', async () => {
    const { shared } = createEfpServices(EmptyFileSystem);
    const lib = shared.workspace.LangiumDocumentFactory.fromString(builtinLibraryText(), URI.parse(BUILTIN_LIBRARY_URI));
    shared.workspace.LangiumDocuments.addDocument(lib);
    const name = process.env.EX ?? 'quickstart';
    const path = name === 'quickstart' ? 'examples/quickstart.efp' : `examples/reference/${name}.efp`;
    const doc = shared.workspace.LangiumDocumentFactory.fromString(readFileSync(path,'utf8'), URI.file('/tmp/x.efp'));
    shared.workspace.LangiumDocuments.addDocument(doc);
    await shared.workspace.DocumentBuilder.build([lib, doc], { validation: true });
    console.log(doc.diagnostics?.map(d => `${d.range.start.line+1}:${d.range.start.character+1}: ${d.message}`));
    const desc = describeModel(doc, shared.workspace.LangiumDocuments);
    const model = Model.build(desc);
    console.log(model.diagnostics);
    const json = modelToReferenceJson(model, '0');
    const r = compareDumps(loadReference(`test/fixtures/efootprint/${name}.outputs.json.gz`), json as never);
    console.log(r.compared, r.maxRelativeError, r.mismatches.slice(0, 40));
    (await import('node:fs')).writeFileSync('/tmp/'+name+'.json', JSON.stringify(json));
  });
});
