import { describe, expect, it } from 'vitest';
import MarkdownIt from 'markdown-it';
import { scenarioTooltip } from '../../src/extension/scenario-tooltip.js';
import { HOSTILE_STRINGS, TERMINAL_CONTROLS } from '../fixtures/hostile-strings.js';

/** The Scenarios view's tooltip (Markdown) over a scenario whose label and error are hostile. */
const md = new MarkdownIt({ html: true, linkify: true });

describe('the Scenarios view\'s tooltip', () => {
    it('says what a scenario does', () => {
        expect(scenarioTooltip({ id: 'greener', name: 'Greener electricity', date: '2026-01-01' }, '−12.0 t CO2e (−1.6 %)')).toBe([
            '**Greener electricity** (`scenario greener`)',
            'Changes take effect on 2026-01-01 (e-footprint\'s simulation_date).',
            'Total change against the baseline: −12.0 t CO2e (−1.6 %).',
            'Click to open its emission diff against the baseline.'
        ].join('\n\n'));
    });

    for (const { name, text } of HOSTILE_STRINGS) {
        it(`${name}: shows the label and the error as text`, () => {
            const html = md.render(scenarioTooltip({ id: 'more', name: text, error: text }, undefined));
            const tags = [...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map(m => m[1].toLowerCase());
            expect(tags.filter(t => !['p', 'strong', 'code', 'a'].includes(t))).toEqual([]);
            for (const [, href] of html.matchAll(/<a href="([^"]*)"/g)) expect(href).toMatch(/^https?:\/\//);
            expect(html).not.toMatch(TERMINAL_CONTROLS);
        });
    }
});
