/**
 * A synthetic workspace for editor benchmarks: `files` .efp files of about `linesPerFile` lines, each a
 * complete system (storage, servers, jobs, steps, journeys, usage patterns) importing a shared file.
 */
export function generateWorkspace(files = 20, linesPerFile = 250): Record<string, string> {
    const workspace: Record<string, string> = {
        'shared.efp': [
            'model "Synthetic workspace" {', '  start_date: 2025-01-01', '  modeling_duration: 1 year', '}',
            'network shared_wifi "Shared wifi" from wifi_network {}', ''
        ].join('\n')
    };
    for (let f = 0; f < files; f++) {
        const lines: string[] = ['import "shared.efp"', ''];
        let block = 0;
        while (lines.length < linesPerFile - 30) {
            const p = `f${f}_${block++}`;
            lines.push(
                `storage ${p}_disk from ssd {`, '  storage_capacity: 2 TB', '  data_storage_duration: 1 year', '}',
                `server ${p}_api "API ${p}" {`, '  server_type: autoscaling', '  power: 250 W', '  idle_power: 60 W', '  ram: 64 GB',
                '  compute: 16 cpu_core', '  average_carbon_intensity: 300 g/kWh', `  storage: ${p}_disk`, '}',
                `job ${p}_read on ${p}_api {`, '  data_transferred: 2 MB', '  data_stored: 10 kB', '  request_duration: 300 ms',
                '  compute_needed: 0.2 cpu_core', '  ram_needed: 80 MB', '}',
                `job ${p}_write on ${p}_api {`, '  data_transferred: 500 kB', '  data_stored: 1 MB', '  request_duration: 1 s',
                '  compute_needed: 0.5 cpu_core', '  ram_needed: 120 MB', '}',
                `usage_journey_step ${p}_browse { user_time_spent: 3 min  jobs: [${p}_read * 4] }`,
                `usage_journey_step ${p}_post { user_time_spent: 1 min  jobs: [${p}_write] }`,
                `usage_journey ${p}_visit { uj_steps: [${p}_browse, ${p}_post] }`,
                `usage_pattern ${p}_users {`, `  usage_journey: ${p}_visit`, '  devices: [smartphone]', '  network: shared_wifi',
                '  country: France', '  hourly_usage_journey_starts: linear_growth(100, 400) * daily_fluctuation(scale: 0.6, min_hour: 4)', '}',
                ''
            );
        }
        const patterns = Array.from({ length: block }, (_, b) => `f${f}_${b}_users`);
        lines.push(`system f${f}_service { usage_patterns: [${patterns.join(', ')}] }`, '');
        workspace[`service${f}.efp`] = lines.join('\n');
    }
    return workspace;
}
