import { AstUtils, GrammarUtils, interruptAndCheck, type AstNode, type LangiumDocument } from 'langium';
import type { InlayHintProvider } from 'langium/lsp';
import { CancellationToken, InlayHintKind, type InlayHint, type InlayHintParams } from 'vscode-languageserver';
import { isObjectDecl } from '../generated/ast.js';
import type { EfpServices } from '../efp-module.js';
import { type EfpObject, formatNumber, HOURS_PER_YEAR, type Model, type NumericValue, totalOf } from '../../engine/index.js';


/** `74.9 t CO2e/year`: a yearly mass in a unit that keeps few digits. */
export function formatYearlyMass(kgPerYear: number): string {
    const abs = Math.abs(kgPerYear);
    const [unit, factor] = abs >= 1e6 ? ['kt', 1e6] : abs >= 1e3 ? ['t', 1e3] : abs >= 1 ? ['kg', 1] : ['g', 1e-3];
    const value = kgPerYear / factor;
    // three significant digits or so: a hint, not a report
    const decimals = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
    return `${formatNumber(value, decimals)} ${unit} CO2e/year`;
}

/** The object's footprint per year on average over the modeling period, if it has one. */
export function yearlyFootprint(model: Model, object: EfpObject): number | undefined {
    const value = (attribute: string): NumericValue | undefined => {
        const v = model.findNode(object.key, attribute)?.value;
        return v === undefined || v.kind === 'dict' ? undefined : v;
    };
    const total = value('total_footprint');
    const fabrication = value('instances_fabrication_footprint');
    const energy = value('energy_footprint');
    if (!total && !fabrication && !energy) return undefined;
    const kg = total ? totalOf(total) : totalOf(fabrication ?? { kind: 'empty' }) + totalOf(energy ?? { kind: 'empty' });
    const years = model.period.length / HOURS_PER_YEAR;
    return years > 0 ? kg / years : undefined;
}

/**
 * After each object's name, its yearly footprint (servers, storage, networks, devices, systems).
 * The setting `efp.inlayHints.footprint` (default true) turns them off.
 */
export class EfpInlayHintProvider implements InlayHintProvider {
    constructor(private readonly efp: EfpServices) {}

    async getInlayHints(document: LangiumDocument, params: InlayHintParams, cancelToken = CancellationToken.None): Promise<InlayHint[] | undefined> {
        const settings = await this.efp.shared.workspace.ConfigurationProvider.getConfiguration('efp', 'inlayHints') as { footprint?: boolean } | undefined;
        if (settings?.footprint === false) return undefined;
        // figures only from a model without errors (the current one, or the last good one)
        const models = this.efp.evaluation.DocumentModels;
        const results = models.resultsFor(document);
        if (!results) return undefined;
        // the walk yields to the event loop now and then: the model is held until it is done
        return models.reading(results.model, async model => {
            const hints: InlayHint[] = [];
            for (const node of AstUtils.streamAst(document.parseResult.value, { range: params.range })) {
                await interruptAndCheck(cancelToken);
                const hint = hintFor(model, node);
                if (hint) hints.push(hint);
            }
            return hints;
        });
    }
}

function hintFor(model: Model, node: AstNode): InlayHint | undefined {
    if (!isObjectDecl(node)) return undefined;
    const object = model.lookup(node.name);
    if (!object || object.description.builtin) return undefined;
    const perYear = yearlyFootprint(model, object);
    if (perYear === undefined) return undefined;
    const after = GrammarUtils.findNodeForProperty(node.$cstNode, node.label !== undefined ? 'label' : 'name');
    if (!after) return undefined;
    return { position: after.range.end, label: `≈ ${formatYearlyMass(perYear)}`, paddingLeft: true, kind: InlayHintKind.Type };
}
