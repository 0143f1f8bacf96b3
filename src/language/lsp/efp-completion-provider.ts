import {
    AstUtils, GrammarAST, stream, type AstNode, type AstNodeDescription, type LangiumDocument, type MaybePromise, type ReferenceInfo, type Stream
} from 'langium';
import {
    DefaultCompletionProvider, type CompletionAcceptor, type CompletionBacktrackingInformation, type CompletionContext, type NextFeature
} from 'langium/lsp';
import { CompletionItemKind, type Position } from 'vscode-languageserver';
import {
    isAttribute, isEnumDecl, isEnumMember, isModelSettings, isNumberList, isObjectDecl, isQuantityLiteral, isReference, type NumberList, type ObjectDecl
} from '../generated/ast.js';
import type { EfpServices } from '../efp-module.js';
import {
    acceptedClasses, classForKeyword, type ClassSpec, cloudRegion, DEFAULT_CLOUD_PROVIDER, DEFAULT_GENAI_PROVIDER, type Dimension, efpString, GENAI_MODEL_ROWS, type InputSpec, instanceType, instanceTypeNames, isCloudProvider, parseUnit, regionNames, unitAtom
} from '../../engine/index.js';
import { scanNumberList } from '../number-list.js';

/** What a model's `model { … }` block takes. */
const SETTINGS: Array<{ name: string; detail: string; description: string }> = [
    { name: 'start_date', detail: 'date · default 2025-01-01', description: 'First day of the modeling period (UTC midnight).' },
    { name: 'modeling_duration', detail: 'duration · default 1 year', description: 'Length of the modeling period; builders make series this long.' }
];

function inputDetail(input: InputSpec): string {
    switch (input.type) {
        case 'quantity': {
            const unit = input.unit || 'number';
            return input.default ? `${unit} · default ${input.default.value}${input.default.unit ? ' ' + input.default.unit : ''}` : `${unit}${input.optional ? ' · optional' : ''}`;
        }
        case 'hourly': return input.weekly
            ? `typical week, 168 hourly values from Monday 00:00 (${input.unit || 'the component\'s unit'})${input.default ? ` · default ${input.default.value} ${input.default.unit}` : ''}`
            : `hourly series (${input.unit})`;
        case 'ref': return `${acceptedClasses(input).join(' or ')} · required`;
        case 'refs': return `list of ${acceptedClasses(input).join(' or ')}`;
        case 'weighted': return `list of ${acceptedClasses(input).join(' or ')}, with weights`;
        case 'enum': return `${input.values.join(' | ')}${input.default ? ` · default ${input.default}` : ''}`;
        case 'text': return `text${input.default ? ` · default "${input.default}"` : ''}`;
    }
}

/**
 * Completion that knows the model: the inputs an object still lacks (unit, default, meaning), objects of
 * the kind an input takes, enumerated values, units of the dimension an input expects first, and the
 * values of an object after `object.`.
 */
export class EfpCompletionProvider extends DefaultCompletionProvider {
    constructor(private readonly efp: EfpServices) {
        super(efp);
    }

    /**
     * As Langium's, with a list of plain numbers (one token, src/language/number-list.ts) seen as the
     * tokens the same list has token by token: the cursor after a number in it completes that number
     * (its unit), not the whole list.
     */
    protected override backtrackToAnyToken(text: string, offset: number): CompletionBacktrackingInformation {
        const around = super.backtrackToAnyToken(text, offset);
        const { nextTokenStart: start, nextTokenEnd: end } = around;
        if (!(start < offset && offset < end)) return around;
        let found: CompletionBacktrackingInformation | undefined;
        let previousTokenStart = around.previousTokenStart;
        let previousTokenEnd = around.previousTokenEnd;
        const listEnd = scanNumberList(text, start, (_part, from, to) => {
            if (found) return;
            // as Langium's loop over tokens: the cursor between two of them, or in one
            if (from >= offset) found = { nextTokenStart: offset, nextTokenEnd: offset, previousTokenStart, previousTokenEnd };
            else if (to > offset) found = { nextTokenStart: from, nextTokenEnd: to, previousTokenStart, previousTokenEnd };
            previousTokenStart = from;
            previousTokenEnd = to;
        });
        return listEnd === end && found ? found : around;
    }

