import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { InlayHintKind } from 'vscode-languageserver';
import type { LangiumDocument } from 'langium';
import type { EfpServices } from '../../../src/language/efp-module.js';
import { openWorkspace } from '../../helpers/language-workspace.js';

/**
 * What the editor says of a footprint it has no figure for (issue 18): an object no system counts is
 * "not counted (not in any system)", not "≈ 0.00 g CO2e/year" (which reads as free); a model that never
 * evaluated without errors is "not evaluated yet", not a total of zero.
 */

// a server and its storage that no system uses, after e-footprint's quickstart
const QUICKSTART = readFileSync('examples/quickstart.efp', 'utf8');
const UNUSED = '\nstorage spare_disk from ssd {}\nserver mirror "Mirror" { storage: spare_disk }\n';
const TEXT = QUICKSTART + UNUSED;
const lineOf = (text: string, start: string) => text.split('\n').findIndex(l => l.startsWith(start));

async function editor(text: string, runsEfpCommands = true) {
    const { Efp, documents: [document] } = await openWorkspace({ 'model.efp': text });
    Efp.client.Commands.runsEfpCommands = runsEfpCommands;
    return { Efp, document, uri: document.uri.toString() };
}

async function lensTitles(Efp: EfpServices, document: LangiumDocument, line: number): Promise<string[]> {
    const lenses = await Efp.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } }) ?? [];
    return lenses.filter(l => l.range.start.line === line).map(l => l.command!.title);
}

async function hover(Efp: EfpServices, document: LangiumDocument, line: number, character: number): Promise<string> {
    const result = await Efp.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: document.uri.toString() }, position: { line, character } });
    return (result?.contents as { value: string } | undefined)?.value ?? '';
}

describe('an object no system counts', () => {
    it('its inlay hint says "not counted (not in any system)", with no figure and not as a type', async () => {
        const { Efp, document } = await editor(TEXT);
        const end = document.textDocument.positionAt(TEXT.length);
        const hints = await Efp.lsp.InlayHintProvider!.getInlayHints(document, { textDocument: { uri: document.uri.toString() }, range: { start: { line: 0, character: 0 }, end } }) ?? [];
        const mirror = hints.find(h => h.position.line === lineOf(TEXT, 'server mirror'))!;
        expect(mirror.label).toBe('not counted (not in any system)');
        expect(mirror.kind).toBeUndefined();
        expect(String(mirror.tooltip)).toContain('No system uses this object');
        expect(hints.find(h => h.position.line === lineOf(TEXT, 'storage spare_disk'))?.label).toBe('not counted (not in any system)');
        // the objects the system counts keep their figure
        expect(hints.find(h => h.position.line === lineOf(TEXT, 'server web'))?.label).toMatch(/^≈ [\d.]+ t CO2e\/year$/);
        expect(hints.map(h => String(h.label))).not.toContainEqual(expect.stringMatching(/≈ 0[.,]0* g/));
    });

    it('its CodeLens says so, in VS Code and in another editor, and the server\'s message too', async () => {
        const vscode = await editor(TEXT);
        expect(await lensTitles(vscode.Efp, vscode.document, lineOf(TEXT, 'server mirror'))).toEqual(['not counted (not in any system) · Calculus graph']);
        const other = await editor(TEXT, false);
        expect(await lensTitles(other.Efp, other.document, lineOf(TEXT, 'server mirror'))).toEqual(['Footprint: not counted (not in any system)']);
        const said = await other.Efp.shared.lsp.ExecuteCommandHandler!.executeCommand('efp.footprintSummary', [other.uri, 'mirror']);
        expect(said).toBe('mirror: not counted (not in any system)');
    });

    it('its hover says so instead of a footprint of zero', async () => {
        const { Efp, document } = await editor(TEXT);
        const text = await hover(Efp, document, lineOf(TEXT, 'server mirror'), 'server mi'.length);
        expect(text).toContain('**server mirror** — "Mirror" (e-footprint Server)');
        expect(text).toContain('**Footprint: not counted (not in any system)**: no system uses it, so its footprint counts in no total.');
        expect(text).not.toMatch(/CO2e/);
    });

    it('from a stale model (the last that evaluated, while the text has errors) it says nothing: the object may be used by now', async () => {
        // what the editor holds while a system that uses the mirror is being typed: the last good model,
        // in which no system uses it yet
        const { Efp, document } = await editor(TEXT);
        const models = Efp.evaluation.DocumentModels;
        const { model } = models.resultsFor(document)!;
        models.resultsFor = () => ({ model, stale: true });
        expect(await lensTitles(Efp, document, lineOf(TEXT, 'server mirror'))).toEqual(['Calculus graph']);
        const end = document.textDocument.positionAt(TEXT.length);
        const hints = await Efp.lsp.InlayHintProvider!.getInlayHints(document, { textDocument: { uri: document.uri.toString() }, range: { start: { line: 0, character: 0 }, end } }) ?? [];
        expect(hints.find(h => h.position.line === lineOf(TEXT, 'server mirror'))).toBeUndefined();
        // what the last good model counted keeps its figure, as the status bar keeps it
        expect(hints.find(h => h.position.line === lineOf(TEXT, 'server web'))?.label).toMatch(/^≈ [\d.]+ t CO2e\/year$/);
        // the hover reads the last good model too (the current text's has errors): no claim either
        models.modelFor = () => undefined;
        models.latestModelFor = () => model;
        const text = await hover(Efp, document, lineOf(TEXT, 'server mirror'), 'server mi'.length);
        expect(text).toContain('**server mirror** — "Mirror" (e-footprint Server)');
        expect(text).not.toContain('not counted');
    });

    it('in a model without a system, every object is not counted', async () => {
        const model = readFileSync('test/fixtures/models/no-system.efp', 'utf8');
        const { Efp, document } = await editor(model);
        expect(await lensTitles(Efp, document, lineOf(model, 'server lonely'))).toEqual(['not counted (not in any system) · Calculus graph']);
    });
});

