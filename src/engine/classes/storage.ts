import type { ClassSpec } from '../model/class-spec.js';
import { itemOf, valueOf } from '../formulas/formula-values.js';
import { instancesFabricationFootprint } from './instances-fabrication.js';
import { ItemMemo } from '../formulas/incremental-items.js';
import { formula, nodeOf, onEach, own } from '../formulas/operands.js';
import { EMPTY, hourly, multiply, scalarOf, ValueError, weightedSum, type NumericValue } from '../model/values.js';
import { Dimension } from '../units/dimension.js';
import { parseUnit } from '../units/unit.js';
import { HourlySeries } from '../series/hourly-series.js';
import { cumulativeWithDeletion } from '../series/storage-need.js';
import { SERVER_TYPES } from './server.js';

const STORED = Dimension.base('data_stored');
const TB_STORED = parseUnit('TB_stored').factor;

/**
 * The storage need rounded to float32 in `unitFactor` units, as e-footprint holds it: its number of disks
 * is a ceiling, and values a float32 rounding away from a whole number must land on the same side.
 */
function roundedToFloat32(value: NumericValue, unitFactor: number): NumericValue {
    if (value.kind !== 'hourly') return value;
    // `value` is a fresh, unscaled sum of this node's own (weightedSum's): rounded where it is
    const v = value.series.base;
    const inverse = 1 / unitFactor;
    for (let i = 0; i < v.length; i++) v[i] = Math.fround(v[i] * inverse) * unitFactor;
    return value;
}

