import { AstUtils, CstUtils, GrammarUtils, type AstNode, type LangiumDocument } from 'langium';
import { AstNodeHoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import {
    isAttribute, isEnumMember, isObjectDecl, isReference, isSourceDecl, isUnitDecl, isScenarioChange, isScenarioDecl, type ObjectDecl, type Reference
} from '../generated/ast.js';
import type { EfpServices } from '../efp-module.js';
import {
    builtinObject, classForKeyword, type ClassSpec, describeSummary, type EfpObject, explainNode, formatMass, formatNumber, markdownCode, markdownLink, markdownTableCell, markdownText,
    massScale, massScaleOf, type Model, type Node, regionalAdvice, sparkline, summarize, totalOf, unitAtom, yearlyFootprint
} from '../../engine/index.js';
import { BUILTIN_LIBRARY_URI } from '../builtin-library.js';
import { graphLinks } from './command-links.js';
import { hoverForScenario, hoverForScenarioChange } from './scenario-hover.js';
import { hoverForBuiltinObject } from './builtin-hover.js';
import { massUnitSetting, NOT_COUNTED, NOT_EVALUATED, shownYearly, yearlyText } from './footprint-text.js';

/**
 * Hover on any value: an input (its value, where it comes from, what it means), an attribute reached
 * through a reference (`web.energy_footprint`: its value and formula with its operands), an object (its
 * footprint), a unit or a source. Values come from the document's evaluated model.
 *
 * Hovers are Markdown that VS Code renders with efp's command links trusted: every text of the model
 * (names, labels, sources, comments, values as written, messages quoting them) goes through
 * src/engine/text/markdown.ts, so none becomes a link, an image or markup; efp's own words and links do not.
 */
export class EfpHoverProvider extends AstNodeHoverProvider {
    constructor(private readonly efp: EfpServices) {
        super(efp);
    }

    override async getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        const member = this.memberAt(document, params);
        if (member) {
            const model = this.efp.evaluation.DocumentModels.latestModelFor(document);
            const node = model && this.nodeOfPath(model, member.ref, member.index);
            if (node) return { contents: { kind: 'markdown', value: hoverForNode(model, node, this.linkUri(document)) } };
        }
        const builtin = this.builtinAt(document, params);
        if (builtin) {
            const value = hoverForBuiltin(builtin, this.modelAround(document), await massUnitSetting(this.efp.shared));
            if (value) return { contents: { kind: 'markdown', value } };
        }
        const change = this.scenarioChangeAt(document, params);
        if (change) {
            const model = this.efp.evaluation.DocumentModels.latestModelFor(document);
            const text = model && hoverForScenarioChange(model, change.$container.name, change.object.ref?.name ?? change.object.$refText, change.attribute);
            if (text) return { contents: { kind: 'markdown', value: text } };
        }
        return super.getHoverContent(document, params);
    }

    protected async getAstNodeHoverContent(node: AstNode): Promise<string | undefined> {
        const document = AstUtils.getDocument(node);
        if (isUnitDecl(node)) {
            const atom = node.name === undefined ? undefined : unitAtom(node.name);
            return `**${text(node.name)}** — unit${atom ? `: ${text(atom.description)} (e-footprint's ${markdownCode(atom.pint)})` : ''}`;
        }
        if (isSourceDecl(node)) return `**source ${text(node.name)}**${node.title === undefined ? '' : ` — ${text(node.title)}`}${node.link ? `\n\n${markdownLink(node.link, node.link)}` : ''}`;
        if (isEnumMember(node)) return `**${text(node.name)}** — ${text(node.label ?? node.name)}`;
        const model = this.modelAround(document);
        if (isAttribute(node) && isObjectDecl(node.$container)) {
            const object = model && objectOf(model, node.$container);
            const modelNode = object && model.findNode(object.key, node.name);
            return modelNode ? hoverForNode(model, modelNode, this.linkUri(document)) : undefined;
        }
        if (isScenarioDecl(node)) return (model && hoverForScenario(model, node.name)) ?? `**scenario ${text(node.name)}**`;
        if (isObjectDecl(node) && isBuiltin(node)) return hoverForBuiltin(node, undefined) ?? `**${text(node.kind)} ${text(node.name)}**`;
        if (isObjectDecl(node)) {
            const object = model && objectOf(model, node);
            // the last good model while the text has errors may predate what now uses the object: no "not counted" from it
            const stale = model !== this.efp.evaluation.DocumentModels.modelFor(document);
            if (object) return hoverForObject(model, object, this.linkUri(document), await massUnitSetting(this.efp.shared), stale);
            // no model yet (the text does not parse or link): an object with a footprint says it has none yet
            const spec = classForKeyword(node.kind ?? '');
            const header = `**${text(node.kind)} ${text(node.name)}**`;
            return spec && hasFootprint(spec) ? `${header}\n\n**Footprint:** ${NOT_EVALUATED}` : header;
        }
        return undefined;
    }

    /** The document's URI for the links to its panels, when the client runs the commands they name. */
    private linkUri(document: LangiumDocument): string | undefined {
        return this.efp.client.Commands.runsEfpCommands ? document.uri.toString() : undefined;
    }

    /** The model of the document the user is in (a built-in object is shown as that model uses it). */
    private modelAround(document: LangiumDocument): Model | undefined {
        if (document.uri.toString() === BUILTIN_LIBRARY_URI) return undefined;
        return this.efp.evaluation.DocumentModels.latestModelFor(document);
    }

    /**
     * A built-in object named under the cursor in a model (`laptop` in `devices: [laptop]`, `ssd` in
     * `from ssd`): shown with the values of the model the user is in, which the library document lacks.
     */
    private builtinAt(document: LangiumDocument, params: HoverParams): ObjectDecl | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const offset = document.textDocument.offsetAt(params.position);
        const leaf = CstUtils.findDeclarationNodeAtOffset(root, offset, this.grammarConfig.nameRegexp);
        if (!leaf || leaf.offset + leaf.length <= offset) return undefined;
        return this.references.findDeclarations(leaf).find((n): n is ObjectDecl => isObjectDecl(n) && isBuiltin(n));
    }

    /** A scenario's line whose `.attribute` is under the cursor (the object's name hovers as the object). */
    private scenarioChangeAt(document: LangiumDocument, params: HoverParams) {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const leaf = CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(params.position));
        const change = leaf?.astNode;
        if (!leaf || !isScenarioChange(change)) return undefined;
        const attribute = GrammarUtils.findNodeForProperty(change.$cstNode, 'attribute');
        return attribute && attribute.offset === leaf.offset ? change : undefined;
    }

    /** A member name of a reference under the cursor (`energy_footprint` in `web.energy_footprint`). */
    private memberAt(document: LangiumDocument, params: HoverParams): { ref: Reference; index: number } | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const leaf = CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(params.position));
        const ref = leaf?.astNode;
        if (!leaf || !isReference(ref)) return undefined;
        const index = GrammarUtils.findNodesForProperty(ref.$cstNode, 'members').findIndex(m => m.offset === leaf.offset);
        return index >= 0 ? { ref, index } : undefined;
    }

    private nodeOfPath(model: Model, ref: Reference, index: number): Node | undefined {
        const target = ref.target.ref;
        if (!isObjectDecl(target)) return undefined;
        let object = objectOf(model, target);
        for (const step of ref.members.slice(0, index)) object = object?.ref(step);
        return object && model.findNode(object.key, ref.members[index]);
    }
}

