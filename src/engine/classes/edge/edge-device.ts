import type { CalculatedSpec, ClassSpec, FormulaDefinition, FormulaOperands, RefsInputSpec } from '../../model/class-spec.js';
import { itemOf, mapItems, ONE_HOUR, sumOfItems, valueOf, positionsOf } from '../../formulas/formula-values.js';
import { divide, EMPTY, multiply, quantity, sum, ValueError, type NumericValue } from '../../model/values.js';
import type { EfpObject } from '../../model/efp-object.js';
import type { Model } from '../../model/model.js';
import type { Node } from '../../model/node.js';
import { CHECK_HAS_NO_VALUE } from '../../model/empty-reason.js';
import { Dimension } from '../../units/dimension.js';
import { ENERGY, MASS, parallelNodes } from './edge-component.js';
import { formula, nodeOf, onEach, own } from '../../formulas/operands.js';

const ONE_HOUR_VALUE = quantity(ONE_HOUR, Dimension.base('time'));

export const componentsInput: RefsInputSpec = {
    type: 'refs', name: 'components', label: 'Components', classes: ['EdgeComponent'],
    description: 'The components the device is made of (CPU, RAM, storage, workload components).'
};

/**
 * The inputs a component's fabrication is the product of: per unit × units, or for a storage per
 * capacity × capacity per unit × units.
 */
const FABRICATION_INPUTS = ['carbon_footprint_fabrication_per_unit', 'carbon_footprint_fabrication_per_storage_capacity', 'storage_capacity_per_unit', 'nb_of_units'] as const;
type FabricationInput = typeof FABRICATION_INPUTS[number];

/**
 * A component's fabrication from its inputs alone: what the device books for a component no need loads
 * in a pattern.
 */
function fabricationFromInputs(component: EfpObject): { names: readonly FabricationInput[]; nodes: Node[]; value: () => NumericValue } {
    const names: readonly FabricationInput[] = component.className === 'EdgeStorage'
        ? ['carbon_footprint_fabrication_per_storage_capacity', 'storage_capacity_per_unit', 'nb_of_units']
        : ['carbon_footprint_fabrication_per_unit', 'nb_of_units'];
    const nodes = names.map(n => nodeOf(component, n));
    return { names, nodes, value: () => nodes.map(valueOf).reduce((a, b) => multiply(a, b)) };
}

/**
 * Where a component is deployed (its device is) but nothing loads it, it is part of the chassis: its
 * fabrication is spread over its lifespan for every device in use, as the structure's is. Nothing when
 * its fabrication is 0.
 */
interface Unused { readonly operands: FormulaOperands; readonly operandOrder: readonly Node[]; value(component: EfpObject, pattern: EfpObject): NumericValue }

/** The unused fabrication, as the formulas that book it say it. */
const UNUSED_FABRICATION = 'carbon_footprint_fabrication_per_unit × nb_of_units (for a storage carbon_footprint_fabrication_per_storage_capacity'
    + ' × storage_capacity_per_unit × nb_of_units) / lifespan × 1 h × nb_edge_usage_journeys_in_parallel_per_edge_usage_pattern';

