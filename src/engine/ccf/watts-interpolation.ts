/**
 * An instance's power at a CPU utilisation, from its power at idle and at full load. CCF interpolates
 * linearly; the Impact Framework plugin can also run a natural cubic spline through the four whole-instance
 * measurements of Teads' AWS dataset (0, 10, 50, 100 %). Neither clamps the utilisation: 150 % extrapolates
 * above full load, as the plugin does.
 */
import SplineModule from 'typescript-cubic-spline';
import type { InstanceWattsCurve } from './plugin-catalogue.js';

export const INTERPOLATIONS = ['linear', 'spline'] as const;
export type Interpolation = typeof INTERPOLATIONS[number];

/** CPU utilisations (%) of the curve's knots. */
const CURVE_KNOTS = [0, 10, 50, 100];

/**
 * `min + (max − min) × cpu / 100`, written in the plugin's and CCF's order of operations so that results
 * agree to the last bit.
 */
export function linearWatts(minWatts: number, maxWatts: number, cpuPercent: number): number {
    return minWatts + (maxWatts - minWatts) * (cpuPercent / 100);
}

// The plugin uses typescript-cubic-spline; so does efp, for bit-identical results. The package is CommonJS
// with an `exports.default`: depending on the loader the default import is the class or the module object.
type SplineClass = typeof SplineModule.default;
const Spline: SplineClass = typeof SplineModule === 'function' ? SplineModule as unknown as SplineClass : SplineModule.default;

/** The natural cubic spline through the curve, read at `cpuPercent`. */
export function splineWatts(curve: InstanceWattsCurve, cpuPercent: number): number {
    return new Spline(CURVE_KNOTS, [...curve]).at(cpuPercent);
}
