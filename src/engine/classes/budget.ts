import { operandList, type ClassSpec, type FormulaOperands } from '../model/class-spec.js';
import type { EfpObject } from '../model/efp-object.js';
import type { Model } from '../model/model.js';
import { valueOf } from '../formulas/formula-values.js';
import { onEach, own } from '../formulas/operands.js';
import { EMPTY, quantity, sum } from '../model/values.js';
import { Dimension } from '../units/dimension.js';
import { budgetOperands, budgetUseOf } from '../budgets/budget-of.js';

const MASS = Dimension.base('mass');

/** The phases a budget may limit: both (`total`), or one of e-footprint's two life-cycle phases. */
export const BUDGET_PHASES = ['total', 'fabrication', 'energy'] as const;

/**
 * Classes a budget may limit: a system, or an object the system totals count. The registry adds every
 * class with a footprint category once it has them all (this module cannot read it: it lists Budget).
 */
export const BUDGET_TARGET_CLASSES: string[] = ['System'];

/** The hourly footprints (kg) a budget limits, whose sum is its target's footprint in the chosen phases. */
function targetFootprints(budget: EfpObject, model: Model): FormulaOperands {
    const target = budget.ref('target');
    if (!target) return {};
    const phase = budget.text('phase') ?? 'total';
    if (target.className === 'System') {
        // the system's own total is rounded as e-footprint rounds it; a phase of it is the objects' sum
        if (phase === 'total') return own(target, ['total_footprint']);
        const attribute = phase === 'fabrication' ? 'instances_fabrication_footprint' : 'energy_footprint';
        return { [attribute]: onEach(model.relations.footprintObjects(target), attribute) };
    }
    return phase === 'total' ? own(target, ['instances_fabrication_footprint', 'energy_footprint'])
        : own(target, [phase === 'fabrication' ? 'instances_fabrication_footprint' : 'energy_footprint']);
}

/**
 * efp's carbon budget (not an e-footprint class): a limit on the footprint of a system or object per
 * period — each calendar year by default — checked over the whole modeling period: a warning once a
 * period reaches `warning_threshold` of the limit, an error past it, in the editor and in `efp check`.
 */
export const Budget: ClassSpec = {
    className: 'Budget',
    keyword: 'budget',
    article: 'a budget',
    description: 'A carbon budget: a limit on the footprint of a system or object per period (a warning from 80 % of it, an error past it).',
    typicalInputs: ['limit', 'period'],
    efpOnly: true,
    onInput: 'target',
    inputs: [
        { type: 'ref', name: 'target', label: 'Limited object', classes: BUDGET_TARGET_CLASSES, description: 'The system or object whose footprint is limited (`budget b on my_system { … }`).' },
        {
            type: 'quantity', name: 'limit', label: 'Footprint limit', unit: 't/year', min: 0,
            description: 'The most CO2e the target may emit, as a rate: `100 t/year`, `2 t/month`.'
        },
        {
            type: 'quantity', name: 'period', label: 'Period checked', unit: 'year', default: { value: 1, unit: 'year' }, min: 0, exclusiveMin: true,
            description: 'The windows the limit applies to: `year` (each calendar year, the default), `month`, `week`, `day`, `hour`, or any duration (`90 day`) cut from the start of the modeling period.'
        },
        { type: 'enum', name: 'phase', label: 'Life-cycle phase', values: BUDGET_PHASES, default: 'total', description: 'What counts: `total` (the default), `fabrication` or `energy`.' },
        {
            type: 'quantity', name: 'warning_threshold', label: 'Warning threshold', unit: '%', default: { value: 80, unit: '%' }, min: 0, max: 100,
            description: 'The share of the limit from which a period is reported as a warning.'
        }
    ],
    calculated: [
        {
            name: 'hourly_footprint', label: 'Hourly footprint limited', unit: 'kg',
            define(budget, model) {
                const operands = targetFootprints(budget, model);
                const nodes = operandList(operands);
                return {
                    operands,
                    formula: nodes.length === 1 ? nodes[0].attribute : `Σ of ${Object.keys(operands).join(' + ')} of the target's objects`,
                    compute: () => nodes.length === 0 ? EMPTY : sum(nodes.map(valueOf), MASS)
                };
            }
        },
        {
            name: 'share_of_limit', label: 'Highest share of the limit used in a period', unit: '%',
            define(budget, model) {
                return {
                    operands: budgetOperands(budget),
                    formula: 'max over the periods of the modeling period of Σ hourly_footprint / (limit × period) (the check that finds it reads warning_threshold too, for its status)',
                    compute: () => quantity(budgetUseOf(model, budget).share)
                };
            }
        },
        {
            name: 'worst_period_footprint', label: 'Footprint in the period closest to the limit', unit: 'kg',
            define(budget, model) {
                return {
                    operands: budgetOperands(budget),
                    formula: 'Σ hourly_footprint over the period with the highest share of limit × period (the check that finds it reads warning_threshold too, for its status)',
                    compute: () => quantity(budgetUseOf(model, budget).worst?.footprint ?? 0, MASS)
                };
            }
        }
    ]
};
