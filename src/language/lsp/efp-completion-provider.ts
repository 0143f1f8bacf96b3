import {
    AstUtils, CstUtils, GrammarAST, GrammarUtils, stream, type AstNode, type AstNodeDescription, type LangiumDocument, type MaybePromise, type ReferenceInfo, type Stream
} from 'langium';
import {
    DefaultCompletionProvider, type CompletionAcceptor, type CompletionBacktrackingInformation, type CompletionContext, type CompletionValueItem, type NextFeature
} from 'langium/lsp';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Position } from 'vscode-languageserver';
import {
    isAttribute, isEnumDecl, isEnumMember, isListExpression, isModelSettings, isNumberList, isObjectDecl, isQuantityLiteral, isReference, isScenarioChange, type NumberList, type ObjectDecl
} from '../generated/ast.js';
import type { EfpServices } from '../efp-module.js';
import {
    acceptedClasses, BUILDERS, classForKeyword, type ClassSpec, cloudRegion, DEFAULT_CLOUD_PROVIDER, DEFAULT_GENAI_PROVIDER, efpString, GENAI_MODEL_ROWS, type InputSpec, instanceType, instanceTypeNames, isCloudProvider, markdownText, regionNames, unitAtom
} from '../../engine/index.js';
import { BUILTIN_LIBRARY_URI } from '../builtin-library.js';
import { scanNumberList } from '../number-list.js';
import { declarationItem } from './declaration-items.js';
import { keywordDocumentation } from './keyword-documentation.js';
import { expectsDimension, unitRanking } from './unit-ranking.js';

