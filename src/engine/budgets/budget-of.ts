import type { EfpObject } from '../model/efp-object.js';
import type { Model } from '../model/model.js';
import type { Node } from '../model/node.js';
import { scalarOf, type NumericValue } from '../model/values.js';
import { budgetUse, type BudgetUse } from './budget-check.js';
import { own } from '../formulas/operands.js';

/** The values a budget's check reads, by name. */
export function budgetOperands(budget: EfpObject) {
    return own(budget, ['hourly_footprint', 'limit', 'period', 'warning_threshold']);
}

function numeric(node: Node): NumericValue {
    const v = node.value;
    return v === undefined || v.kind === 'dict' ? { kind: 'empty' } : v;
}

/** A budget's use of its limit over the model's period, from its evaluated values. */
export function budgetUseOf(model: Model, budget: EfpObject): BudgetUse {
    const { hourly_footprint: footprint, limit, period, warning_threshold: warning } = budgetOperands(budget);
    return budgetUse(numeric(footprint), model.period,
        scalarOf(numeric(limit), 'limit'), scalarOf(numeric(period), 'period'), scalarOf(numeric(warning), 'warning_threshold'));
}
