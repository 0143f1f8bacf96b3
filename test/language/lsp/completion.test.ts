import { describe, expect, it } from 'vitest';
import type { CompletionItem } from 'vscode-languageserver';
import { completionsAt } from '../../helpers/language-workspace.js';

/** Completion items at the `<|>` marker of `text`. */
/** Completion items at the `<|>` marker. */
const complete = completionsAt;

const labels = (items: CompletionItem[]) => items.map(i => i.label);
/** As an editor lists them: by sort text, else by label. */
const sorted = (items: CompletionItem[]) => [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));

describe('completion', () => {
    it('offers the inputs an object still lacks, with unit, default and meaning, in e-footprint\'s order', async () => {
        const items = await complete('server web {\n  power: 300 W\n  <|>\n}\n');
        // after a value, its annotations (source, confidence, comment, in) may follow too: listed after the inputs
        const names = labels(sorted(items));
        expect(names).not.toContain('power');
        expect(names.slice(0, 3)).toEqual(['carbon_footprint_fabrication', 'lifespan', 'fraction_of_usage_time']);
        expect(names).toContain('storage');
        expect(names).not.toContain('gpu_server'); // no object kinds where an input name goes
        const idle = items.find(i => i.label === 'idle_power')!;
        expect(idle.detail).toBe('W · default 50 W');
        expect(idle.documentation).toBe('Idle power. Power drawn when idle.');
        expect(idle.textEdit && 'newText' in idle.textEdit ? idle.textEdit.newText : idle.insertText).toBe('idle_power: ');
    });

    it('offers only objects of the kind an input takes', async () => {
        const names = labels(await complete('storage disk from ssd {}\nserver web { storage: <|> }\ndevice phone {}\n'));
        expect(names).toContain('disk');
        expect(names).toContain('ssd'); // the built-in archetype
        expect(names).not.toContain('phone');
        expect(names).not.toContain('web');
        expect(names).not.toContain('kWh');
    });

    it('offers after `on` the kind of object the class runs on: a video job\'s service, a job\'s server', async () => {
        const models = 'server web { storage: disk }\nstorage disk from ssd {}\nvideo_streaming streaming on web {}\n';
        const forVideo = labels(await complete(`${models}video_streaming_job episode on <|> {}\n`));
        expect(forVideo).toContain('streaming');
        expect(forVideo).not.toContain('web');
        const forJob = labels(await complete(`${models}job call on <|> {}\n`));
        expect(forJob).toContain('web');
        expect(forJob).not.toContain('streaming');
    });

    it('offers for an input that names a base class the objects of every class that inherits from it', async () => {
        const models = 'storage disk from ssd {}\nserver web { storage: disk }\ngpu_server gpu { storage: disk }\ncloud_server cloud { storage: disk }\n';
        // a job runs on a Server, which a cloud server is; a GPU job on a GPUServer
        for (const text of [`${models}job call on <|> {}\n`, `${models}job call { server: <|> }\n`]) {
            const forJob = labels(await complete(text));
            expect(forJob).toEqual(expect.arrayContaining(['web', 'cloud']));
            expect(forJob).not.toContain('gpu');
        }
        expect(labels(await complete(`${models}gpu_job call on <|> {}\n`))).toEqual(expect.arrayContaining(['gpu']));
        expect(labels(await complete(`${models}gpu_job call on <|> {}\n`))).not.toContain('cloud');
        // a step's jobs are any JobBase
        const jobs = labels(await complete(`${models}job call on web {}\ngpu_job render on gpu {}\nusage_journey_step s { jobs: [<|>] }\n`));
        expect(jobs).toEqual(expect.arrayContaining(['call', 'render']));
        expect(jobs).not.toContain('web');
        const detail = (await complete(`${models}job call { <|> }\n`)).find(i => i.label === 'server')?.detail;
        expect(detail).toBe('Server or BoaviztaCloudServer · required');
    });

    it('offers the video resolutions for a video job\'s resolution, with the service\'s inputs after `.`', async () => {
        const names = labels(await complete('video_streaming_job episode { resolution: <|> }\n'));
        expect(names).toEqual(expect.arrayContaining(['res_480p', 'res_1080p', 'res_4K']));
        expect(names).not.toContain('autoscaling');
        const members = labels(await complete('video_streaming s {}\nvideo_streaming_job episode on s { video_duration: episode.<|> }\n'));
        expect(members).toEqual(expect.arrayContaining(['dynamic_bitrate', 'refresh_rate', 'service']));
    });

    it('offers archetypes of the same kind after `from`', async () => {
        const names = labels(await complete('storage disk from <|> {}\ndevice phone {}\nstorage other from hdd {}\n'));
        expect(names).toEqual(expect.arrayContaining(['ssd', 'hdd', 'other']));
        expect(names).not.toContain('disk');
        expect(names).not.toContain('laptop');
        expect(names).not.toContain('phone');
    });

    it('offers the enumerated values of an input', async () => {
        expect(labels(await complete('server web { server_type: <|> }\n')).sort()).toEqual(['autoscaling', 'on_premise', 'serverless']);
    });

    it('offers units of the expected dimension first after a number', async () => {
        const items = sorted(await complete('server web { power: 300 <|> }\n'));
        expect(labels(items.slice(0, 5)).sort()).toEqual(['GW', 'MW', 'W', 'kW', 'mW']);
        expect(items.find(i => i.label === 'W')!.detail).toBe('power');
        const first = sorted(await complete('server web { ram: 128 <|> }\n'))[0];
        expect(['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'B_ram', 'kB_ram', 'MB_ram', 'GB_ram', 'TB_ram']).toContain(first.label);
    });

    it('offers an object\'s values after a dot, given and calculated', async () => {
        const names = labels(await complete('server web { storage: disk }\nstorage disk from ssd {}\ndevice d { power: web.<|> }\n'));
        expect(names).toContain('power');
        expect(names).toContain('energy_footprint');
        expect(names).toContain('nb_of_instances');
    });

    it('offers the model settings not given yet', async () => {
        const items = await complete('model { start_date: 2025-01-01\n <|> }\n');
        expect(labels(items.filter(i => i.kind === 10 /* Property */))).toEqual(['modeling_duration']);
    });
});