function objectOf(model: Model, decl: ObjectDecl): EfpObject | undefined {
    return model.lookup(decl.name, isBuiltin(decl));
}

const GIVEN = { user: 'given', archetype: 'from its archetype', default: 'e-footprint\'s default' } as const;

/**
 * A value: what it is, its value, and its formula with operands or where it comes from; with the
 * document's `uri`, links to its calculus graph and the dashboard.
 */
export function hoverForNode(model: Model, node: Node, uri?: string): string {
    const explained = explainNode(model, node);
    const lines = [`**${text(`${node.object.id}.${node.attribute}`)}** — ${text(node.label)} (${node.object.spec.keyword} "${text(node.object.name)}")`, ''];
    // an empty value says why (a job no usage pattern uses, storage energy e-footprint does not model)
    lines.push(explained.emptyBecause !== undefined ? `**empty**: ${text(explained.emptyBecause)}` : `**${text(describeSummary(explained.value))}**`, '');
    const value = node.value;
    if (value?.kind === 'hourly') lines.push(`\`${sparkline(value.series.base, value.series.factor)}\` over ${value.series.length} hours`, '');
    if (explained.kind === 'input') {
        const facts: string[] = [GIVEN[explained.given ?? 'user']];
        if (explained.source) facts.push(`source: ${markdownLink(explained.source.name, explained.source.link)}`);
        if (explained.confidence) facts.push(`confidence: ${text(explained.confidence)}`);
        lines.push(facts.join(' · '), '');
        if (explained.comment) lines.push(`> ${text(explained.comment)}`, '');
        const spec = node.object.spec.inputs.find(i => i.name === node.attribute);
        if (spec) lines.push(spec.description);
    } else {
        lines.push(markdownCode(`${node.attribute} = ${explained.formula}`), '');
        if (node.operands.length > 0) {
            lines.push('| operand | value |', '|---|---|');
            for (const operand of node.operands) {
                lines.push(`| ${markdownCode(`${operand.object.id}.${operand.attribute}`, { inTable: true })} | ${markdownTableCell(describeSummary(summarize(operand.value, operand.unit)))} |`);
            }
        }
    }
    if (explained.error) lines.push('', `⚠ ${text(explained.error)}`);
    if (uri && !node.object.description.builtin) lines.push('', graphLinks(uri, node.object.id, node.attribute));
    return lines.join('\n');
}

