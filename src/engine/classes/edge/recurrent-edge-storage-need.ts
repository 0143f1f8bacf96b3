import type { ClassSpec } from '../../model/class-spec.js';
import { componentNeedCalculations, edgeComponentInput } from './recurrent-edge-component-need.js';

/**
 * e-footprint's RecurrentEdgeStorageNeed: a component need on an edge storage, its week a write rate
 * (negative: deletion). Its formulas are the component need's storage branch (recurrent-edge-component-need.ts):
 * - unitary_hourly_need_per_usage_pattern = the replayed week, 0 before the first Monday 00:00;
 * - cumulative_unitary_storage_need_per_usage_pattern = its running sum (float32 terabytes);
 * - total_hourly_need_across_usage_patterns = Σ over patterns of the cumulative need × devices in parallel.
 * A recurrent_edge_component_need on a storage computes the same; this keyword keeps e-footprint's class.
 */
export const RecurrentEdgeStorageNeed: ClassSpec = {
    className: 'RecurrentEdgeStorageNeed',
    extends: ['RecurrentEdgeComponentNeed'],
    keyword: 'recurrent_edge_storage_need',
    article: 'a recurrent edge storage need',
    description: 'A typical week of data written (negative: deleted) on an edge storage, replayed while devices are deployed.',
    inputs: [
        { ...edgeComponentInput, classes: ['EdgeStorage'], description: 'The storage the data is written to.' },
        {
            type: 'hourly', weekly: true, name: 'recurrent_need', label: 'Recurrent need', unit: 'GB_stored',
            description: 'Data written each hour of a typical week (negative: deleted), from Monday 00:00 local time.'
        }
    ],
    calculated: componentNeedCalculations
};
