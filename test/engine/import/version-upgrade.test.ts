import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { UPGRADE_STEPS, upgradeEfootprintJson, upgradeSummary } from '../../../src/engine/import/upgrade-chain.js';
import { EfootprintVersionError } from '../../../src/engine/import/version-upgrade/efootprint-version.js';
import { ramUnitV13, storedUnitV18, withSuffixOnByteTokensV20 } from '../../../src/engine/import/version-upgrade/byte-units.js';
import type { JsonRecord } from '../../../src/engine/import/version-upgrade/json.js';

/**
 * e-footprint's version upgrade handlers, step by step, on the JSON files e-footprint's own tests load
 * (test/fixtures/efootprint/legacy/, e-footprint 9.1.5 to 21.1.6) and on small hand-made files for the cases
 * no fixture has. Each test checks one step's concern: a key really renamed, an object really moved, values
 * and units kept.
 */

type Obj = Record<string, any>;

const legacy = (name: string): JsonRecord =>
    JSON.parse(readFileSync(`test/fixtures/efootprint/legacy/${name}.json`, 'utf8')) as JsonRecord;

const step = (from: number) => UPGRADE_STEPS.find(s => s.from === from)!;

/** The file after the steps from its own version up to (and including) `from → from + 1`. */
function upgradedThrough(name: string, from: number): Obj {
    let root = legacy(name);
    const start = Number(String(root.efootprint_version).split('.')[0]);
    for (const s of UPGRADE_STEPS.filter(s => s.from >= start && s.from <= from)) root = s.upgrade(root).root;
    return root as Obj;
}

describe('the upgrade chain', () => {
    it('starts at the file\'s major version and runs every later step, in order', () => {
        expect(UPGRADE_STEPS.map(s => s.from)).toEqual([9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21]);
        const v9 = upgradeEfootprintJson(legacy('base_system_v9'));
        expect(v9.fromVersion).toBe('9.1.5');
        expect(v9.steps.map(s => s.from)).toEqual([9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21]);
        expect(upgradeSummary(v9)).toBe('upgraded from e-footprint 9.1.5 JSON to 22.2.1 (9→10, 10→11, 11→12, 12→13, 13→14, 14→15, '
            + '15→16, 16→17, 17→18, 18→19, 19→20, 20→21, 21→22)');
        expect(upgradeEfootprintJson(legacy('base_system_v13')).steps.map(s => s.from)).toEqual([13, 14, 15, 16, 17, 18, 19, 20, 21]);
        expect(upgradeEfootprintJson(legacy('base_system')).steps.map(s => s.from)).toEqual([21]);
        const current = upgradeEfootprintJson(JSON.parse(readFileSync('test/fixtures/efootprint/simple_system.efootprint.json', 'utf8')) as JsonRecord);
        expect(current.steps).toEqual([]);
        expect(upgradeSummary(current)).toBeUndefined();
    });

    it('steps are pure: the JSON given is left as it was', () => {
        const input = legacy('base_system_v11');
        const before = structuredClone(input);
        upgradeEfootprintJson(input);
        for (const s of UPGRADE_STEPS) s.upgrade(input);
        expect(input).toEqual(before);
    });

    it('each step turns e-footprint\'s own file of one version into its file of the next (9→10, 11→12, 12→13)', () => {
        // e-footprint's fixtures describe the same system in consecutive versions: the step's output is the next file
        const withVersionOf = (root: JsonRecord, version: JsonRecord) => ({ ...root, efootprint_version: version.efootprint_version });
        expect(withVersionOf(step(11).upgrade(legacy('base_system_v11')).root, legacy('base_system_v12'))).toEqual(legacy('base_system_v12'));
        expect(withVersionOf(step(12).upgrade(legacy('base_system_v12')).root, legacy('base_system_v13'))).toEqual(legacy('base_system_v13'));
        // the v10 file stores +300 MB for the upload where the v9 file had -300 MB: the only other difference
        const v10 = withVersionOf(step(9).upgrade(legacy('base_system_v9')).root, legacy('base_system_v10')) as Obj;
        v10.Job['uuid-upload'].data_stored.value = 300;
        expect(v10).toEqual(legacy('base_system_v10'));
    });

    it('a file without efootprint_version, older than 9 or from a future major is refused, naming the field and the fix', () => {
        const refused = (root: JsonRecord): string => {
            try {
                upgradeEfootprintJson(root);
            } catch (e) {
                expect(e).toBeInstanceOf(EfootprintVersionError);
                return (e as Error).message;
            }
            throw new Error('expected a refusal');
        };
        const { efootprint_version: _, ...unversioned } = legacy('base_system_v10');
        expect(refused(unversioned)).toBe('efootprint_version: missing; is this a file written by e-footprint\'s system_to_json? '
            + 'Add the version of e-footprint that wrote it, e.g. "efootprint_version": "22.2.1"');
        expect(refused({ ...legacy('base_system_v9'), efootprint_version: '8.3.0' })).toBe('efootprint_version: this file is from e-footprint 8.3.0; '
            + 'efp upgrades JSON from e-footprint 9.0 on, as e-footprint does. Load it with e-footprint 9 to 22 and save it again (system_to_json), then import that file');
        expect(refused({ efootprint_version: '99.0.0' })).toBe('efootprint_version: efp reads e-footprint 22.x JSON; this file is from e-footprint 99.0.0');
        expect(refused({ efootprint_version: 9 })).toBe('efootprint_version: expected a version like "22.2.1", got 9');
    });
});

