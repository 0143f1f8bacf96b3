import type { ClassSpec } from '../../model/class-spec.js';
import { valueOf } from '../../formulas/formula-values.js';
import { formula, nodeOf } from '../../formulas/operands.js';
import { hourly } from '../../model/values.js';
import { parseUnit } from '../../units/unit.js';
import { constantWeek } from '../../series/typical-week.js';
import { componentNeedCalculations, edgeComponentInput } from './recurrent-edge-component-need.js';
import { workloadNeedsValidation } from './builder-validation.js';

/**
 * The need a recurrent edge workload owns (e-footprint's RecurrentEdgeWorkloadNeed), on its appliance's
 * component: recurrent_need = the workload's recurrent_workload (0 every hour when no workload owns it).
 */
export const RecurrentEdgeWorkloadNeed: ClassSpec = {
    className: 'RecurrentEdgeWorkloadNeed',
    extends: ['RecurrentEdgeComponentNeed'],
    keyword: 'recurrent_edge_workload_need',
    article: 'a recurrent edge workload need',
    description: 'The need of a recurrent edge workload on its appliance\'s component; its week is the workload\'s.',
    inputs: [{ ...edgeComponentInput, classes: ['EdgeApplianceComponent'] }],
    calculated: [
        {
            name: 'recurrent_need', label: 'Recurrent need', unit: 'concurrent',
            define(need, model) {
                const owner = model.relations.edge.processOfNeed(need);
                const source = owner?.className === 'RecurrentEdgeWorkload' ? nodeOf(owner, 'recurrent_workload') : undefined;
                return formula(source ? { recurrent_workload: source } : {},
                    source ? 'the workload\'s recurrent_workload' : 'no workload: 0 every hour of the week',
                    () => source ? valueOf(source) : hourly(constantWeek(0), parseUnit('concurrent').dimension));
            }
        },
        ...componentNeedCalculations
    ]
};

/**
 * A typical week of 0-1 workload on an edge appliance (e-footprint's RecurrentEdgeWorkload builder), carried
 * by one recurrent_edge_workload_need on the appliance's component (created with it when left out).
 */
export const RecurrentEdgeWorkload: ClassSpec = {
    className: 'RecurrentEdgeWorkload',
    extends: ['RecurrentEdgeDeviceNeed'],
    keyword: 'recurrent_edge_workload',
    article: 'a recurrent edge workload',
    description: 'How busy an edge appliance is over a typical week, from 0 (idle) to 1 (full load).',
    typicalInputs: ['edge_device', 'recurrent_workload'],
    inputs: [
        { type: 'ref', name: 'edge_device', label: 'Edge device', classes: ['EdgeAppliance'], description: 'The appliance the workload runs on.' },
        {
            type: 'refs', name: 'recurrent_edge_component_needs', label: 'Recurrent edge component needs', classes: ['RecurrentEdgeWorkloadNeed'],
            description: 'Its need on the appliance\'s component (recurrent_edge_workload_need); left out, efp creates it as e-footprint does.'
        },
        {
            type: 'hourly', weekly: true, name: 'recurrent_workload', label: 'Recurrent workload', unit: 'concurrent',
            default: { value: 1, unit: 'concurrent' },
            description: 'Workload over a typical week, hour by hour from Monday 00:00 local time, between 0 (idle) and 1 (full load).'
        }
    ],
    calculated: [workloadNeedsValidation]
};
