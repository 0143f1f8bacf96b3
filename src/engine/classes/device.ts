import type { ClassSpec } from '../model/class-spec.js';
import { itemOf, ONE_HOUR, sumOfItems, valueOf } from '../formulas/formula-values.js';
import { ItemMemo } from '../formulas/incremental-items.js';
import { nodeOf, onEach, own } from '../formulas/operands.js';
import { multiply, quantity, scalarOf } from '../model/values.js';
import { Dimension } from '../units/dimension.js';

const MASS = Dimension.base('mass');

/** An end-user device (laptop, smartphone, box, screen): fabrication share and energy while in use. */
export const Device: ClassSpec = {
    className: 'Device',
    extends: ['HardwareBase'],
    keyword: 'device',
    article: 'a device',
    description: 'A user device; its footprint counts while users are in a journey.',
    typicalInputs: ['carbon_footprint_fabrication', 'power', 'lifespan', 'fraction_of_usage_time'],
    category: 'Devices',
    inputs: [
        {
            type: 'quantity', name: 'carbon_footprint_fabrication', label: 'Carbon footprint fabrication', unit: 'kg',
            // e-footprint's defaults cite no source (its hypothesis); its archetypes cite ADEME and DATA.AI
            default: { value: 150, unit: 'kg' }, min: 0,
            description: 'Emissions of making one device.'
        },
        {
            type: 'quantity', name: 'power', label: 'Power', unit: 'W', default: { value: 50, unit: 'W' }, min: 0,
            description: 'Electric power drawn while in use.'
        },
        {
            type: 'quantity', name: 'lifespan', label: 'Lifespan', unit: 'year', default: { value: 6, unit: 'year' }, min: 0, exclusiveMin: true,
            description: 'How long a device is used before it is replaced.'
        },
        {
            type: 'quantity', name: 'fraction_of_usage_time', label: 'Fraction of usage time', unit: 'h/day',
            default: { value: 7, unit: 'h/day' }, min: 0, max: 24, exclusiveMin: true,
            description: 'Share of the time a device is in use over its life (its fabrication is spread over that time).'
        }
    ],
    calculated: [
        {
            name: 'energy_footprint_per_usage_pattern',
            label: 'Usage footprint per usage pattern',
            unit: 'kg',
            itemLabel: p => `Usage footprint for ${p.name}`,
            define(device, model) {
                const patterns = model.relations.patternsOfDevice(device);
                const power = nodeOf(device, 'power');
                const parallel = onEach(patterns.map(p => p.ref('usage_journey')!), 'nb_usage_journeys_in_parallel_per_usage_pattern');
                const intensities = onEach(patterns.map(p => p.ref('country')!), 'average_carbon_intensity');
                const items = new ItemMemo(nodeOf(device, 'energy_footprint_per_usage_pattern'));
                return {
                    operands: { power, nb_usage_journeys_in_parallel_per_usage_pattern: parallel, average_carbon_intensity: intensities },
                    formula: 'nb_usage_journeys_in_parallel_per_usage_pattern × power × 1 h × country.average_carbon_intensity',
                    compute() {
                        const watts = scalarOf(valueOf(power), 'power');
                        // after one pattern changes, the other patterns' items are kept (ItemMemo)
                        return items.map(patterns, (p, i) => [itemOf(parallel[i], p), watts, valueOf(intensities[i])], (p, i) => {
                            const intensity = scalarOf(valueOf(intensities[i]), 'average_carbon_intensity');
                            return multiply(itemOf(parallel[i], p), quantity(watts * ONE_HOUR * intensity, MASS));
                        });
                    }
                };
            }
        },
        {
            name: 'energy_footprint',
            label: 'Devices energy footprint',
            unit: 'kg',
            min: 0,
            define: device => sumOfItems(device, 'energy_footprint_per_usage_pattern', MASS)
        },
        {
            name: 'instances_fabrication_footprint_per_usage_pattern',
            label: 'Fabrication footprint per usage pattern',
            unit: 'kg',
            itemLabel: p => `Fabrication footprint for ${p.name}`,
            define(device, model) {
                const patterns = model.relations.patternsOfDevice(device);
                const mine = own(device, ['carbon_footprint_fabrication', 'lifespan', 'fraction_of_usage_time']);
                const { carbon_footprint_fabrication: fabrication, lifespan, fraction_of_usage_time: usage } = mine;
                const parallel = onEach(patterns.map(p => p.ref('usage_journey')!), 'nb_usage_journeys_in_parallel_per_usage_pattern');
                const items = new ItemMemo(nodeOf(device, 'instances_fabrication_footprint_per_usage_pattern'));
                return {
                    operands: { ...mine, nb_usage_journeys_in_parallel_per_usage_pattern: parallel },
                    formula: 'nb_usage_journeys_in_parallel_per_usage_pattern × carbon_footprint_fabrication × 1 h / (lifespan × fraction_of_usage_time)',
                    compute() {
                        const perHour = scalarOf(valueOf(fabrication), 'carbon_footprint_fabrication') * ONE_HOUR
                            / (scalarOf(valueOf(lifespan), 'lifespan') * scalarOf(valueOf(usage), 'fraction_of_usage_time'));
                        return items.map(patterns, (p, i) => [itemOf(parallel[i], p), perHour], (p, i) => multiply(itemOf(parallel[i], p), quantity(perHour, MASS)));
                    }
                };
            }
        },
        {
            name: 'instances_fabrication_footprint',
            label: 'Devices fabrication footprint',
            unit: 'kg',
            min: 0,
            define: device => sumOfItems(device, 'instances_fabrication_footprint_per_usage_pattern', MASS)
        }
    ]
};
