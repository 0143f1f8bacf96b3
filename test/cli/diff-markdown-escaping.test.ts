import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import { efp, writeModelFiles } from '../helpers/cli-run.js';
import { HOSTILE_STRINGS, TERMINAL_CONTROLS } from '../fixtures/hostile-strings.js';
import { efpString } from '../../src/engine/text/efp-syntax.js';

/**
 * `efp diff --markdown` on models whose title, labels, system names, sources and comments are hostile: the
 * comment a pull request shows has only efp's own markup, tables keep their columns, links go only to
 * http(s) addresses, nobody is mentioned and nothing is hidden.
 */
function models(text: string): { old: string; new: string } {
    const s = efpString(text);
    // idle_power keeps its value: its source and comment are annotation changes, listed apart
    const model = (power: string, comment: string, idleSource: string) => `model ${s} { start_date: 2025-01-01  modeling_duration: 1 day }
source src ${s} ${s}
source web_src ${s} ${efpString(`https://example.org/${text}`)}
storage disk ${s} from ssd {}
server api ${s} { power: ${power}  source src  comment ${efpString(comment)}  idle_power: 10 W  source ${idleSource}  comment ${efpString(comment)}  storage: disk }
job call ${s} on api {}
usage_journey_step step ${s} { user_time_spent: 1 min  jobs: [call] }
usage_journey visit ${s} { uj_steps: [step] }
usage_pattern users ${s} {
  usage_journey: visit  devices: [smartphone]  network: mobile_network  country: France
  hourly_usage_journey_starts: constant(1000)
}
system service ${s} { usage_patterns: [users] }
system other ${efpString(`${text} 2`)} { usage_patterns: [users] }
`;
    return { old: model('300 W', text, 'web_src'), new: model('600 W', `${text} changed`, 'src') };
}

const md = new MarkdownIt({ html: true, linkify: true });
const EFP_TAGS = new Set(['h2', 'h3', 'p', 'code', 'pre', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'ul', 'li', 'strong', 'details', 'summary', 'a']);

describe('efp diff --markdown with hostile names', () => {
    for (const { name, text } of HOSTILE_STRINGS) {
        it(`${name}: only efp's markup, whole tables, http(s) links, no mention`, async () => {
            const { old, new: changed } = models(text);
            const dir = writeModelFiles({ 'old.efp': old, 'new.efp': changed });
            try {
                const result = await efp('diff', '--markdown', join(dir, 'old.efp'), join(dir, 'new.efp'));
                expect(result.stderr).toBe('');
                expect(result.code).toBe(0);
                const markdown = result.stdout;
                expect(markdown).not.toMatch(TERMINAL_CONTROLS);
                const html = md.render(markdown);
                // GitHub links @name and #123 in text whatever the escapes (not in code)
                const text = html.replace(/<pre>[\s\S]*?<\/pre>|<code>[\s\S]*?<\/code>/g, '').replace(/<[^>]*>/g, '');
                expect(text).not.toMatch(/@[A-Za-z0-9]|#[0-9]/);
                const tags = [...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map(m => m[1].toLowerCase());
                expect(tags.filter(t => !EFP_TAGS.has(t))).toEqual([]);
                // efp's own marker is the only comment
                expect(html.split('<!--').length).toBe(2);
                for (const [, href] of html.matchAll(/<a href="([^"]*)"/g)) expect(href).toMatch(/^https?:\/\//);
                // every row of a table has its header's cells
                for (const table of html.split('<table>').slice(1)) {
                    const rows = table.split('</table>')[0].split('<tr>').slice(1).map((r: string) => (r.match(/<t[hd][ >]/g) ?? []).length);
                    expect(new Set(rows).size, table.slice(0, 300)).toBe(1);
                }
                expect(markdown).toContain('power: 300 W → 600 W');
                expect(markdown).toMatch(/Annotation changes, same values \(1\)[\s\S]*api\.idle_power: 10 W/);
            } finally {
                rmSync(dir, { recursive: true, force: true });
            }
        });
    }
});
