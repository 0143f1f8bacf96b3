/**
 * Language-server latency on a generated workspace of about `lines` lines (files of 250 lines importing
 * a shared one): a keystroke's diagnostics (re-parse, re-link, re-validate and re-evaluate the changed
 * file), a completion and a hover, through the same services the server uses.
 */
import { performance } from 'node:perf_hooks';
import { EmptyFileSystem, URI } from 'langium';
import { setTextDocument } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createEfpServices } from '../src/language/efp-module.js';
import { builtinLibraryText, BUILTIN_LIBRARY_URI } from '../src/language/builtin-library.js';
import { generateWorkspace } from './workspace-generator.js';
import { peakRssMB, timeRunsAsync } from './bench-util.js';

const LINES_PER_FILE = 250;

export interface LspFigure {
    readonly files: number;
    readonly lines: number;
    readonly initialBuildMs: number;
    readonly keystrokeMs: number[];
    readonly completionMs: number[];
    readonly hoverMs: number[];
    readonly peakRssMB: number;
}

export async function lspFigure(targetLines: number, runs: number): Promise<LspFigure> {
    const files = generateWorkspace(Math.max(1, Math.round(targetLines / LINES_PER_FILE)), LINES_PER_FILE);
    const lines = Object.values(files).reduce((n, t) => n + t.split('\n').length, 0);
    const { shared, Efp } = createEfpServices(EmptyFileSystem);
    const library = shared.workspace.LangiumDocumentFactory.fromString(builtinLibraryText(), URI.parse(BUILTIN_LIBRARY_URI));
    shared.workspace.LangiumDocuments.addDocument(library);
    const uriOf = (name: string) => URI.file(`/bench/${name}`);
    for (const [name, text] of Object.entries(files)) setTextDocument(Efp, TextDocument.create(uriOf(name).toString(), 'efp', 1, text));
    let t0 = performance.now();
    await shared.workspace.DocumentBuilder.update(Object.keys(files).map(uriOf), []);
    const initialBuildMs = performance.now() - t0;
    const errors = shared.workspace.LangiumDocuments.all.toArray().flatMap(d => d.diagnostics ?? []).filter(d => d.severity === 1);
    if (errors.length) throw new Error(`the generated workspace should be valid: ${errors.slice(0, 3).map(e => `${e.range.start.line + 1}: ${e.message}`).join('; ')}`);

    // keystrokes in the last service file: a digit of a power changes; the builder re-parses, re-links,
    // re-validates and re-evaluates it (the validator reports the engine's diagnostics)
    const services = Object.keys(files).filter(n => n.startsWith('service'));
    const name = services[services.length - 1];
    const uri = uriOf(name);
    const original = files[name];
    let version = 2;
    const keystrokeMs = await timeRunsAsync(runs, 10, async i => {
        setTextDocument(Efp, TextDocument.create(uri.toString(), 'efp', version++, original.replace('power: 250 W', `power: ${250 + (i % 9)} W`)));
        t0 = performance.now();
        await shared.workspace.DocumentBuilder.update([uri], []);
    });
    const document = shared.workspace.LangiumDocuments.getDocument(uri)!;
    if ((document.diagnostics ?? []).some(d => d.severity === 1)) throw new Error('a keystroke left errors');
    const text = document.textDocument.getText();
    const at = (offset: number) => ({ textDocument: { uri: uri.toString() }, position: document.textDocument.positionAt(offset) });
    const inObject = at(text.indexOf('  idle_power: 60 W') + 2);
    const afterNumber = at(text.indexOf('power: 25') + 'power: 25'.length + 2);
    const completionMs = await timeRunsAsync(runs, 10, async i => {
        await Efp.lsp.CompletionProvider!.getCompletion(document, i % 2 ? inObject : afterNumber);
    });
    // an input's value (with its evaluated footprint) and an object's name
    const onValue = at(text.indexOf('power: 25') + 1);
    const onObject = at(text.indexOf('server ') + 'server '.length + 1);
    const hoverMs = await timeRunsAsync(runs, 10, async i => {
        const hover = await Efp.lsp.HoverProvider!.getHoverContent(document, i % 2 ? onValue : onObject);
        if (!hover) throw new Error('no hover');
    });
    return { files: Object.keys(files).length, lines, initialBuildMs, keystrokeMs, completionMs, hoverMs, peakRssMB: peakRssMB() };
}
