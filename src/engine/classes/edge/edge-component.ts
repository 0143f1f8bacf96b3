import type { CalculatedSpec, InputSpec } from '../../model/class-spec.js';
import { itemOf, mapItems, ONE_HOUR, sumOfItems, valueOf, positionsOf } from '../../formulas/formula-values.js';
import { formula, nodeOf, onEach, own } from '../../formulas/operands.js';
import { add, divide, EMPTY, multiply, quantity, subtract, sum, ValueError, type NumericValue } from '../../model/values.js';
import type { EfpObject } from '../../model/efp-object.js';
import type { Node } from '../../model/node.js';
import { Dimension } from '../../units/dimension.js';
import { isWorkloadComponent } from './component-units.js';

export const MASS = Dimension.base('mass');
export const ENERGY = MASS.multiply(Dimension.base('length', 2)).divide(Dimension.base('time', 2));
const ONE_HOUR_VALUE = quantity(ONE_HOUR, Dimension.base('time'));

/** Each pattern's number of devices in use, hour by hour (its journey's journeys in parallel). */
export function parallelNodes(patterns: readonly EfpObject[]): Node[] {
    return onEach(patterns.map(p => p.ref('edge_usage_journey')!), 'nb_edge_usage_journeys_in_parallel_per_edge_usage_pattern');
}

/** The quantity inputs every edge component has, with its class's defaults (undefined: no such input). */
export function componentInputs(defaults: { fabrication?: number; power?: number; idle?: number; lifespan?: boolean }): InputSpec[] {
    const inputs: InputSpec[] = [];
    if (defaults.fabrication !== undefined) {
        inputs.push({
            type: 'quantity', name: 'carbon_footprint_fabrication_per_unit', label: 'Carbon footprint fabrication per unit', unit: 'kg',
            default: { value: defaults.fabrication, unit: 'kg' }, min: 0, description: 'Emissions of making one unit of the component.'
        });
    }
    if (defaults.power !== undefined) {
        inputs.push({
            type: 'quantity', name: 'power_per_unit', label: 'Power per unit', unit: 'W', default: { value: defaults.power, unit: 'W' }, min: 0,
            description: 'Power one fully loaded unit draws.'
        });
    }
    if (defaults.lifespan) {
        inputs.push({
            type: 'quantity', name: 'lifespan', label: 'Lifespan', unit: 'year', default: { value: 6, unit: 'year' }, min: 0, exclusiveMin: true,
            description: 'How long a unit is used before it is replaced; its fabrication is spread over it.'
        });
    }
    if (defaults.idle !== undefined) {
        inputs.push({
            type: 'quantity', name: 'idle_power_per_unit', label: 'Idle power per unit', unit: 'W', default: { value: defaults.idle, unit: 'W' }, min: 0,
            description: 'Power one idle unit draws.'
        });
    }
    inputs.push({
        type: 'quantity', name: 'nb_of_units', label: 'Number of units', unit: '', default: { value: 1, unit: '' }, min: 0,
        description: 'Identical units the component is made of.'
    });
    return inputs;
}

/** `a × b` of two of the object's values. */
export function product(name: string, label: string, unit: string, a: string, b: string): CalculatedSpec {
    return {
        name, label, unit,
        define(object) {
            const operands = own(object, [a, b]);
            const { [a]: x, [b]: y } = operands;
            return formula(operands, `${a} × ${b}`, () => multiply(valueOf(x), valueOf(y)));
        }
    };
}

/**
 * Σ of the needs' `attribute` for each pattern the component takes part in: the load on one device. With
 * `limit`, a peak above the object's `limit` value is an error (e-footprint's InsufficientCapacityError).
 */
export function loadPerPattern(name: string, label: string, unit: string, attribute: string, limit?: string): CalculatedSpec {
    return {
        name, label, unit, itemLabel: p => `${label} for ${p.name}`,
        define(component, model) {
            const patterns = model.relations.edge.patternsOfComponent(component);
            const needs = model.relations.edge.needsOfComponent(component);
            const nodes = onEach(needs, attribute);
            const limitNode = limit ? nodeOf(component, limit) : undefined;
            return formula(limit && limitNode ? { [attribute]: nodes, [limit]: limitNode } : { [attribute]: nodes },
                `Σ over the component's needs of ${attribute}${limit ? `, at most ${limit}` : ''}`,
                () => mapItems(patterns, p => {
                    const load = sum(needs.map((n, i) => model.relations.edge.patternsOfNeed(n).includes(p) ? itemOf(nodes[i], p) : EMPTY));
                    if (limitNode) requireAtMost(load, valueOf(limitNode), limit!);
                    return load;
                }));
        }
    };
}

/** Throws when a load's peak is above a limit. */
export function requireAtMost(load: NumericValue, limit: NumericValue, what: string): void {
    if (load.kind !== 'hourly' || limit.kind !== 'quantity') return;
    if (load.series.max() > limit.value * (1 + 1e-9)) {
        throw new ValueError(`the peak need is ${+(load.series.max() / limit.value).toPrecision(4)} times the component's ${what}`);
    }
}

/**
 * Unitary power for each pattern: idle power plus the load's share of (power − idle power), or idle
 * power alone where nothing loads the component. `share` turns a pattern's load into that share.
 */
