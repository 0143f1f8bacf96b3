import { describe, expect, it } from 'vitest';
import { analyze, modelOf } from '../helpers/model-from-text.js';
import { parseUnit } from '../../src/engine/units/unit.js';
import type { Model } from '../../src/engine/model/model.js';

/**
 * e-footprint's VideoStreaming and VideoStreamingJob. Expected values are e-footprint 22.2.1's own, read
 * from test/fixtures/efootprint/video_streaming.outputs.json.gz (the "1080p episode" and "480p trailer"
 * jobs, the "Streaming server"), not recomputed from our formulas.
 */
function streamingModel(options: { service?: string; jobs?: string; server?: string } = {}): string {
    return `
model { start_date: 2025-01-01  modeling_duration: 1 day }
storage disk from ssd {}
server web { ${options.server ?? ''} storage: disk }
video_streaming streaming on web { ${options.service ?? 'base_ram_consumption: 2 GB'} }
${options.jobs ?? `video_streaming_job episode on streaming { video_duration: 40 min  resolution: res_1080p }
video_streaming_job trailer on streaming { video_duration: 3 min  resolution: res_480p }`}
usage_journey_step watch { user_time_spent: 40 min  jobs: [episode] }
usage_journey evening { uj_steps: [watch] }
usage_pattern viewers {
  usage_journey: evening  devices: [box, screen]  network: wifi_network  country: Germany
  hourly_usage_journey_starts: constant(1000)
}
system platform { usage_patterns: [viewers] }
`;
}

/** A value in the given unit (the engine holds SI magnitudes). */
function valueIn(model: Model, object: string, attribute: string, unit: string): number {
    const value = model.findNode(object, attribute)?.value;
    if (!value || value.kind !== 'quantity') throw new Error(`${object}.${attribute} is ${value?.kind ?? 'missing'}`);
    return value.value / parseUnit(unit).factor;
}

describe('VideoStreamingJob', () => {
    it('derives bitrate, data, CPU and RAM of a 1080p and a 480p video as e-footprint does', async () => {
        const model = await modelOf(streamingModel());
        // reference "1080p episode" (40 min, 1920 × 1080, 0.1 bit/pixel, 30 frames/s)
        expect(valueIn(model, 'episode', 'request_duration', 'min')).toBeCloseTo(40, 12);
        expect(valueIn(model, 'episode', 'dynamic_bitrate', 'MB/s')).toBeCloseTo(0.7776, 12);
        expect(valueIn(model, 'episode', 'data_transferred', 'GB')).toBeCloseTo(1.86624, 12);
        expect(valueIn(model, 'episode', 'compute_needed', 'cpu_core')).toBeCloseTo(0.0031104, 12);
        expect(valueIn(model, 'episode', 'ram_needed', 'MB_ram')).toBeCloseTo(50, 12);
        // reference "480p trailer" (3 min, 640 × 480)
        expect(valueIn(model, 'trailer', 'request_duration', 'min')).toBeCloseTo(3, 12);
        expect(valueIn(model, 'trailer', 'dynamic_bitrate', 'MB/s')).toBeCloseTo(0.1152, 12);
        expect(valueIn(model, 'trailer', 'data_transferred', 'GB')).toBeCloseTo(0.020736, 12);
        expect(valueIn(model, 'trailer', 'compute_needed', 'cpu_core')).toBeCloseTo(0.0004608, 12);
    });

    it('defaults to an hour of 1080p at 30 frames/s, and takes e-footprint\'s resolution label as text', async () => {
        const model = await modelOf(streamingModel({
            jobs: `video_streaming_job episode on streaming {}
video_streaming_job trailer on streaming { resolution: "480p (640 x 480)" }`
        }));
        expect(model.findNode('episode', 'video_duration')!.input!.given).toBe('default');
        expect(model.lookup('episode')!.text('resolution')).toBe('1080p (1920 x 1080)');
        expect(valueIn(model, 'episode', 'dynamic_bitrate', 'MB/s')).toBeCloseTo(0.7776, 12);
        // the reference's 40 min episode moves 1.86624 GB: an hour moves 3/2 of it
        expect(valueIn(model, 'episode', 'data_transferred', 'GB')).toBeCloseTo(1.86624 * 1.5, 12);
        expect(valueIn(model, 'trailer', 'dynamic_bitrate', 'MB/s')).toBeCloseTo(0.1152, 12);
    });

    it('runs on its service\'s server: the server holds its RAM and CPU hour by hour', async () => {
        const model = await modelOf(streamingModel());
        // 1000 starts an hour, 40 min each: 1000 × 40/60 viewers at once, 50 MB and 0.0031104 cpu_core each
        const ram = model.findNode('web', 'hour_by_hour_ram_need')!.value;
        const cpu = model.findNode('web', 'hour_by_hour_compute_need')!.value;
        if (ram?.kind !== 'hourly' || cpu?.kind !== 'hourly') throw new Error('expected hourly needs');
        const midday = 12;
        expect(ram.series.values[midday] / parseUnit('GB_ram').factor).toBeCloseTo(1000 * 40 / 60 * 0.05, 6);
        expect(cpu.series.values[midday]).toBeCloseTo(1000 * 40 / 60 * 0.0031104, 6);
    });
});

