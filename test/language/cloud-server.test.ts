import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { completionsAt, cursor, openWorkspace } from '../helpers/language-workspace.js';

/**
 * A cloud server written in .efp: its hardware comes from the offline catalogue. e-footprint has no
 * reference output for cloud servers (its BoaviztaCloudServer asks an online API), so the expected values
 * are worked out here by hand from the catalogue file itself (data/ccf/) and the mapping documented in
 * src/engine/cloud/cloud-server-inputs.ts: power at 50 % load, the instance's vCPU share of the platform's
 * embodied emissions.
 */
const catalogue = JSON.parse(readFileSync('data/ccf/if_ccf_instances.json', 'utf8')) as {
    aws: Record<string, { vCPUs: number; platformVCPUs: number; memoryGB: number; intendedMinWattsPerVcpu: number; intendedMaxWattsPerVcpu: number; embodiedKg: number }>;
};
const regions = JSON.parse(readFileSync('data/ccf/cloud_region_intensity_ccf.json', 'utf8')) as Record<string, unknown>;

const MODEL = `
model { start_date: 2025-01-01  modeling_duration: 1 year }
storage disk from ssd {}
cloud_server api "API" {
  provider: aws
  instance_type: "m5.large"
  region: "eu-west-3"
  storage: disk
}
job call on api { data_transferred: 1 MB  request_duration: 1 s }
usage_journey_step step { user_time_spent: 1 min  jobs: [call] }
usage_journey visit { uj_steps: [step] }
network wifi from wifi_network {}
usage_pattern users { usage_journey: visit  devices: [laptop]  network: wifi  country: France  hourly_usage_journey_starts: constant(1000) }
system service { usage_patterns: [users] }
`;

async function modelOf(text: string) {
    const { Efp, documents: [document] } = await openWorkspace(text);
    return { document, model: Efp.evaluation.DocumentModels.modelFor(document) };
}

function scalar(model: NonNullable<Awaited<ReturnType<typeof modelOf>>['model']>, attribute: string): number {
    const v = model.findNode('api', attribute)!.value!;
    if (v.kind !== 'quantity') throw new Error(`${attribute} is ${v.kind}`);
    return v.value;
}

describe('cloud servers from the offline catalogue', () => {
    it('take compute, RAM, power and fabrication footprint from the instance type (aws m5.large, by hand from the catalogue)', async () => {
        const { document, model } = await modelOf(MODEL);
        expect(document.diagnostics?.filter(d => d.severity === 1)).toEqual([]);
        const m5 = catalogue.aws['m5.large'];
        const watts = m5.vCPUs * (m5.intendedMinWattsPerVcpu + 0.5 * (m5.intendedMaxWattsPerVcpu - m5.intendedMinWattsPerVcpu));
        expect(watts).toBeCloseTo(4.838, 3);
        expect(scalar(model!, 'power')).toBeCloseTo(watts, 9); // W (SI)
        expect(scalar(model!, 'compute')).toBe(2);
        const kg = (m5.embodiedKg * m5.vCPUs) / m5.platformVCPUs;
        expect(kg).toBeCloseTo(33.558, 3);
        expect(scalar(model!, 'carbon_footprint_fabrication')).toBeCloseTo(kg, 9);
    });

    it('take the grid intensity and PUE of the region, with the catalogue as their source', async () => {
        const { model } = await modelOf(MODEL);
        expect(JSON.stringify(regions)).toContain('eu-west-3');
        // g/kWh in SI (kg/J): 51.1 g/kWh
        expect(scalar(model!, 'average_carbon_intensity') * 3.6e9).toBeCloseTo(51.1, 6);
        expect(scalar(model!, 'power_usage_effectiveness')).toBeCloseTo(1.135, 9);
        expect(model!.findNode('api', 'average_carbon_intensity')!.input!.source).toBe('ccf_cloud_regions');
        // the system counts the cloud server among its servers
        const total = model!.findNode('api', 'instances_fabrication_footprint')!.value!;
        expect(total.kind).toBe('hourly');
    });

    it('report an unknown instance type on its value, with the closest name', async () => {
        const { text, offset } = cursor(MODEL.replace('"m5.large"', '<|>"m5.lrage"'));
        const { documents: [document] } = await openWorkspace(text);
        const error = document.diagnostics!.find(d => d.severity === 1)!;
        expect(error.message).toMatch(/m5\.lrage/);
        expect(JSON.stringify(error)).toContain("Did you mean 'm5.large'?");
        expect(document.textDocument.offsetAt(error.range.start)).toBeLessThanOrEqual(offset);
        expect(document.textDocument.offsetAt(error.range.end)).toBeGreaterThan(offset);
    });

    it('complete instance types and regions of the provider, with what they stand for', async () => {
        const complete = completionsAt;
        const types = await complete('cloud_server api {\n  provider: aws\n  instance_type: <|>\n}\n');
        expect(types.find(i => i.label === '"m5.large"')?.detail).toBe('2 vCPU · 8 GB · aws (Cloud Carbon Footprint catalogue)');
        expect(types.filter(i => i.label.startsWith('"')).length).toBe(Object.keys(catalogue.aws).length);
        const gcp = await complete('cloud_server api {\n  provider: gcp\n  instance_type: <|>\n}\n');
        expect(gcp.map(i => i.label)).toContain('"n2-standard-2"');
        expect(gcp.map(i => i.label)).not.toContain('"m5.large"');
        const region = await complete('cloud_server api {\n  region: <|>\n}\n');
        expect(region.find(i => i.label === '"eu-west-3"')?.detail).toBe('51.1 gCO2e/kWh · PUE 1.135 · aws (Cloud Carbon Footprint)');
    });
});

describe('enumerated values of inputs whose enum has another name', () => {
    it('complete a cloud server\'s provider with the catalogue\'s providers, and nothing else', async () => {
        const { text, offset } = cursor('cloud_server api {\n  provider: <|>\n}\n');
        const { Efp, documents: [document] } = await openWorkspace(text, false);
        const list = await Efp.lsp.CompletionProvider!.getCompletion(document, {
            textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset)
        });
        const values = (list?.items ?? []).map(i => i.label).sort();
        expect(values).toEqual(['aws', 'azure', 'gcp']);
    });
});
