import { describe, expect, it } from 'vitest';
import { analyze, modelOf } from '../helpers/model-from-text.js';
import { parseUnit } from '../../src/engine/units/unit.js';
import type { Model } from '../../src/engine/model/model.js';
import {
    ecobenchmarkRow, WEB_APPLICATION_IMPLEMENTATION_DETAILS, WEB_APPLICATION_TECHNOLOGIES, WebApplication, WebApplicationJob
} from '../../src/engine/classes/web-application.js';
import { classForKeyword, classSpec } from '../../src/engine/classes/registry.js';

/**
 * e-footprint's WebApplication and WebApplicationJob (e-footprint 15.0.1; removed in 16.0.0). e-footprint
 * has no reference output for them, so every expected value here is worked out BY HAND from the
 * ecobenchmark table (data/ecobenchmark/ecobenchmark_data_for_job_defaults.csv) and e-footprint's formulas:
 * a job's CPU and RAM are the row's avg_cpu_core_per_request and avg_ram_per_request_in_MB for the
 * service's technology and the job's implementation details, it lasts 1 s, and moves 2.2 MB / stores
 * 100 kB unless told otherwise. The service adds no base RAM or CPU to its server.
 */
function webModel(options: { service?: string; jobs?: string; server?: string } = {}): string {
    return `
model { start_date: 2025-01-01  modeling_duration: 1 day }
storage disk from ssd {}
server web { ${options.server ?? ''} storage: disk }
web_application shop on web { ${options.service ?? ''} }
${options.jobs ?? 'web_application_job checkout on shop {}'}
usage_journey_step buy { user_time_spent: 2 min  jobs: [checkout] }
usage_journey visit { uj_steps: [buy] }
usage_pattern customers {
  usage_journey: visit  devices: [laptop]  network: wifi_network  country: France
  hourly_usage_journey_starts: constant(1000)
}
system store { usage_patterns: [customers] }
`;
}

/** A value in the given unit (the engine holds SI magnitudes). */
function valueIn(model: Model, object: string, attribute: string, unit: string): number {
    const value = model.findNode(object, attribute)?.value;
    if (!value || value.kind !== 'quantity') throw new Error(`${object}.${attribute} is ${value?.kind ?? 'missing'}`);
    return value.value / parseUnit(unit).factor;
}

function hourValue(model: Model, object: string, attribute: string, hour: number, unit: string): number {
    const value = model.findNode(object, attribute)?.value;
    if (value?.kind !== 'hourly') throw new Error(`${object}.${attribute} is ${value?.kind ?? 'missing'}`);
    return value.series.values[hour] / parseUnit(unit).factor;
}

describe('the ecobenchmark table', () => {
    it('has e-footprint\'s five technologies and six implementation variants, 29 measured pairs (rust-actix-sqlx has no mysql)', () => {
        expect(WEB_APPLICATION_TECHNOLOGIES).toEqual(['go-pgx', 'jvm-kotlin-spring', 'node-express-sequelize', 'php-symfony', 'rust-actix-sqlx']);
        expect(WEB_APPLICATION_IMPLEMENTATION_DETAILS).toEqual(['aggregation-code-side', 'default', 'mysql', 'no-index', 'no-pagination', 'orm-loop']);
        expect(() => ecobenchmarkRow('rust-actix-sqlx', 'mysql')).toThrow(/no 'mysql' measurement for rust-actix-sqlx; it measured aggregation-code-side, default/);
    });

    it('is registered under e-footprint\'s class names', () => {
        expect(classSpec('WebApplication')).toBe(WebApplication);
        expect(classForKeyword('web_application_job')).toBe(WebApplicationJob);
        expect(WebApplication.inputs.map(i => i.name)).toEqual(['server', 'technology']);
        expect(WebApplicationJob.inputs.map(i => i.name)).toEqual(['service', 'data_transferred', 'data_stored', 'implementation_details']);
    });
});

