import { describe, expect, it } from 'vitest';
import { analyze, modelOf } from '../../helpers/model-from-text.js';
import type { Model } from '../../../src/engine/model/model.js';
import { systemFootprints } from '../../../src/engine/model/footprint-totals.js';

/**
 * RecurrentServerNeed. No e-footprint output exists for these: the expected values are worked out by hand
 * from e-footprint 22.2.1's formulas (recurrent_server_need.py, job.py):
 *   unitary_hourly_volume_per_usage_pattern = the typical week replayed × occurrences of the need in the journey;
 *   a job's hourly_occurrences_per_usage_pattern[edge pattern] = Σ over the journey's server needs listing it of
 *   unitary volume × nb_edge_usage_journeys_in_parallel × times per occurrence;
 * from there on, the job loads its server, storage and network as a web job with the same occurrences does.
 */
const SERVER = `
storage disk from ssd {}
server api { server_type: autoscaling  storage: disk  average_carbon_intensity: 100 g/kWh }
job upload on api { data_transferred: 1 MB  data_stored: 1 MB  request_duration: 1 s  compute_needed: 1 cpu_core  ram_needed: 100 MB }
network wifi from wifi_network {}
`;

function edgeModel(options: { volume?: string; functions?: string } = {}): string {
    return `
model { start_date: 2025-01-06  modeling_duration: 2 day }
${SERVER}
edge_appliance camera {}
recurrent_edge_workload recording { edge_device: camera  recurrent_workload: 0.5 }
recurrent_server_need uploads { edge_device: camera  recurrent_volume_per_edge_device: ${options.volume ?? '2'}  jobs: [upload * 3] }
edge_function monitoring { recurrent_edge_device_needs: [recording]  recurrent_server_needs: [uploads] }
edge_usage_journey deployment { edge_functions: [${options.functions ?? 'monitoring'}]  usage_span: 1 day }
edge_usage_pattern fleet {
  edge_usage_journey: deployment  network: wifi  country: France
  hourly_edge_usage_journey_starts: hourly_values([10])
}
system edge { usage_patterns: []  edge_usage_patterns: [fleet] }
`;
}

function hours(model: Model, id: string, attribute: string, item?: string): number[] {
    let v = model.findNode(id, attribute)!.value!;
    if (v.kind === 'dict') v = [...v.items].find(([o]) => (o as { id: string }).id === item)![1];
    if (v.kind !== 'hourly') throw new Error(`${id}.${attribute} is ${v.kind}`);
    return Array.from(v.series.values);
}

describe('recurrent server needs (values by hand from e-footprint 22.2.1\'s formulas)', () => {
    it('2 calls an hour × 3 jobs a call × 10 devices in use: 60 job runs an hour while devices are deployed', async () => {
        const model = await modelOf(edgeModel());
        expect(hours(model, 'uploads', 'unitary_hourly_volume_per_usage_pattern', 'fleet').slice(0, 24)).toEqual(Array(24).fill(2));
        const runs = hours(model, 'upload', 'hourly_occurrences_per_usage_pattern', 'fleet');
        expect(runs.slice(0, 24)).toEqual(Array(24).fill(60));
        expect(runs.slice(24).every(v => v === 0)).toBe(true);
        // 60 runs of 1 MB an hour on the wifi network: 60 MB × 0.05 kWh/GB × France's carbon intensity
        const intensity = model.findNode('builtin:France', 'average_carbon_intensity')!.value!;
        const perKWh = intensity.kind === 'quantity' ? intensity.value : NaN; // kg per joule
        expect(hours(model, 'wifi', 'energy_footprint')[0]).toBeCloseTo(0.06 * 0.05 * 3.6e6 * perKWh, 12);
    });

    it('a need listed twice in the journey counts twice', async () => {
        const model = await modelOf(edgeModel({ functions: 'monitoring, monitoring' }));
        expect(hours(model, 'uploads', 'unitary_hourly_volume_per_usage_pattern', 'fleet')[0]).toBe(4);
        expect(hours(model, 'upload', 'hourly_occurrences_per_usage_pattern', 'fleet')[0]).toBe(120);
    });

    it('the system counts the server and storage its edge devices call, in Servers and Storage', async () => {
        const model = await modelOf(edgeModel());
        const system = model.instances.find(o => o.id === 'edge')!;
        expect(systemFootprints(model, system).map(f => `${f.category}:${f.object.id}`))
            .toEqual(['Servers:api', 'Storage:disk', 'Network:wifi', 'EdgeDevices:camera']);
    });

    it('loads the server exactly as web traffic with the same job runs does (the server\'s energy and fabrication are equal)', async () => {
        const edge = await modelOf(edgeModel());
        // 20 journeys an hour for 24 hours, each running the job 3 times: 60 runs an hour, as above
        const web = await modelOf(`
model { start_date: 2025-01-06  modeling_duration: 2 day }
${SERVER}
usage_journey_step send { user_time_spent: 1 s  jobs: [upload * 3] }
usage_journey sending { uj_steps: [send] }
usage_pattern users {
  usage_journey: sending  devices: [laptop]  network: wifi  country: France
  hourly_usage_journey_starts: hourly_values([${Array(24).fill(20).join(', ')}])
}
system web { usage_patterns: [users] }
`);
        for (const [id, attribute] of [['api', 'energy_footprint'], ['api', 'instances_fabrication_footprint'], ['disk', 'instances_fabrication_footprint']]) {
            const a = hours(edge, id, attribute), b = hours(web, id, attribute);
            const n = Math.min(a.length, b.length);
            for (let i = 0; i < n; i++) expect(a[i]).toBeCloseTo(b[i], 12);
        }
    });

    it('a negative volume is an error', async () => {
        const analysis = await analyze(edgeModel({ volume: 'weekly_values([-1, ' + Array(167).fill(1).join(', ') + '])' }));
        // on the input, with the hour of the week (the need's own validation, e-footprint's, stays quiet)
        expect(analysis.diagnostics.filter(d => d.severity === 'error').map(d => d.message))
            .toEqual(['\'recurrent_volume_per_edge_device\' must be at least 0, got -1 at hour 0 of the week (Monday 00:00)']);
    });
});