export function unitaryPower(loadAttribute: string, shareFormula: string, shareOperands: readonly string[],
    share: (load: NumericValue, operands: NumericValue[]) => NumericValue): CalculatedSpec {
    return {
        name: 'unitary_power_per_usage_pattern', label: 'Unitary power', unit: 'W', itemLabel: p => `Unitary power for ${p.name}`,
        define(component, model) {
            const patterns = model.relations.edge.patternsOfComponent(component);
            const operands = own(component, [loadAttribute, 'power', 'idle_power', ...shareOperands]);
            const { [loadAttribute]: load, power, idle_power: idle } = operands;
            const others = shareOperands.map(a => operands[a]);
            return formula(operands, `idle_power + (power − idle_power) × ${shareFormula}`, () => mapItems(patterns, p => {
                const l = itemOf(load, p);
                if (l.kind === 'empty') return valueOf(idle);
                return add(valueOf(idle), multiply(subtract(valueOf(power), valueOf(idle)), share(l, others.map(valueOf))));
            }));
        }
    };
}

/**
 * What every component computes once it has its fabrication footprint and unitary power: per device
 * and per pattern, fabrication spread over the lifespan and energy, hour by hour, for every device in use.
 */
export function footprintCalculations(): CalculatedSpec[] {
    return [
        {
            name: 'fabrication_footprint_per_edge_device_per_usage_pattern', label: 'Hourly fabrication footprint per edge device', unit: 'kg',
            itemLabel: p => `Hourly fabrication footprint per edge device for ${p.name}`,
            define(component, model) {
                const patterns = model.relations.edge.patternsOfComponent(component);
                const at = positionsOf(patterns);
                const mine = own(component, ['carbon_footprint_fabrication', 'lifespan']);
                const { carbon_footprint_fabrication: fabrication, lifespan } = mine;
                const parallel = parallelNodes(patterns);
                return formula({ ...mine, nb_edge_usage_journeys_in_parallel_per_edge_usage_pattern: parallel },
                    'nb_edge_usage_journeys_in_parallel_per_edge_usage_pattern × carbon_footprint_fabrication / lifespan × 1 h',
                    () => mapItems(patterns, p => multiply(itemOf(parallel[at.get(p)!], p),
                        multiply(divide(valueOf(fabrication), valueOf(lifespan)), ONE_HOUR_VALUE))));
            }
        },
        {
            name: 'energy_per_edge_device_per_usage_pattern', label: 'Hourly energy consumed per edge device', unit: 'Wh', unitOf: energyUnit,
            itemLabel: p => `Hourly energy consumed by per edge device for ${p.name}`,
            define(component, model) {
                const patterns = model.relations.edge.patternsOfComponent(component);
                const at = positionsOf(patterns);
                const power = nodeOf(component, 'unitary_power_per_usage_pattern');
                const parallel = parallelNodes(patterns);
                return formula({ unitary_power_per_usage_pattern: power, nb_edge_usage_journeys_in_parallel_per_edge_usage_pattern: parallel },
                    'nb_edge_usage_journeys_in_parallel_per_edge_usage_pattern × unitary_power_per_usage_pattern × 1 h',
                    () => mapItems(patterns, p => multiply(itemOf(parallel[at.get(p)!], p), multiply(itemOf(power, p), ONE_HOUR_VALUE))));
            }
        },
        {
            name: 'energy_footprint_per_edge_device_per_usage_pattern', label: 'Energy footprint per edge device', unit: 'kg',
            itemLabel: p => `Energy footprint per edge device for ${p.name}`,
            define(component, model) {
                const patterns = model.relations.edge.patternsOfComponent(component);
                const at = positionsOf(patterns);
                const energy = nodeOf(component, 'energy_per_edge_device_per_usage_pattern');
                const intensity = onEach(patterns.map(p => p.ref('country')!), 'average_carbon_intensity');
                return formula({ energy_per_edge_device_per_usage_pattern: energy, average_carbon_intensity: intensity },
                    'energy_per_edge_device_per_usage_pattern × country.average_carbon_intensity',
                    () => mapItems(patterns, p => multiply(itemOf(energy, p), valueOf(intensity[at.get(p)!]))));
            }
        },
        {
            name: 'fabrication_footprint_per_edge_device', label: 'Total fabrication footprint per edge device across usage patterns', unit: 'kg',
            define: component => sumOfItems(component, 'fabrication_footprint_per_edge_device_per_usage_pattern', MASS)
        },
        {
            name: 'energy_per_edge_device', label: 'Total energy consumed per edge device across usage patterns', unit: 'Wh', unitOf: energyUnit,
            define: component => sumOfItems(component, 'energy_per_edge_device_per_usage_pattern', ENERGY)
        },
        {
            name: 'energy_footprint_per_edge_device', label: 'Total energy footprint per edge device across usage patterns', unit: 'kg',
            define: component => sumOfItems(component, 'energy_footprint_per_edge_device_per_usage_pattern', MASS)
        }
    ];
}

/** e-footprint's unit of an energy: watt-hours per device in parallel (a workload is itself in `concurrent`). */
export function energyUnit(component: EfpObject): string {
    return isWorkloadComponent(component) ? 'concurrent^2*h*W' : 'concurrent*h*W';
}

/** carbon_footprint_fabrication, power and idle_power of a component made of nb_of_units units. */
export function perUnitTotals(): CalculatedSpec[] {
    return [
        product('carbon_footprint_fabrication', 'Carbon footprint fabrication', 'kg', 'carbon_footprint_fabrication_per_unit', 'nb_of_units'),
        product('power', 'Power', 'W', 'power_per_unit', 'nb_of_units'),
        product('idle_power', 'Idle power', 'W', 'idle_power_per_unit', 'nb_of_units')
    ];
}