    /**
     * As Langium's, with the node a number of a list of plain numbers would be (a QuantityLiteral) where
     * the cursor is at one: Langium takes the node of the token at the cursor, and completes a number's
     * unit on it.
     */
    protected override *buildContexts(document: LangiumDocument, position: Position): IterableIterator<CompletionContext> {
        let number: AstNode | undefined;
        for (const context of super.buildContexts(document, position)) {
            if (!isNumberList(context.node)) {
                yield context;
                continue;
            }
            number ??= this.numberAt(context.node, document, document.textDocument.offsetAt(position));
            yield number ? { ...context, node: number } : context;
        }
    }

    /** A QuantityLiteral in place of the list for the number that Langium takes the node of at `offset` (see buildContexts), if it is one. */
    private numberAt(list: NumberList, document: LangiumDocument, offset: number): AstNode | undefined {
        const start = list.$cstNode?.offset;
        if (start === undefined) return undefined;
        const text = document.textDocument.getText();
        const { nextTokenStart, previousTokenStart } = this.backtrackToAnyToken(text, offset);
        const at = offset <= nextTokenStart && previousTokenStart !== undefined ? previousTokenStart : nextTokenStart;
        let value: string | undefined;
        scanNumberList(text, start, (part, from, to) => {
            if (part === 'number' && from <= at && at < to) value = text.slice(from, to);
        });
        if (value === undefined) return undefined;
        return { $type: 'QuantityLiteral', $container: list.$container, $containerProperty: list.$containerProperty, $containerIndex: list.$containerIndex, value } as AstNode;
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        const rule = AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule);
        if (next.property === 'name' && (rule?.name === 'AttributeName' || rule?.name === 'ObjectKind')) {
            // an attribute's name: ours, not the grammar's keywords
            if (GrammarAST.isRuleCall(next.feature) && next.feature.rule.ref?.name === 'ATTRIBUTE_NAME') this.completeAttributeNames(context, acceptor);
            return;
        }
        if (next.property === 'members' || rule?.name === 'MemberName') {
            this.completeMembers(context, acceptor);
            return;
        }
        if (GrammarAST.isRuleCall(next.feature) && next.feature.rule.ref?.name === 'STRING') this.completeCatalogueNames(context, acceptor);
        return super.completionFor(context, next, acceptor);
    }

    /**
     * A cloud server's `instance_type` and `region`: the names the offline catalogue has for its provider,
     * with what they stand for (vCPUs, memory; grid intensity, PUE).
     */
    private completeCatalogueNames(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const attribute = context.node && (isAttribute(context.node) ? context.node : AstUtils.getContainerOfType(context.node, isAttribute));
        const object = attribute && AstUtils.getContainerOfType(attribute, isObjectDecl);
        if (attribute && object?.kind === 'genai_api' && attribute.name === 'model_name') {
            this.completeGenAIModelNames(object, context, acceptor);
            return;
        }
        if (!attribute || !object || object.kind !== 'cloud_server') return;
        const written = object.attributes.find(a => a.name === 'provider')?.value;
        const providerName = isReference(written) ? written.target.$refText : DEFAULT_CLOUD_PROVIDER;
        if (!isCloudProvider(providerName)) return;
        if (attribute.name === 'instance_type') {
            for (const name of instanceTypeNames(providerName)) {
                const entry = instanceType(providerName, name);
                acceptor(context, {
                    label: efpString(name), kind: CompletionItemKind.Value, insertText: efpString(name), filterText: efpString(name),
                    detail: `${entry.vcpus} vCPU · ${entry.memoryGB} GB · ${providerName} (Cloud Carbon Footprint catalogue)`
                });
            }
        } else if (attribute.name === 'region') {
            for (const name of regionNames(providerName)) {
                const region = cloudRegion(providerName, name);
                acceptor(context, {
                    label: efpString(name), kind: CompletionItemKind.Value, insertText: efpString(name), filterText: efpString(name),
                    detail: `${region.gramsPerKWh} gCO2e/kWh · PUE ${region.pue} · ${providerName} (Cloud Carbon Footprint)`
                });
            }
        }
    }

    /**
     * A GenAI API's `model_name`: the models EcoLogits' repository lists for its provider, with their size and,
     * when measured, their speed (which sets the latency instead of EcoLogits' regression).
     */
    private completeGenAIModelNames(object: ObjectDecl, context: CompletionContext, acceptor: CompletionAcceptor): void {
        const written = object.attributes.find(a => a.name === 'provider')?.value;
        const providerName = isReference(written) ? written.target.$refText : DEFAULT_GENAI_PROVIDER;
        for (const row of GENAI_MODEL_ROWS.filter(m => m.provider === providerName)) {
            const size = row.active === row.total ? `${row.total} B parameters` : `${row.total} B parameters, ${row.active} B active`;
            const speed = row.tps === undefined ? '' : ` · ${row.tps} tokens/s${row.ttft === undefined ? '' : `, ${row.ttft} s to first token`}`;
            acceptor(context, {
                label: efpString(row.name), kind: CompletionItemKind.Value, insertText: efpString(row.name), filterText: efpString(row.name),
                detail: `${size}${speed} · ${providerName} (EcoLogits)${row.aliasOf ? ` · alias of ${row.aliasOf}` : ''}`
            });
        }
    }

    private completeAttributeNames(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const node = context.node;
        const settings = node && (isModelSettings(node) ? node : AstUtils.getContainerOfType(node, isModelSettings));
        if (settings) {
            const given = new Set(settings.settings.map(s => s.name));
            for (const s of SETTINGS.filter(s => !given.has(s.name))) {
                acceptor(context, { label: s.name, kind: CompletionItemKind.Property, detail: s.detail, documentation: s.description, insertText: `${s.name}: ` });
            }
            return;
        }
        const object = node && (isObjectDecl(node) ? node : AstUtils.getContainerOfType(node, isObjectDecl));
        const spec = object && classForKeyword(object.kind);
        if (!object || !spec) return;
        const given = new Set(object.attributes.map(a => a.name));
        if (object.runsOn && spec.onInput) given.add(spec.onInput);
        spec.inputs.forEach((input, i) => {
            if (given.has(input.name)) return;
            acceptor(context, {
                label: input.name, kind: CompletionItemKind.Property, detail: inputDetail(input),
                documentation: `${input.label}. ${input.description}`, insertText: `${input.name}: `,
                sortText: String(i).padStart(3, '0')
            });
        });
    }

    /** After `web.`: the object's inputs and calculated values. */
    private completeMembers(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const ref = context.node && (isReference(context.node) ? context.node : AstUtils.getContainerOfType(context.node, isReference));
        const target = ref?.target.ref;
        if (!ref || !isObjectDecl(target)) return;
        let spec: ClassSpec | undefined = classForKeyword(target.kind);
        // follow earlier members that are references (`job.server.`)
        for (const member of ref.members) {
            const input = spec?.inputs.find(i => i.name === member && i.type === 'ref');
            if (!input || input.type !== 'ref') break;
            spec = undefined;
            const decl = this.followRef(target, member);
            if (decl) spec = classForKeyword(decl.kind);
        }
        if (!spec) return;
        for (const input of spec.inputs.filter(i => i.type === 'quantity' || i.type === 'hourly' || i.type === 'ref')) {
            acceptor(context, { label: input.name, kind: CompletionItemKind.Field, detail: `input · ${inputDetail(input)}`, documentation: input.description });
        }
        for (const calculated of spec.calculated) {
            acceptor(context, { label: calculated.name, kind: CompletionItemKind.Value, detail: `calculated · ${calculated.unit || 'number'}`, documentation: calculated.label });
        }
    }

    private followRef(object: ObjectDecl, attribute: string): ObjectDecl | undefined {
        if (object.runsOn?.ref && attribute === classForKeyword(object.kind)?.onInput) return object.runsOn.ref;
        const value = object.attributes.find(a => a.name === attribute)?.value;
        return isReference(value) && isObjectDecl(value.target.ref) ? value.target.ref : undefined;
    }

    /** Objects of the kind the input takes; enumerated values; units of the expected dimension first. */
    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        let candidates: Stream<AstNodeDescription>;
        try {
            candidates = super.getReferenceCandidates(refInfo, context);
        } catch {
            // in broken text Langium may ask for a reference on a node that has none: nothing to offer there
            return stream([]);
        }
        if (isObjectDecl(refInfo.container) && refInfo.property === 'archetype') {
            // `from`: objects of the same kind (e-footprint's archetypes among them)
            const self = refInfo.container;
            return stream(candidates.toArray().filter(d => {
                const decl = this.declarationOf(d);
                return decl !== undefined && decl !== self && decl.kind === self.kind;
            }));
        }
        if (isObjectDecl(refInfo.container) && refInfo.property === 'runsOn') {
            // `on`: objects of the kind the class's `on` input takes (a server, a video streaming service)
            const spec = classForKeyword(refInfo.container.kind);
            const on = spec?.inputs.find(i => i.name === spec.onInput);
            if (on?.type === 'ref') {
                return stream(candidates.toArray().filter(d => {
                    const kind = this.declarationOf(d) && classForKeyword(this.declarationOf(d)!.kind)?.className;
                    return kind !== undefined && acceptedClasses(on).includes(kind);
                }));
            }
        }
        const attribute = AstUtils.getContainerOfType(refInfo.container, isAttribute);
        const object = attribute && AstUtils.getContainerOfType(attribute, isObjectDecl);
        const input = object && attribute ? classForKeyword(object.kind)?.inputs.find(i => i.name === attribute.name) : undefined;
        if (isQuantityLiteral(refInfo.container)) return candidates; // units; ordered in createReferenceCompletionItem
        if (!input || !isReference(refInfo.container)) return candidates;
        if (input.type === 'ref' || input.type === 'refs' || input.type === 'weighted') {
            return stream(candidates.toArray().filter(d => {
                const decl = this.declarationOf(d);
                const kind = decl ? classForKeyword(decl.kind)?.className : undefined;
                return kind !== undefined && acceptedClasses(input).includes(kind);
            }));
        }
        if (input.type === 'enum') {
            // the members whose value (their label, else their name) the input takes: `provider` of a cloud
            // server takes enum cloud_provider's, a GenAI API's enum genai_provider's
            return stream(candidates.toArray().filter(d => {
                const member = d.node;
                return d.type === 'EnumMember' && isEnumMember(member) && isEnumDecl(member.$container) && input.values.includes(member.label ?? member.name);
            }));
        }
        return candidates;
    }

    /** The object a description names, if it names one. */
    private declarationOf(d: AstNodeDescription): ObjectDecl | undefined {
        if (d.type !== 'ObjectDecl') return undefined;
        const root = this.efp.shared.workspace.LangiumDocuments.getDocument(d.documentUri)?.parseResult.value;
        const decl = d.node ?? (root && this.efp.workspace.AstNodeLocator.getAstNode(root, d.path));
        return isObjectDecl(decl) ? decl : undefined;
    }

    protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext) {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        if (description.type !== 'UnitDecl') return item;
        const atom = unitAtom(description.name);
        const expected = this.expectedDimension(refInfo);
        // a plain GB fits where RAM or stored bytes are expected
        const fits = atom && expected && (atom.dimension.equals(expected)
            || atom.dimension.replaceBase('data', 'data_ram').equals(expected) || atom.dimension.replaceBase('data', 'data_stored').equals(expected));
        return { ...item, detail: atom?.description, sortText: `${fits ? '0' : '1'}_${description.name}` };
    }

    /** The dimension the input being written expects, when a unit completes its number. */
    private expectedDimension(refInfo: ReferenceInfo): Dimension | undefined {
        const attribute = AstUtils.getContainerOfType(refInfo.container, isAttribute);
        const object = attribute && AstUtils.getContainerOfType(attribute, isObjectDecl);
        const input = object && attribute ? classForKeyword(object.kind)?.inputs.find(i => i.name === attribute.name) : undefined;
        if (!input || (input.type !== 'quantity' && input.type !== 'hourly')) return undefined;
        try {
            // a number's unit is the whole dimension for simple units (W, GB, year)
            return parseUnit(input.unit.split('/')[0] || 'dimensionless').dimension;
        } catch {
            return undefined;
        }
    }
}
