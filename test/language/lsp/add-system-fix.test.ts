import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver';
import { openWorkspace } from '../../helpers/language-workspace.js';
import { codeOf, errorsIn, fixesIn, fixesOf } from '../../helpers/quick-fixes.js';

/**
 * A model without a system is an error (efp eval refuses it, so efp check and the editor say so): its fix
 * adds a system listing the usage patterns the model declares, and the model then evaluates as a whole.
 */
const quickstart = readFileSync('examples/quickstart.efp', 'utf8');
const SYSTEM = 'system streaming_platform "System" { usage_patterns: [french_households] }\n';
const noSystem = (d: Diagnostic) => codeOf(d) === 'no-system';

describe('the fix of a model without a system', () => {
    it('adds a system listing its usage pattern at the end of the file: the quickstart again, with no error', async () => {
        expect(quickstart.endsWith(SYSTEM)).toBe(true);
        const without = quickstart.slice(0, -SYSTEM.length);
        const fixes = await fixesIn(without, noSystem);
        expect(fixes.map(f => [f.title, f.preferred])).toEqual([["Add system 'my_service' listing french_households", true]]);
        expect(fixes[0].fixed).toBe(`${without}system my_service "System" {\n  usage_patterns: [french_households]\n}\n`);
        expect(await errorsIn(fixes[0].fixed)).toEqual([]);
    });

    it('lists every usage pattern (the title the first three), after a blank line when the file ends without one', async () => {
        const patterns = ['a', 'b', 'c', 'd'].map(n => `usage_pattern up_${n} { usage_journey: j  devices: [laptop]  network: wifi_network  country: France  hourly_usage_journey_starts: 1 occurrence }`);
        const text = `usage_journey j { uj_steps: [] }\n${patterns.join('\n')}`;
        const [fix] = await fixesIn(text, noSystem);
        expect(fix.title).toBe("Add system 'my_service' listing up_a, up_b, up_c, …");
        expect(fix.fixed).toBe(`${text}\n\nsystem my_service "System" {\n  usage_patterns: [up_a, up_b, up_c, up_d]\n}\n`);
    });

    it('takes another name when my_service is taken', async () => {
        const text = 'server my_service { }\nusage_pattern users { }\n';
        const [fix] = await fixesIn(text, noSystem);
        expect(fix.title).toBe("Add system 'my_service_2' listing users");
    });

    it('writes no text the data did not name as a pattern: forged data with markup, quotes and line breaks gives only the names', async () => {
        const workspace = await openWorkspace('server web { }\n');
        const [document] = workspace.documents;
        const diagnostic = document.diagnostics!.find(noSystem)!;
        const forged = { ...diagnostic, data: { code: 'no-system', kind: 'no-system', input: 'usage_patterns', patterns: ['ok_name', 'x] }\nserver evil {', '"quoted"', '<b>b</b>'] } };
        const [fix] = await fixesOf(workspace, document, forged);
        expect(fix.title).toBe("Add system 'my_service' listing ok_name");
        const edit = fix.edit!.changes![document.uri.toString()][0].newText;
        expect(edit).toBe('\nsystem my_service "System" {\n  usage_patterns: [ok_name]\n}\n');
        // an input other than the two a system takes: no fix
        expect(await fixesOf(workspace, document, { ...diagnostic, data: { kind: 'no-system', input: 'jobs', patterns: ['x'] } })).toEqual([]);
    });

    it('without usage patterns, the system\'s template, whose placeholder gets the fix that creates it', async () => {
        const [fix] = await fixesIn('server web { }\n', noSystem);
        expect(fix.title).toBe("Add system 'my_service'");
        expect(fix.fixed).toMatch(/^server web \{ \}\n\nsystem my_service \{\n {2}usage_patterns: \[usage_pattern_name\]\n\}\n$/);
        expect((await errorsIn(fix.fixed)).some(e => e.includes('usage_pattern_name'))).toBe(true);
    });
});
