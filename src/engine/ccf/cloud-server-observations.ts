/**
 * A model's cloud servers as Impact Framework CCF plugin observations, for `efp export --if-manifest`.
 *
 * One observation per cloud server covers the whole modeling period, aggregated from the server's hourly
 * values rather than one per hour: a year of hourly observations would make a manifest of 8766 entries per
 * server for the same total. Aggregating loses nothing with the plugin's linear interpolation, because its
 * energy and embodied emissions are linear in the duration and in the CPU utilisation:
 * - `duration` is instance-seconds: 3600 × Σ nb_of_instances over the hours (two instances for a day make
 *   two days), since the plugin computes for one instance;
 * - `cpu/utilization` is the instance-hour-weighted mean of the hourly utilisation
 *   `100 × (hour_by_hour_compute_need + occupied_compute_per_instance × nb) / (compute × nb)`,
 *   which is `100 × (Σ need + occupied × Σ nb) / (compute × Σ nb)`.
 * So the plugin's answer for the one observation is the sum of its answers for the hourly ones (the
 * spline, not being linear, would differ; efp leaves interpolation to the manifest's default, linear).
 */
import type { Model } from '../model/model.js';
import type { EfpObject } from '../model/efp-object.js';
import type { NumericValue } from '../model/values.js';
import type { NodeValue } from '../model/node.js';
import { parseUnit } from '../units/unit.js';
import { DEFAULT_CLOUD_PROVIDER } from '../cloud/cloud-region.js';

export interface CloudServerObservation {
    readonly server: EfpObject;
    readonly vendor: string;
    readonly instanceType: string;
    readonly region: string | undefined;
    /** ISO 8601 time of the first hour of the server's series (UTC). */
    readonly timestamp: string;
    /** Instance-seconds over the modeling period. */
    readonly durationSeconds: number;
    /** Instance-hour-weighted mean CPU utilisation, %. */
    readonly cpuUtilization: number;
    readonly lifespanYears: number;
    readonly gridIntensityGPerKWh: number;
    readonly pue: number;
    /** The hourly observations the aggregate stands for (for checking it): instance-seconds and utilisation per hour with instances. */
    readonly hourly: { readonly durationSeconds: Float64Array; readonly cpuUtilization: Float64Array };
}

export interface CloudServerObservations {
    readonly observations: CloudServerObservation[];
    /** Cloud servers left out, with why. */
    readonly skipped: { readonly server: EfpObject; readonly reason: string }[];
}

const DEFAULT_INSTANCE_TYPE = 'm5.large';

export function cloudServerObservations(model: Model): CloudServerObservations {
    const observations: CloudServerObservation[] = [];
    const skipped: { server: EfpObject; reason: string }[] = [];
    for (const server of model.instances.filter(o => o.className === 'BoaviztaCloudServer')) {
        const value = (attribute: string) => model.node(server, attribute).value;
        const nb = value('nb_of_instances'), need = value('hour_by_hour_compute_need');
        if (!isHourly(nb) || !isHourly(need)) {
            skipped.push({ server, reason: 'no job runs on it, so it has no hourly load' });
            continue;
        }
        const compute = scalar(value('compute')), occupied = scalar(value('occupied_compute_per_instance'));
        const instances = nb.series.values, needs = need.series.values;
        const offset = need.series.start - nb.series.start;
        const hourlyDuration: number[] = [], hourlyCpu: number[] = [];
        let instanceHours = 0, needSum = 0;
        for (let h = 0; h < instances.length; h++) {
            const n = instances[h];
            if (!(n > 0)) continue;
            const c = needs[h - offset] ?? 0;
            instanceHours += n;
            needSum += c;
            hourlyDuration.push(3600 * n);
            hourlyCpu.push(100 * (c + occupied * n) / (compute * n));
        }
        if (instanceHours === 0) {
            skipped.push({ server, reason: 'it runs no instance over the modeling period' });
            continue;
        }
        observations.push({
            server,
            vendor: server.text('provider') ?? DEFAULT_CLOUD_PROVIDER,
            instanceType: server.text('instance_type') ?? DEFAULT_INSTANCE_TYPE,
            region: server.text('region'),
            timestamp: new Date(nb.series.start * 3600_000).toISOString().replace('.000Z', 'Z'),
            durationSeconds: 3600 * instanceHours,
            cpuUtilization: 100 * (needSum + occupied * instanceHours) / (compute * instanceHours),
            lifespanYears: scalar(value('lifespan')) / parseUnit('year').factor,
            gridIntensityGPerKWh: scalar(value('average_carbon_intensity')) / parseUnit('g/kWh').factor,
            pue: scalar(value('power_usage_effectiveness')),
            hourly: { durationSeconds: Float64Array.from(hourlyDuration), cpuUtilization: Float64Array.from(hourlyCpu) }
        });
    }
    return { observations, skipped };
}

function isHourly(v: NodeValue | undefined): v is Extract<NumericValue, { kind: 'hourly' }> {
    return v !== undefined && v.kind === 'hourly';
}

function scalar(v: NodeValue | undefined): number {
    return v !== undefined && v.kind === 'quantity' ? v.value : NaN;
}
