import { describe, expect, it } from 'vitest';
import { analyze, modelOf } from '../../helpers/model-from-text.js';
import type { Model } from '../../../src/engine/model/model.js';

/**
 * EdgeDeviceGroup. No e-footprint output exists for these: the expected values are worked out by hand from
 * e-footprint 22.2.1's formulas (edge_device_group.py, edge_device.py):
 *   effective_nb_of_units_within_root = 1 for a root, else Σ over parents of count × parent's effective count;
 *   total_nb_of_units = 1 in no group, else Σ over groups of count × group's effective count;
 *   every fabrication and energy footprint of the device × total_nb_of_units.
 */
const HOURS_IN_6_YEARS = 6 * 365.25 * 24;

function groupModel(groups = ''): string {
    return `
model { start_date: 2025-01-06  modeling_duration: 2 day }
edge_cpu_component cpu {}
edge_workload_component radio {}
edge_device sensor { components: [cpu, radio] }
recurrent_edge_component_need cpu_load { edge_component: cpu  recurrent_need: 1 cpu_core }
recurrent_edge_component_need radio_load { edge_component: radio  recurrent_need: 0.5 }
recurrent_edge_device_need sensor_load { edge_device: sensor  recurrent_edge_component_needs: [cpu_load, radio_load] }
edge_function monitoring { recurrent_edge_device_needs: [sensor_load] }
edge_usage_journey deployment { edge_functions: [monitoring]  usage_span: 1 day }
network wifi from wifi_network {}
edge_usage_pattern fleet {
  edge_usage_journey: deployment  network: wifi  country: France
  hourly_edge_usage_journey_starts: hourly_values([10])
}
system edge { usage_patterns: []  edge_usage_patterns: [fleet] }
${groups}
`;
}

function scalar(model: Model, id: string, attribute: string): number {
    const v = model.findNode(id, attribute)!.value!;
    if (v.kind !== 'quantity') throw new Error(`${id}.${attribute} is ${v.kind}`);
    return v.value;
}

function firstHour(model: Model, id: string, attribute: string): number {
    const v = model.findNode(id, attribute)!.value!;
    if (v.kind !== 'hourly') throw new Error(`${id}.${attribute} is ${v.kind}`);
    return v.series.values[0];
}

function total(model: Model, id: string, attribute: string): number {
    const v = model.findNode(id, attribute)!.value!;
    return v.kind === 'hourly' ? v.series.sum() : NaN;
}

const BUILDING = `
edge_device_group floor { edge_device_counts: [sensor * 4] }
edge_device_group building { sub_group_counts: [floor * 3] }`;

describe('edge device groups (values by hand from e-footprint 22.2.1\'s formulas)', () => {
    it('3 floors × 4 devices: the floor counts 3 within the root, the device 12', async () => {
        const model = await modelOf(groupModel(BUILDING));
        expect(scalar(model, 'building', 'effective_nb_of_units_within_root')).toBe(1);
        expect(scalar(model, 'floor', 'effective_nb_of_units_within_root')).toBe(3);
        expect(scalar(model, 'sensor', 'total_nb_of_units')).toBe(12);
    });

    it('a group of 3 floors × 4 devices has 12× the fabrication and energy footprints of a single device', async () => {
        const single = await modelOf(groupModel());
        const grouped = await modelOf(groupModel(BUILDING));
        expect(scalar(single, 'sensor', 'total_nb_of_units')).toBe(1);
        for (const attribute of ['instances_fabrication_footprint', 'energy_footprint', 'instances_energy']) {
            expect(total(grouped, 'sensor', attribute)).toBeCloseTo(12 * total(single, 'sensor', attribute), 9);
        }
        // by hand: 10 journeys in parallel × 12 devices × (50 kg structure + 20 kg CPU + 100 kg radio) / 6 years, each hour
        expect(firstHour(grouped, 'sensor', 'instances_fabrication_footprint')).toBeCloseTo(10 * 12 * 170 / HOURS_IN_6_YEARS, 12);
        // 10 × 12 × (CPU 3 W + 12 W × 1/4 load + radio 5 W + 45 W × 0.5) for one hour, in joules
        expect(firstHour(grouped, 'sensor', 'instances_energy')).toBeCloseTo(10 * 12 * (6 + 27.5) * 3600, 6);
        // the system total follows (the network moves no data here), to e-footprint's rounding of each hour to 0.1 g,
        // which a single device's total carries 12 times: at most 12 × 0.05 g an hour over the 48 hours
        const difference = total(grouped, 'edge', 'total_footprint') - 12 * total(single, 'edge', 'total_footprint');
        expect(Math.abs(difference)).toBeLessThanOrEqual(48 * 12 * 0.05e-3);
    });

    it('a device in two groups, and a sub-group shared by two roots, add up', async () => {
        const model = await modelOf(groupModel(`
edge_device_group floor { edge_device_counts: [sensor * 4] }
edge_device_group building_a { sub_group_counts: [floor * 3] }
edge_device_group building_b { sub_group_counts: [floor * 2]  edge_device_counts: [sensor] }`));
        // floor: 3 × 1 + 2 × 1 = 5 within its roots; sensor: 4 × 5 + 1 × 1 = 21
        expect(scalar(model, 'floor', 'effective_nb_of_units_within_root')).toBe(5);
        expect(scalar(model, 'sensor', 'total_nb_of_units')).toBe(21);
    });

    it('groups of the system\'s devices are used: no "not used by any system" hint', async () => {
        const analysis = await analyze(groupModel(BUILDING));
        expect(analysis.diagnostics.filter(d => d.message.includes('not used by any system'))).toEqual([]);
    });

    it('a group that contains itself is an error naming the cycle', async () => {
        const analysis = await analyze(groupModel(`
edge_device_group floor { edge_device_counts: [sensor * 4]  sub_group_counts: [building] }
edge_device_group building { sub_group_counts: [floor * 3] }`));
        const errors = analysis.diagnostics.filter(d => d.severity === 'error').map(d => d.message);
        expect(errors).toContainEqual(expect.stringContaining('the group contains itself: floor → building → floor'));
    });
});
