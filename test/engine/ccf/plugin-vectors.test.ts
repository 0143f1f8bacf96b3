/**
 * Every case of ccf_vectors.json (the real @grnsft/if-unofficial-plugins 0.3.1 CloudCarbonFootprint plugin
 * run on node 20): energy and carbon-embodied, or the error's class and message. By default efp gives the
 * plugin's intended figure where the plugin has its NaN bug; the compatibility mode gives the NaN.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ccfPluginExecute, ccfPluginObservation, type Observation, type PluginConfig } from '../../../src/engine/ccf/plugin-observation.js';
import { PluginInputError } from '../../../src/engine/ccf/plugin-validation.js';

type Num = number | 'NaN';
interface Vector {
    input: Observation;
    config: PluginConfig | null;
    output: { energy?: Num; 'carbon-embodied'?: Num; error?: { class: string; message: string } };
    intended_without_bug?: { energy: Num; 'carbon-embodied': Num };
}
const vectors: Vector[] = JSON.parse(readFileSync('test/fixtures/ccf/ccf_vectors.json', 'utf8')).vectors;

/** Relative tolerance; the figures in fact agree to the last bit (see the max error test). */
const RELATIVE_TOLERANCE = 1e-12;
let maxRelativeError = 0;

function expectClose(actual: number, expected: Num, what: string): void {
    if (expected === 'NaN') {
        expect(actual, what).toBeNaN();
        return;
    }
    const error = expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
    maxRelativeError = Math.max(maxRelativeError, error);
    expect(error, `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(RELATIVE_TOLERANCE);
}

const label = (v: Vector, i: number) =>
    `#${i} ${v.input['cloud/vendor']} ${v.input['cloud/instance-type']} cpu ${v.input['cpu/utilization']} % ${v.input['duration']} s${v.config ? ' ' + JSON.stringify(v.config) : ''}`;

describe('Impact Framework CCF plugin vectors', () => {
    it('has the 57 cases', () => expect(vectors).toHaveLength(57));

    for (const [compatibility, mode] of [[true, 'compatibility mode'], [false, 'default mode']] as const) {
        describe(mode, () => {
            vectors.forEach((v, i) => {
                it(label(v, i), () => {
                    const config = v.config ?? {};
                    if (v.output.error) {
                        let caught: unknown;
                        try { ccfPluginObservation(v.input, config, { compatibility }); } catch (e) { caught = e; }
                        expect(caught).toBeInstanceOf(PluginInputError);
                        expect((caught as PluginInputError).errorClass).toBe(v.output.error.class);
                        expect((caught as PluginInputError).message).toBe(v.output.error.message);
                        return;
                    }
                    const expected = !compatibility && v.intended_without_bug ? v.intended_without_bug : v.output;
                    const result = ccfPluginObservation(v.input, config, { compatibility });
                    expectClose(result.energyKWh, expected.energy!, 'energy');
                    expectClose(result.embodiedGrams, expected['carbon-embodied']!, 'carbon-embodied');
                    // the observation comes back whole, with the two outputs added
                    expect(result.output).toMatchObject(v.input);
                    if (!compatibility && v.intended_without_bug && v.output.energy === 'NaN') expect(result.notes.join()).toMatch(/returns NaN energy/);
                });
            });
        });
    }

    it('agrees with the plugin within the tolerance (a last-bit difference at most, on an intended figure)', () => {
        expect(maxRelativeError).toBeLessThanOrEqual(RELATIVE_TOLERANCE);
        console.info(`ccf_vectors.json: max relative error ${maxRelativeError}`);
    });

    it('takes interpolation from the observation or the global config, the config winning', () => {
        const input = { duration: 3600, 'cpu/utilization': 10, 'cloud/vendor': 'aws', 'cloud/instance-type': 'm5n.large' };
        expect(ccfPluginObservation({ ...input, interpolation: 'spline' }).energyKWh).toBeCloseTo(0.0067, 12);
        expect(ccfPluginObservation({ ...input, interpolation: 'spline' }, { interpolation: 'linear' }).energyKWh).toBeCloseTo(0.0019435697915529846, 15);
    });

    it('reports every failing field of the schema, as the plugin does', () => {
        expect(() => ccfPluginObservation({ 'cloud/vendor': 'aws', 'cpu/utilization': '10' })).toThrow(
            '"duration" parameter is required. Error code: invalid_type.,'
            + '"cpu/utilization" parameter is expected number, received string. Error code: invalid_type.,'
            + '"cloud/instance-type" parameter is required. Error code: invalid_type.');
        expect(() => ccfPluginObservation({ duration: 1, 'cpu/utilization': 1, 'cloud/instance-type': 'x' })).toThrow(
            '"cloud/vendor" parameter is only aws,gcp,azure is currently supported. Error code: invalid_type.');
        expect(() => ccfPluginObservation({ duration: 1, 'cpu/utilization': 1, 'cloud/instance-type': 'm5n.large', 'cloud/vendor': 'aws', interpolation: 'cubic' })).toThrow(
            '"interpolation" parameter is invalid enum value. expected \'spline\' | \'linear\', received \'cubic\'. Error code: invalid_enum_value.');
    });

    it('suggests a close instance type', () => {
        try {
            ccfPluginObservation({ duration: 1, 'cpu/utilization': 1, 'cloud/instance-type': 'm5n.larg', 'cloud/vendor': 'aws' });
        } catch (e) {
            expect((e as PluginInputError).suggestion).toBe('m5n.large');
            expect((e as PluginInputError).fields).toEqual(['cloud/instance-type']);
        }
    });

    it('runs a batch like the plugin\'s execute', () => {
        const out = ccfPluginExecute(vectors.slice(0, 3).map(v => v.input));
        expect(out.map(o => o.energy)).toEqual(vectors.slice(0, 3).map(v => v.output.energy));
    });
});