function unusedFabrication(device: EfpObject, model: Model): Unused {
    const byComponent = new Map(device.list('components').map(c => [c, { fab: fabricationFromInputs(c), lifespan: nodeOf(c, 'lifespan') }]));
    const patterns = model.relations.edge.patternsOfDevice(device);
    const parallelOfPatterns = parallelNodes(patterns);
    const parallel = new Map(patterns.map((p, i) => [p, parallelOfPatterns[i]]));
    // each input under its name, over the components that have it (a storage's, the others'); every name
    // is there, as the text names them all
    const inputs: Record<FabricationInput, Node[]> = {
        carbon_footprint_fabrication_per_unit: [], carbon_footprint_fabrication_per_storage_capacity: [], storage_capacity_per_unit: [], nb_of_units: []
    };
    const lifespans: Node[] = [];
    for (const { fab, lifespan } of byComponent.values()) {
        fab.names.forEach((name, i) => inputs[name].push(fab.nodes[i]));
        lifespans.push(lifespan);
    }
    return {
        operands: { ...inputs, lifespan: lifespans, nb_edge_usage_journeys_in_parallel_per_edge_usage_pattern: [...parallel.values()] },
        // component by component, then the patterns
        operandOrder: [...[...byComponent.values()].flatMap(x => [...x.fab.nodes, x.lifespan]), ...parallel.values()],
        value(component, pattern) {
            const c = byComponent.get(component)!;
            const fabrication = c.fab.value();
            if (fabrication.kind === 'quantity' && fabrication.value === 0) return EMPTY;
            return multiply(itemOf(parallel.get(pattern)!, pattern), multiply(divide(fabrication, valueOf(c.lifespan)), ONE_HOUR_VALUE));
        }
    };
}

function perPatternOfDevice(name: string, label: string, unit: string, itemLabel: string,
    define: (device: EfpObject, model: Model) => Omit<FormulaDefinition, 'compute'> & { item: (pattern: EfpObject) => NumericValue }): CalculatedSpec {
    return {
        name, label, unit, itemLabel: p => `${itemLabel} for ${p.name}`,
        define(device, model) {
            const patterns = model.relations.edge.patternsOfDevice(device);
            const d = define(device, model);
            return { operands: d.operands, operandOrder: d.operandOrder, formula: d.formula, compute: () => mapItems(patterns, d.item) };
        }
    };
}

/** Σ over the device's components of their per-pattern `attribute`, × total_nb_of_units. */
function componentsSum(name: string, label: string, unit: string, itemLabel: string, attribute: string): CalculatedSpec {
    return perPatternOfDevice(name, label, unit, itemLabel, device => {
        const components = onEach(device.list('components'), attribute);
        const nb = nodeOf(device, 'total_nb_of_units');
        return {
            operands: { total_nb_of_units: nb, [attribute]: components }, formula: `total_nb_of_units × Σ over components of ${attribute}`,
            item: p => multiply(valueOf(nb), sum(components.map(c => itemOf(c, p))))
        };
    });
}

