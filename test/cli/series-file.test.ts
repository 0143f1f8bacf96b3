import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { efp, modelFolders } from '../helpers/cli-run.js';

/**
 * `efp eval` and `efp check` on a model whose usage pattern reads its hourly journeys from a CSV file:
 * the same loading as the editor (src/api, src/language), the same file policy.
 */
const folder = modelFolders();

const MODEL = (series: string) => `model { start_date: 2025-01-01  modeling_duration: 1 day }
storage disk from ssd {}
server web { storage: disk }
job call on web { data_transferred: 1 GB }
usage_journey_step browse { user_time_spent: 1 min  jobs: [call] }
usage_journey visit { uj_steps: [browse] }
network wifi from wifi_network { bandwidth_energy_intensity: 0.05 kWh/GB }
usage_pattern users {
  usage_journey: visit  devices: [laptop]  network: wifi  country: France
  hourly_usage_journey_starts: ${series}
}
system shop { usage_patterns: [users] }
`;

type Json = { objects: Record<string, { inputs: Record<string, { sum?: number; n?: number }>; calculated: Record<string, { sum?: number }> }> };

describe('a usage pattern\'s series from a CSV file, in the CLI', () => {
    it('efp eval: the file\'s journeys, and the network energy they make, worked out by hand', async () => {
        const dir = folder({ 'm.efp': MODEL('hourly_values(file: "data/visits.csv", column: "visits", profile: "flat")'), 'data/visits.csv': 'date,visits,orders\n2025-01-01,2400,12\n' });
        const result = await efp('eval', '--json', join(dir, 'm.efp'));
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        const json = JSON.parse(result.stdout) as Json;
        // one day of 2400 visits, flat: 100 an hour for 24 hours
        expect(json.objects.users.inputs.hourly_usage_journey_starts).toMatchObject({ n: 24, sum: 2400 });
        // 2400 journeys × 1 GB × 0.05 kWh/GB = 120 kWh, at France's 44 g/kWh: 5.28 kg
        expect(json.objects.wifi.calculated.energy_footprint.sum).toBeCloseTo(5.28, 9);
    });

    it('efp check: a bad cell, on the `file:` of the .efp, naming the CSV line', async () => {
        const dir = folder({ 'm.efp': MODEL('hourly_values(file: "visits.csv")'), 'visits.csv': 'time,visits\n2025-01-01T00:00:00Z,100\n2025-01-01T01:00:00Z,=cmd|calc\n' });
        const result = await efp('check', join(dir, 'm.efp'));
        expect(result.code).toBe(1);
        expect(result.stdout).toContain(`${join(dir, 'm.efp')}:10:52: error: visits.csv:3: \`visits\`: \`=cmd|calc\` is not a number [data-file]\n`
            + '    hint: Values are plain decimal numbers (3000, 2.5), without thousands separators or units.\n');
    });

    it('efp check: a series covering half the period is a warning, not an error', async () => {
        const rows = Array.from({ length: 12 }, (_, h) => `2025-01-01T${String(h).padStart(2, '0')}:00:00Z,100`);
        const dir = folder({ 'm.efp': MODEL('hourly_values(file: "visits.csv")'), 'visits.csv': `time,visits\n${rows.join('\n')}\n` });
        const result = await efp('check', join(dir, 'm.efp'));
        expect(result.code).toBe(0);
        expect(result.stdout).toContain(':10:32: warning: usage_pattern users: hourly_usage_journey_starts does not match the modeling period: '
            + 'it ends 2025-01-01 12:00, 12 hours before the model\'s end (2025-01-02 00:00).');
    });

    it('a file outside the workspace: refused, unless allowed', async () => {
        const dir = folder({ 'ws/m.efp': MODEL('hourly_values(file: "../visits.csv", profile: "flat")'), 'visits.csv': 'date,visits\n2025-01-01,2400\n' });
        const refused = await efp('check', join(dir, 'ws/m.efp'));
        expect(refused.code).toBe(1);
        expect(refused.stdout).toContain('error: cannot read ../visits.csv: it is outside the workspace [data-file]');
        const allowed = await efp('check', '--allow-outside', join(dir, 'ws/m.efp'));
        expect(allowed.stdout).toBe(`${join(dir, 'ws/m.efp')}: no problems found\n`);
    });
});