/** The grammar rules a top-level declaration other than an object starts with (its first keyword). */
const DECLARATION_RULES = new Set(['Import', 'ModelSettings', 'SourceDecl', 'UnitDecl', 'EnumDecl', 'ScenarioDecl']);

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
            const next = this.afterSeparator(context);
            if (!isNumberList(next.node)) {
                yield next;
                continue;
            }
            number ??= this.numberAt(next.node, document, document.textDocument.offsetAt(position));
            yield number ? { ...next, node: number } : next;
        }
    }

    /**
     * After a comma in a list, what goes after its opening bracket: Langium's completion parser reads
     * `[browse, ` with the comma as the optional trailing one (`[a, b,]` is allowed), and would offer only
     * the closing bracket. A list of numbers goes on with a number: nothing to offer there, as in the same
     * list written as one token (a NumberList).
     */
    private afterSeparator(context: CompletionContext): CompletionContext {
        const closingOnly = context.features.length > 0 && context.features.every(f => GrammarAST.isKeyword(f.feature) && f.feature.value === ']');
        if (!closingOnly) return context;
        const text = context.textDocument.getText();
        let comma = context.tokenOffset - 1;
        while (comma >= 0 && /\s/.test(text[comma])) comma--;
        if (text[comma] !== ',') return context;
        const root = context.document.parseResult.value.$cstNode;
        const list = root && CstUtils.findLeafNodeAtOffset(root, comma)?.astNode;
        if (!isListExpression(list) || list.items.every(isQuantityLiteral)) return context;
        const opening = GrammarUtils.findNodeForKeyword(list.$cstNode, '[');
        if (!opening || opening.end > comma) return context;
        return { ...context, features: this.findFeaturesAt(context.textDocument, opening.end) };
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
        // after the number of a quantity with a dimension, only its unit: `power: 300 ` takes no keyword nor input
        if (this.isUnitPosition(context) && !this.isUnitReference(next)) return;
        if (next.property === 'name' && (rule?.name === 'AttributeName' || rule?.name === 'ObjectKind')) {
            // an attribute's name: ours, not the grammar's keywords
            if (GrammarAST.isRuleCall(next.feature) && next.feature.rule.ref?.name === 'ATTRIBUTE_NAME') this.completeAttributeNames(context, acceptor);
            return;
        }
        if (next.property === 'members' || rule?.name === 'MemberName') {
            // once, for the name's ID: the kinds that double as member names are the object's inputs, not kinds
            if (GrammarAST.isRuleCall(next.feature)) this.completeMembers(context, acceptor);
            return;
        }
        // a kind's keyword anywhere but where a declaration starts (a scenario's attribute): not a kind there
        if (rule?.name === 'ObjectKind' && next.property !== 'kind') return;
        if (GrammarAST.isRuleCall(next.feature) && next.feature.rule.ref?.name === 'STRING') this.completeCatalogueNames(context, acceptor);
        if (rule?.name === 'Call' && AstUtils.getContainerOfType(next.feature, GrammarAST.isAssignment)?.feature === 'function') this.completeBuilders(context, acceptor);
        return super.completionFor(context, next, acceptor);
    }

    /** Where an hourly input's value starts: the time-series builders, each with what it makes. */
    private completeBuilders(context: CompletionContext, acceptor: CompletionAcceptor): void {
        if (!context.node || this.inputOf(context.node)?.type !== 'hourly') return;
        for (const builder of BUILDERS.values()) {
            acceptor(context, {
                label: builder.name, kind: CompletionItemKind.Function, detail: `builder (${builder.parameters.map(p => p.name).join(', ')})`,
                documentation: builder.description, insertText: `${builder.name}($0)`, insertTextFormat: InsertTextFormat.Snippet, sortText: '2'
            });
        }
    }

    /** The unit of a number: `unit=[UnitDecl:UnitName]` of QuantityLiteral. */
    private isUnitReference(next: NextFeature): boolean {
        const assignment = AstUtils.getContainerOfType(next.feature, GrammarAST.isAssignment);
        return GrammarAST.isCrossReference(next.feature) && assignment?.feature === 'unit'
            && AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule)?.name === 'QuantityLiteral';
    }

    /** The cursor after a number with no unit yet (or in its unit), of an input that expects a dimension. */
    private isUnitPosition(context: CompletionContext): boolean {
        const node = context.node;
        if (!isQuantityLiteral(node) || !node.$cstNode) return false;
        const numberEnd = node.$cstNode.offset + node.value.length;
        const unit = node.unit?.$refNode;
        if (context.tokenOffset <= numberEnd || (unit && context.tokenOffset > unit.offset)) return false;
        return expectsDimension(this.inputOf(node));
    }

    /**
     * Where a declaration can start, one item per keyword: an object's kind writes the whole declaration
     * (declaration-items.ts), and so do `model`, `import`, `source` and `scenario`. Every other keyword
     * says what it writes.
     */
    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name;
        if (rule === 'ObjectKind' || (rule !== undefined && DECLARATION_RULES.has(rule) && keyword === this.firstKeyword(keyword))) {
            const text = context.textDocument.getText();
            const lineEnd = text.slice(context.tokenEndOffset).search(/[\r\n]|$/);
            const rest = text.slice(context.tokenEndOffset, context.tokenEndOffset + lineEnd);
            const item = declarationItem(keyword.value, rest.trim() !== '');
            if (item) acceptor(context, item);
            return;
        }
        if (!this.filterKeyword(context, keyword)) return;
        const known = keywordDocumentation(keyword.value, rule);
        acceptor(context, {
            label: keyword.value, kind: CompletionItemKind.Keyword, detail: known?.detail ?? 'keyword', sortText: '1',
            documentation: known?.documentation ?? `The keyword \`${keyword.value}\`.`
        });
    }

    /** The first keyword of the rule a keyword belongs to (`source` of a source declaration). */
    private firstKeyword(keyword: GrammarAST.Keyword): GrammarAST.Keyword | undefined {
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule);
        return rule ? AstUtils.streamAst(rule.definition).find(GrammarAST.isKeyword) : undefined;
    }

    /** One item a label: two contexts may offer the same name (a keyword and a snippet, a unit twice). */
    protected override deduplicateItems(items: CompletionItem[]): CompletionItem[] {
        return stream(items).distinct(item => item.label).toArray();
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
        const input = this.inputOf(refInfo.container);
        if (isQuantityLiteral(refInfo.container)) return candidates; // units; ordered in createReferenceCompletionItem
        if (!input || !isReference(refInfo.container)) return candidates;
        if (input.type === 'ref' || input.type === 'refs' || input.type === 'weighted') {
            return stream(candidates.toArray().filter(d => {
                const decl = this.declarationOf(d);
                const kind = decl ? classForKeyword(decl.kind)?.className : undefined;
                return kind !== undefined && acceptedClasses(input).includes(kind);
            }));
        }
        if (input.type === 'quantity' || input.type === 'hourly') {
            // a value computed from others starts with an object (`web.power * 2`): no unit, no enumerated value
            return stream(candidates.toArray().filter(d => d.type === 'ObjectDecl'));
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

    /**
     * The input whose value a node is part of: an object's attribute (`storage: disk`), or a scenario's change
     * (`web.storage: disk`), the object's kind telling which input it is.
     */
    private inputOf(node: AstNode): InputSpec | undefined {
        let current: AstNode | undefined = node;
        while (current && !isAttribute(current) && !isScenarioChange(current)) current = current.$container;
        if (isAttribute(current)) {
            const object = AstUtils.getContainerOfType(current, isObjectDecl);
            const name = current.name;
            return object ? classForKeyword(object.kind)?.inputs.find(i => i.name === name) : undefined;
        }
        if (isScenarioChange(current)) {
            const object = current.object?.ref;
            const name = current.attribute;
            return object ? classForKeyword(object.kind)?.inputs.find(i => i.name === name) : undefined;
        }
        return undefined;
    }

    /**
     * Each candidate with what it is: a unit's name and dimension (those of the dimension expected first), an
     * object's kind and where it is declared, an enumerated value's set.
     */
    protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        switch (description.type) {
            case 'UnitDecl': return this.unitItem(item, description, refInfo, context);
            case 'ObjectDecl': return this.objectItem(item, description);
            case 'EnumMember': return this.enumMemberItem(item, description);
            default: return item;
        }
    }

    private unitItem(item: CompletionValueItem, description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const atom = unitAtom(description.name);
        const ranking = unitRanking(this.inputOf(refInfo.container));
        const typed = context.textDocument.getText().slice(context.tokenOffset, context.offset);
        return {
            ...item,
            detail: atom?.description,
            documentation: atom ? `${atom.pint.replace(/_/g, ' ')}: ${atom.description}` : `the unit ${description.name}`,
            sortText: ranking.sortText(description.name),
            // With a letter typed, editors rank by how well each label matches it before the sort text (`Wh`
            // before `kW` for `W`): the units that fit match the typed text itself, so the sort text decides.
            // The list is incomplete, so the next letter asks again.
            ...(typed !== '' && ranking.fits(description.name) ? { filterText: typed } : {})
        };
    }

    private objectItem(item: CompletionValueItem, description: AstNodeDescription): CompletionValueItem {
        const decl = this.declarationOf(description);
        if (!decl) return item;
        const spec = classForKeyword(decl.kind);
        const library = description.documentUri.toString() === BUILTIN_LIBRARY_URI;
        const where = library ? 'the built-in library' : description.documentUri.path.split('/').pop() ?? 'this model';
        // a label, a file name and a doc comment are the model's words: escaped, never markup
        const lines = [
            decl.label !== undefined ? markdownText(decl.label) : undefined,
            spec ? markdownText(`${spec.article.charAt(0).toUpperCase()}${spec.article.slice(1)} (e-footprint ${spec.className}), declared in ${where}.`) : undefined,
            typeof item.documentation === 'object' ? item.documentation.value : undefined
        ].filter((l): l is string => l !== undefined);
        return {
            ...item, detail: decl.label !== undefined ? `${decl.kind} · ${efpString(decl.label)}` : decl.kind,
            documentation: { kind: 'markdown', value: lines.join('\n\n') },
            // the model's own objects before the library's (its countries, archetypes, networks)
            sortText: library ? '1' : '0'
        };
    }

    private enumMemberItem(item: CompletionValueItem, description: AstNodeDescription): CompletionValueItem {
        const member = description.node;
        if (!isEnumMember(member) || !isEnumDecl(member.$container)) return item;
        const value = member.label ?? member.name;
        return { ...item, detail: `${member.$container.name} value`, documentation: `${member.$container.name}: ${value}` };
    }
}