/** An object: its kind, e-footprint name, and footprint (per year and over the modeling period) when it has one. */
export function hoverForObject(model: Model, object: EfpObject, uri?: string, massUnit = 'auto', stale = false): string {
    const lines = [`**${object.spec.keyword} ${text(object.id)}** — "${text(object.name)}" (e-footprint ${object.className})`, '', object.spec.description];
    const footprint = footprintLines(model, object, massUnit, stale);
    if (footprint.length > 0) lines.push('', ...footprint);
    if (uri && !object.description.builtin) lines.push('', graphLinks(uri, object.id));
    return lines.join('\n');
}

/**
 * What the model makes of an object: its footprint per year (the figure of the CodeLens, the inlay hint
 * and the status bar) and over the modeling period, and where its electricity would emit less. Nothing
 * for an object without a footprint (a country); "not evaluated yet" from a model with errors (the
 * document never evaluated without them: the editor keeps the last clean model otherwise); "not counted"
 * for an object no system uses, unless the model is that last clean one (`stale`), which may predate the
 * system that now uses it.
 */
function footprintLines(model: Model, object: EfpObject, massUnit: string, stale = false): string[] {
    if (model.hasErrors) return hasFootprint(object.spec) ? [`**Footprint:** ${NOT_EVALUATED} (the model has errors)`] : [];
    const yearly = shownYearly(yearlyFootprint(model, object), stale);
    if (yearly === undefined) return [];
    if (yearly.kind === 'not-counted') return [`**Footprint: ${NOT_COUNTED}**: no system uses it, so its footprint counts in no total.`];
    const lines = [`**Footprint: ${yearlyText(yearly, massUnit)}** on average`];
    const value = (attribute: string) => {
        const v = model.findNode(object.key, attribute)?.value;
        return v && v.kind !== 'dict' ? totalOf(v) : undefined;
    };
    const total = value('total_footprint');
    const fabrication = value('instances_fabrication_footprint') ?? 0;
    const energy = value('energy_footprint') ?? 0;
    if (total !== undefined) {
        lines.push('', `Over the modeling period: ${formatMass(total, massScale(total, massUnit))} CO2e`);
    } else {
        // the two phases side by side, in one scale
        const scale = massScaleOf([fabrication, energy], massUnit);
        lines.push('', `Over the modeling period: fabrication ${formatMass(fabrication, scale)} CO2e · energy ${formatMass(energy, scale)} CO2e`);
    }
    const advice = regionalAdvice(model, object);
    if (advice && advice.options.length > 0) {
        // the energy footprint and the savings below it, in one scale
        const scale = massScaleOf([advice.energyFootprint, ...advice.options.map(o => o.saving)], massUnit);
        lines.push('', `**Lower-carbon locations** for its energy (${formatNumber(advice.intensity, 0)} g/kWh now, ${formatMass(advice.energyFootprint, scale)} CO2e over the modeling period):`);
        for (const o of advice.options) {
            const where = o.kind === 'region' ? `${markdownCode(o.name)} (PUE ${formatNumber(o.pue!, 2)})` : text(o.name.replace(/_/g, ' '));
            lines.push(`- ${where}, ${formatNumber(o.intensity, 0)} g/kWh: −${formatMass(o.saving, scale)} (−${formatNumber(o.savingShare * 100, 0)} %)`);
        }
    }
    return lines;
}

/** A built-in object with what the model (when there is one) makes of it. */
function hoverForBuiltin(decl: ObjectDecl, model: Model | undefined, massUnit = 'auto'): string | undefined {
    const builtin = builtinObject(decl.name);
    if (!builtin) return undefined;
    const object = model?.lookup(decl.name, true);
    return hoverForBuiltinObject(builtin, model && object ? footprintLines(model, object, massUnit) : []);
}

/** A class whose objects have a footprint: the system, and the classes whose footprint a system counts. */
function hasFootprint(spec: ClassSpec): boolean {
    return spec.className === 'System' || spec.category !== undefined;
}

function isBuiltin(decl: ObjectDecl): boolean {
    return AstUtils.getDocument(decl).uri.toString() === BUILTIN_LIBRARY_URI;
}

/**
 * A name or title of the syntax tree as Markdown text. A tree the parser recovered from an error can lack
 * what its type says it has (`"" source nosuch`: a source without its title): shown as nothing.
 */
function text(value: string | undefined): string {
    return value === undefined ? '' : markdownText(value);
}
