import type { Model } from '../model/model.js';
import type { EfpObject } from '../model/efp-object.js';
import type { Node, NodeValue } from '../model/node.js';
import type { NumericValue } from '../model/values.js';
import { parseUnit, pintName } from '../units/unit.js';
import { formatUtcHour } from '../series/calendar.js';
import { CATEGORIES, systemFootprints, systemsOf } from '../model/footprint-totals.js';
import { totalOf } from '../model/values.js';

/**
 * The model's inputs and calculated attributes in the shape of e-footprint's reference outputs
 * (`{objects: {id: {class, name, inputs, calculated}}, system_totals}`), with e-footprint's units, so
 * the two can be compared directly.
 */
export type JsonValue =
    | { kind: 'quantity'; unit: string; value: number; label?: string }
    | { kind: 'hourly'; unit: string; start_date: string; n: number; sum: number; min: number; max: number; values: number[]; label?: string }
    | { kind: 'dict'; items: Record<string, JsonValue> }
    | { kind: 'ref'; class: string; name: string }
    | { kind: 'list'; items: JsonValue[] }
    | { kind: 'object'; value: string; label?: string }
    | { kind: 'empty' };

export interface JsonObject {
    class: string;
    name: string;
    inputs: Record<string, JsonValue>;
    calculated: Record<string, JsonValue>;
}

export interface ReferenceJson {
    efp_version: string;
    efootprint_version: string;
    objects: Record<string, JsonObject>;
    system_totals?: Record<string, Record<string, unknown>>;
}

export function numericToJson(value: NumericValue | undefined, unit: string, label?: string): JsonValue {
    if (value === undefined || value.kind === 'empty') return { kind: 'empty' };
    const factor = parseUnit(unit).factor;
    const pint = pintName(unit);
    if (value.kind === 'quantity') return { kind: 'quantity', unit: pint, value: value.value / factor, label };
    const src = value.series.base;
    const scale = value.series.factor / factor;
    const values = new Array<number>(src.length);
    let sum = 0, min = Infinity, max = -Infinity;
    for (let i = 0; i < src.length; i++) {
        const v = src[i] * scale;
        values[i] = v;
        sum += v;
        if (v < min) min = v;
        if (v > max) max = v;
    }
    return {
        kind: 'hourly', unit: pint, start_date: formatUtcHour(value.series.start), n: values.length,
        sum, min: values.length ? min : 0, max: values.length ? max : 0, values, label
    };
}

function nodeToJson(node: Node | undefined, label?: string): JsonValue {
    if (!node) return { kind: 'empty' };
    return valueToJson(node.value, node, label ?? node.label);
}

function valueToJson(value: NodeValue | undefined, node: Node, label: string): JsonValue {
    if (value?.kind === 'dict') {
        const items: Record<string, JsonValue> = {};
        for (const [key, item] of value.items) items[key.name] = numericToJson(item, node.unit, node.itemLabel?.(key) ?? label);
        return { kind: 'dict', items };
    }
    return numericToJson(value, node.unit, label);
}

function refJson(o: EfpObject): JsonValue {
    return { kind: 'ref', class: o.className, name: o.name };
}

function objectToJson(model: Model, object: EfpObject): JsonObject {
    const inputs: Record<string, JsonValue> = {};
    for (const spec of object.spec.inputs) {
        switch (spec.type) {
            case 'quantity':
            case 'hourly':
                inputs[spec.name] = nodeToJson(model.findNode(object.key, spec.name), spec.label);
                break;
            case 'ref': {
                const target = object.ref(spec.name);
                inputs[spec.name] = target ? refJson(target) : { kind: 'empty' };
                break;
            }
            case 'refs':
                inputs[spec.name] = { kind: 'list', items: object.list(spec.name).map(refJson) };
                break;
            case 'weighted': {
                const items: Record<string, JsonValue> = {};
                for (const w of object.weights(spec.name)) {
                    items[w.object.name] = { kind: 'quantity', unit: 'dimensionless', value: w.weight, label: spec.weightLabel };
                }
                inputs[spec.name] = { kind: 'dict', items };
                break;
            }
            case 'enum':
            case 'text': {
                const text = object.text(spec.name);
                inputs[spec.name] = text === undefined ? { kind: 'empty' } : { kind: 'object', value: text, label: spec.label };
                break;
            }
        }
    }
    const calculated: Record<string, JsonValue> = {};
    for (const spec of object.spec.calculated) {
        calculated[spec.name] = nodeToJson(model.findNode(object.key, spec.name));
    }
    return { class: object.className, name: object.name, inputs, calculated };
}

/** e-footprint's system totals: fabrication and energy summed over the period, by category and object. */
export function systemTotalsJson(model: Model, system: EfpObject): Record<string, Record<string, unknown>> {
    const footprints = systemFootprints(model, system);
    const totals: Record<string, Record<string, unknown>> = {
        total_fabrication_footprint_sum_over_period: {},
        total_energy_footprint_sum_over_period: {},
        fabrication_footprint_sum_over_period: {},
        energy_footprint_sum_over_period: {}
    };
    const kg = (value: number, label: string) => ({ kind: 'quantity', unit: 'kilogram', value, label });
    for (const category of CATEGORIES) {
        const members = footprints.filter(f => f.category === category);
        const fabrication: Record<string, unknown> = {};
        const energy: Record<string, unknown> = {};
        let fabricationTotal = 0, energyTotal = 0;
        for (const f of members) {
            const fab = totalOf(f.fabrication), en = totalOf(f.energy);
            fabricationTotal += fab;
            energyTotal += en;
            fabrication[f.object.name] = kg(fab, `${f.object.name} fabrication footprints summed over modeling period`);
            energy[f.object.name] = kg(en, `${f.object.name} energy footprints summed over modeling period`);
        }
        totals.total_fabrication_footprint_sum_over_period[category] = kg(fabricationTotal, `${category} total fabrication footprints summed over modeling period`);
        totals.total_energy_footprint_sum_over_period[category] = kg(energyTotal, `${category} total energy footprints summed over modeling period`);
        totals.fabrication_footprint_sum_over_period[category] = fabrication;
        totals.energy_footprint_sum_over_period[category] = energy;
    }
    return totals;
}

export const EFOOTPRINT_VERSION = '22.2.1';

export function modelToReferenceJson(model: Model, efpVersion: string): ReferenceJson {
    const objects: Record<string, JsonObject> = {};
    for (const object of model.instances) objects[object.key] = objectToJson(model, object);
    const system = systemsOf(model)[0];
    return {
        efp_version: efpVersion,
        efootprint_version: EFOOTPRINT_VERSION,
        objects,
        ...(system ? { system_totals: systemTotalsJson(model, system) } : {})
    };
}
