/**
 * Generated systems for the engine benchmarks: `patterns` usage patterns, each with its own journey of
 * two steps of `jobsPerStep` jobs, over `years` years. Jobs run on one server per ten patterns (so
 * servers aggregate many jobs, as in real models) and every server has its storage. The object count
 * grows with patterns × jobs per step, the hours with years: the two axes the evaluation cost follows.
 */
export interface SystemShape {
    readonly patterns: number;
    readonly jobsPerStep: number;
    readonly years: number;
}

export function systemLabel(shape: SystemShape): string {
    return `${shape.patterns} pattern${shape.patterns === 1 ? '' : 's'}, ${shape.jobsPerStep} job${shape.jobsPerStep === 1 ? '' : 's'}/step, ${shape.years} year${shape.years === 1 ? '' : 's'}`;
}

export function generateSystem({ patterns, jobsPerStep, years }: SystemShape): string {
    const servers = Math.max(1, Math.ceil(patterns / 10));
    const lines: string[] = [
        `model "Generated: ${systemLabel({ patterns, jobsPerStep, years })}" {`, '  start_date: 2025-01-01', `  modeling_duration: ${years} year`, '}',
        'network wifi from wifi_network {}', ''
    ];
    for (let s = 0; s < servers; s++) {
        lines.push(
            `storage disk${s} from ssd {`, '  storage_capacity: 2 TB', '  data_storage_duration: 1 year', '}',
            `server api${s} {`, '  server_type: autoscaling', `  power: ${250 + s} W`, '  idle_power: 60 W', '  ram: 64 GB',
            '  compute: 16 cpu_core', '  average_carbon_intensity: 300 g/kWh', `  storage: disk${s}`, '}', '');
    }
    for (let p = 0; p < patterns; p++) {
        const server = `api${Math.floor(p / 10)}`;
        const steps: string[] = [];
        for (const step of ['browse', 'post']) {
            const jobs: string[] = [];
            for (let j = 0; j < jobsPerStep; j++) {
                const id = `p${p}_${step}_j${j}`;
                jobs.push(id);
                lines.push(`job ${id} on ${server} { data_transferred: ${1 + (j % 5)} MB  data_stored: ${10 + j} kB  request_duration: 300 ms`
                    + '  compute_needed: 0.2 cpu_core  ram_needed: 80 MB }');
            }
            const id = `p${p}_${step}`;
            steps.push(id);
            lines.push(`usage_journey_step ${id} { user_time_spent: ${step === 'browse' ? 3 : 1} min  jobs: [${jobs.join(', ')}] }`);
        }
        lines.push(
            `usage_journey p${p}_visit { uj_steps: [${steps.join(', ')}] }`,
            `usage_pattern p${p}_users {`, `  usage_journey: p${p}_visit`, '  devices: [smartphone]', '  network: wifi', '  country: France',
            `  hourly_usage_journey_starts: linear_growth(${100 + p}, ${400 + p}) * daily_fluctuation(scale: 0.6, min_hour: 4)`, '}', '');
    }
    lines.push(`system generated { usage_patterns: [${Array.from({ length: patterns }, (_, p) => `p${p}_users`).join(', ')}] }`, '');
    return lines.join('\n');
}