describe('each upgrade step', () => {
    it('9→10: Hardware becomes Device with the same objects; year, job_type and description go', () => {
        const v9 = legacy('base_system_v9') as Obj;
        const after = step(9).upgrade(v9).root as Obj;
        expect(after.Hardware).toBeUndefined();
        expect(after.Device['uuid-Default-laptop']).toEqual(v9.Hardware['uuid-Default-laptop']);
        expect(after.Device['uuid-Default-laptop'].carbon_footprint_fabrication).toMatchObject({ value: 156, unit: 'kilogram' });
        expect(after.Country['uuid-France'].year).toBeUndefined();
        expect(Object.keys(after.Job['uuid-streaming'])).not.toContain('job_type');
        expect(Object.keys(after.Job['uuid-streaming'])).not.toContain('description');
    });

    it('10→11: server_utilization_rate is renamed utilization_rate in place, value kept; systems get edge_usage_patterns', () => {
        const after = upgradedThrough('base_system_v10', 10);
        const server = after.Server['uuid-Default-server'];
        expect(server.server_utilization_rate).toBeUndefined();
        expect(server.utilization_rate).toMatchObject({ value: 0.9, unit: 'dimensionless' });
        // the key keeps its place (the .efp lists inputs in the file's order)
        const before = Object.keys((legacy('base_system_v10') as Obj).Server['uuid-Default-server']);
        expect(Object.keys(server).indexOf('utilization_rate')).toBe(before.indexOf('server_utilization_rate'));
        expect(after.System['uuid-system-1'].edge_usage_patterns).toEqual([]);
    });

    it('11→12: EdgeDevice becomes EdgeComputer; the journey\'s processes move into a new EdgeFunction, its device onto the process', () => {
        const v11 = legacy('base_system_v11') as Obj;
        const after = step(11).upgrade(v11).root as Obj;
        expect(after.EdgeDevice).toBeUndefined();
        expect(after.EdgeComputer['812cbd']).toEqual(v11.EdgeDevice['812cbd']);
        expect(after.EdgeFunction.ef_ba37e8).toEqual({
            name: 'Edge function for edge usage journey Edge usage journey 1', id: 'ef_ba37e8', recurrent_edge_resource_needs: ['9ad116']
        });
        expect(after.EdgeUsageJourney.ba37e8.edge_functions).toEqual(['ef_ba37e8']);
        expect(after.EdgeUsageJourney.ba37e8.edge_device).toBeUndefined();
        expect(after.EdgeUsageJourney.ba37e8.edge_processes).toBeUndefined();
        expect(after.RecurrentEdgeProcess['9ad116'].edge_device).toBe('812cbd');
    });

    it('12→13: journey starts count occurrences; RAM bytes become RAM bytes, GPU RAM per GPU waits for 19→20', () => {
        const after = upgradedThrough('base_system_v12', 12);
        expect(after.UsagePattern['7b6bc0'].hourly_usage_journey_starts.unit).toBe('occurrence');
        expect(after.UsagePattern['7b6bc0'].hourly_usage_journey_starts.values).toEqual([1000, 2000, 4000, 5000, 8000, 12000, 2000, 2000, 3000]);
        expect(after.EdgeUsagePattern.c1f646.hourly_edge_usage_journey_starts.unit).toBe('occurrence');
        expect(after.EdgeComputer['812cbd'].ram).toMatchObject({ value: 16, unit: 'gigabyte_ram' });
        expect(after.RecurrentEdgeProcess['9ad116'].recurrent_ram_needed.unit).toBe('gigabyte_ram');
        expect(after.GPUServer.d10685.base_ram_consumption.unit).toBe('gigabyte_ram');
        expect(after.GPUServer.d10685.ram_per_gpu.unit).toBe('gigabyte / gpu');
        expect(ramUnitV13('GB')).toBe('GB_ram');
        expect(ramUnitV13('megabyte')).toBe('megabyte_ram');
        expect(ramUnitV13('cpu_core')).toBe('cpu_core');
    });

    it('13→14: an edge computer loses PUE and utilization rate and gets its structure footprint; resource needs are renamed device needs', () => {
        const after = upgradedThrough('base_system_v13', 13);
        const computer = after.EdgeComputer['812cbd'];
        expect(computer.power_usage_effectiveness).toBeUndefined();
        expect(computer.utilization_rate).toBeUndefined();
        expect(computer.structure_carbon_footprint_fabrication).toEqual(computer.carbon_footprint_fabrication);
        expect(computer.structure_carbon_footprint_fabrication).toMatchObject({ value: 60, unit: 'kilogram' });
        expect(after.EdgeFunction.ef_ba37e8.recurrent_edge_device_needs).toEqual(['9ad116']);
        expect(after.EdgeFunction.ef_ba37e8.recurrent_edge_resource_needs).toBeUndefined();
    });

    it('14→15: edge usage patterns get a default wifi network; edge functions an empty recurrent_server_needs', () => {
        const after = upgradedThrough('base_system_v13', 14);
        expect(after.Network.default_wifi_network_for_edge).toMatchObject({
            name: 'Default wifi network for edge', bandwidth_energy_intensity: { value: 0.05, unit: 'kilowatt_hour / gigabyte' }
        });
        expect(after.EdgeUsagePattern.c1f646.network).toBe('default_wifi_network_for_edge');
        expect(after.EdgeFunction.ef_ba37e8.recurrent_server_needs).toEqual([]);
        // a file without edge usage patterns gets no network
        expect(upgradedThrough('base_system_v10', 14).Network.default_wifi_network_for_edge).toBeUndefined();
    });

    it('15→16: a GenAIModel becomes an EcoLogits API with a server, its GenAIJob an EcoLogits job; provider, model and tokens kept', () => {
        const v13 = legacy('base_system_v13') as Obj;
        const after = upgradedThrough('base_system_v13', 15);
        expect(after.GenAIModel).toBeUndefined();
        expect(after.GenAIJob).toBeUndefined();
        expect(after.EcoLogitsGenAIExternalAPI['4dccec']).toEqual({
            name: 'Generative AI model 1', id: '4dccec', provider: v13.GenAIModel['4dccec'].provider,
            model_name: v13.GenAIModel['4dccec'].model_name, server: '4dccec_server'
        });
        expect(after.EcoLogitsGenAIExternalAPI['4dccec'].model_name.value).toBe('open-mistral-7b');
        expect(after.EcoLogitsGenAIExternalAPIServer['4dccec_server']).toEqual({ name: 'Generative AI model 1 server', id: '4dccec_server' });
        const job = after.EcoLogitsGenAIExternalAPIJob.a180d0;
        expect(job.external_api).toBe('4dccec');
        expect(job.output_token_count).toMatchObject({ value: 1000, unit: 'dimensionless' });
        expect(job.ram_needed).toEqual({ value: 0, unit: 'gigabyte_ram', label: 'unnamed source', source: 'hypothesis' });
        // the journey step still calls the job by the same id
        expect(after.UsageJourneyStep['uid-my-first-usage-journey-step-1'].jobs).toEqual(['a180d0']);
    });

    it('15→16: a WebApplicationJob becomes a Job on its service\'s server with Job\'s defaults; the WebApplication goes', () => {
        const bytes = (value: number, unit: string) => ({ value, unit, label: 'x', source: 'hypothesis' });
        const v15: JsonRecord = {
            efootprint_version: '15.0.0',
            WebApplication: { app: { name: 'App', id: 'app', server: 'srv', technology: { value: 'go-pgx', label: 'x' } } },
            WebApplicationJob: { search: { name: 'Search', id: 'search', service: 'app', data_transferred: bytes(2, 'megabyte'), data_stored: bytes(1, 'kilobyte') } }
        };
        const { root, notes } = step(15).upgrade(v15);
        expect(root.WebApplication).toBeUndefined();
        expect(root.WebApplicationJob).toBeUndefined();
        expect(root.Job).toEqual({
            search: {
                name: 'Search', id: 'search', server: 'srv', data_transferred: bytes(2, 'megabyte'), data_stored: bytes(1, 'kilobyte'),
                request_duration: { value: 1, unit: 'second', label: 'unnamed source', source: 'hypothesis' },
                compute_needed: { value: 0.1, unit: 'cpu_core', label: 'unnamed source', source: 'hypothesis' },
                ram_needed: { value: 50, unit: 'megabyte_ram', label: 'unnamed source', source: 'hypothesis' }
            }
        });
        expect(notes[0]).toMatch(/^WebApplicationJob "search" became a Job on its service's server/);
    });

    it('16→17: a negative data_stored becomes 0 (with a note); storage power goes; edge storage needs change class', () => {
        const { root, notes } = step(16).upgrade(upgradedThrough('base_system_v9', 15));
        const after = root as Obj;
        expect(after.Job['uuid-upload'].data_stored).toMatchObject({ value: 0, unit: 'megabyte' });
        expect(after.Job['uuid-streaming'].data_stored).toMatchObject({ value: 50, unit: 'kilobyte' });
        expect(notes).toEqual(['Job "uuid-upload": data_stored -300 megabyte became 0, as e-footprint 17 does with negative data stored']);
        for (const storage of Object.values(after.Storage as Obj)) {
            expect(storage.power_per_storage_capacity).toBeUndefined();
            expect(storage.idle_power).toBeUndefined();
        }
        const edge = step(16).upgrade({
            efootprint_version: '16.0.0', EdgeStorage: { disk: { name: 'disk', id: 'disk' } }, EdgeRAMComponent: { ram: { name: 'ram', id: 'ram' } },
            RecurrentEdgeComponentNeed: { n1: { name: 'n1', id: 'n1', edge_component: 'disk' }, n2: { name: 'n2', id: 'n2', edge_component: 'ram' } }
        }).root as Obj;
        expect(Object.keys(edge.RecurrentEdgeComponentNeed)).toEqual(['n2']);
        expect(edge.RecurrentEdgeStorageNeed).toEqual({ n1: { name: 'n1', id: 'n1', edge_component: 'disk' } });
    });

    it('17→18: storage sizes take stored bytes, with e-footprint\'s spacing', () => {
        const storage = upgradedThrough('base_system_v10', 17).Storage['uuid-Default-SSD-storage'];
        expect(storage.storage_capacity).toMatchObject({ value: 1, unit: 'terabyte_stored' });
        expect(storage.base_storage_need).toMatchObject({ value: 1, unit: 'terabyte_stored' });
        // the first factor of the ratio keeps its trailing space and the join adds one: two spaces, as e-footprint writes it
        expect(storage.carbon_footprint_fabrication_per_storage_capacity).toMatchObject({ value: 160, unit: 'kilogram  / terabyte_stored' });
        expect(storedUnitV18('GB')).toBe('GB_stored');
        expect(storedUnitV18('gigabyte_ram')).toBe('gigabyte_ram');
    });

    it('18→19: edge component totals become per-unit inputs, in place; nb_of_units 1 is added', () => {
        const storage = upgradedThrough('base_system_v11', 18).EdgeStorage.f08eae;
        expect(storage.storage_capacity).toBeUndefined();
        expect(storage.storage_capacity_per_unit).toMatchObject({ value: 1, unit: 'terabyte_stored' });
        expect(storage.nb_of_units).toEqual({ value: 1, unit: 'dimensionless', label: 'unnamed source', source: 'hypothesis' });
        const cpu = step(18).upgrade({
            efootprint_version: '18.0.0',
            EdgeCPUComponent: { cpu: { power: { value: 15, unit: 'watt' }, compute: { value: 4, unit: 'cpu_core' }, nb_of_units: { value: 2, unit: 'dimensionless' } } }
        }).root as Obj;
        expect(cpu.EdgeCPUComponent.cpu).toEqual({
            power_per_unit: { value: 15, unit: 'watt' }, compute_per_unit: { value: 4, unit: 'cpu_core' }, nb_of_units: { value: 2, unit: 'dimensionless' }
        });
    });

    it('19→20: byte units become stored, RAM or plain bytes by meaning', () => {
        const v9 = upgradedThrough('base_system_v9', 19);
        expect(v9.Job['uuid-streaming'].data_stored).toMatchObject({ value: 50, unit: 'kilobyte_stored' });
        expect(v9.Job['uuid-streaming'].ram_needed).toMatchObject({ value: 100, unit: 'megabyte_ram' });
        expect(v9.Network['uuid-Default-network'].bandwidth_energy_intensity).toMatchObject({ value: 0.05, unit: 'kilowatt_hour / gigabyte' });
        const v11 = upgradedThrough('base_system_v11', 19);
        expect(v11.GPUServer.d10685.ram_per_gpu).toMatchObject({ value: 80, unit: 'gigabyte_ram / gpu' });
        expect(v11.RecurrentEdgeProcess['9ad116'].recurrent_storage_needed.unit).toBe('gigabyte_stored');
        expect(v11.EcoLogitsGenAIExternalAPIJob.a180d0.data_stored.unit).toBe('megabyte_stored');
        const made = step(19).upgrade({
            efootprint_version: '19.0.0',
            VideoStreaming: { vs: { bits_per_pixel: { value: 0.1, unit: 'dimensionless' } } },
            Network: { zero: { bandwidth_energy_intensity: { value: 0, unit: 'kilowatt_hour' } }, ram: { bandwidth_energy_intensity: { value: 1, unit: 'kilowatt_hour / gigabyte_ram' } } },
            EdgeRAMComponent: { r: { name: 'r' } }, EdgeStorage: { s: { name: 's' } },
            RecurrentEdgeComponentNeed: { nr: { edge_component: 'r', recurrent_need: { recurring_values: '[1.0]', unit: 'gigabyte' } } },
            RecurrentEdgeStorageNeed: { ns: { edge_component: 's', recurrent_need: { recurring_values: '[1.0]', unit: 'gigabyte' } } }
        }).root as Obj;
        expect(made.VideoStreaming.vs.bits_per_pixel.unit).toBe('bit');
        expect(made.Network.zero.bandwidth_energy_intensity.unit).toBe('kilowatt_hour / gigabyte');
        expect(made.Network.ram.bandwidth_energy_intensity.unit).toBe('kilowatt_hour / gigabyte');
        expect(made.RecurrentEdgeComponentNeed.nr.recurrent_need.unit).toBe('gigabyte_ram');
        expect(made.RecurrentEdgeStorageNeed.ns.recurrent_need.unit).toBe('gigabyte_stored');
        expect(withSuffixOnByteTokensV20('watt / terabyte', 'stored')).toBe('watt / terabyte_stored');
        expect(withSuffixOnByteTokensV20('gpu', 'ram')).toBe('gpu');
    });

    it('20→21: inline sources move to a Sources block after efootprint_version; values refer to them by id', () => {
        const after = upgradedThrough('base_system_v10', 20);
        expect(Object.keys(after).slice(0, 2)).toEqual(['efootprint_version', 'Sources']);
        expect(after.Sources.hypothesis).toEqual({ id: 'hypothesis', name: 'e-footprint hypothesis', link: null });
        expect(after.Sources.user_data).toEqual({ id: 'user_data', name: 'user data', link: null });
        expect(after.Sources['Base-ADEME_V19']).toEqual({ id: 'Base-ADEME_V19', name: 'Base ADEME_V19', link: 'https://data.ademe.fr/datasets/base-carbone(r)' });
        const server = after.Server['uuid-Default-server'];
        expect(server.power).toMatchObject({ value: 300, unit: 'watt', source: 'hypothesis' });
        expect(server.carbon_footprint_fabrication).toMatchObject({ value: 600, unit: 'kilogram', source: 'Base-ADEME_V19' });
        expect(server.ram).toMatchObject({ value: 128, unit: 'gigabyte_ram', source: 'user_data' });
    });

    it('21→22: uj_steps and jobs lists become weighted dicts; a repeated id counts into its weight', () => {
        const after = upgradedThrough('base_system', 21);
        expect(after.UsageJourney['uuid-Daily-Youtube-usage'].uj_steps).toEqual({
            'uuid-20-min-streaming-on-Youtube': { value: 1, unit: 'dimensionless', label: 'Times per journey', source: 'hypothesis' },
            'uuid-40s-of-upload': { value: 1, unit: 'dimensionless', label: 'Times per journey', source: 'hypothesis' }
        });
        expect(after.UsageJourneyStep['uuid-40s-of-upload'].jobs).toEqual({
            'uuid-upload': { value: 1, unit: 'dimensionless', label: 'Times per step', source: 'hypothesis' }
        });
        const { root, notes } = step(21).upgrade({
            efootprint_version: '21.1.6',
            UsageJourney: { uj: { name: 'uj', id: 'uj', uj_steps: ['a', 'b', 'a'] } },
            UsageJourneyStep: { a: { name: 'a', id: 'a', jobs: ['j', 'j', 'k'] } }
        });
        expect((root as Obj).UsageJourney.uj.uj_steps.a.value).toBe(2);
        expect(Object.keys((root as Obj).UsageJourney.uj.uj_steps)).toEqual(['a', 'b']);
        expect((root as Obj).UsageJourneyStep.a.jobs.j.value).toBe(2);
        expect(notes).toEqual(['UsageJourney "uj": steps "a" were listed more than once; they are counted into one weighted entry at their '
            + 'first position, so their jobs run at that position\'s time (totals unchanged)']);
    });
});

describe('what e-footprint 22\'s loader reads beyond its own layout', () => {
    it('a 21.x file\'s inline sources get Sources entries; inputs e-footprint 22 sets aside unread are dropped with a note', () => {
        const { root, notes } = upgradeEfootprintJson(legacy('base_system'));
        const after = root as Obj;
        expect(after.Server['uuid-Default-server'].carbon_footprint_fabrication.source).toBe('Base-ADEME_V19');
        expect(after.Sources['Base-ADEME_V19'].link).toBe('https://data.ademe.fr/datasets/base-carbone(r)');
        expect(after.Storage['uuid-Default-SSD-storage-bis'].idle_power).toBeUndefined();
        expect(notes).toEqual([
            'Storage["uuid-Default-SSD-storage-bis"].power_per_storage_capacity (1.3 watt / terabyte_stored) dropped: e-footprint 17 removed storage power',
            'Storage["uuid-Default-SSD-storage-bis"].idle_power (0.1 watt) dropped: e-footprint 17 removed storage power'
        ]);
        // a 12.0 file that kept 10's server_utilization_rate: e-footprint 22 ignores it, and so does efp (the default is the same 0.9)
        expect(upgradeEfootprintJson(legacy('base_system_no_jobs')).notes).toEqual([
            'Server["uuid-Default-server"].server_utilization_rate (0.9) dropped: e-footprint 11 renamed it utilization_rate, which takes its default here'
        ]);
    });
});
