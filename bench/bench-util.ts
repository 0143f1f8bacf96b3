/** Statistics, timing and machine facts shared by the benchmarks. */
import { cpus, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';

export function median(samples: readonly number[]): number {
    const sorted = [...samples].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function percentile(samples: readonly number[], p: number): number {
    const sorted = [...samples].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

/** Milliseconds each of `runs` calls of `f` took, after `warmup` untimed calls. */
export function timeRuns(runs: number, warmup: number, f: () => void): number[] {
    for (let i = 0; i < warmup; i++) f();
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        f();
        samples.push(performance.now() - t0);
    }
    return samples;
}

export async function timeRunsAsync(runs: number, warmup: number, f: (i: number) => Promise<void>): Promise<number[]> {
    for (let i = 0; i < warmup; i++) await f(i);
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        await f(warmup + i);
        samples.push(performance.now() - t0);
    }
    return samples;
}

export interface Machine {
    readonly cpu: string;
    readonly cores: number;
    readonly memoryGB: number;
    readonly node: string;
    readonly platform: string;
}

export function machine(): Machine {
    const list = cpus();
    return {
        cpu: list[0]?.model.trim() ?? 'unknown', cores: list.length, memoryGB: +(totalmem() / 2 ** 30).toFixed(1),
        node: process.version, platform: `${process.platform} ${process.arch}`
    };
}

/** The 1-minute load average (what `uptime` prints first): figures taken under load are slower. */
export function load(): number {
    return +loadavg()[0].toFixed(2);
}

/** Peak resident memory of this process so far, in MB. */
export function peakRssMB(): number {
    return +(process.resourceUsage().maxRSS / 1024).toFixed(1);
}