/** An edge device's calculations, from its structure's fabrication and its components' footprints. */
export const edgeDeviceCalculations: CalculatedSpec[] = [
    {
        name: 'lifespan_validation', label: 'Lifespan validation', unit: '', emptyBecause: CHECK_HAS_NO_VALUE,
        define(device, model) {
            const patterns = model.relations.edge.patternsOfDevice(device);
            const journeys = [...new Set(patterns.map(p => p.ref('edge_usage_journey')!))];
            const lifespan = nodeOf(device, 'lifespan');
            const spans = onEach(journeys, 'usage_span');
            return {
                operands: { lifespan, usage_span: spans }, formula: 'none: checks that lifespan is at least every usage_span of the journeys that deploy the device',
                compute() {
                    const l = valueOf(lifespan);
                    spans.forEach((s, i) => {
                        const span = valueOf(s);
                        if (l.kind === 'quantity' && span.kind === 'quantity' && l.value < span.value) {
                            throw new ValueError(`the device's lifespan is shorter than the usage_span of ${journeys[i]}`);
                        }
                    });
                    return EMPTY;
                }
            };
        }
    },
    {
        name: 'component_needs_edge_device_validation', label: 'Component needs edge device validation', unit: '', emptyBecause: CHECK_HAS_NO_VALUE,
        define(device, model) {
            // the component needs of the device needs on this device must load this device's components
            const deviceNeeds = model.instances.filter(o => model.registry.isA(o.className, 'RecurrentEdgeDeviceNeed') && o.ref('edge_device') === device);
            const misplaced = deviceNeeds.flatMap(dn => dn.list('recurrent_edge_component_needs').map(need => ({ dn, need })))
                .find(({ need }) => {
                    const owner = model.relations.edge.deviceOfComponent(need.ref('edge_component')!);
                    return owner !== undefined && owner !== device;
                });
            return {
                operands: {}, formula: 'none: checks that the needs on the device load its own components',
                compute() {
                    if (misplaced) {
                        throw new ValueError(`${misplaced.need} (in ${misplaced.dn}) loads a component of ${model.relations.edge.deviceOfComponent(misplaced.need.ref('edge_component')!)}, not of this device`);
                    }
                    return EMPTY;
                }
            };
        }
    },
    {
        // e-footprint: 1 in no group, else Σ over the groups holding the device of its count there × the
        // group's effective_nb_of_units_within_root (edge-device-group.ts); the footprints below scale with it
        name: 'total_nb_of_units', label: 'Total nb per ensemble', unit: '',
        define(device, model) {
            const groups = model.relations.edge.groupsOfDevice(device);
            if (groups.length === 0) return formula({}, '1: the device is in no group', () => quantity(1));
            const effective = onEach(groups.map(g => g.group), 'effective_nb_of_units_within_root');
            return formula({ effective_nb_of_units_within_root: effective },
                'Σ over the groups holding the device of its count there × their effective_nb_of_units_within_root',
                () => sum(groups.map((g, i) => multiply(quantity(g.count), valueOf(effective[i])))));
        }
    },
    perPatternOfDevice('structure_fabrication_footprint_per_usage_pattern', 'Hourly structure fabrication footprint', 'kg', 'Hourly structure fabrication footprint',
        (device, model) => {
            const mine = own(device, ['total_nb_of_units', 'structure_carbon_footprint_fabrication', 'lifespan']);
            const { total_nb_of_units: nb, structure_carbon_footprint_fabrication: structure, lifespan } = mine;
            const patterns = model.relations.edge.patternsOfDevice(device);
            const at = positionsOf(patterns);
            const parallel = parallelNodes(patterns);
            return {
                operands: { ...mine, nb_edge_usage_journeys_in_parallel_per_edge_usage_pattern: parallel },
                formula: 'total_nb_of_units × nb_edge_usage_journeys_in_parallel_per_edge_usage_pattern × structure_carbon_footprint_fabrication / lifespan × 1 h',
                item: p => multiply(multiply(valueOf(nb), itemOf(parallel[at.get(p)!], p)),
                    multiply(divide(valueOf(structure), valueOf(lifespan)), ONE_HOUR_VALUE))
            };
        }),
    perPatternOfDevice('instances_fabrication_footprint_per_usage_pattern', 'Hourly instances fabrication footprint', 'kg', 'Hourly instances fabrication footprint',
        (device, model) => {
            const mine = own(device, ['total_nb_of_units', 'structure_fabrication_footprint_per_usage_pattern']);
            const { total_nb_of_units: nb, structure_fabrication_footprint_per_usage_pattern: structure } = mine;
            const components = device.list('components');
            const fabrication = onEach(components, 'fabrication_footprint_per_edge_device_per_usage_pattern');
            const unused = unusedFabrication(device, model);
            return {
                operands: { ...mine, fabrication_footprint_per_edge_device_per_usage_pattern: fabrication, ...unused.operands },
                operandOrder: [nb, structure, ...fabrication, ...unused.operandOrder],
                formula: 'structure_fabrication_footprint_per_usage_pattern + total_nb_of_units × Σ over components of fabrication_footprint_per_edge_device_per_usage_pattern'
                    + ` (for a component no need loads in the pattern: ${UNUSED_FABRICATION})`,
                item: p => sum([itemOf(structure, p), multiply(valueOf(nb), sum(components.map((c, i) =>
                    model.relations.edge.patternsOfComponent(c).includes(p) ? itemOf(fabrication[i], p) : unused.value(c, p))))], MASS)
            };
        }),
    componentsSum('instances_energy_per_usage_pattern', 'Hourly energy consumed by instances', 'concurrent*h*W', 'Hourly energy consumed by instances', 'energy_per_edge_device_per_usage_pattern'),
    componentsSum('energy_footprint_per_usage_pattern', 'Energy footprint', 'kg', 'Energy footprint', 'energy_footprint_per_edge_device_per_usage_pattern'),
    {
        name: 'instances_fabrication_footprint', label: 'Total fabrication footprint across usage patterns', unit: 'kg', min: 0,
        define: device => sumOfItems(device, 'instances_fabrication_footprint_per_usage_pattern', MASS)
    },
    {
        // the structure's fabrication shared equally among the components, for the breakdown by source
        name: 'fabrication_footprint_breakdown_by_source', label: 'Fabrication footprint attributed', unit: 'kg',
        itemLabel: c => `Fabrication footprint attributed to ${c.name}`,
        define(device, model) {
            const components = device.list('components');
            const patterns = model.relations.edge.patternsOfDevice(device);
            const mine = own(device, ['total_nb_of_units', 'structure_fabrication_footprint_per_usage_pattern']);
            const { total_nb_of_units: nb, structure_fabrication_footprint_per_usage_pattern: structure } = mine;
            const perDevice = onEach(components, 'fabrication_footprint_per_edge_device');
            const unused = unusedFabrication(device, model);
            return {
                operands: { ...mine, fabrication_footprint_per_edge_device: perDevice, ...unused.operands },
                operandOrder: [nb, structure, ...perDevice, ...unused.operandOrder],
                formula: 'total_nb_of_units × (fabrication_footprint_per_edge_device + its unused fabrication) + Σ structure_fabrication_footprint_per_usage_pattern / number of components'
                    + ` (a component's unused fabrication, in each pattern no need loads it: ${UNUSED_FABRICATION})`,
                compute() {
                    if (components.length === 0) return mapItems([], () => EMPTY);
                    const structureTotal = sum(patterns.map(p => itemOf(structure, p)), MASS);
                    const share = divide(structureTotal, quantity(components.length));
                    return mapItems(components, c => {
                        const idle = patterns.filter(p => !model.relations.edge.patternsOfComponent(c).includes(p)).map(p => unused.value(c, p));
                        return sum([multiply(valueOf(nb), sum([valueOf(perDevice[components.indexOf(c)]), ...idle], MASS)), share], MASS);
                    });
                }
            };
        }
    },
    {
        name: 'instances_energy', label: 'Total energy consumed across usage patterns', unit: 'concurrent*h*W',
        define: device => sumOfItems(device, 'instances_energy_per_usage_pattern', ENERGY)
    },
    {
        name: 'energy_footprint', label: 'Total energy footprint across usage patterns', unit: 'kg', min: 0,
        define: device => sumOfItems(device, 'energy_footprint_per_usage_pattern', MASS)
    }
];

/** A custom edge device: a structure (chassis) and its components. */
export const EdgeDevice: ClassSpec = {
    className: 'EdgeDevice',
    extends: ['ModelingObject'],
    keyword: 'edge_device',
    article: 'an edge device',
    description: 'A piece of edge hardware (sensor, gateway, controller) made of components and a structure.',
    typicalInputs: ['components', 'structure_carbon_footprint_fabrication'],
    category: 'EdgeDevices',
    inputs: [
        {
            type: 'quantity', name: 'lifespan', label: 'Lifespan', unit: 'year', default: { value: 6, unit: 'year' }, min: 0, exclusiveMin: true,
            description: 'How long a device is used before it is replaced (at least its journeys\' usage span).'
        },
        {
            type: 'quantity', name: 'structure_carbon_footprint_fabrication', label: 'Structure fabrication carbon footprint', unit: 'kg',
            default: { value: 50, unit: 'kg' }, min: 0, description: 'Emissions of making the chassis, components apart.'
        },
        componentsInput
    ],
    calculated: edgeDeviceCalculations
};
