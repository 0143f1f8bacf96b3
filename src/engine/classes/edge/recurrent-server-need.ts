import type { ClassSpec } from '../../model/class-spec.js';
import { itemOf, mapItems, valueOf, positionsOf } from '../../formulas/formula-values.js';
import { nodeOf } from '../../formulas/operands.js';
import { EMPTY, hourly, ValueError } from '../../model/values.js';
import { weekOverPattern } from './week-over-pattern.js';
import { parallelNodes } from './edge-component.js';

/**
 * The bridge from the edge model to servers (e-footprint's RecurrentServerNeed): every device in use
 * triggers server jobs on a typical week. Formulas, as e-footprint 22.2.1 computes them:
 * - recurrent_need_validation = recurrent_volume_per_edge_device, which must not be negative;
 * - unitary_hourly_volume_per_usage_pattern[p] = the week replayed over the hours devices are in use in p
 *   (local week, then UTC) × the number of times the need appears among p's journey's functions;
 * - a job it lists runs, in p, Σ over such needs of unitary volume × devices in parallel × times per
 *   occurrence (job.ts), so servers, storage and networks count it like a web job. The device's group
 *   counts do not multiply the volume: it is per journey, as in e-footprint.
 */
export const RecurrentServerNeed: ClassSpec = {
    className: 'RecurrentServerNeed',
    extends: ['ModelingObject'],
    keyword: 'recurrent_server_need',
    article: 'a recurrent server need',
    description: 'Server jobs each deployed edge device triggers over a typical week (its calls to a back end).',
    typicalInputs: ['edge_device', 'recurrent_volume_per_edge_device', 'jobs'],
    inputs: [
        {
            type: 'ref', name: 'edge_device', label: 'Edge device', classes: ['EdgeDevice'],
            description: 'The edge device that calls the servers; it takes part in the patterns that run this need.'
        },
        {
            type: 'hourly', weekly: true, name: 'recurrent_volume_per_edge_device', label: 'Recurrent volume per edge device', unit: 'occurrence', min: 0,
            default: { value: 1, unit: 'occurrence' },
            description: 'How many times one device triggers the jobs each hour of a typical week, from Monday 00:00 local time.'
        },
        {
            type: 'weighted', name: 'jobs', label: 'Jobs', classes: ['JobBase'], weightLabel: 'Times per occurrence',
            description: 'Server jobs triggered at each occurrence, with how many times each (`[upload * 2, sync]`).'
        }
    ],
    calculated: [
        {
            name: 'recurrent_need_validation', label: 'Validated recurrent need', unit: 'occurrence',
            define(need) {
                const week = nodeOf(need, 'recurrent_volume_per_edge_device');
                return {
                    operands: { recurrent_volume_per_edge_device: week }, formula: 'recurrent_volume_per_edge_device, checked not to be negative',
                    compute() {
                        const v = valueOf(week);
                        if (v.kind === 'hourly' && v.series.min() < 0) {
                            throw new ValueError(`a server need's volume cannot be negative (lowest: ${v.series.min()})`);
                        }
                        return v;
                    }
                };
            }
        },
        {
            name: 'unitary_hourly_volume_per_usage_pattern', label: 'Unitary hourly volume', unit: 'occurrence',
            itemLabel: p => `Unitary hourly need for ${p.name}`,
            define(need, model) {
                const patterns = model.relations.edge.patternsOfServerNeed(need);
                const at = positionsOf(patterns);
                const week = nodeOf(need, 'recurrent_volume_per_edge_device');
                const parallel = parallelNodes(patterns);
                return {
                    operands: { recurrent_volume_per_edge_device: week, nb_edge_usage_journeys_in_parallel_per_edge_usage_pattern: parallel },
                    formula: 'recurrent_volume_per_edge_device replayed week after week over nb_edge_usage_journeys_in_parallel_per_edge_usage_pattern\'s hours (local week, then UTC) × occurrences of the need in the journey',
                    compute() {
                        const w = valueOf(week);
                        return mapItems(patterns, p => {
                            const series = weekOverPattern(w, itemOf(parallel[at.get(p)!], p), p, model.relations.edge.occurrencesOfServerNeed(need, p));
                            return series && w.kind === 'hourly' ? hourly(series, w.dimension) : EMPTY;
                        });
                    }
                };
            }
        }
    ]
};
