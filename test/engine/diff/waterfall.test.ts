import { describe, expect, it } from 'vitest';
import { change, type SystemFootprintDiff } from '../../../src/engine/diff/footprint-diff.js';
import { waterfallOf } from '../../../src/engine/diff/waterfall.js';
import { waterfallSvg } from '../../../src/engine/diff/waterfall-svg.js';
import { HOSTILE_STRINGS } from '../../fixtures/hostile-strings.js';

function system(deltas: Record<string, number>): SystemFootprintDiff {
    const objects = Object.entries(deltas).map(([name, d]) => ({
        status: 'same' as const, id: name, name, className: 'Server', category: 'Servers' as const,
        total: change(100, 100 + d), fabrication: change(0, 0), energy: change(100, 100 + d)
    })).sort((a, b) => Math.abs(b.total.change) - Math.abs(a.total.change));
    const total = Object.values(deltas).reduce((s, d) => s + d, 0);
    return {
        status: 'same', id: 's', name: 'S', total: change(1000, 1000 + total), fabrication: change(0, 0), energy: change(1000, 1000 + total),
        perYear: change(1000, 1000 + total), categories: [], objects
    };
}

describe('waterfall of a change', () => {
    it('each change starts where the previous ended; the rest is gathered; the total runs from 0', () => {
        const steps = waterfallOf(system({ a: 50, b: -30, c: 5, d: 2, e: 0 }), 2);
        expect(steps).toEqual([
            { kind: 'change', label: 'a', from: 0, to: 50 },
            { kind: 'change', label: 'b', from: 50, to: 20 },
            { kind: 'change', label: '2 other objects', from: 20, to: 27 },
            { kind: 'total', label: 'total change', from: 0, to: 27 }
        ]);
    });

    it('as SVG: one bar per step, increases and decreases in their colours, text escaped', () => {
        const svg = waterfallSvg(waterfallOf(system({ 'a<b': 50, b: -30 })), { format: kg => `${kg} kg`, title: 'S & co' });
        expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
        expect(svg.match(/<rect /g)).toHaveLength(4); // background + 3 bars
        expect(svg).toContain('a&lt;b');
        expect(svg).toContain('S &amp; co');
        expect(svg).toContain('fill="#d1495b"');
        expect(svg).toContain('fill="#2e9e6a"');
        expect(svg).toContain('>-30 kg<');
    });
});

describe('waterfall SVG of hostile names', () => {
    /** XML 1.0's Char production: what a well-formed document may hold. */
    const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

    it('every label is text in its own element, with only characters XML allows', () => {
        const labels = HOSTILE_STRINGS.map(h => h.text);
        const steps = labels.map((label, i) => ({ label, kind: 'change' as const, from: i, to: i + 1 }));
        const svg = waterfallSvg(steps, { format: kg => `${kg} kg`, title: labels.join(' ') });
        expect(svg).not.toMatch(NOT_XML_CHAR);
        expect(svg).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u2028\u2029]/);
        // one <text> per label, value and the title, and nothing else that opens an element inside them
        const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map(m => m[1]);
        expect(texts.length).toBe(2 * labels.length + 1);
        expect(svg.match(/<[a-z]/g)!.length).toBe(2 + texts.length + labels.length + 1);
        for (const t of texts) expect(t).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
    });
});
