import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadedModelOf } from '../../src/api/efp-model.js';
import { loadModel } from '../../src/api/load-model.js';

/**
 * The folders whose models show each calculated attribute's formula in the language reference, in this
 * order: a class's formulas are those of its first object met. A formula's text is made for an object
 * (it names that object's links), so the reference shows a real one, as a hover shows it, with the file
 * it comes from; an attribute no example computes shows none.
 */
export const FORMULA_EXAMPLE_FOLDERS = ['examples', 'examples/reference'] as const;

/** A formula as hovers show it, and the example it was read in (a path from the repository's root). */
export interface ShownFormula {
    readonly text: string;
    readonly example: string;
}

/** By class name, then attribute: the first formula of each calculated attribute in the examples. */
export type FormulaTexts = ReadonlyMap<string, ReadonlyMap<string, ShownFormula>>;

export async function formulaTexts(root: string): Promise<FormulaTexts> {
    const found = new Map<string, Map<string, ShownFormula>>();
    for (const folder of FORMULA_EXAMPLE_FOLDERS) {
        for (const name of readdirSync(join(root, folder)).filter(f => f.endsWith('.efp')).sort()) {
            const example = `${folder}/${name}`;
            const model = loadedModelOf(await loadModel(join(root, example))).model;
            if (!model) throw new Error(`${example} does not evaluate: the reference's formulas are read from it`);
            for (const node of model.nodes.values()) {
                if (node.kind !== 'calculated' || node.formula === '') continue;
                const attributes = found.get(node.object.className) ?? new Map<string, ShownFormula>();
                found.set(node.object.className, attributes);
                if (!attributes.has(node.attribute)) attributes.set(node.attribute, { text: node.formula, example });
            }
        }
    }
    return found;
}
