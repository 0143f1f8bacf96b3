import type { CalculatedSpec, ClassSpec } from '../../model/class-spec.js';
import { valueOf } from '../../formulas/formula-values.js';
import { nodeOf } from '../../formulas/operands.js';
import { hourly } from '../../model/values.js';
import { parseUnit } from '../../units/unit.js';
import { constantWeek } from '../../series/typical-week.js';
import { componentNeedCalculations, edgeComponentInput } from './recurrent-edge-component-need.js';
import { processNeedsValidation } from './builder-validation.js';

const PROCESS_NEEDS = {
    RecurrentEdgeProcessRAMNeed: { keyword: 'recurrent_edge_process_ram_need', what: 'RAM', profile: 'recurrent_ram_needed', unit: 'GB_ram', parents: ['RecurrentEdgeProcessNeed'] },
    RecurrentEdgeProcessCPUNeed: { keyword: 'recurrent_edge_process_cpu_need', what: 'CPU', profile: 'recurrent_compute_needed', unit: 'cpu_core', parents: ['RecurrentEdgeProcessNeed'] },
    RecurrentEdgeProcessStorageNeed: {
        keyword: 'recurrent_edge_process_storage_need', what: 'storage', profile: 'recurrent_storage_needed', unit: 'GB_stored',
        parents: ['RecurrentEdgeProcessNeed', 'RecurrentEdgeStorageNeed']
    }
} as const;

/**
 * A need a recurrent edge process owns (e-footprint creates them with the process; so does efp when the
 * process leaves them out, builder-parts.ts; an import declares them so that each keeps its name and id):
 * its recurrent_need is the process's RAM, CPU or storage profile.
 */
function processNeed(className: keyof typeof PROCESS_NEEDS): ClassSpec {
    const { keyword, what, profile, unit, parents } = PROCESS_NEEDS[className];
    const recurrentNeed: CalculatedSpec = {
        name: 'recurrent_need', label: 'Recurrent need', unit,
        define(need, model) {
            const process = model.relations.edge.processOfNeed(need);
            const source = process ? nodeOf(process, profile) : undefined;
            return {
                operands: source ? { [profile]: source } : {},
                formula: source ? `the process's ${profile}` : 'no process: 0 every hour of the week',
                compute: () => source ? valueOf(source) : hourly(constantWeek(0), parseUnit(unit).dimension)
            };
        }
    };
    return {
        className, keyword,
        extends: parents,
        article: `a recurrent edge process ${what} need`,
        description: `The ${what} need of a recurrent edge process, on its edge computer's ${what === 'storage' ? 'storage' : `${what} component`}.`,
        inputs: [edgeComponentInput],
        calculated: [recurrentNeed, ...componentNeedCalculations]
    };
}

export const RecurrentEdgeProcessRAMNeed = processNeed('RecurrentEdgeProcessRAMNeed');
export const RecurrentEdgeProcessCPUNeed = processNeed('RecurrentEdgeProcessCPUNeed');
export const RecurrentEdgeProcessStorageNeed = processNeed('RecurrentEdgeProcessStorageNeed');

/** A typical week of CPU, RAM and storage use on an edge computer, as three needs on its components. */
export const RecurrentEdgeProcess: ClassSpec = {
    className: 'RecurrentEdgeProcess',
    extends: ['RecurrentEdgeDeviceNeed'],
    keyword: 'recurrent_edge_process',
    article: 'a recurrent edge process',
    description: 'A process on an edge computer: a typical week of compute, RAM and storage use.',
    typicalInputs: ['edge_device', 'recurrent_edge_component_needs', 'recurrent_compute_needed', 'recurrent_ram_needed', 'recurrent_storage_needed'],
    inputs: [
        { type: 'ref', name: 'edge_device', label: 'Edge device', classes: ['EdgeComputer'], description: 'The edge computer that runs the process.' },
        {
            type: 'refs', name: 'recurrent_edge_component_needs', label: 'Recurrent edge component needs', classes: ['RecurrentEdgeProcessNeed'],
            description: 'Its RAM, CPU and storage needs (recurrent_edge_process_ram_need, …_cpu_need, …_storage_need); left out, efp creates them as e-footprint does.'
        },
        {
            type: 'hourly', weekly: true, name: 'recurrent_compute_needed', label: 'Recurrent compute needed', unit: 'cpu_core', min: 0,
            default: { value: 1, unit: 'cpu_core' }, description: 'Cores used over a typical week, hour by hour from Monday 00:00 local time.'
        },
        {
            type: 'hourly', weekly: true, name: 'recurrent_ram_needed', label: 'Recurrent RAM needed', unit: 'GB_ram', min: 0,
            default: { value: 1, unit: 'GB_ram' }, description: 'RAM used over a typical week, hour by hour from Monday 00:00 local time.'
        },
        {
            type: 'hourly', weekly: true, name: 'recurrent_storage_needed', label: 'Recurrent storage needed', unit: 'GB_stored',
            default: { value: 0, unit: 'GB_stored' }, description: 'Data written (negative: deleted) each hour of a typical week, from Monday 00:00 local time.'
        }
    ],
    calculated: [processNeedsValidation]
};
