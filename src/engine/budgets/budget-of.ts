import type { EfpObject } from '../model/efp-object.js';
import type { Model } from '../model/model.js';
import type { Node } from '../model/node.js';
import { scalarOf, type NumericValue } from '../model/values.js';
import { budgetUse, type BudgetUse } from './budget-check.js';

/** The nodes a budget's check reads. */
export function budgetOperands(model: Model, budget: EfpObject): Node[] {
    return ['hourly_footprint', 'limit', 'period', 'warning_threshold'].map(a => model.node(budget, a));
}

function numeric(node: Node): NumericValue {
    const v = node.value;
    return v === undefined || v.kind === 'dict' ? { kind: 'empty' } : v;
}

/** A budget's use of its limit over the model's period, from its evaluated values. */
export function budgetUseOf(model: Model, budget: EfpObject): BudgetUse {
    const [footprint, limit, period, warning] = budgetOperands(model, budget).map(numeric);
    return budgetUse(footprint, model.period,
        scalarOf(limit, 'limit'), scalarOf(period, 'period'), scalarOf(warning, 'warning_threshold'));
}
