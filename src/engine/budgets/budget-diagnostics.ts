import type { EngineDiagnostic } from '../model/diagnostics.js';
import type { EfpObject } from '../model/efp-object.js';
import type { Model } from '../model/model.js';
import { formatMass, massScaleOf } from '../report/mass-format.js';
import { formatNumber } from '../model/value-format.js';
import { budgetUseOf } from './budget-of.js';
import type { BudgetUse } from './budget-check.js';

export interface BudgetFinding {
    readonly budget: EfpObject;
    readonly target: EfpObject;
    readonly use: BudgetUse;
}

/** Every budget of the model with its use of its limit (budgets whose values are in error are left out). */
export function budgetFindings(model: Model): BudgetFinding[] {
    const findings: BudgetFinding[] = [];
    for (const budget of model.instances) {
        const target = budget.ref('target');
        if (budget.className !== 'Budget' || !target) continue;
        try {
            findings.push({ budget, target, use: budgetUseOf(model, budget) });
        } catch {
            // a value it needs is in error: that error is reported where it was written
        }
    }
    return findings;
}

function percent(share: number): string {
    return Number.isFinite(share) ? `${formatNumber(share * 100, 0)} %` : 'over 100 %';
}

/**
 * A warning for each budget a period of which reaches its warning threshold, an error for each one a
 * period of which goes past its limit: on the budget's `limit`, naming the object, the figure and the limit.
 */
export function budgetDiagnostics(model: Model): EngineDiagnostic[] {
    const out: EngineDiagnostic[] = [];
    for (const { budget, target, use } of budgetFindings(model)) {
        const worst = use.worst;
        if (use.status === 'within' || !worst) continue;
        const unit = massScaleOf([worst.footprint, worst.allowance]);
        const phase = budget.text('phase') ?? 'total';
        const what = phase === 'total' ? 'emits' : `emits, in ${phase},`;
        const partial = worst.window.end - worst.window.start < worst.window.fullHours ? ' (the part of it modeled)' : '';
        const limitText = budget.inputs.get('limit')?.text ?? formatMass(worst.allowance, unit);
        const message = `budget ${budget.id}: ${target} ${what} ${formatMass(worst.footprint, unit)} CO2e in ${worst.window.label}${partial}, `
            + `${percent(use.share)} of its limit of ${formatMass(worst.allowance, unit)} (${limitText})`;
        const origin = budget.inputs.get('limit')?.origin ?? budget.origin;
        if (use.status === 'exceeded') {
            const over = use.windows.filter(w => w.footprint > w.allowance).map(w => w.window.label);
            out.push({
                severity: 'error', code: 'budget-exceeded', origin,
                message: over.length > 1 ? `${message}; over the limit in ${over.length} periods: ${over.slice(0, 5).join(', ')}${over.length > 5 ? ', …' : ''}` : message,
                hint: `Reduce ${target}'s footprint, or raise the limit if the budget allows it.`
            });
        } else {
            out.push({
                severity: 'warning', code: 'budget-warning', origin,
                message: `${message}; warning from ${percent(thresholdOf(budget, model))}`,
                hint: 'The limit is not exceeded yet; `warning_threshold` sets when this warning starts.'
            });
        }
    }
    return out;
}

function thresholdOf(budget: EfpObject, model: Model): number {
    const v = model.node(budget, 'warning_threshold').value;
    return v?.kind === 'quantity' ? v.value : 0.8;
}
