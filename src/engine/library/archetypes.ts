/**
 * e-footprint's archetypes: ready-made objects (`Device.laptop()`, `Storage.ssd()`,
 * `Network.wifi_network()`...) with the names e-footprint 22.2.1 gives them when it is given none
 * ("Default laptop", "Default wifi network"), their values and their sources. In .efp they are built-in
 * objects a model can use as they are (`devices: [laptop]`) or start from (`storage ssd from ssd { ... }`).
 */
export interface ArchetypeValue {
    readonly value: number;
    readonly unit: string;
    /** The source e-footprint cites; without one, e-footprint's own hypothesis (ARCHETYPE_DEFAULT_SOURCE). */
    readonly source?: string;
}

/** What e-footprint cites for an archetype's value given no source (its `SourceValue` default). */
export const ARCHETYPE_DEFAULT_SOURCE = 'hypothesis';

export interface Archetype {
    readonly id: string;
    readonly className: string;
    readonly name: string;
    readonly description: string;
    readonly inputs: Readonly<Record<string, ArchetypeValue>>;
}

const ademe = 'base_ademe_v19';
const mobile = 'state_of_mobile_2022';

export const ARCHETYPES: readonly Archetype[] = [
    {
        id: 'laptop', className: 'Device', name: 'Default laptop', description: 'A laptop, used 7 hours a day.',
        inputs: {
            carbon_footprint_fabrication: { value: 156, unit: 'kg', source: ademe }, power: { value: 50, unit: 'W' },
            lifespan: { value: 6, unit: 'year' }, fraction_of_usage_time: { value: 7, unit: 'h/day', source: mobile }
        }
    },
    {
        id: 'smartphone', className: 'Device', name: 'Default smartphone', description: 'A smartphone, used 3.6 hours a day.',
        inputs: {
            carbon_footprint_fabrication: { value: 30, unit: 'kg', source: ademe }, power: { value: 1, unit: 'W' },
            lifespan: { value: 3, unit: 'year' }, fraction_of_usage_time: { value: 3.6, unit: 'h/day', source: mobile }
        }
    },
    {
        id: 'box', className: 'Device', name: 'Default box', description: 'An internet box, on all day.',
        inputs: {
            carbon_footprint_fabrication: { value: 78, unit: 'kg', source: ademe }, power: { value: 10, unit: 'W' },
            lifespan: { value: 6, unit: 'year' }, fraction_of_usage_time: { value: 24, unit: 'h/day' }
        }
    },
    {
        id: 'screen', className: 'Device', name: 'Default screen', description: 'A computer screen, used 7 hours a day.',
        inputs: {
            carbon_footprint_fabrication: { value: 222, unit: 'kg', source: ademe }, power: { value: 30, unit: 'W' },
            lifespan: { value: 6, unit: 'year' }, fraction_of_usage_time: { value: 7, unit: 'h/day' }
        }
    },
    {
        id: 'wifi_network', className: 'Network', name: 'Default wifi network', description: 'A fixed network reached over Wi-Fi.',
        inputs: { bandwidth_energy_intensity: { value: 0.05, unit: 'kWh/GB', source: 'traficom_study' } }
    },
    {
        id: 'mobile_network', className: 'Network', name: 'Default mobile network', description: 'A mobile (4G/5G) network.',
        inputs: { bandwidth_energy_intensity: { value: 0.12, unit: 'kWh/GB', source: 'traficom_study' } }
    },
    {
        id: 'ssd', className: 'Storage', name: 'Default SSD storage', description: 'Solid-state disks.',
        inputs: {
            carbon_footprint_fabrication_per_storage_capacity: { value: 160, unit: 'kg/TB_stored', source: 'storage_embodied_carbon_study' },
            lifespan: { value: 6, unit: 'year' }, storage_capacity: { value: 1, unit: 'TB_stored', source: 'storage_embodied_carbon_study' },
            data_replication_factor: { value: 3, unit: '' }, data_storage_duration: { value: 5, unit: 'year' },
            base_storage_need: { value: 0, unit: 'TB_stored' }
        }
    },
    {
        id: 'hdd', className: 'Storage', name: 'Default HDD storage', description: 'Hard disk drives.',
        inputs: {
            carbon_footprint_fabrication_per_storage_capacity: { value: 20, unit: 'kg/TB_stored', source: 'storage_embodied_carbon_study' },
            lifespan: { value: 4, unit: 'year' }, storage_capacity: { value: 1, unit: 'TB_stored', source: 'storage_embodied_carbon_study' },
            data_replication_factor: { value: 3, unit: '' }, data_storage_duration: { value: 5, unit: 'year' },
            base_storage_need: { value: 0, unit: 'TB_stored' }
        }
    }
];
