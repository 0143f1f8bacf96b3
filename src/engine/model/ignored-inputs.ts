import type { InputUse } from './class-spec.js';
import type { EfpObject, ResolvedInput } from './efp-object.js';
import type { Relations } from './relations.js';
import { parseUnit } from '../units/unit.js';

/** Why an input the model wrote changes nothing, and what to do about it. */
export interface IgnoredInput {
    readonly message: string;
    readonly hint: string;
}

/** An enumerated value as .efp writes it (`on_premise` for e-footprint's `on-premise`). */
function spelled(value: string): string {
    return value.replace(/-/g, '_');
}

function orList(values: readonly string[]): string {
    return values.length <= 1 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

/**
 * Whether `input`, written by the model for `object`'s input `name`, is left out by e-footprint
 * according to its `usedWhen`, and if so why: undefined when it is read (or when what decides is not
 * known, such as a storage no server uses, which other diagnostics speak of).
 */
export function ignoredBecause(name: string, use: InputUse, object: EfpObject, input: ResolvedInput, relations: Relations): IgnoredInput | undefined {
    switch (use.when) {
        case 'own-input': {
            const actual = object.text(use.input);
            if (actual === undefined || use.values.includes(actual)) return undefined;
            const wanted = use.values.map(spelled);
            return {
                message: `'${name}' only applies when ${use.input} is ${orList(wanted)}; ${object} is ${spelled(actual)}, so it is ignored`,
                hint: `Write ${use.input}: ${wanted[0]}, or remove ${name}.`
            };
        }
        case 'server-input': {
            const server = relations.serverOfStorage(object);
            const actual = server?.text(use.input);
            if (!server || actual === undefined || use.values.includes(actual)) return undefined;
            const wanted = use.values.map(spelled);
            return {
                message: `'${name}' only applies when the server's ${use.input} is ${orList(wanted)}; ${object} is on ${server}, which is ${spelled(actual)}, so it is ignored`,
                hint: `Remove ${name}, or write ${use.input}: ${wanted[0]} on ${server.id}.`
            };
        }
        case 'never': {
            // the value e-footprint sets itself, its default, is what its JSON and so an import write
            const fixed = input.spec.type === 'quantity' ? input.spec.default : undefined;
            if (fixed && isValue(input, fixed.value, fixed.unit)) return undefined;
            return {
                message: `'${name}' has no effect on ${object}: ${use.why}, so it is ignored`,
                hint: `Remove ${name}.`
            };
        }
    }
}

/** The input is written as this very number in some unit (`0 W`, `0.0 kW`, `1`): what e-footprint's JSON, and so an import, writes. */
function isValue(input: ResolvedInput, value: number, unit: string): boolean {
    const expr = input.expr;
    if (expr.kind !== 'number') return false;
    try {
        const written = parseUnit(expr.unit ?? '');
        const fixed = parseUnit(unit);
        return written.dimension.equals(fixed.dimension) && expr.value * written.factor === value * fixed.factor;
    } catch {
        // an unknown unit is reported where it is written
        return false;
    }
}
