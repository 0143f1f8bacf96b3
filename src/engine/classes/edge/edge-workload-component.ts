import type { CalculatedSpec, ClassSpec } from '../../model/class-spec.js';
import { ValueError } from '../../model/values.js';
import { componentInputs, footprintCalculations, loadPerPattern, perUnitTotals, unitaryPower } from './edge-component.js';

const workload = loadPerPattern('unitary_hourly_workload_per_usage_pattern', 'Hourly workload', 'concurrent', 'unitary_hourly_need_per_usage_pattern');

/** What a workload component computes from its power, idle power and needs (shared with an appliance's component). */
export function workloadCalculations(): CalculatedSpec[] {
    return [
        {
            ...workload,
            define(component, model) {
                const d = workload.define(component, model);
                return {
                    ...d, formula: `${d.formula}, between 0 and 1`,
                    compute() {
                        const v = d.compute();
                        if (v.kind === 'dict') {
                            for (const [p, load] of v.items) {
                                if (load.kind === 'hourly' && (load.series.min() < 0 || load.series.max() > 1)) {
                                    throw new ValueError(`the workloads on this component add up to more than 1 (or less than 0) in ${String(p)}`);
                                }
                            }
                        }
                        return v;
                    }
                };
            }
        },
        ...perUnitTotals(),
        unitaryPower('unitary_hourly_workload_per_usage_pattern', 'unitary_hourly_workload_per_usage_pattern', [], load => load),
        ...footprintCalculations()
    ];
}

/** A component known only by how busy it is (0 to 1): an appliance whose insides are not modeled. */
export const EdgeWorkloadComponent: ClassSpec = {
    className: 'EdgeWorkloadComponent',
    extends: ['EdgeComponent'],
    keyword: 'edge_workload_component',
    article: 'an edge workload component',
    description: 'A component known by its workload (0 idle to 1 fully busy): its power follows the workload.',
    inputs: componentInputs({ fabrication: 100, power: 50, lifespan: true, idle: 5 }),
    calculated: workloadCalculations()
};
