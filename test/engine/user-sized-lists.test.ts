import { describe, expect, it } from 'vitest';
import { Model } from '../../src/engine/model/model.js';
import { buildModel } from '../../src/engine/build-model.js';
import type { ExprDescription, InputDescription, ModelDescription, ObjectDescription } from '../../src/engine/model/description.js';

/**
 * Models as large as a user can write or import: the engine builds and evaluates them without spreading
 * their lists into a call's arguments (V8 takes about 125,000) or recursing once per object, either of
 * which is a stack overflow, and without a message as long as the model.
 */
const N = 200_000;
const ONE_MINUTE: ExprDescription = { kind: 'number', value: 1, unit: 'min' };

function model(objects: ObjectDescription[]): ModelDescription {
    return { settings: { modeling_duration: { expr: { kind: 'number', value: 1, unit: 'year' } } }, sources: [], objects };
}

function input(expr: ExprDescription): InputDescription {
    return { expr };
}

function step(id: string, time: ExprDescription): ObjectDescription {
    return { id, className: 'UsageJourneyStep', name: id, inputs: { user_time_spent: input(time) } };
}

const timeOf = (id: string): ExprDescription => ({ kind: 'ref', object: id, path: ['user_time_spent'] });
const list = (ids: string[], weight?: number): ExprDescription => ({
    kind: 'list',
    items: ids.map((id): ExprDescription => {
        const ref: ExprDescription = { kind: 'ref', object: id, path: [] };
        return weight === undefined ? ref : { kind: 'binary', operator: '*', left: ref, right: { kind: 'number', value: weight } };
    })
});

function group(id: string, sub: string | undefined): ObjectDescription {
    return { id, className: 'EdgeDeviceGroup', name: id, inputs: sub ? { sub_group_counts: input(list([sub], 1)) } : {} };
}

function quantity(m: Model, id: string, attribute: string): number | undefined {
    const value = m.findNode(id, attribute)?.value;
    return value?.kind === 'quantity' ? value.value : undefined;
}

describe('models of 200,000 objects', () => {
    it('200,000 objects: built and evaluated (regression: a stack overflow spreading them in collectInstances)', () => {
        const m = buildModel(model(Array.from({ length: N }, (_, i) => step(`s${i}`, ONE_MINUTE))));
        expect(m.diagnostics).toEqual([]);
        expect(m.instances.length).toBe(N);
        expect(quantity(m, `s${N - 1}`, 'user_time_spent')).toBe(60);
    });

    it('a chain of 200,000 values, each the next one\'s: evaluated (regression: a stack overflow, one call per link)', () => {
        const objects = Array.from({ length: N }, (_, i) => step(`s${i}`, i === N - 1 ? ONE_MINUTE : timeOf(`s${i + 1}`)));
        const m = buildModel(model(objects));
        expect(m.diagnostics).toEqual([]);
        expect(quantity(m, 's0', 'user_time_spent')).toBe(60);
    });

    it('a reference cycle through 200,000 values: each one reported, in a message of bounded length', () => {
        const objects = Array.from({ length: N }, (_, i) => step(`s${i}`, timeOf(`s${(i + 1) % N}`)));
        const m = buildModel(model(objects));
        expect(m.diagnostics.length).toBe(N);
        expect(new Set(m.diagnostics.map(d => d.message))).toEqual(new Set([
            'reference cycle of 200,000 values: s0.user_time_spent → s1.user_time_spent → s2.user_time_spent → … → s199999.user_time_spent → s0.user_time_spent'
        ]));
    });

    it('a journey of 200,000 steps: its duration sums them (regression: merging repeated steps scanned the list for each one)', () => {
        const steps = Array.from({ length: N }, (_, i) => step(`s${i}`, ONE_MINUTE));
        const journey: ObjectDescription = { id: 'visit', className: 'UsageJourney', name: 'visit', inputs: { uj_steps: input(list(steps.map(s => s.id))) } };
        const m = buildModel(model([...steps, journey]));
        expect(m.diagnostics).toEqual([]);
        expect(quantity(m, 'visit', 'duration')).toBe(N * 60);
    });

    it('edge device groups nested 200,000 deep: every group counted (regression: a stack overflow looking for cycles)', () => {
        const groups = Array.from({ length: N }, (_, i) => group(`g${i}`, i < N - 1 ? `g${i + 1}` : undefined));
        const m = buildModel(model(groups));
        expect(m.diagnostics).toEqual([]);
        expect(quantity(m, 'g0', 'effective_nb_of_units_within_root')).toBe(1);
        expect(quantity(m, `g${N - 1}`, 'effective_nb_of_units_within_root')).toBe(1);
    });

    it('a cycle of 200,000 edge device groups: each says it contains itself, in a message of bounded length (regression: minutes checking each error against all the others)', () => {
        const groups = Array.from({ length: N }, (_, i) => group(`g${i}`, `g${(i + 1) % N}`));
        const m = buildModel(model(groups));
        const messages = m.diagnostics.map(d => d.message);
        expect(messages.length).toBe(N);
        expect(messages[0]).toBe('edge_device_group g0: no_cycle_validation: the group contains itself, through 200,000 groups that contain one another: '
            + 'g0 → g1 → g2 → … → g199999 → g0; remove one of these from the other\'s sub_group_counts');
        expect(Math.max(...messages.slice(0, 1000).map(t => t.length))).toBeLessThan(250);
    });
});
