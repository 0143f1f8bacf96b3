import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectWellBehaved, fingerprint, runBounded } from '../helpers/bounded-run.js';
import { TERMINAL_CONTROLS } from '../fixtures/hostile-strings.js';
import { efpString } from '../../src/engine/text/efp-syntax.js';

/**
 * The efp command (the bundle users run) on crafted input: text from an e-footprint JSON, a model or a
 * file name never becomes .efp syntax, Markdown markup or terminal control sequences.
 */
const INJECTION = 'x"\n}\nserver injected { power: 1 W }\n// ';
const ANSI = 'a\x1b[2J\x1b]8;;https://evil.example\x07b\rc\u202Ed\b';

function scratch(): string {
    return mkdtempSync(join(tmpdir(), 'efp-hostile-escaping-'));
}

function simpleSystem(): Record<string, Record<string, Record<string, unknown>>> & { efootprint_version: string } {
    return JSON.parse(readFileSync('test/fixtures/efootprint/simple_system.efootprint.json', 'utf8')) as never;
}

function model(label: string, power = '300 W'): string {
    const s = efpString(label);
    return `model ${s} { start_date: 2025-01-01  modeling_duration: 1 day }
source src ${s} ${efpString(`javascript:alert(1) ${label}`)}
storage disk ${s} from ssd {}
server api ${s} { power: ${power}  source src  comment ${s}  storage: disk }
job call ${s} on api {}
usage_journey_step step ${s} { user_time_spent: 1 min  jobs: [call] }
usage_journey visit ${s} { uj_steps: [step] }
usage_pattern users ${s} {
  usage_journey: visit  devices: [smartphone]  network: mobile_network  country: France
  hourly_usage_journey_starts: constant(1000)
}
system service ${s} { usage_patterns: [users] }
`;
}

describe('hostile text through the efp command', () => {
    it('efp import of a crafted e-footprint JSON (and file name) writes a .efp with exactly its objects', async () => {
        const dir = scratch();
        try {
            const json = simpleSystem();
            json.efootprint_version = `22.2.1${INJECTION}`;
            json.Country.France.name = INJECTION;
            json.Country.France.short_name = `FRA, id: x${INJECTION}`;
            json.Server['Default-server'].name = '<img src=x onerror=alert(1)> */ }';
            const input = join(dir, 'system\nserver named_by_file {}.json');
            writeFileSync(input, JSON.stringify(json));
            const before = fingerprint(dir);
            const run = await runBounded(['import', input, '-o', join(dir, 'system.efp')], { cwd: dir });
            expectWellBehaved(run, [0]);
            expect(fingerprint(dir)).toMatchObject(before);
            const efp = readFileSync(join(dir, 'system.efp'), 'utf8');
            expect(efp).not.toMatch(/^server (injected|named_by_file)/m);
            expect(efp).toContain('country x_server_injected_power_1_w "x\\"\\n}\\nserver injected { power: 1 W }\\n// " {'
                + '  // e-footprint id: France, short_name: "FRA, id: xx\\"\\n}\\nserver injected { power: 1 W }\\n// "');
            // the .efp checks clean and exports the same names
            const check = await runBounded(['check', 'system.efp'], { cwd: dir });
            expectWellBehaved(check, [0]);
            expect(check.stdout).toBe('system.efp: no problems found\n');
            const exported = await runBounded(['export', 'system.efp'], { cwd: dir });
            expectWellBehaved(exported, [0]);
            const back = JSON.parse(exported.stdout) as typeof json;
            expect(back.Country.France).toMatchObject({ name: INJECTION, short_name: `FRA, id: x${INJECTION}` });
            expect(back.Server['Default-server'].name).toBe('<img src=x onerror=alert(1)> */ }');
            expect(Object.keys(back.Server)).toEqual(['Default-server']);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });

    it('efp diff --markdown over hostile names writes only efp\'s markup', async () => {
        const dir = scratch();
        try {
            const hostile = '<img src=x onerror=alert(1)> <!-- | `x` [x](javascript:alert(1)) @octocat #1';
            writeFileSync(join(dir, 'old.efp'), model(hostile));
            writeFileSync(join(dir, 'new.efp'), model(hostile, '600 W'));
            const run = await runBounded(['diff', '--markdown', 'old.efp', 'new.efp'], { cwd: dir });
            expectWellBehaved(run, [0]);
            const markdown = run.stdout;
            // outside the chart's code block (where text is literal), nothing unescaped opens markup or links
            const outsideCode = markdown.replace(/^```text\n[\s\S]*?\n```$/m, '');
            expect(outsideCode).not.toMatch(/(?<!\\)<img|(?<!\\)<!--(?! efp-diff -->)|(?<!\\)\]\(javascript:|@octocat/);
            expect(markdown).toContain('| \\<img src=x onerror=alert(1)\\> \\<!-- \\| \\`x\\` \\[x\\](javascript:alert(1)) @&#8203;octocat #&#8203;1 | Servers |');
            // the source's link is not http(s): its name shows, without a link
            expect(markdown).toContain('`power: 300 W → 600 W` — source \\<img');
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });

    it('efp eval over names with terminal escape sequences prints them visibly', async () => {
        const dir = scratch();
        try {
            writeFileSync(join(dir, 'model.efp'), model(ANSI));
            const run = await runBounded(['eval', 'model.efp'], { cwd: dir });
            expectWellBehaved(run, [0]);
            expect(run.stdout + run.stderr).not.toMatch(TERMINAL_CONTROLS);
            expect(run.stdout).toContain('a\\x1b[2J\\x1b]8;;https://evil.example\\x07b\\rc\\u202ed\\x08 — system "a\\x1b[2J');
            const check = await runBounded(['check', 'model.efp'], { cwd: dir });
            expectWellBehaved(check, [0]);
            const show = await runBounded(['eval', '--show', 'api.power', 'model.efp'], { cwd: dir });
            expectWellBehaved(show, [0]);
            expect(show.stdout).not.toMatch(TERMINAL_CONTROLS);
            expect(show.stdout).toContain('  comment: a\\x1b[2J');
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });

    it('file names with terminal escape sequences are shown visibly in what efp says about them (check, usage errors)', async () => {
        const dir = scratch();
        try {
            const name = `m${ANSI}.efp`.replace(/[\0/]/g, '');
            writeFileSync(join(dir, name), model('plain'));
            const check = await runBounded(['check', name], { cwd: dir });
            expectWellBehaved(check, [0]);
            expect(check.stdout).not.toMatch(TERMINAL_CONTROLS);
            expect(check.stdout).toContain('ma\\x1b[2J');
            const missing = await runBounded(['eval', `missing${ANSI}.efp`], { cwd: dir });
            expectWellBehaved(missing, [2]);
            expect(missing.stderr).not.toMatch(TERMINAL_CONTROLS);
            expect(missing.stderr).toContain('missinga\\x1b[2J');
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });
});
