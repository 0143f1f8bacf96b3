import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { efp, writeModelFiles } from '../helpers/cli-run.js';
import { HOSTILE_STRINGS, TERMINAL_CONTROLS } from '../fixtures/hostile-strings.js';
import { efpString } from '../../src/engine/text/efp-syntax.js';

/**
 * The CLI's tables and messages over a model whose every text (title, labels, sources, comments, a
 * scenario, a time zone) holds all the hostile strings at once: no control, bidi or line-separator
 * character reaches the terminal, and no text adds a line (the output has as many lines as with plain names).
 */
const ALL = HOSTILE_STRINGS.filter(h => h.text.length < 1000).map(h => h.text).join(' ');

function files(text: string, power = '300 W'): Record<string, string> {
    const s = efpString(text);
    const model = (p: string, comment: string) => `model ${s} { start_date: 2025-01-01  modeling_duration: 1 day }
source src ${s} ${s}
storage disk ${s} from ssd {}
server api ${s} { power: ${p}  source src  comment ${efpString(comment)}  storage: disk }
job call ${s} on api {}
usage_journey_step step ${s} { user_time_spent: 1 min  jobs: [call] }
usage_journey visit ${s} { uj_steps: [step] }
usage_pattern users ${s} {
  usage_journey: visit  devices: [smartphone]  network: mobile_network  country: France
  hourly_usage_journey_starts: constant(1000)
}
system service ${s} { usage_patterns: [users] }
scenario more ${s} { api.power: 400 W  comment ${s} }
`;
    return {
        'model.efp': model(power, text),
        'new.efp': model('600 W', `${text} changed`),
        'bad.efp': `country c ${s} { timezone: ${s} }\n`
    };
}

const COMMANDS: ReadonlyArray<readonly string[]> = [
    ['eval', 'model.efp'],
    ['eval', '--show', 'api.power', 'model.efp'],
    ['eval', '--scenario', 'more', 'model.efp'],
    ['check', 'bad.efp'],
    ['diff', 'model.efp', 'new.efp']
];

async function outputs(text: string): Promise<string[]> {
    const dir = writeModelFiles(files(text));
    try {
        const results: string[] = [];
        for (const command of COMMANDS) {
            const result = await efp(...command.map(a => (a.endsWith('.efp') ? join(dir, a) : a)));
            results.push(`${result.stdout}\n--- stderr\n${result.stderr}`.split(dir).join('DIR'));
        }
        return results;
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

describe('terminal output over hostile names', () => {
    it('eval, --show, --scenario, check and diff show every character and add no line', async () => {
        const [hostile, plain] = [await outputs(ALL), await outputs('plain name')];
        COMMANDS.forEach((command, i) => {
            expect(hostile[i], command.join(' ')).not.toMatch(TERMINAL_CONTROLS);
            expect(hostile[i].split('\n').length, `${command.join(' ')}\n${hostile[i].slice(0, 3000)}`).toBe(plain[i].split('\n').length);
        });
        // what a name says is still there, made visible
        expect(hostile[0]).toContain('a\\x1b[2Jb');
        expect(hostile[0]).toContain('abc\\u202edef');
        expect(hostile[3]).toContain('unknown time zone');
    });
});
