import type { CalculatedSpec, ClassSpec, FormulaDefinition, InputSpec } from '../model/class-spec.js';
import { itemOf, mapItems, ONE_HOUR, sumOfItems, valueOf, positionsOf } from '../formulas/formula-values.js';
import { nodeOf, onEach, own } from '../formulas/operands.js';
import { EMPTY, hourly, multiply, quantity, scalarOf, sum, type NumericValue } from '../model/values.js';
import { Dimension } from '../units/dimension.js';
import { averagedOccurrences } from '../series/averaged-occurrences.js';
import type { EfpObject } from '../model/efp-object.js';
import type { Model } from '../model/model.js';
import { ReportedElsewhere } from '../model/diagnostics.js';

const DATA = Dimension.base('data');
const STORED = Dimension.base('data_stored');

/**
 * How a job's runs spread over a usage pattern's hours: walking the journey's steps in order with a
 * running delay, each step that contains the job adds the journey starts shifted by the delay, times
 * the step's and the job's weights.
 */
function hourlyOccurrences(job: EfpObject, model: Model): FormulaDefinition {
    const all = model.relations.patternsOfJob(job);
    const patterns = all.filter(p => p.className === 'UsagePattern');
    const at = positionsOf(patterns);
    const edge = edgeOccurrences(job, model, all.filter(p => p.className === 'EdgeUsagePattern'));
    const walks = patterns.map(pattern => {
        const steps = pattern.ref('usage_journey')!.weights('uj_steps');
        return { pattern, steps, starts: nodeOf(pattern, 'utc_hourly_usage_journey_starts'), times: onEach(steps.map(s => s.object), 'user_time_spent') };
    });
    return {
        operands: {
            utc_hourly_usage_journey_starts: walks.map(w => w.starts),
            user_time_spent: walks.flatMap(w => w.times),
            // named only where the text speaks of edge usage patterns
            ...(edge.patterns.length > 0 ? edge.operands : {})
        },
        operandOrder: [...walks.flatMap(w => [w.starts, ...w.times]), ...edge.operandOrder],
        formula: 'Σ over journey steps running the job of utc_hourly_usage_journey_starts shifted by the user_time_spent of the earlier steps × times per journey × times per step'
            + (edge.patterns.length > 0 ? `; in an edge usage pattern, ${edge.formula}` : ''),
        compute() {
            return mapItems(all, pattern => {
                if (pattern.className === 'EdgeUsagePattern') return edge.item(pattern);
                const walk = walks[at.get(pattern)!];
                const starts = valueOf(walk.starts);
                if (starts.kind !== 'hourly') return EMPTY;
                // a journey longer than the period is reported on the journey (its duration); its steps'
                // delays would spread the starts over as many hours
                const journeySeconds = walk.steps.reduce((total, step, i) => total + step.weight * scalarOf(valueOf(walk.times[i]), 'user_time_spent'), 0);
                if (journeySeconds > model.period.length * 3600) throw new ReportedElsewhere();
                const parts: NumericValue[] = [];
                let delaySeconds = 0;
                walk.steps.forEach((step, i) => {
                    const inStep = step.object.weights('jobs').find(j => j.object === job);
                    if (inStep) {
                        const shifted = starts.series.shift(Math.floor(delaySeconds / 3600));
                        parts.push(hourly(shifted.scale(step.weight * inStep.weight)));
                    }
                    delaySeconds += step.weight * scalarOf(valueOf(walk.times[i]), 'user_time_spent');
                });
                return sum(parts);
            });
        }
    };
}

/**
 * A job's runs in an edge usage pattern: each recurrent server need of the pattern's journey that lists the
 * job triggers it `weight` times per occurrence of the need, for every device in use
 * (e-footprint: Σ unitary_hourly_volume_per_usage_pattern × nb_edge_usage_journeys_in_parallel × jobs[job]).
 */
