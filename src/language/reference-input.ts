import type { AstNode } from 'langium';
import {
    isAttribute, isBinaryExpression, isListExpression, isObjectDecl, isReference, isScenarioChange, type ObjectDecl
} from './generated/ast.js';
import { acceptedClasses, classForKeyword, classSpec, type InputSpec, type ReferenceInputSpec } from '../engine/index.js';

/**
 * The reference input a name is written in, when its place says which one: `storage: disk` in a server,
 * `uj_steps: [browse, checkout * 2]` in a journey, `on api` after a job, `web.storage: disk` in a scenario.
 * A name followed by members (`disk.power`) names a value, not an object: none.
 */
export function referenceInputAt(container: AstNode, property: string): ReferenceInputSpec | undefined {
    if (isObjectDecl(container) && property === 'runsOn') {
        const spec = classForKeyword(container.kind);
        return asReference(spec?.inputs.find(i => i.name === spec.onInput));
    }
    if (!isReference(container) || property !== 'target' || container.members.length > 0) return undefined;
    let value: AstNode = container;
    // `checkout * 2` (or `2 * checkout`) in a weighted list
    const around = value.$container;
    if (isBinaryExpression(around) && around.operator === '*' && isListExpression(around.$container)) value = around;
    if (isListExpression(value.$container)) value = value.$container;
    const holder = value.$container;
    if (isAttribute(holder) && holder.value === value && isObjectDecl(holder.$container)) return inputOf(holder.$container, holder.name);
    if (isScenarioChange(holder) && holder.value === value) {
        const object = holder.object.ref;
        return isObjectDecl(object) ? inputOf(object, holder.attribute) : undefined;
    }
    return undefined;
}

/** The keywords of the kinds of object the input takes (`storage`; a step's jobs: `job`, `gpu_job`, …). */
export function kindsOf(input: ReferenceInputSpec): readonly string[] {
    let kinds = KINDS.get(input);
    if (!kinds) KINDS.set(input, (kinds = acceptedClasses(input).flatMap(c => classSpec(c)?.keyword ?? [])));
    return kinds;
}

/** One list per input: a generated file may name 100,000 objects it does not declare. */
const KINDS = new WeakMap<ReferenceInputSpec, readonly string[]>();

function inputOf(object: ObjectDecl, name: string): ReferenceInputSpec | undefined {
    return asReference(classForKeyword(object.kind)?.inputs.find(i => i.name === name));
}

function asReference(input: InputSpec | undefined): ReferenceInputSpec | undefined {
    return input && (input.type === 'ref' || input.type === 'refs' || input.type === 'weighted') ? input : undefined;
}