/** Storage attached to a server: fabrication of the disks the stored data needs. */
export const Storage: ClassSpec = {
    className: 'Storage',
    extends: ['InfraHardware'],
    keyword: 'storage',
    article: 'a storage',
    description: 'Disks attached to a server; as many as the data its jobs store (replicated, kept for a while) needs.',
    typicalInputs: ['storage_capacity', 'data_replication_factor', 'data_storage_duration', 'base_storage_need'],
    category: 'Storage',
    inputs: [
        {
            type: 'quantity', name: 'power', label: 'Power', unit: 'W', default: { value: 0, unit: 'W' }, min: 0, description: 'Not used by e-footprint 22 (storage energy is not modeled).',
            // the spec's Storage: instances_energy and energy_footprint are empty, storage power is not modeled in 22.2.1
            usedWhen: { when: 'never', why: 'e-footprint 22.2.1 does not model the energy of storage' }
        },
        { type: 'quantity', name: 'lifespan', label: 'Lifespan', unit: 'year', default: { value: 6, unit: 'year' }, min: 0, exclusiveMin: true, description: 'How long a disk is used before it is replaced.' },
        {
            type: 'quantity', name: 'fraction_of_usage_time', label: 'Fraction of usage time', unit: '', default: { value: 1, unit: '' }, min: 0, max: 1, description: 'Share of its life a disk is in use (kept at 1).',
            // as for a server: e-footprint builds storage with 1, and its fabrication is spread over its lifespan alone
            usedWhen: { when: 'never', why: 'e-footprint keeps storage in use all the time' }
        },
        {
            type: 'quantity', name: 'carbon_footprint_fabrication_per_storage_capacity', label: 'Fabrication carbon footprint per storage capacity',
            unit: 'kg/TB_stored', default: { value: 160, unit: 'kg/TB_stored' }, min: 0, description: 'Emissions of making disks, per unit of capacity.'
        },
        { type: 'quantity', name: 'storage_capacity', label: 'Storage capacity', unit: 'TB_stored', default: { value: 1, unit: 'TB_stored' }, min: 0, exclusiveMin: true, description: 'Capacity of one disk.' },
        { type: 'quantity', name: 'data_replication_factor', label: 'Data replication factor', unit: '', default: { value: 3, unit: '' }, min: 1, description: 'How many copies of each stored byte are kept.' },
        { type: 'quantity', name: 'data_storage_duration', label: 'Data storage duration', unit: 'year', default: { value: 5, unit: 'year' }, min: 0, exclusiveMin: true, description: 'How long stored data is kept before it is deleted.' },
        { type: 'quantity', name: 'base_storage_need', label: 'Initial storage need', unit: 'TB_stored', default: { value: 0, unit: 'TB_stored' }, min: 0, description: 'Data already stored at the start.' },
        {
            type: 'quantity', name: 'fixed_nb_of_instances', label: 'User defined number of instances', unit: 'concurrent', optional: true, min: 0,
            description: 'The number of disks installed (an error if the data needs more).',
            // the spec's Storage, nb_of_instances: raw_nb_of_instances when its server is serverless, whatever is given;
            // otherwise fixed_nb_of_instances when given (for any other server type, unlike a server's)
            usedWhen: { when: 'server-input', input: 'server_type', values: SERVER_TYPES.filter(t => t !== 'serverless') }
        }
    ],
    calculated: [
        {
            name: 'carbon_footprint_fabrication', label: 'Carbon footprint', unit: 'kg',
            define(storage) {
                const operands = own(storage, ['carbon_footprint_fabrication_per_storage_capacity', 'storage_capacity']);
                const { carbon_footprint_fabrication_per_storage_capacity: perCapacity, storage_capacity: capacity } = operands;
                return formula(operands, 'carbon_footprint_fabrication_per_storage_capacity × storage_capacity',
                    () => multiply(valueOf(perCapacity), valueOf(capacity)) as NumericValue);
            }
        },
        {
            name: 'full_cumulative_storage_need_per_job', label: 'Cumulative storage need per job', unit: 'TB_stored',
            itemLabel: job => `Cumulative storage need for ${job.name}`,
            define(storage, model) {
                const jobs = model.relations.jobsOfStorage(storage);
                const stored = onEach(jobs, 'hourly_data_stored_across_usage_patterns');
                const mine = own(storage, ['data_replication_factor', 'data_storage_duration']);
                const { data_replication_factor: factor, data_storage_duration: duration } = mine;
                const items = new ItemMemo(nodeOf(storage, 'full_cumulative_storage_need_per_job'));
                return formula({ ...mine, hourly_data_stored_across_usage_patterns: stored },
                    'running sum of hourly_data_stored_across_usage_patterns × data_replication_factor, each hour\'s data deleted after data_storage_duration',
                    () => {
                        const replication = scalarOf(valueOf(factor), 'data_replication_factor');
                        const retention = Math.ceil(scalarOf(valueOf(duration), 'data_storage_duration') / 3600);
                        // after one job changes, the other jobs' running sums are kept (ItemMemo)
                        return items.map(jobs, (_, j) => [valueOf(stored[j]), replication, retention], (_, j) => {
                            const written = valueOf(stored[j]);
                            if (written.kind !== 'hourly') return EMPTY;
                            return hourly(cumulativeWithDeletion(written.series, retention, TB_STORED, replication), STORED);
                        });
                    });
            }
        },
        {
            name: 'full_cumulative_storage_need', label: 'Full cumulative storage need', unit: 'TB_stored',
            // e-footprint refuses it too (NegativeCumulativeStorageNeedError): jobs deleted more than they stored
            min: 0,
            define(storage, model) {
                const operands = own(storage, ['full_cumulative_storage_need_per_job', 'base_storage_need']);
                const { full_cumulative_storage_need_per_job: perJob, base_storage_need: base } = operands;
                const jobs = model.relations.jobsOfStorage(storage);
                return formula(operands, 'Σ of full_cumulative_storage_need_per_job + base_storage_need', () => {
                    if (jobs.length === 0) return EMPTY;
                    const total = weightedSum([...jobs.map(j => [itemOf(perJob, j), 1] as const), [valueOf(base), 1]], STORED, true);
                    return roundedToFloat32(total, TB_STORED);
                });
            }
        },
        {
            name: 'raw_nb_of_instances', label: 'Hourly raw number of instances', unit: 'concurrent',
            define(storage) {
                const operands = own(storage, ['full_cumulative_storage_need', 'storage_capacity']);
                const { full_cumulative_storage_need: need, storage_capacity: capacity } = operands;
                return formula(operands, 'full_cumulative_storage_need / storage_capacity', () => {
                    const n = valueOf(need);
                    if (n.kind === 'empty') return EMPTY;
                    return roundedToFloat32(weightedSum([[n, 1 / scalarOf(valueOf(capacity), 'storage_capacity')]], Dimension.none, true), 1);
                });
            }
        },
        {
            name: 'nb_of_instances', label: 'Hourly number of instances', unit: 'concurrent',
            define(storage, model) {
                const raw = nodeOf(storage, 'raw_nb_of_instances');
                const fixed = storage.inputs.has('fixed_nb_of_instances') ? nodeOf(storage, 'fixed_nb_of_instances') : undefined;
                const server = model.relations.serverOfStorage(storage);
                const serverless = server?.text('server_type') === 'serverless';
                const text = serverless ? 'raw_nb_of_instances (its server is serverless)'
                    : fixed ? 'fixed_nb_of_instances all the time (the peak of raw_nb_of_instances must fit)' : 'ceil(raw_nb_of_instances) hour by hour';
                return formula(fixed ? { raw_nb_of_instances: raw, fixed_nb_of_instances: fixed } : { raw_nb_of_instances: raw }, text, () => {
                    const r = valueOf(raw);
                    if (r.kind !== 'hourly' || serverless) return r;
                    if (fixed) {
                        const installed = scalarOf(valueOf(fixed), 'fixed_nb_of_instances');
                        const peak = Math.ceil(r.series.max());
                        if (peak > installed) throw new ValueError(`the stored data needs ${peak} disks but fixed_nb_of_instances is ${installed}`);
                        return hourly(HourlySeries.constant(r.series.start, r.series.length, installed));
                    }
                    return hourly(r.series.ceil());
                });
            }
        },
        instancesFabricationFootprint,
        {
            name: 'instances_energy', label: 'Storage energy', unit: 'kWh',
            emptyBecause: 'e-footprint 22 does not model it',
            define: () => formula({}, 'not modeled in e-footprint 22 (empty)', () => EMPTY)
        },
        {
            name: 'energy_footprint', label: 'Storage energy footprint', unit: 'kg',
            emptyBecause: 'e-footprint 22 does not model it',
            define: () => formula({}, 'not modeled in e-footprint 22 (empty)', () => EMPTY)
        }
    ]
};
