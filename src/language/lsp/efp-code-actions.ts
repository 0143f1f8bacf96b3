import { AstUtils, CstUtils, type LangiumDocument, type MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic } from 'vscode-languageserver';
import { isAttribute, isDocument, isObjectDecl, isReference, type ObjectDecl } from '../generated/ast.js';
import { acceptedClasses, classForKeyword, diagnosticDataOf, needUnitOfClass } from '../../engine/index.js';
import type { EfpServices } from '../efp-module.js';
import { panelActions } from './panel-actions.js';
import { createObjectActions } from './create-object-actions.js';
import { leavesWithin } from './leaves-within.js';
import { modelPeriodAction } from './model-period-action.js';
import { addSystemAction } from './add-system-action.js';
import { unitChoiceActions } from './unit-choice-actions.js';

/**
 * Quick fixes: a misspelt name replaced by the suggestion the diagnostic makes; a missing reference
 * filled with the first object of the right kind the file can see; a missing value without a default
 * (a usage pattern's journey starts) filled with a placeholder marked as such; an input that has no effect
 * where it is written (fixed_nb_of_instances on an autoscaling server) removed; e-footprint's Python
 * (`SourceValue(300 * u.W)`) rewritten as .efp writes it; an unknown object created, of each kind its place
 * takes; a value in a unit of the wrong dimension written in the expected one, or converted, one fix per
 * reading; the modeling period efp assumed written out; a system listing the model's usage patterns
 * added to a model without one. What a fix needs is read
 * from the diagnostic's data, never from its message, which is for people and may be reworded: a
 * diagnostic without data gets no fix.
 */
export class EfpCodeActionProvider implements CodeActionProvider {
    constructor(private readonly efp: EfpServices) {}

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction>> {
        const actions: CodeAction[] = [];
        let taken: Set<string> | undefined;
        // the names of the objects the workspace declares, for a created object's own parts (`web_storage`)
        const takenNames = () => (taken ??= new Set(this.efp.shared.workspace.IndexManager.allElements('ObjectDecl').map(d => d.name)));
        for (const diagnostic of params.context.diagnostics) {
            const data = diagnosticDataOf(diagnostic.data);
            if (!data) continue;
            switch (data.kind) {
                case 'did-you-mean': actions.push(...optional(replaceName(document, diagnostic, data.name, data.suggestion))); break;
                case 'unknown-object':
                    if (data.suggestion !== undefined) actions.push(...optional(replaceName(document, diagnostic, data.name, data.suggestion)));
                    actions.push(...createObjectActions(document, diagnostic, data.name, data.kinds, takenNames));
                    break;
                case 'missing-input': actions.push(...optional(this.addMissingInput(document, diagnostic, data.input))); break;
                case 'ignored-input': actions.push(...optional(removeInput(document, diagnostic, data.input))); break;
                case 'rewrite': actions.push(...optional(rewrite(document, diagnostic, data.written, data.replacement))); break;
                case 'wrong-unit': actions.push(...unitChoiceActions(document, diagnostic, data.value, data.unit, data.expected)); break;
                case 'no-system': actions.push(...optional(addSystemAction(document, diagnostic, data.input, data.patterns, takenNames))); break;
                case 'defaulted-period':
                    actions.push(...optional(modelPeriodAction(document, diagnostic, data.start_date, data.modeling_duration, data.missing)));
                    break;
            }
        }
        if (this.efp.client.Commands.runsEfpCommands) actions.push(...panelActions(document, params));
        return actions;
    }

    /** `server web needs 'storage' …`: adds `storage: <a storage the file can see>` to the object. */
    private addMissingInput(document: LangiumDocument, diagnostic: Diagnostic, input: string): CodeAction | undefined {
        const root = document.parseResult.value.$cstNode;
        const leaf = root && CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(diagnostic.range.start));
        const object = leaf && AstUtils.getContainerOfType(leaf.astNode, isObjectDecl);
        const spec = object && classForKeyword(object.kind)?.inputs.find(i => i.name === input);
        if (!object || !spec) return undefined;
        let value: string;
        let title: string;
        if (spec.type === 'ref' || spec.type === 'refs' || spec.type === 'weighted') {
            const candidate = this.firstObjectOf(document, object, acceptedClasses(spec));
            if (!candidate) return undefined;
            value = spec.type === 'ref' ? candidate : `[${candidate}]`;
            title = `Add '${spec.name}: ${value}'`;
        } else if (spec.type === 'hourly' && spec.weekly) {
            // a component need is counted in its component's unit (cores, RAM, stored bytes, a 0-1 workload)
            value = `0${weekUnitOf(object, spec.unit)}  confidence low  comment "placeholder: the need each hour of a typical week"`;
            title = `Add '${spec.name}' with a placeholder of 0 every hour`;
        } else if (spec.type === 'hourly') {
            // no sensible default exists: the placeholder says so where the user will see it (and in hovers)
            value = 'constant(1000)  confidence low  comment "placeholder: usage journeys started each hour; replace with your traffic"';
            title = `Add '${spec.name}' with a placeholder of 1,000 journeys an hour`;
        } else if (spec.type === 'quantity') {
            value = `${spec.min !== undefined && spec.min > 0 ? spec.min : 1} ${spec.unit}  confidence low  comment "placeholder"`;
            title = `Add '${spec.name}' with a placeholder value`;
        } else {
            return undefined;
        }
        const close = object.$cstNode!.range.end;
        const closeOffset = document.textDocument.offsetAt(close) - 1;
        const position = document.textDocument.positionAt(closeOffset);
        return {
            title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic],
            edit: { changes: { [document.uri.toString()]: [{ range: { start: position, end: position }, newText: `  ${spec.name}: ${value}\n` }] } }
        };
    }

    /** The first object of one of `classes` (concrete ones) declared in the file, else a built-in one. */
    private firstObjectOf(document: LangiumDocument, self: ObjectDecl, classes: readonly string[]): string | undefined {
        const fits = (o: ObjectDecl) => o !== self && classes.includes(classForKeyword(o.kind)?.className ?? '');
        const root = document.parseResult.value;
        const local = isDocument(root) ? root.elements.filter(isObjectDecl).find(fits) : undefined;
        if (local) return local.name;
        const builtin = this.efp.shared.workspace.IndexManager.allElements('ObjectDecl').find(d => {
            const decl = d.node;
            return isObjectDecl(decl) && fits(decl);
        });
        return builtin?.name;
    }
}

