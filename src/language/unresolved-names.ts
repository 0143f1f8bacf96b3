import type { AstNode, LangiumDocument } from 'langium';
import { isAttribute, isObjectDecl, isScenarioChange, isSourceAnnotation } from './generated/ast.js';

/**
 * Where a document's text names something unknown, each said by its linking error: the model is still
 * described and checked for the rest of its text (a unit error in another object is found in the same
 * pass), with these left out so that nothing is reported again because of them.
 */
export interface UnresolvedNames {
    /** Attributes and scenario changes whose value (or, for a change, whose object) names something unknown. */
    readonly values: ReadonlySet<AstNode>;
    /** Objects whose `on` names something unknown. */
    readonly runsOn: ReadonlySet<AstNode>;
    /** Objects whose `from` names something unknown. */
    readonly archetypes: ReadonlySet<AstNode>;
}

/** The names of a document that did not resolve; undefined when all did (the usual case, found in one pass of its references). */
export function unresolvedNames(document: LangiumDocument): UnresolvedNames | undefined {
    let found: { values: Set<AstNode>; runsOn: Set<AstNode>; archetypes: Set<AstNode> } | undefined;
    for (const reference of document.references) {
        const info = reference.error?.info;
        if (!info) continue;
        found ??= { values: new Set(), runsOn: new Set(), archetypes: new Set() };
        const container = info.container;
        if (isObjectDecl(container)) {
            (info.property === 'archetype' ? found.archetypes : found.runsOn).add(container);
            continue;
        }
        // an unknown source leaves the value as it is: it is only said where the value comes from
        if (isSourceAnnotation(container)) continue;
        // the attribute (or scenario change) whose value holds the name, however deep in its expression
        let node: AstNode | undefined = container;
        while (node && !isAttribute(node) && !isScenarioChange(node)) node = node.$container;
        if (node) found.values.add(node);
    }
    return found;
}