function edgeOccurrences(job: EfpObject, model: Model, patterns: readonly EfpObject[]) {
    const at = positionsOf(patterns);
    const uses = patterns.map(pattern => {
        const needs = model.relations.edge.serverNeedsOfJourney(pattern.ref('edge_usage_journey')!)
            .map(need => ({ need, weight: need.weights('jobs').find(w => w.object === job)?.weight }))
            .filter((x): x is { need: EfpObject; weight: number } => x.weight !== undefined);
        return {
            needs: needs.map(n => ({ volume: nodeOf(n.need, 'unitary_hourly_volume_per_usage_pattern'), weight: n.weight })),
            parallel: nodeOf(pattern.ref('edge_usage_journey')!, 'nb_edge_usage_journeys_in_parallel_per_edge_usage_pattern')
        };
    });
    return {
        patterns,
        operands: {
            unitary_hourly_volume_per_usage_pattern: uses.flatMap(u => u.needs.map(n => n.volume)),
            nb_edge_usage_journeys_in_parallel_per_edge_usage_pattern: uses.map(u => u.parallel)
        },
        operandOrder: uses.flatMap(u => [...u.needs.map(n => n.volume), u.parallel]),
        formula: 'Σ over the journey\'s recurrent server needs listing the job of unitary_hourly_volume_per_usage_pattern × nb_edge_usage_journeys_in_parallel_per_edge_usage_pattern × times per occurrence',
        item(pattern: EfpObject): NumericValue {
            const use = uses[at.get(pattern)!];
            const parallel = itemOf(use.parallel, pattern);
            return sum(use.needs.map(n => multiply(multiply(itemOf(n.volume, pattern), parallel), quantity(n.weight))));
        }
    };
}

/** Per usage pattern: averaged occurrences × `amount` × 1 h / request_duration. */
function hourlyAmount(job: EfpObject, model: Model, amountAttribute: string, dimension: Dimension): FormulaDefinition {
    const patterns = model.relations.patternsOfJob(job);
    const operands = own(job, ['hourly_avg_occurrences_per_usage_pattern', amountAttribute, 'request_duration']);
    const { hourly_avg_occurrences_per_usage_pattern: avg, [amountAttribute]: amount, request_duration: duration } = operands;
    return {
        operands,
        formula: `hourly_avg_occurrences_per_usage_pattern × ${amountAttribute} × 1 h / request_duration`,
        compute() {
            const perHour = scalarOf(valueOf(amount), amountAttribute) * ONE_HOUR / scalarOf(valueOf(duration), 'request_duration');
            return mapItems(patterns, p => multiply(itemOf(avg, p), quantity(perHour, dimension)));
        }
    };
}

function jobInputs(computeUnit: 'cpu_core' | 'gpu', computeDefault: number, serverClasses: string[]): InputSpec[] {
    return [
        {
            type: 'quantity', name: 'data_transferred', label: 'Sum of all data uploads and downloads by request', unit: 'kB',
            default: { value: 150, unit: 'kB' }, min: 0, description: 'Data uploaded and downloaded over the network by one run of the job.'
        },
        {
            type: 'quantity', name: 'data_stored', label: 'Data stored by request', unit: 'kB_stored',
            default: { value: 100, unit: 'kB_stored' }, description: 'Data one run writes to its server\'s storage (negative to delete).'
        },
        {
            type: 'quantity', name: 'request_duration', label: 'Request duration', unit: 's',
            default: { value: 1, unit: 's' }, min: 0, withinModelingPeriod: 'request duration', description: 'How long one run keeps the server busy.'
        },
        {
            type: 'quantity', name: 'ram_needed', label: 'RAM needed during job processing', unit: 'MB_ram',
            default: { value: 50, unit: 'MB_ram' }, min: 0, description: 'Memory one run holds while it runs.'
        },
        {
            type: 'quantity', name: 'compute_needed', label: computeUnit === 'gpu' ? 'gpus needed during job processing' : 'cpu cores needed during job processing',
            unit: computeUnit, default: { value: computeDefault, unit: computeUnit }, min: 0,
            description: computeUnit === 'gpu' ? 'GPUs one run occupies while it runs.' : 'CPU cores one run occupies while it runs.'
        },
        { type: 'ref', name: 'server', label: 'Server', classes: serverClasses, description: 'The server that runs the job.' }
    ];
}

