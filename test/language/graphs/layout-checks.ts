import { expect } from 'vitest';
import type { LaidOutGraph } from '../../../src/language/protocol.js';

interface Box { readonly x: number; readonly y: number; readonly width: number; readonly height: number }

/** Distance from a point to a box (0 inside or on its border). */
export function distanceToBox([px, py]: readonly [number, number], b: Box): number {
    const dx = Math.max(b.x - px, 0, px - (b.x + b.width));
    const dy = Math.max(b.y - py, 0, py - (b.y + b.height));
    return Math.hypot(dx, dy);
}

function overlap(a: Box, b: Box): boolean {
    // touching is fine; any shared area is not
    return a.x < b.x + b.width - 0.01 && b.x < a.x + a.width - 0.01 && a.y < b.y + b.height - 0.01 && b.y < a.y + a.height - 0.01;
}

/** The first point of an SVG path (`M x,y ...`). */
export function pathStart(path: string): [number, number] {
    const m = /^M(-?[\d.]+),(-?[\d.]+)/.exec(path);
    if (!m) throw new Error(`not a path: ${path}`);
    return [Number(m[1]), Number(m[2])];
}

/** The arrow head's tip: the middle point of its triangle. */
export function arrowTip(arrow: string): [number, number] {
    const [x, y] = arrow.split(' ')[1].split(',').map(Number);
    return [x, y];
}

/**
 * What any laid-out graph must satisfy: boxes inside the drawing and apart from each other, every
 * path made of whole cubic segments, starting on its source's box and pointing, by its arrow's tip, at
 * its target's box.
 */
export function expectSoundLayout(graph: LaidOutGraph): void {
    expect(graph.width).toBeGreaterThan(0);
    expect(graph.height).toBeGreaterThan(0);
    const byId = new Map(graph.nodes.map(n => [n.id, n]));
    expect(byId.size).toBe(graph.nodes.length);
    for (const n of graph.nodes) {
        expect(n.x).toBeGreaterThanOrEqual(0);
        expect(n.y).toBeGreaterThanOrEqual(0);
        expect(n.x + n.width).toBeLessThanOrEqual(graph.width);
        expect(n.y + n.height).toBeLessThanOrEqual(graph.height);
    }
    for (let i = 0; i < graph.nodes.length; i++) {
        for (let j = i + 1; j < graph.nodes.length; j++) {
            if (overlap(graph.nodes[i], graph.nodes[j])) throw new Error(`${graph.nodes[i].id} overlaps ${graph.nodes[j].id}`);
        }
    }
    for (const e of graph.edges) {
        const from = byId.get(e.from), to = byId.get(e.to);
        expect(from, `edge from ${e.from}`).toBeDefined();
        expect(to, `edge to ${e.to}`).toBeDefined();
        expect(e.path).toMatch(/^M-?[\d.]+,-?[\d.]+( C-?[\d.]+,-?[\d.]+ -?[\d.]+,-?[\d.]+ -?[\d.]+,-?[\d.]+)+$/);
        expect(distanceToBox(pathStart(e.path), from!)).toBeLessThan(1.5);
        expect(distanceToBox(arrowTip(e.arrow!), to!)).toBeLessThan(1.5);
        const points = e.path.slice(1).replace(/C/g, '').trim().split(/\s+/).map(p => p.split(',').map(Number));
        for (const [x, y] of points) {
            expect(x).toBeGreaterThanOrEqual(0);
            expect(y).toBeGreaterThanOrEqual(0);
            expect(x).toBeLessThanOrEqual(graph.width);
            expect(y).toBeLessThanOrEqual(graph.height);
        }
    }
}
