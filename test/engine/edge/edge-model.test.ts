import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { analyze, modelOf } from '../../helpers/model-from-text.js';
import { hourOfWeek, replayWeek, TYPICAL_WEEK_START } from '../../../src/engine/series/typical-week.js';
import { HourlySeries } from '../../../src/engine/series/hourly-series.js';
import { utcHourOf } from '../../../src/engine/series/calendar.js';
import { systemFootprints } from '../../../src/engine/model/footprint-totals.js';

/** A small edge system: one custom device (a CPU and a workload component), deployed in `country`. */
function edgeModel(options: { cpuNeed?: string; workload?: string; country?: string; lifespan?: string; extra?: string } = {}): string {
    return `
model { start_date: 2025-01-06  modeling_duration: 2 day }
edge_cpu_component cpu {}
edge_workload_component radio {}
edge_device sensor { components: [cpu, radio]  ${options.lifespan ?? ''} }
recurrent_edge_component_need cpu_load { edge_component: cpu  recurrent_need: ${options.cpuNeed ?? '1 cpu_core'} }
recurrent_edge_component_need radio_load { edge_component: radio  recurrent_need: ${options.workload ?? '0.5'} }
recurrent_edge_device_need sensor_load { edge_device: sensor  recurrent_edge_component_needs: [cpu_load, radio_load] }
edge_function monitoring { recurrent_edge_device_needs: [sensor_load] }
edge_usage_journey deployment { edge_functions: [monitoring]  usage_span: 1 day }
network wifi from wifi_network {}
edge_usage_pattern fleet {
  edge_usage_journey: deployment  network: wifi  country: ${options.country ?? 'France'}
  hourly_edge_usage_journey_starts: hourly_values([10])
}
system edge { usage_patterns: []  edge_usage_patterns: [fleet] }
${options.extra ?? ''}
`;
}

function errorsOf(text: string) {
    return analyze(text).then(a => a.diagnostics.filter(d => d.severity === 'error').map(d => d.message));
}

describe('typical weeks', () => {
    it('index hours from Monday 00:00 (1970-01-05 is hour 96)', () => {
        expect(hourOfWeek(TYPICAL_WEEK_START)).toBe(0);
        expect(hourOfWeek(utcHourOf('2025-01-06'))).toBe(0); // a Monday
        expect(hourOfWeek(utcHourOf('2025-01-01'))).toBe(2 * 24); // a Wednesday
    });

    it('replay the week from the timespan\'s hour of the week, wrapping around', () => {
        const week = new HourlySeries(TYPICAL_WEEK_START, Float64Array.from({ length: 168 }, (_, i) => i));
        const start = utcHourOf('2025-01-05T22:00'); // Sunday 22:00
        expect(Array.from(replayWeek(week, start, 4).values)).toEqual([166, 167, 0, 1]);
    });

    it('weekly_values needs 168 values, a flat week is one value', async () => {
        expect(await errorsOf(edgeModel({ cpuNeed: 'weekly_values([1, 2, 3]) * 1 cpu_core' })))
            .toContainEqual(expect.stringContaining('weekly_values: values must be a list of 168 values'));
        const model = await modelOf(edgeModel());
        const week = model.findNode('cpu_load', 'recurrent_need')!.value!;
        expect(week.kind === 'hourly' && week.series.length).toBe(168);
    });

    it('a need is in its component\'s unit: RAM bytes on a CPU are an error', async () => {
        expect(await errorsOf(edgeModel({ cpuNeed: '1 GB' }))).toContainEqual(expect.stringContaining("'recurrent_need' expects"));
    });
});

describe('edge model', () => {
    it('a workload above 1 is an error', async () => {
        expect(await errorsOf(edgeModel({ workload: '1.5' }))).toContainEqual(expect.stringContaining('between 0 and 1'));
    });

    it('a device that does not last its journey is an error', async () => {
        const text = edgeModel({ lifespan: 'lifespan: 1 h' });
        expect(await errorsOf(text)).toContainEqual(expect.stringContaining('lifespan is shorter than the usage_span'));
    });

    it('a need on another device\'s component is an error', async () => {
        const text = edgeModel({ extra: 'edge_cpu_component other_cpu {}\nedge_device other { components: [other_cpu] }' })
            .replace('edge_component: cpu ', 'edge_component: other_cpu ');
        expect(await errorsOf(text)).toContainEqual(expect.stringContaining('loads a component of edge_device other'));
    });

    it('the system counts its edge devices (and its patterns\' network) in their categories', async () => {
        const model = await modelOf(edgeModel());
        const system = model.instances.find(o => o.id === 'edge')!;
        const footprints = systemFootprints(model, system);
        expect(footprints.map(f => `${f.category}:${f.object.id}`)).toEqual(['Network:wifi', 'EdgeDevices:sensor']);
        // 10 devices in use for a day: CPU at (1 + 0) / 4 of its load, radio at 0.5
        const energy = model.findNode('sensor', 'instances_energy')!.value!;
        const perHour = 10 * ((3 + (15 - 3) * 0.25) + (5 + (50 - 5) * 0.5)) * 3600;
        expect(energy.kind === 'hourly' && energy.series.values[0]).toBeCloseTo(perHour, 6);
    });

    it('a system of edge devices only needs no usage_patterns, and totals as with an empty list', async () => {
        const text = readFileSync('examples/reference/simple_edge_system.efp', 'utf8');
        const without = text.replace('usage_patterns: []  edge_usage_patterns', 'edge_usage_patterns');
        expect(without).not.toBe(text);
        const analysis = await analyze(without);
        expect(analysis.diagnostics.filter(d => d.severity === 'error')).toEqual([]);
        const total = (m: Awaited<ReturnType<typeof modelOf>>) => {
            const v = m.findNode('edge_system', 'total_footprint')!.value!;
            return v.kind === 'hourly' ? v.series.sum() : NaN;
        };
        expect(total(await modelOf(without))).toBe(total(await modelOf(text)));
        // a system with neither still has to say what it models
        const neither = await analyze(text.replace('usage_patterns: []  edge_usage_patterns: [edge_pattern]', ''));
        expect(neither.diagnostics.map(d => d.message)).toContain("system edge_system needs 'usage_patterns' (usage patterns of the service)");
    });

    it('a component no need loads is booked with the chassis', async () => {
        const text = edgeModel({ extra: 'edge_ram_component spare {}' }).replace('components: [cpu, radio]', 'components: [cpu, radio, spare]');
        const model = await modelOf(text);
        const breakdown = model.findNode('sensor', 'fabrication_footprint_breakdown_by_source')!.value!;
        expect(breakdown.kind).toBe('dict');
        const spare = breakdown.kind === 'dict' ? [...breakdown.items].find(([o]) => (o as { id: string }).id === 'spare')![1] : undefined;
        // 20 kg over 6 years for 10 devices an hour, plus a third of the 50 kg structure's share
        const hour = 10 * 20 / (6 * 8766) + 10 * 50 / (6 * 8766) / 3;
        expect(spare?.kind === 'hourly' && spare.series.values[0]).toBeCloseTo(hour, 9);
    });
});