describe('WebApplicationJob (expected values by hand from the ecobenchmark data)', () => {
    it('by hand: php-symfony / default (both defaults) holds 0.0755116772256729 cpu_core and 6.149749869070138 MB for 1 s, moves 2.2 MB, stores 100 kB', async () => {
        const model = await modelOf(webModel());
        expect(model.lookup('shop')!.text('technology')).toBe('php-symfony');
        expect(model.lookup('checkout')!.text('implementation_details')).toBe('default');
        expect(valueIn(model, 'checkout', 'compute_needed', 'cpu_core')).toBeCloseTo(0.0755116772256729, 15);
        expect(valueIn(model, 'checkout', 'ram_needed', 'MB_ram')).toBeCloseTo(6.149749869070138, 12);
        expect(valueIn(model, 'checkout', 'request_duration', 's')).toBe(1);
        expect(valueIn(model, 'checkout', 'data_transferred', 'MB')).toBeCloseTo(2.2, 12);
        expect(valueIn(model, 'checkout', 'data_stored', 'kB_stored')).toBeCloseTo(100, 12);
        expect(model.findNode('checkout', 'data_transferred')!.input!.given).toBe('default');
    });

    it('by hand: go-pgx / no-index reads its own row (0.00544597969213441 cpu_core, 0.6155951370997497 MB)', async () => {
        const model = await modelOf(webModel({
            service: 'technology: go_pgx',
            jobs: 'web_application_job checkout on shop { implementation_details: no_index  data_transferred: 500 kB }'
        }));
        expect(model.lookup('shop')!.text('technology')).toBe('go-pgx');
        expect(valueIn(model, 'checkout', 'compute_needed', 'cpu_core')).toBeCloseTo(0.00544597969213441, 15);
        expect(valueIn(model, 'checkout', 'ram_needed', 'MB_ram')).toBeCloseTo(0.6155951370997497, 12);
        expect(valueIn(model, 'checkout', 'data_transferred', 'MB')).toBeCloseTo(0.5, 12);
    });

    it('by hand: e-footprint\'s spelling in quotes works too (jvm-kotlin-spring / orm-loop: 0.003547193167139286 cpu_core)', async () => {
        const model = await modelOf(webModel({
            service: 'technology: "jvm-kotlin-spring"',
            jobs: 'web_application_job checkout on shop { implementation_details: "orm-loop" }'
        }));
        expect(valueIn(model, 'checkout', 'compute_needed', 'cpu_core')).toBeCloseTo(0.003547193167139286, 15);
        expect(valueIn(model, 'checkout', 'ram_needed', 'MB_ram')).toBeCloseTo(1.3815944616741187, 12);
    });

    it('a pair the ecobenchmark did not measure is an error on the job', async () => {
        const analysis = await analyze(webModel({
            service: 'technology: rust_actix_sqlx',
            jobs: 'web_application_job checkout on shop { implementation_details: mysql }'
        }));
        const errors = analysis.diagnostics.filter(d => d.severity === 'error').map(d => d.message).join('\n');
        expect(errors).toMatch(/no 'mysql' measurement for rust-actix-sqlx/);
    });
});

describe('WebApplication on its server (expected values by hand)', () => {
    it('by hand: adds no base RAM or CPU, so the default server keeps 128 GB × 0.9 and 24 cores × 0.9 for jobs', async () => {
        const model = await modelOf(webModel({ server: 'base_ram_consumption: 1 GB  base_compute_consumption: 2 cpu_core' }));
        // only the server's own base consumption is occupied
        expect(valueIn(model, 'web', 'occupied_ram_per_instance', 'GB_ram')).toBeCloseTo(1, 12);
        expect(valueIn(model, 'web', 'occupied_compute_per_instance', 'cpu_core')).toBeCloseTo(2, 12);
        expect(valueIn(model, 'web', 'available_ram_per_instance', 'GB_ram')).toBeCloseTo(128 * 0.9 - 1, 10);
        expect(valueIn(model, 'web', 'available_compute_per_instance', 'cpu_core')).toBeCloseTo(24 * 0.9 - 2, 10);
    });

    it('by hand: 1000 requests an hour of 1 s each are 1000/3600 at once; the server holds that many times the row\'s RAM and CPU', async () => {
        const model = await modelOf(webModel());
        const concurrent = 1000 / 3600;
        for (const hour of [0, 12, 23]) {
            expect(hourValue(model, 'web', 'hour_by_hour_ram_need', hour, 'MB_ram')).toBeCloseTo(concurrent * 6.149749869070138, 9);
            expect(hourValue(model, 'web', 'hour_by_hour_compute_need', hour, 'cpu_core')).toBeCloseTo(concurrent * 0.0755116772256729, 12);
        }
        // and the network carries 1000 × 2.2 MB an hour
        expect(hourValue(model, 'checkout', 'hourly_data_transferred_across_usage_patterns', 12, 'MB')).toBeCloseTo(2200, 9);
    });
});
