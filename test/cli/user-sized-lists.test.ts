import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/engine/build-model.js';
import type { ExprDescription, ObjectDescription } from '../../src/engine/model/description.js';
import { showValue } from '../../src/cli/show-value.js';

/**
 * What the CLI prints about models as large as users make them: no list of theirs is spread into a call
 * (a stack overflow past about 125,000 items). The other lists it prints are held to the same rule by
 * test/engine/call-arguments.test.ts.
 */
describe('efp eval --show on a value of 200,000 operands', () => {
    it('lists every operand, aligned (regression: a stack overflow sizing the column)', () => {
        const n = 200_000;
        const minute: ExprDescription = { kind: 'number', value: 1, unit: 'min' };
        const steps = Array.from({ length: n }, (_, i): ObjectDescription =>
            ({ id: `s${i}`, className: 'UsageJourneyStep', name: `s${i}`, inputs: { user_time_spent: { expr: minute } } }));
        const items = steps.map((s): ExprDescription => ({ kind: 'ref', object: s.id, path: [] }));
        const journey: ObjectDescription = { id: 'visit', className: 'UsageJourney', name: 'visit', inputs: { uj_steps: { expr: { kind: 'list', items } } } };
        const model = buildModel({ settings: { modeling_duration: { expr: { kind: 'number', value: 1, unit: 'year' } } }, sources: [], objects: [...steps, journey] });
        const lines = showValue(model, 'visit.duration').split('\n');
        expect(lines.slice(0, 4)).toEqual([
            'visit.duration — Duration (usage_journey "visit")',
            '  = Σ over uj_steps of times per journey × user_time_spent',
            '  value: 200,000 min',
            '  operands:'
        ]);
        expect(lines.length).toBe(4 + n);
        expect(lines[4]).toBe('    s0.user_time_spent       1 min');
        expect(lines[lines.length - 1]).toBe('    s199999.user_time_spent  1 min');
    });
});