/**
 * `wfi` -> `wifi`: the one token within the diagnostic's range that writes `name` (the range of an unknown
 * value of a reference, `web.powr`, is the whole reference; that of a catalogue name, the whole input)
 * replaced by the suggestion, in quotes when the name is a string's text.
 */
function replaceName(document: LangiumDocument, diagnostic: Diagnostic, name: string, suggestion: string): CodeAction | undefined {
    const quotedName = JSON.stringify(name);
    const written = leavesWithin(document, diagnostic.range).filter(leaf => leaf.text === name || leaf.text === quotedName);
    // none: the range does not hold the name (the diagnostic was moved); several: which one is meant is not known
    if (written.length !== 1) return undefined;
    const [leaf] = written;
    const newText = leaf.text === name ? suggestion : JSON.stringify(suggestion);
    return {
        title: `Replace with '${suggestion}'`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true,
        edit: { changes: { [document.uri.toString()]: [{ range: leaf.range, newText }] } }
    };
}

/**
 * `fixed_nb_of_instances: 4` removed from the object, the diagnostic being on its name: with its line when
 * it is alone on it (a comment after it goes too, it was about the input), else with the spaces after it.
 */
function removeInput(document: LangiumDocument, diagnostic: Diagnostic, input: string): CodeAction | undefined {
    const root = document.parseResult.value.$cstNode;
    const start = document.textDocument.offsetAt(diagnostic.range.start);
    const leaf = root && CstUtils.findLeafNodeAtOffset(root, start);
    const attribute = leaf && AstUtils.getContainerOfType(leaf.astNode, isAttribute);
    const cst = attribute?.$cstNode;
    // the range must still start on this input's name (the text may have changed since)
    if (!attribute || !cst || attribute.name !== input || cst.offset !== start) return undefined;
    const text = document.textDocument.getText();
    const lineStart = text.lastIndexOf('\n', cst.offset - 1) + 1;
    const newline = text.indexOf('\n', cst.end);
    const lineEnd = newline < 0 ? text.length : newline;
    const before = text.slice(lineStart, cst.offset);
    const after = text.slice(cst.end, lineEnd);
    let from = cst.offset;
    let to = cst.end;
    if (/^\s*$/.test(before) && /^\s*(\/\/.*)?$/.test(after)) {
        from = lineStart;
        to = newline < 0 ? lineEnd : newline + 1;
    } else {
        to += /^[ \t]*/.exec(after)![0].length;
    }
    const range = { start: document.textDocument.positionAt(from), end: document.textDocument.positionAt(to) };
    return {
        title: `Remove '${input}' (it has no effect here)`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true,
        edit: { changes: { [document.uri.toString()]: [{ range, newText: '' }] } }
    };
}

/**
 * `u.kWh` -> `kWh` (e-footprint's Python, python-habits/): `written`, where the diagnostic's range starts,
 * replaced; no fix when the text there is no longer what was written.
 */
function rewrite(document: LangiumDocument, diagnostic: Diagnostic, written: string, replacement: string): CodeAction | undefined {
    const text = document.textDocument;
    const start = text.offsetAt(diagnostic.range.start);
    const end = start + written.length;
    if (end > text.offsetAt(diagnostic.range.end) || text.getText({ start: diagnostic.range.start, end: text.positionAt(end) }) !== written) return undefined;
    return {
        title: `Replace with '${replacement}'`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true,
        edit: { changes: { [document.uri.toString()]: [{ range: { start: diagnostic.range.start, end: text.positionAt(end) }, newText: replacement }] } }
    };
}

function optional(action: CodeAction | undefined): CodeAction[] {
    return action ? [action] : [];
}

/** ` cpu_core` for a need on a CPU: the unit of a typical week, from the need's edge_component when it has one. */
function weekUnitOf(object: ObjectDecl, fallback: string): string {
    const component = object.attributes.find(a => a.name === 'edge_component')?.value;
    const target = isReference(component) ? component.target.ref : undefined;
    const className = isObjectDecl(target) ? classForKeyword(target.kind)?.className : undefined;
    const unit = (className && needUnitOfClass(className)) ?? fallback;
    return unit && unit !== 'concurrent' ? ` ${unit}` : '';
}
