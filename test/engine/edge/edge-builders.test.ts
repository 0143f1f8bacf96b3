import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { analyze, modelOf } from '../../helpers/model-from-text.js';
import type { Model } from '../../../src/engine/model/model.js';

/**
 * e-footprint's edge builders: EdgeAppliance / RecurrentEdgeWorkload (new) and EdgeComputer /
 * RecurrentEdgeProcess, whose parts efp creates when they are left out and checks when they are written.
 * No e-footprint output exists for the appliance: its values are worked out by hand from e-footprint
 * 22.2.1's formulas (edge_appliance.py, recurrent_edge_workload.py, edge_workload_component.py):
 *   the component's power, idle power and lifespan are the appliance's; its workload is the workload's week;
 *   unitary power = idle_power + (power − idle_power) × workload; structure fabrication = carbon_footprint_fabrication.
 */
const HOURS_IN_6_YEARS = 6 * 365.25 * 24;

function applianceModel(parts = ''): string {
    return `
model { start_date: 2025-01-06  modeling_duration: 2 day }
edge_appliance camera "Camera" { carbon_footprint_fabrication: 120 kg  power: 40 W  idle_power: 4 W  ${parts} }
recurrent_edge_workload recording "Recording" { edge_device: camera  recurrent_workload: 0.25 }
edge_function monitoring { recurrent_edge_device_needs: [recording] }
edge_usage_journey deployment { edge_functions: [monitoring]  usage_span: 1 day }
network wifi from wifi_network {}
edge_usage_pattern fleet {
  edge_usage_journey: deployment  network: wifi  country: France
  hourly_edge_usage_journey_starts: hourly_values([10])
}
system edge { usage_patterns: []  edge_usage_patterns: [fleet] }
`;
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

function errors(analysis: Awaited<ReturnType<typeof analyze>>) {
    return analysis.diagnostics.filter(d => d.severity === 'error');
}

describe('edge appliance and recurrent edge workload (values by hand from e-footprint 22.2.1\'s formulas)', () => {
    it('creates the appliance\'s component and the workload\'s need, named as e-footprint names them', async () => {
        const model = await modelOf(applianceModel());
        const component = model.instances.find(o => o.id === 'camera_component')!;
        expect(component.className).toBe('EdgeApplianceComponent');
        expect(component.name).toBe('Camera appliance');
        const need = model.instances.find(o => o.id === 'recording_workload_need')!;
        expect(need.className).toBe('RecurrentEdgeWorkloadNeed');
        expect(need.name).toBe('Recording workload need');
        expect(need.ref('edge_component')).toBe(component);
    });

    it('10 appliances at a quarter of their load: 10 × (4 W + 36 W × 0.25) an hour, and 120 kg over 6 years each', async () => {
        const model = await modelOf(applianceModel());
        expect(firstHour(model, 'camera', 'instances_energy')).toBeCloseTo(10 * 13 * 3600, 6);
        expect(firstHour(model, 'camera', 'instances_fabrication_footprint')).toBeCloseTo(10 * 120 / HOURS_IN_6_YEARS, 12);
    });

    it('a workload need on another appliance\'s component is an error at the need, with the fix', async () => {
        const text = applianceModel('components: [cam_part]').replace('recurrent_workload: 0.25', 'recurrent_workload: 0.25  recurrent_edge_component_needs: [rec_need]') + `
edge_appliance_component cam_part {}
edge_appliance other { components: [other_part] }
edge_appliance_component other_part {}
recurrent_edge_workload_need rec_need { edge_component: other_part }`;
        const error = errors(await analyze(text)).find(e => e.message.includes('rec_need is on other_part'))!;
        expect(error?.message).toContain('rec_need is on other_part, but recording runs on camera, whose component of that kind is cam_part');
        expect(error.hint).toBe('Write edge_component: cam_part in rec_need.');
        expect(error.range.start.line).toBe(text.split('\n').findIndex(l => l.includes('edge_component: other_part')));
    });
});

describe('edge computer and recurrent edge process parts', () => {
    const reference = readFileSync('examples/reference/simple_edge_system.efp', 'utf8');

    /** The reference system with the computer's CPU and RAM and the process's needs left out. */
    function withoutParts(): string {
        return reference
            .replace(/^edge_computer_(cpu|ram)_component .*\n/gm, '')
            .replace(/^recurrent_edge_process_(ram|cpu|storage)_need .*\n/gm, '')
            .replace('  components: [edge_computer_cpu, edge_computer_ram, edge_ssd]\n', '')
            .replace('  recurrent_edge_component_needs: [process_ram, process_cpu, process_storage]\n', '');
    }

    it('left out, they are created as e-footprint\'s builders create them, and the system totals the same', async () => {
        const text = withoutParts();
        expect(text).not.toContain('edge_computer_cpu_component');
        expect(text).not.toContain('process_ram');
        const created = await modelOf(text);
        const written = await modelOf(reference);
        expect(created.instances.filter(o => o.id.startsWith('computer_') || o.id.startsWith('edge_process_')).map(o => `${o.className} ${o.name}`)).toEqual([
            'EdgeComputerCPUComponent Edge computer CPU', 'EdgeComputerRAMComponent Edge computer RAM',
            'RecurrentEdgeProcessRAMNeed Default edge process RAM need', 'RecurrentEdgeProcessCPUNeed Default edge process CPU need',
            'RecurrentEdgeProcessStorageNeed Default edge process storage need'
        ]);
        expect(total(created, 'edge_system', 'total_footprint')).toBe(total(written, 'edge_system', 'total_footprint'));
    });

    it('an edge computer without its RAM component is an error on its components, with the fix', async () => {
        const analysis = await analyze(reference.replace('components: [edge_computer_cpu, edge_computer_ram, edge_ssd]', 'components: [edge_computer_cpu, edge_ssd]'));
        const error = errors(analysis).find(e => e.message.includes('components need exactly one edge_computer_ram_component'))!;
        expect(error).toBeDefined();
        expect(error.hint).toContain('Write components: [edge_computer_cpu, computer_ram, edge_ssd]');
        expect(error.hint).toContain('or leave components out and efp creates them');
        expect(error.range.start.line).toBe(reference.split('\n').findIndex(l => l.includes('components: [edge_computer_cpu')));
    });

    it('a process need on the wrong component is an error at the need, with the fix', async () => {
        const text = reference.replace('process_cpu "Default edge process CPU need" { edge_component: edge_computer_cpu }',
            'process_cpu "Default edge process CPU need" { edge_component: edge_cpu }');
        const error = errors(await analyze(text)).find(e => e.message.includes('process_cpu is on edge_cpu'))!;
        expect(error).toBeDefined();
        expect(error.message).toContain('edge_process runs on computer, whose component of that kind is edge_computer_cpu');
        expect(error.hint).toBe('Write edge_component: edge_computer_cpu in process_cpu.');
        expect(error.range.start.line).toBe(text.split('\n').findIndex(l => l.includes('edge_component: edge_cpu }')));
    });

    it('a process missing its storage need is an error with the fix', async () => {
        const text = reference.replace('[process_ram, process_cpu, process_storage]', '[process_ram, process_cpu]');
        const error = errors(await analyze(text)).find(e => e.message.includes('exactly one recurrent_edge_process_storage_need'))!;
        expect(error).toBeDefined();
        expect(error.hint).toContain('Write recurrent_edge_component_needs: [process_ram, process_cpu, edge_process_storage_need]');
    });
});