/** What every kind of job computes from its per-run needs (a video job's included). */
export const jobCalculations: CalculatedSpec[] = [
    {
        name: 'hourly_occurrences_per_usage_pattern', label: 'Hourly occurrences per usage pattern', unit: 'occurrence',
        itemLabel: p => `Hourly occurrences in ${p.name}`,
        define: hourlyOccurrences
    },
    {
        name: 'hourly_avg_occurrences_per_usage_pattern', label: 'Average hourly occurrences per usage pattern', unit: 'concurrent',
        itemLabel: p => `Average hourly occurrences in ${p.name}`,
        define(job, model) {
            const patterns = model.relations.patternsOfJob(job);
            const operands = own(job, ['hourly_occurrences_per_usage_pattern', 'request_duration']);
            const { hourly_occurrences_per_usage_pattern: occurrences, request_duration: duration } = operands;
            return {
                operands,
                formula: 'averaged occurrences of hourly_occurrences_per_usage_pattern over request_duration',
                compute() {
                    const hours = scalarOf(valueOf(duration), 'request_duration') / 3600;
                    return mapItems(patterns, p => {
                        const occ = itemOf(occurrences, p);
                        if (occ.kind !== 'hourly') return EMPTY;
                        const avg = averagedOccurrences(occ.series, hours);
                        return avg ? hourly(avg) : EMPTY;
                    });
                }
            };
        }
    },
    {
        name: 'hourly_data_transferred_per_usage_pattern', label: 'Hourly data transferred per usage pattern', unit: 'MB',
        itemLabel: p => `Hourly data transferred in ${p.name}`,
        define: (job, model) => hourlyAmount(job, model, 'data_transferred', DATA)
    },
    {
        name: 'hourly_data_stored_per_usage_pattern', label: 'Hourly data stored per usage pattern', unit: 'MB_stored',
        itemLabel: p => `Hourly data stored in ${p.name}`,
        define: (job, model) => hourlyAmount(job, model, 'data_stored', STORED)
    },
    {
        name: 'hourly_avg_occurrences_across_usage_patterns', label: 'Hourly average occurrences across usage patterns', unit: 'concurrent',
        define: job => sumOfItems(job, 'hourly_avg_occurrences_per_usage_pattern', Dimension.none)
    },
    {
        name: 'hourly_data_transferred_across_usage_patterns', label: 'Hourly data transferred across usage patterns', unit: 'MB',
        define: job => sumOfItems(job, 'hourly_data_transferred_per_usage_pattern', DATA)
    },
    {
        name: 'hourly_data_stored_across_usage_patterns', label: 'Hourly data stored across usage patterns', unit: 'MB_stored',
        define: job => sumOfItems(job, 'hourly_data_stored_per_usage_pattern', STORED)
    }
];

/** A request a server handles: data it moves and stores, RAM and CPU it holds while it runs. */
export const Job: ClassSpec = {
    className: 'Job',
    extends: ['DirectServerJob'],
    keyword: 'job',
    article: 'a job',
    description: 'Work a server does for one step of a journey: data moved and stored, RAM and CPU held.',
    typicalInputs: ['data_transferred', 'data_stored', 'request_duration', 'ram_needed', 'compute_needed'],
    onInput: 'server',
    inputs: jobInputs('cpu_core', 0.1, ['Server']),
    calculated: jobCalculations
};

/** A job on a GPU server; its compute is counted in GPUs. */
export const GPUJob: ClassSpec = {
    className: 'GPUJob',
    extends: ['DirectServerJob'],
    keyword: 'gpu_job',
    article: 'a GPU job',
    description: 'A job that runs on a GPU server, its compute counted in GPUs.',
    typicalInputs: ['data_transferred', 'data_stored', 'request_duration', 'ram_needed', 'compute_needed'],
    onInput: 'server',
    inputs: jobInputs('gpu', 1, ['GPUServer']),
    calculated: jobCalculations
};