describe('VideoStreaming', () => {
    it('adds its base RAM to the server\'s occupied RAM; no base CPU by default', async () => {
        const model = await modelOf(streamingModel());
        // reference "Streaming server": 128 GB × 0.9 − 2 GB = 113.2 GB available, 0 CPU occupied
        expect(valueIn(model, 'web', 'occupied_ram_per_instance', 'GB_ram')).toBeCloseTo(2, 12);
        expect(valueIn(model, 'web', 'available_ram_per_instance', 'GB_ram')).toBeCloseTo(113.2, 10);
        expect(valueIn(model, 'web', 'occupied_compute_per_instance', 'cpu_core')).toBe(0);
        expect(valueIn(model, 'web', 'available_compute_per_instance', 'cpu_core')).toBeCloseTo(21.6, 10);
        expect(model.findNode('streaming', 'base_compute_consumption')).toBeUndefined(); // e-footprint's "no value"
    });

    it('adds to the server\'s own base consumption', async () => {
        const model = await modelOf(streamingModel({
            server: 'base_ram_consumption: 1 GB  base_compute_consumption: 2 cpu_core',
            service: 'base_ram_consumption: 3 GB  base_compute_consumption: 1 cpu_core'
        }));
        expect(valueIn(model, 'web', 'occupied_ram_per_instance', 'GB_ram')).toBeCloseTo(4, 12);
        expect(valueIn(model, 'web', 'occupied_compute_per_instance', 'cpu_core')).toBeCloseTo(3, 12);
        expect(valueIn(model, 'web', 'available_compute_per_instance', 'cpu_core')).toBeCloseTo(24 * 0.9 - 3, 10);
    });
});

describe('video streaming in .efp', () => {
    it('`on` names a video job\'s service; a server there is an error', async () => {
        const analysis = await analyze(streamingModel({ jobs: 'video_streaming_job episode on web {}\nvideo_streaming_job trailer on streaming {}' }));
        const errors = analysis.diagnostics.filter(d => d.severity === 'error').map(d => d.message);
        expect(errors.join('\n')).toMatch(/'service' expects a video streaming service, but 'web' is a server/);
    });

    it('rejects the service given twice, and `on` where an object runs on nothing', async () => {
        const twice = await analyze(streamingModel({ jobs: 'video_streaming_job episode on streaming { service: streaming }\nvideo_streaming_job trailer on streaming {}' }));
        expect(twice.diagnostics.map(d => d.message)).toContain("the service is given twice: 'on streaming' and 'service:'");
        const device = await analyze(streamingModel({ server: '', jobs: 'video_streaming_job episode on streaming {}\nvideo_streaming_job trailer on streaming {}\ndevice tv on web {}' }));
        expect(device.diagnostics.map(d => d.message).join('\n')).toMatch(/'on' names the server of a job or service.*a device has none/);
    });

    it('rejects an unknown resolution, listing the built-in ones', async () => {
        const analysis = await analyze(streamingModel({ jobs: 'video_streaming_job episode on streaming { resolution: "1081p" }\nvideo_streaming_job trailer on streaming {}' }));
        expect(analysis.diagnostics.map(d => d.message).join('\n')).toMatch(/'resolution' is one of 480p \(640 x 480\)/);
    });
});
