/**
 * An Impact Framework manifest (if-run 1.x) for a model's cloud servers: one child per server, running the
 * CloudCarbonFootprint plugin of @grnsft/if-unofficial-plugins, then IF's builtins for the rest of CCF's
 * operational carbon, which the plugin leaves out: energy × PUE × grid intensity, plus embodied carbon.
 * The shape follows the manifests in the shared reference (ccf-manifest2.yml). Observations and how they
 * aggregate the model's hours: src/engine/ccf/cloud-server-observations.ts.
 */
import type { CloudServerObservation } from '../ccf/cloud-server-observations.js';
import { yamlComment, yamlString } from '../text/yaml-text.js';

export type YamlValue = string | number | boolean | null | readonly YamlValue[] | { readonly [key: string]: YamlValue };

export interface IfManifestOptions {
    readonly name: string;
    readonly description: string;
}

export const IF_CCF_PLUGIN = { method: 'CloudCarbonFootprint', path: '@grnsft/if-unofficial-plugins' } as const;

/** The pipeline every server runs, in order. */
export const IF_CCF_PIPELINE = ['ccf', 'energy-with-pue', 'operational-carbon', 'sum-carbon'] as const;

export function ifManifest(observations: readonly CloudServerObservation[], options: IfManifestOptions): { [key: string]: YamlValue } {
    const multiply = (inputs: string[], output: string) => ({ method: 'Multiply', path: 'builtin', config: { 'input-parameters': inputs, 'output-parameter': output } });
    const children: Record<string, YamlValue> = {};
    for (const o of observations) {
        const defaults: Record<string, YamlValue> = {
            'cloud/vendor': o.vendor,
            'cloud/instance-type': o.instanceType,
            ...(o.region !== undefined ? { 'cloud/region': o.region } : {}),
            'cpu/expected-lifespan': o.lifespanYears,
            'power-usage-effectiveness': o.pue,
            'grid/carbon-intensity': o.gridIntensityGPerKWh
        };
        children[o.server.id] = {
            pipeline: { compute: [...IF_CCF_PIPELINE] },
            defaults,
            inputs: [{ timestamp: o.timestamp, duration: o.durationSeconds, 'cpu/utilization': o.cpuUtilization }]
        };
    }
    return {
        name: options.name,
        description: options.description,
        initialize: {
            plugins: {
                ccf: { ...IF_CCF_PLUGIN },
                'energy-with-pue': multiply(['energy', 'power-usage-effectiveness'], 'energy-with-pue'),
                'operational-carbon': multiply(['energy-with-pue', 'grid/carbon-intensity'], 'carbon-operational'),
                'sum-carbon': { method: 'Sum', path: 'builtin', config: { 'input-parameters': ['carbon-operational', 'carbon-embodied'], 'output-parameter': 'carbon' } }
            }
        },
        tree: { children }
    };
}

/** Block-style YAML of plain data, with `# ` comment lines on top. Strings go through yamlString (src/engine/text/yaml-text.ts). */
export function yamlText(value: { readonly [key: string]: YamlValue }, comments: readonly string[] = []): string {
    const lines = comments.map(yamlComment);
    writeMap(value, 0, lines);
    return lines.join('\n') + '\n';
}

function writeMap(map: { readonly [key: string]: YamlValue }, indent: number, lines: string[]): void {
    const pad = ' '.repeat(indent);
    for (const [key, v] of Object.entries(map)) {
        if (isBlock(v)) {
            lines.push(`${pad}${scalar(key)}:`);
            writeBlock(v, indent + 2, lines);
        } else {
            lines.push(`${pad}${scalar(key)}: ${scalar(v as string | number | boolean | null)}`);
        }
    }
}

function writeBlock(v: readonly YamlValue[] | { readonly [key: string]: YamlValue }, indent: number, lines: string[]): void {
    if (!Array.isArray(v)) {
        writeMap(v as { readonly [key: string]: YamlValue }, indent, lines);
        return;
    }
    const pad = ' '.repeat(indent);
    for (const item of v as readonly YamlValue[]) {
        if (!isBlock(item)) {
            lines.push(`${pad}- ${scalar(item as string | number | boolean | null)}`);
            continue;
        }
        // "- " then the item's first line on the same line, the rest indented under it
        const inner: string[] = [];
        writeBlock(item, indent + 2, inner);
        if (inner.length === 0) lines.push(`${pad}- ${Array.isArray(item) ? '[]' : '{}'}`);
        else {
            lines.push(`${pad}- ${inner[0].slice(indent + 2)}`);
            for (let i = 1; i < inner.length; i++) lines.push(inner[i]);
        }
    }
}

function isBlock(v: YamlValue): v is readonly YamlValue[] | { readonly [key: string]: YamlValue } {
    return v !== null && typeof v === 'object' && (Array.isArray(v) ? v.length > 0 : Object.keys(v).length > 0);
}

function scalar(v: string | number | boolean | null | readonly YamlValue[] | object): string {
    if (v === null) return 'null';
    if (typeof v === 'boolean') return String(v);
    if (typeof v === 'number') return Number.isNaN(v) ? '.nan' : Number.isFinite(v) ? String(v) : v > 0 ? '.inf' : '-.inf';
    if (typeof v !== 'string') return Array.isArray(v) ? '[]' : '{}';
    return yamlString(v);
}
