import { AstUtils, GrammarUtils, interruptAndCheck, type AstNode, type LangiumDocument } from 'langium';
import type { InlayHintProvider } from 'langium/lsp';
import { CancellationToken, InlayHintKind, type InlayHint, type InlayHintParams } from 'vscode-languageserver';
import { isObjectDecl } from '../generated/ast.js';
import type { EfpServices } from '../efp-module.js';
import { type Model, yearlyFootprint } from '../../engine/index.js';
import { massUnitSetting, NOT_COUNTED, shownYearly, yearlyText } from './footprint-text.js';

/**
 * After each object's name, its yearly footprint (servers, storage, networks, devices, systems), written
 * as everywhere else (mass-format.ts, in the unit of `efp.display.massUnit`); for an object no system
 * counts, "not counted (not in any system)", with no figure and not as a type hint.
 * The setting `efp.inlayHints.footprint` (default true) turns them off.
 */
export class EfpInlayHintProvider implements InlayHintProvider {
    constructor(private readonly efp: EfpServices) {}

    async getInlayHints(document: LangiumDocument, params: InlayHintParams, cancelToken = CancellationToken.None): Promise<InlayHint[] | undefined> {
        const settings = await this.efp.shared.workspace.ConfigurationProvider.getConfiguration('efp', 'inlayHints') as { footprint?: boolean } | undefined;
        if (settings?.footprint === false) return undefined;
        const massUnit = await massUnitSetting(this.efp.shared);
        // figures only from a model without errors (the current one, or the last good one)
        const models = this.efp.evaluation.DocumentModels;
        const results = models.resultsFor(document);
        if (!results) return undefined;
        // the walk yields to the event loop now and then: the model is held until it is done
        return models.reading(results.model, async model => {
            const hints: InlayHint[] = [];
            for (const node of AstUtils.streamAst(document.parseResult.value, { range: params.range })) {
                await interruptAndCheck(cancelToken);
                const hint = hintFor(model, results.stale, node, massUnit);
                if (hint) hints.push(hint);
            }
            return hints;
        });
    }
}

function hintFor(model: Model, stale: boolean, node: AstNode, massUnit: string): InlayHint | undefined {
    if (!isObjectDecl(node)) return undefined;
    const object = model.lookup(node.name);
    if (!object || object.description.builtin) return undefined;
    const yearly = shownYearly(yearlyFootprint(model, object), stale);
    if (yearly === undefined) return undefined;
    const after = GrammarUtils.findNodeForProperty(node.$cstNode, node.label !== undefined ? 'label' : 'name');
    if (!after) return undefined;
    const position = after.range.end;
    if (yearly.kind === 'not-counted') {
        return {
            position, label: NOT_COUNTED, paddingLeft: true,
            tooltip: 'No system uses this object, so its footprint counts in no total. Reference it from a usage pattern, journey, step or job of a system, or remove it.'
        };
    }
    return { position, label: `≈ ${yearlyText(yearly, massUnit)}`, paddingLeft: true, kind: InlayHintKind.Type };
}
