import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { efp, writeModelFiles } from '../helpers/cli-run.js';

/**
 * Bad input gets a message located at file:line:col with a fix hint, and a non-zero exit code; never a
 * stack trace.
 */
const base = readFileSync('examples/quickstart.efp', 'utf8');

/** The quickstart with one text replaced (the replaced text must occur exactly once). */
function quickstartWith(from: string, to: string): string {
    expect(base.split(from)).toHaveLength(2);
    return base.replace(from, to);
}

/** 1-based line and column of `needle` in `text`. */
function position(text: string, needle: string): string {
    const index = text.indexOf(needle);
    const before = text.slice(0, index).split('\n');
    return `${before.length}:${before[before.length - 1].length + 1}`;
}

async function check(text: string) {
    const dir = writeModelFiles({ 'model.efp': text });
    const result = await efp('check', join(dir, 'model.efp'));
    return { ...result, file: join(dir, 'model.efp') };
}

function expectNoStackTrace(output: string): void {
    expect(output).not.toMatch(/\n\s+at .+:\d+:\d+/);
}

describe('efp check', () => {
    it('reports no problem on the examples and exits 0', async () => {
        for (const file of ['examples/quickstart.efp', 'examples/reference/simple_system.efp', 'examples/reference/machine_learning_workflow.efp']) {
            const result = await efp('check', file);
            expect(result.stdout).toContain(`${file}: no problems found`);
            expect(result.code).toBe(0);
        }
    });

    it('names both dimensions when a value has the wrong one', async () => {
        const text = quickstartWith('power: 300 W', 'power: 300 Wh');
        const result = await check(text);
        expect(result.code).toBe(1);
        expect(result.stdout).toContain(`model.efp:${position(text, '300 Wh')}: error: 'power' expects a power (W); \`300 Wh\` is an energy (kWh) [dimension-mismatch]`);
        expect(result.stdout).toContain('hint: Write it in W or a unit of the same kind.');
        expectNoStackTrace(result.stdout + result.stderr);
    });

    it('refuses to add different dimensions inside an expression', async () => {
        const text = quickstartWith('idle_power: 50 W', 'idle_power: 50 W + 2 kg');
        const result = await check(text);
        expect(result.code).toBe(1);
        expect(result.stdout).toContain(`model.efp:${position(text, '50 W + 2 kg')}: error: cannot add a power (W) and a mass (kg)`);
    });

    it('suggests the closest name for an unknown object', async () => {
        const text = quickstartWith('network: wifi', 'network: wfi');
        const result = await check(text);
        expect(result.code).toBe(1);
        expect(result.stdout).toContain(`model.efp:${position(text, 'wfi')}: error: unknown name 'wfi'. Did you mean 'wifi'?`);
    });

    it('reports an unknown unit and an unknown attribute with suggestions', async () => {
        const unit = quickstartWith('ram: 128 GB', 'ram: 128 GiB');
        const unitResult = await check(unit);
        expect(unitResult.stdout).toContain(`model.efp:${position(unit, 'GiB')}: error: unknown unit 'GiB'. Did you mean 'GB'?`);
        const attribute = quickstartWith('idle_power: 50 W', 'idle_powr: 50 W');
        const attributeResult = await check(attribute);
        expect(attributeResult.code).toBe(1);
        expect(attributeResult.stdout).toContain(`model.efp:${position(attribute, 'idle_powr')}: error: a server has no input 'idle_powr' [unknown-attribute]`);
        expect(attributeResult.stdout).toContain("hint: Did you mean 'idle_power'?");
    });

    it('reports a missing required input on the object', async () => {
        const text = quickstartWith('  storage: ssd\n', '');
        const result = await check(text);
        expect(result.code).toBe(1);
        expect(result.stdout).toContain(`model.efp:${position(text, 'web "server"')}: error: server web needs 'storage'`);
        expect(result.stdout).toContain("hint: Add 'storage: …' to web.");
    });

    it('reports a reference cycle on every member', async () => {
        const text = quickstartWith('power: 300 W', 'power: web.idle_power * 2').replace('idle_power: 50 W', 'idle_power: web.power / 6');
        const result = await check(text);
        expect(result.code).toBe(1);
        const cycle = 'reference cycle: web.power → web.idle_power → web.power';
        expect(result.stdout).toContain(`model.efp:${position(text, 'power: web.idle_power')}: error: ${cycle} [cycle]`);
        expect(result.stdout).toContain(`model.efp:${position(text, 'idle_power: web.power')}: error: ${cycle} [cycle]`);
        expect(result.stdout).toContain('hint: A value cannot depend on itself');
    });

    it('locates syntax errors and keeps checking', async () => {
        const text = quickstartWith('lifespan: 6 year\n', 'lifespan: 6 year )\n');
        const result = await check(text);
        expect(result.code).toBe(1);
        expect(result.stdout).toContain(`model.efp:${position(text, ')\n')}: error:`);
        expectNoStackTrace(result.stdout + result.stderr);
    });

    it('reports values out of range', async () => {
        const text = quickstartWith('utilization_rate: 0.9', 'utilization_rate: 1.5');
        const result = await check(text);
        expect(result.code).toBe(1);
        expect(result.stdout).toContain(`model.efp:${position(text, '1.5')}: error: 'utilization_rate' must be between 0 and 1, got 1.5 [out-of-range]`);
    });

    it('warns on an input that has no effect and exits 0, as for any warning: disks fixed on a serverless server\'s storage', async () => {
        const text = quickstartWith('server_type: autoscaling', 'server_type: serverless')
            .replace('  base_storage_need: 100 TB      confidence medium\n', '  base_storage_need: 100 TB      confidence medium\n  fixed_nb_of_instances: 500\n');
        const result = await check(text);
        expect(result.code).toBe(0);
        expect(result.stdout).toContain(`model.efp:${position(text, 'fixed_nb_of_instances')}: warning: 'fixed_nb_of_instances' only applies when the server's `
            + 'server_type is autoscaling or on_premise; storage ssd is on server web, which is serverless, so it is ignored [ignored-input]\n'
            + '    hint: Remove fixed_nb_of_instances, or write server_type: autoscaling on web.');
    });

    it('exits 2 without a stack trace for a file that does not exist', async () => {
        const result = await efp('eval', 'no/such/model.efp');
        expect(result.code).toBe(2);
        expect(result.stderr).toBe('efp: cannot read no/such/model.efp: no such file\n');
    });

    it('eval prints the diagnostics and evaluates nothing when the model has errors', async () => {
        const dir = writeModelFiles({ 'model.efp': quickstartWith('power: 300 W', 'power: 300 kg') });
        const result = await efp('eval', join(dir, 'model.efp'));
        expect(result.code).toBe(1);
        expect(result.stdout).toBe('');
        expect(result.stderr).toContain("error: 'power' expects a power (W); `300 kg` is a mass (kg)");
        expect(result.stderr).toContain('nothing evaluated');
    });
});

