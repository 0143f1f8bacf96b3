import type { AstNode, LangiumDocument } from 'langium';
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import { isDocument, isObjectDecl, type Document } from '../generated/ast.js';
import { acceptedClasses, classForKeyword, declarationText, isEfpIdentifier, objectTemplate } from '../../engine/index.js';
import { leavesWithin } from './leaves-within.js';

/** The longest name a title shows whole: a generated name of 10,000 characters would make a menu of it. */
const TITLE_NAME_LENGTH = 40;

/**
 * `storage: disk` where no `disk` is declared: "Create storage 'disk'", which declares it after the
 * declaration naming it, from its class's template (the snippet's values: src/engine/export/object-template.ts),
 * one fix per kind the place takes. What it needs of the model is filled with objects the file declares,
 * else with names for the kinds (`server_name`), which get a fix of their own.
 */
export function createObjectActions(document: LangiumDocument, diagnostic: Diagnostic, name: string, kinds: readonly string[],
    takenNames: () => ReadonlySet<string>): CodeAction[] {
    // the name is written in the text as it was (a diagnostic may come back from the editor changed), and is a name
    if (!isEfpIdentifier(name)) return [];
    const written = leavesWithin(document, diagnostic.range).filter(leaf => leaf.text === name);
    if (written.length !== 1) return [];
    // and is a reference the linker could not resolve (not a keyword, not a declared name)
    if (!document.references.some(r => r.error !== undefined && r.$refNode?.offset === written[0].offset && r.$refText === name)) return [];
    const root = document.parseResult.value;
    if (!isDocument(root)) return [];
    const element = topLevelElement(written[0].astNode);
    const cst = element?.$cstNode;
    if (!cst) return [];
    const text = document.textDocument;
    const end = text.positionAt(cst.end);
    // the end of the line the declaration ends on, before its line break
    const line = text.getText({ start: { line: end.line, character: 0 }, end: { line: end.line + 1, character: 0 } });
    const at = { line: end.line, character: line.replace(/\r?\n$/, '').length };
    // a declaration of several lines is followed by a blank line, as in the examples
    const separator = text.positionAt(cst.offset).line < end.line ? '\n\n' : '\n';
    const partName = (wanted: string) => freeName(wanted, takenNames());
    const actions: CodeAction[] = [];
    for (const kind of new Set(kinds)) {
        const spec = classForKeyword(kind);
        if (!spec) continue;
        const declaration = declarationText(objectTemplate(spec), {
            name, partName, objectFor: input => declaredObjectOf(root, acceptedClasses(input))
        });
        actions.push({
            title: `Create ${kind} '${shown(name)}'`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic],
            edit: { changes: { [document.uri.toString()]: [{ range: { start: at, end: at }, newText: `${separator}${declaration}` }] } }
        });
    }
    return actions;
}

/** The element of the file (an object, a scenario) the node is in. */
function topLevelElement(node: AstNode): AstNode | undefined {
    let element: AstNode | undefined = node;
    while (element?.$container && !isDocument(element.$container)) element = element.$container;
    return element?.$container ? element : undefined;
}

/** The first object of one of `classes` the file declares. */
function declaredObjectOf(root: Document, classes: readonly string[]): string | undefined {
    for (const element of root.elements) {
        if (isObjectDecl(element) && isEfpIdentifier(element.name ?? '') && classes.includes(classForKeyword(element.kind)?.className ?? '')) return element.name;
    }
    return undefined;
}

/** `wanted`, or `wanted_2`, `wanted_3`… when it is taken. */
export function freeName(wanted: string, taken: ReadonlySet<string>): string {
    if (!taken.has(wanted)) return wanted;
    let n = 2;
    while (taken.has(`${wanted}_${n}`)) n++;
    return `${wanted}_${n}`;
}

function shown(name: string): string {
    return name.length > TITLE_NAME_LENGTH ? `${name.slice(0, TITLE_NAME_LENGTH - 1)}…` : name;
}