describe('a model that never evaluated without errors', () => {
    // a power in watt-hours: the text parses, the model has an error
    const BROKEN = QUICKSTART.replace('power: 300 W', 'power: 300 Wh');
    const system = lineOf(QUICKSTART, 'system streaming_platform');

    it('its system\'s CodeLens says "not evaluated yet", not a figure or nothing', async () => {
        const { Efp, document } = await editor(BROKEN);
        expect(Efp.evaluation.DocumentModels.resultsFor(document)).toBeUndefined();
        expect((await lensTitles(Efp, document, system))[0]).toBe('Footprint: not evaluated yet');
    });

    it('its system\'s hover says "not evaluated yet" rather than a total of 0 kg', async () => {
        const { Efp, document } = await editor(BROKEN);
        const text = await hover(Efp, document, system, 'system stre'.length);
        expect(text).toContain('**system streaming_platform**');
        expect(text).toContain('**Footprint:** not evaluated yet (the model has errors)');
        expect(text).not.toMatch(/\b0 kg|0\.0+ (g|kg)|Total footprint/);
    });

    it('a text that does not parse says it too, in the hover of a system and of a server', async () => {
        const text = QUICKSTART.replace('power: 300 W', 'power: 300 W :');
        const { Efp, document } = await editor(text);
        expect(await hover(Efp, document, system, 'system stre'.length)).toBe('**system streaming_platform**\n\n**Footprint:** not evaluated yet');
        expect(await hover(Efp, document, lineOf(text, 'server web'), 'server w'.length)).toBe('**server web**\n\n**Footprint:** not evaluated yet');
        // a job has no footprint of its own: nothing to say
        expect(await hover(Efp, document, lineOf(text, 'job streaming'), 'job str'.length)).toBe('**job streaming**');
    });

    it('once it evaluates, the figures come back', async () => {
        const { Efp, document } = await editor(QUICKSTART);
        expect((await lensTitles(Efp, document, system))[0]).toBe('Footprint: 3,655.5 t CO2e/year');
    });
});

describe('the inlay hint kind', () => {
    it('stays a type hint for a figure', async () => {
        const { Efp, document } = await editor(QUICKSTART);
        const end = document.textDocument.positionAt(QUICKSTART.length);
        const hints = await Efp.lsp.InlayHintProvider!.getInlayHints(document, { textDocument: { uri: document.uri.toString() }, range: { start: { line: 0, character: 0 }, end } }) ?? [];
        expect(hints.every(h => h.kind === InlayHintKind.Type)).toBe(true);
    });
});