describe('syntax errors in words', () => {
    it('say what was found and what could come there', async () => {
        const text = 'server web {\n  power:\n}\njob j on web { data_transferred: [1, }\nfoo\n';
        const result = await check(text);
        expect(result.stdout).toContain('model.efp:3:1: error: expected a value (a number and its unit, a name, a list, a builder call, a text or a date), found `}` [parsing-error]');
        expect(result.stdout).toContain('model.efp:4:38: error: expected `]`, found `}`');
        expect(result.stdout).toContain('model.efp:5:1: error: unexpected `foo`: a declaration (an object kind such as `server`, or `model`, `source`, `import`) was expected');
    });
});

describe('e-footprint\'s Python in a model', () => {
    it('is said where it is written, with the .efp way to write it, in place of the syntax errors it causes', async () => {
        const text = quickstartWith('  power: 300 W\n', '  power=SourceValue(300 * u.W)  # measured at the plug\n')
            .replace('devices: [laptop]', 'devices: [Device.laptop()]');
        const result = await check(text);
        expect(result.code).toBe(1);
        expect(result.stdout).toContain(`model.efp:${position(text, 'power=')}: error: \`power=\` is a Python keyword argument [python-spelling]\n`
            + '    hint: In .efp, an input is written `power: value`.\n');
        expect(result.stdout).toContain(`model.efp:${position(text, 'SourceValue(')}: error: \`SourceValue(300 * u.W)\` is e-footprint's Python [python-spelling]\n`
            + '    hint: In .efp, write `300 W`: a number and its unit.\n');
        expect(result.stdout).toContain(`model.efp:${position(text, '# measured')}: error: \`#\` starts a comment in Python, not in .efp [python-spelling]\n`
            + '    hint: In .efp, a comment starts with `//`, or is written `/* … */`.\n');
        expect(result.stdout).toContain(`model.efp:${position(text, 'Device.laptop()')}: error: \`Device.laptop()\` is e-footprint's Python [python-spelling]\n`
            + '    hint: In .efp, e-footprint\'s archetypes are built-in objects: write `laptop`, or declare `device my_device from laptop { … }` to change some of its inputs.\n');
        // nothing else: the lexer's, parser's and linker's errors were these
        expect(result.stdout).not.toMatch(/lexing-error|parsing-error|linking-error/);
        expect(result.stdout).toContain('model.efp: 4 errors, 0 warnings');
    });
});
