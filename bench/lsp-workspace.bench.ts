// Editor latency on a generated workspace of 20 files and about 5,000 lines: the time from a keystroke
// to its diagnostics (parse, link, validate, evaluate the file's model), and a completion request.
// Issue target: diagnostics within 100 ms, completion within 50 ms.
import '../src/platform/node20-polyfills.js';
import { performance } from 'node:perf_hooks';
import { EmptyFileSystem, URI } from 'langium';
import { setTextDocument } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createEfpServices } from '../src/language/efp-module.js';
import { builtinLibraryText, BUILTIN_LIBRARY_URI } from '../src/language/builtin-library.js';
import { generateWorkspace } from './workspace-generator.js';

function stats(samples: number[]): string {
    const sorted = [...samples].sort((a, b) => a - b);
    const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms (${samples.length} runs)`;
}

async function main(): Promise<void> {
    const files = generateWorkspace(20, 270);
    const lines = Object.values(files).reduce((n, t) => n + t.split('\n').length, 0);
    const { shared, Efp } = createEfpServices(EmptyFileSystem);
    const library = shared.workspace.LangiumDocumentFactory.fromString(builtinLibraryText(), URI.parse(BUILTIN_LIBRARY_URI));
    shared.workspace.LangiumDocuments.addDocument(library);
    const uris = Object.keys(files).map(name => URI.file(`/bench/${name}`));
    Object.entries(files).forEach(([name, text]) => setTextDocument(Efp, TextDocument.create(URI.file(`/bench/${name}`).toString(), 'efp', 1, text)));
    let t0 = performance.now();
    await shared.workspace.DocumentBuilder.update(uris, []);
    const loaded = performance.now() - t0;
    const errors = shared.workspace.LangiumDocuments.all.toArray().flatMap(d => d.diagnostics ?? []).filter(d => d.severity === 1);
    console.log(`workspace: ${Object.keys(files).length} files, ${lines} lines; initial build with validation ${loaded.toFixed(0)} ms, ${errors.length} errors`);
    if (errors.length) throw new Error(`the generated workspace should be valid: ${errors.slice(0, 3).map(e => `${e.range.start.line + 1}: ${e.message}`).join('; ')}`);

    // keystrokes in one file: a digit of a power changes, the file is re-parsed, re-linked, re-validated and re-evaluated
    const name = 'service7.efp';
    const uri = URI.file(`/bench/${name}`);
    const original = files[name];
    const keystrokes: number[] = [];
    for (let i = 0; i < 60; i++) {
        const text = original.replace('power: 250 W', `power: ${250 + (i % 9)} W`);
        setTextDocument(Efp, TextDocument.create(uri.toString(), 'efp', i + 2, text));
        t0 = performance.now();
        await shared.workspace.DocumentBuilder.update([uri], []);
        keystrokes.push(performance.now() - t0);
    }
    console.log(`keystroke to diagnostics: ${stats(keystrokes.slice(10))}   (target 100 ms)`);

    const document = shared.workspace.LangiumDocuments.getDocument(uri)!;
    const text = document.textDocument.getText();
    const inObject = text.indexOf('  idle_power: 60 W') + 2;
    const afterNumber = text.indexOf('power: 25') + 'power: 25'.length + 2;
    const completions: number[] = [];
    for (let i = 0; i < 60; i++) {
        const offset = i % 2 ? inObject : afterNumber;
        t0 = performance.now();
        await Efp.lsp.CompletionProvider!.getCompletion(document, { textDocument: { uri: uri.toString() }, position: document.textDocument.positionAt(offset) });
        completions.push(performance.now() - t0);
    }
    console.log(`completion: ${stats(completions.slice(10))}   (target 50 ms)`);
}

main().catch(e => {
    console.error(e);
    process.exitCode = 1;
});
