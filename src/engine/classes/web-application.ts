import type { CalculatedSpec, ClassSpec } from '../model/class-spec.js';
import { jobCalculations } from './job.js';
import { formula } from '../formulas/operands.js';
import { EMPTY, quantity, ValueError, type NumericValue } from '../model/values.js';
import { parseUnit } from '../units/unit.js';
import { ECOBENCHMARK_ROWS, type EcobenchmarkRow } from '../data/ecobenchmark.js';
import type { EfpObject } from '../model/efp-object.js';

/**
 * e-footprint's WebApplication service and its WebApplicationJob, as e-footprint 15.0.1 had them (they
 * were removed from e-footprint in 16.0.0). A job's CPU and RAM come from Boavizta's ecobenchmark
 * measurements of web back-ends (data/ecobenchmark/), looked up by the service's technology and the
 * job's implementation details.
 */

function distinct(values: readonly string[]): string[] {
    return [...new Set(values)].sort();
}

/** The back-end technologies the ecobenchmark measured (`php-symfony`, `go-pgx`…), e-footprint's spelling. */
export const WEB_APPLICATION_TECHNOLOGIES: readonly string[] = distinct(ECOBENCHMARK_ROWS.map(r => r.technology));

/** The implementation variants measured for them (`default`, `no-index`, `orm-loop`…). */
export const WEB_APPLICATION_IMPLEMENTATION_DETAILS: readonly string[] = distinct(ECOBENCHMARK_ROWS.map(r => r.implementationDetails));

export const DEFAULT_WEB_APPLICATION_TECHNOLOGY = 'php-symfony';
export const DEFAULT_IMPLEMENTATION_DETAILS = 'default';

/**
 * How long e-footprint assumes one request to a web application lasts: its hypothesis of one second,
 * which its analysis of the ecobenchmark also used to turn requests per run into requests in progress.
 */
export const WEB_APPLICATION_REQUEST_DURATION_S = 1;

/** The ecobenchmark's measurement for a technology and implementation variant; an error when it has none. */
export function ecobenchmarkRow(technology: string, implementationDetails: string): EcobenchmarkRow {
    const row = ECOBENCHMARK_ROWS.find(r => r.technology === technology && r.implementationDetails === implementationDetails);
    if (row) return row;
    const measured = ECOBENCHMARK_ROWS.filter(r => r.technology === technology).map(r => r.implementationDetails);
    throw new ValueError(`the ecobenchmark has no '${implementationDetails}' measurement for ${technology}`
        + (measured.length > 0 ? `; it measured ${measured.join(', ')}` : ''));
}

/** The looked-up row of a job, or none when the job has no service (an error already reported on the input). */
function rowOf(job: EfpObject): EcobenchmarkRow | undefined {
    const service = job.ref('service');
    if (!service) return undefined;
    return ecobenchmarkRow(service.text('technology') ?? DEFAULT_WEB_APPLICATION_TECHNOLOGY,
        job.text('implementation_details') ?? DEFAULT_IMPLEMENTATION_DETAILS);
}

/** A value of the ecobenchmark row, in SI magnitudes of `unit`. */
function fromEcobenchmark(job: EfpObject, read: (row: EcobenchmarkRow) => number, unit: string): NumericValue {
    const row = rowOf(job);
    if (!row) return EMPTY;
    const u = parseUnit(unit);
    return quantity(read(row) * u.factor, u.dimension);
}

/** A web application installed on a server; its technology decides what its jobs cost the server. */
export const WebApplication: ClassSpec = {
    className: 'WebApplication',
    extends: ['Service'],
    keyword: 'web_application',
    article: 'a web application',
    description: 'A web application (its back-end) installed on a server; its technology sets the CPU and RAM its jobs hold, from Boavizta\'s ecobenchmark.',
    typicalInputs: ['technology'],
    // e-footprint 16 dropped its WebApplication service (efp keeps it, with e-footprint 15's ecobenchmark defaults)
    efootprintJson: { writtenAs: 'nothing' },
    onInput: 'server',
    inputs: [
        { type: 'ref', name: 'server', label: 'Server', classes: ['Server'], description: 'The server the web application runs on.' },
        {
            type: 'enum', name: 'technology', label: 'Technology used', values: WEB_APPLICATION_TECHNOLOGIES, default: DEFAULT_WEB_APPLICATION_TECHNOLOGY,
            description: 'The back-end\'s language and framework, one of those the ecobenchmark measured, e.g. php_symfony or go_pgx.'
        }
    ],
    // e-footprint gives a web application no base RAM or compute: it adds nothing to its server's occupied resources
    calculated: []
};

const webApplicationJobNeeds: CalculatedSpec[] = [
    {
        name: 'request_duration', label: 'Request duration', unit: 's',
        define: () => formula({}, `${WEB_APPLICATION_REQUEST_DURATION_S} s (e-footprint's hypothesis for a web request)`,
            () => quantity(WEB_APPLICATION_REQUEST_DURATION_S, parseUnit('s').dimension))
    },
    {
        name: 'compute_needed', label: 'CPU needed', unit: 'cpu_core',
        define: job => formula({}, 'ecobenchmark avg_cpu_core_per_request for service.technology and implementation_details',
            () => fromEcobenchmark(job, r => r.cpuCorePerRequest, 'cpu_core'))
    },
    {
        name: 'ram_needed', label: 'RAM needed', unit: 'MB_ram',
        define: job => formula({}, 'ecobenchmark avg_ram_per_request_in_MB for service.technology and implementation_details',
            () => fromEcobenchmark(job, r => r.ramPerRequestMB, 'MB_ram'))
    }
];

/** A request to a web application: its data is given, its CPU and RAM come from the ecobenchmark. */
export const WebApplicationJob: ClassSpec = {
    className: 'WebApplicationJob',
    extends: ['ServiceJob'],
    keyword: 'web_application_job',
    article: 'a web application job',
    description: 'A request to a web application: data transferred and stored are given; CPU and RAM come from the ecobenchmark for the application\'s technology and the job\'s implementation details; it lasts 1 s.',
    typicalInputs: ['data_transferred', 'data_stored', 'implementation_details'],
    efootprintJson: { writtenAs: 'Job' },
    onInput: 'service',
    inputs: [
        { type: 'ref', name: 'service', label: 'Service', classes: ['WebApplication'], description: 'The web application that serves the request.' },
        {
            type: 'quantity', name: 'data_transferred', label: 'Sum of all data uploads and downloads by request', unit: 'MB',
            default: { value: 2.2, unit: 'MB' }, min: 0, description: 'Data the request sends and receives over the network.'
        },
        {
            type: 'quantity', name: 'data_stored', label: 'Data stored by request', unit: 'kB_stored', default: { value: 100, unit: 'kB_stored' },
            description: 'Data one request writes to the server\'s storage.'
        },
        {
            type: 'enum', name: 'implementation_details', label: 'Implementation details', values: WEB_APPLICATION_IMPLEMENTATION_DETAILS,
            default: DEFAULT_IMPLEMENTATION_DETAILS,
            description: 'How the request is implemented, one of the ecobenchmark\'s variants: default, no_index, no_pagination, orm_loop, aggregation_code_side, mysql.'
        }
    ],
    calculated: [...webApplicationJobNeeds, ...jobCalculations]
};
