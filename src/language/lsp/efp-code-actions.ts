import { AstUtils, CstUtils, type LangiumDocument, type MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic } from 'vscode-languageserver';
import { isDocument, isObjectDecl, isReference, type ObjectDecl } from '../generated/ast.js';
import { classForKeyword, needUnitOfClass } from '../../engine/index.js';
import type { EfpServices } from '../efp-module.js';
import { panelActions } from './panel-actions.js';

const DID_YOU_MEAN = /Did you mean '([^']+)'\?/;

function messageOf(d: Diagnostic): string {
    return typeof d.message === 'string' ? d.message : d.message.value;
}

function codeOf(d: Diagnostic): string | undefined {
    const data = d.data as { code?: string } | undefined;
    return data?.code ?? (typeof d.code === 'string' ? d.code : undefined);
}

/**
 * Quick fixes: a misspelt name replaced by the suggestion the diagnostic makes; a missing reference
 * filled with the first object of the right kind the file can see; a missing value without a default
 * (a usage pattern's journey starts) filled with a placeholder marked as such.
 */
export class EfpCodeActionProvider implements CodeActionProvider {
    constructor(private readonly efp: EfpServices) {}

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction>> {
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            const code = codeOf(diagnostic);
            const suggestion = DID_YOU_MEAN.exec(messageOf(diagnostic))?.[1];
            if (suggestion && (code === 'linking-error' || code === 'unknown-attribute' || code === 'unknown-unit')) {
                actions.push({
                    title: `Replace with '${suggestion}'`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true,
                    edit: { changes: { [document.uri.toString()]: [{ range: diagnostic.range, newText: suggestion }] } }
                });
            }
            if (code === 'missing-input') {
                const action = this.addMissingReference(document, diagnostic);
                if (action) actions.push(action);
            }
        }
        if (this.efp.client.Commands.runsEfpCommands) actions.push(...panelActions(document, params));
        return actions;
    }

    /** `server web needs 'storage' …`: adds `storage: <a storage the file can see>` to the object. */
    private addMissingReference(document: LangiumDocument, diagnostic: Diagnostic): CodeAction | undefined {
        const input = /needs '([^']+)'/.exec(messageOf(diagnostic))?.[1];
        const root = document.parseResult.value.$cstNode;
        const leaf = root && CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(diagnostic.range.start));
        const object = leaf && AstUtils.getContainerOfType(leaf.astNode, isObjectDecl);
        const spec = object && classForKeyword(object.kind)?.inputs.find(i => i.name === input);
        if (!object || !spec) return undefined;
        let value: string;
        let title: string;
        if (spec.type === 'ref' || spec.type === 'refs' || spec.type === 'weighted') {
            const candidate = this.firstObjectOf(document, object, spec.classes);
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

    /** The first object of one of `classes` declared in the file, else a built-in one. */
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

/** ` cpu_core` for a need on a CPU: the unit of a typical week, from the need's edge_component when it has one. */
function weekUnitOf(object: ObjectDecl, fallback: string): string {
    const component = object.attributes.find(a => a.name === 'edge_component')?.value;
    const target = isReference(component) ? component.target.ref : undefined;
    const className = isObjectDecl(target) ? classForKeyword(target.kind)?.className : undefined;
    const unit = (className && needUnitOfClass(className)) ?? fallback;
    return unit && unit !== 'concurrent' ? ` ${unit}` : '';
}
