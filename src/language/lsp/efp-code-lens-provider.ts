import type { LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CancellationToken, CodeLens, CodeLensParams, Range } from 'vscode-languageserver';
import { isObjectDecl, isScenarioDecl, type Document } from '../generated/ast.js';
import type { EfpServices } from '../efp-module.js';
import { EfpCommands } from '../protocol.js';
import { BUILTIN_LIBRARY_URI } from '../builtin-library.js';
import { FOOTPRINT_SUMMARY_COMMAND } from './footprint-summary-command.js';
import { type Model, yearlyFootprint } from '../../engine/index.js';
import { massUnitSetting, NOT_EVALUATED, shownYearly, yearlyText } from './footprint-text.js';

/**
 * Actions above each object: its yearly footprint opening the dashboard (systems) or its calculus
 * graph (everything else), the object graph and the emission diff against git HEAD above systems, and
 * the diff against its baseline above each scenario. `efp.codeLens.enabled` turns them off. An editor
 * without efp's panels (ClientCommands) gets each object's yearly footprint, which says it in a message.
 * The figure is written as everywhere else (mass-format.ts); an object no system counts says so, and a
 * system whose document never evaluated without errors says "not evaluated yet" rather than nothing.
 */
export class EfpCodeLensProvider implements CodeLensProvider {
    constructor(private readonly efp: EfpServices) {}

    async provideCodeLens(document: LangiumDocument, _params: CodeLensParams, _cancelToken?: CancellationToken): Promise<CodeLens[] | undefined> {
        const uri = document.uri.toString();
        if (uri === BUILTIN_LIBRARY_URI) return undefined;
        const settings = await this.efp.shared.workspace.ConfigurationProvider.getConfiguration('efp', 'codeLens') as { enabled?: boolean } | undefined;
        if (settings?.enabled === false) return undefined;
        // figures only from a model without errors (the current one, or the last good one)
        const results = this.efp.evaluation.DocumentModels.resultsFor(document);
        const model = results?.model;
        const massUnit = await massUnitSetting(this.efp.shared);
        if (!this.efp.client.Commands.runsEfpCommands) return results ? footprintLenses(document, results.model, results.stale, massUnit) : [];
        const lenses: CodeLens[] = [];
        for (const decl of (document.parseResult.value as Document).elements ?? []) {
            if (isScenarioDecl(decl) && decl.$cstNode) {
                // a scenario opens its emission diff against the model without it
                const range = lineStart(decl.$cstNode.range.start.line);
                lenses.push({ range, command: { title: 'Compare with baseline', command: EfpCommands.compareScenario, arguments: [uri, decl.name] } });
                continue;
            }
            if (!isObjectDecl(decl) || !decl.$cstNode) continue;
            const range = lineStart(decl.$cstNode.range.start.line);
            const object = model?.lookup(decl.name);
            const yearly = object && model ? shownYearly(yearlyFootprint(model, object), results.stale) : undefined;
            if (decl.kind === 'system') {
                const figure = yearly !== undefined ? yearlyText(yearly, massUnit) : model ? undefined : NOT_EVALUATED;
                lenses.push({ range, command: { title: figure !== undefined ? `Footprint: ${figure}` : 'Footprint', command: EfpCommands.showFootprint, arguments: [uri, decl.name] } });
                lenses.push({ range, command: { title: 'Calculus graph', command: EfpCommands.showCalculusGraph, arguments: [uri, decl.name] } });
                lenses.push({ range, command: { title: 'Object graph', command: EfpCommands.showObjectGraph, arguments: [uri] } });
                // the system totals the footprint: its emission diff is the model's
                lenses.push({ range, command: { title: 'Compare with git HEAD', command: EfpCommands.compareWithGitHead, arguments: [uri] } });
            } else {
                const title = yearly !== undefined ? `${yearlyText(yearly, massUnit)} · Calculus graph` : 'Calculus graph';
                lenses.push({ range, command: { title, command: EfpCommands.showCalculusGraph, arguments: [uri, decl.name] } });
            }
        }
        return lenses;
    }
}

/** Each evaluated object's yearly footprint, running the server's own command (another editor's lenses). */
function footprintLenses(document: LangiumDocument, model: Model, stale: boolean, massUnit: string): CodeLens[] {
    const uri = document.uri.toString();
    const lenses: CodeLens[] = [];
    for (const decl of (document.parseResult.value as Document).elements ?? []) {
        if (!isObjectDecl(decl) || !decl.$cstNode) continue;
        const object = model.lookup(decl.name);
        const yearly = object ? shownYearly(yearlyFootprint(model, object), stale) : undefined;
        if (yearly === undefined) continue;
        lenses.push({ range: lineStart(decl.$cstNode.range.start.line), command: { title: `Footprint: ${yearlyText(yearly, massUnit)}`, command: FOOTPRINT_SUMMARY_COMMAND, arguments: [uri, decl.name] } });
    }
    return lenses;
}

/** Where a lens sits: the start of its declaration's first line. */
function lineStart(line: number): Range {
    return { start: { line, character: 0 }, end: { line, character: 0 } };
}
