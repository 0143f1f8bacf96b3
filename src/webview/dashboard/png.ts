import type { Theme } from './theme.js';

export interface LegendEntry {
    readonly label: string;
    readonly color: string;
}

/**
 * A chart's canvas as a PNG data URL on the editor's background (a transparent PNG of a dark theme's
 * light text is unreadable elsewhere), with the chart's title and, when given, a colour legend above it.
 */
export function chartPng(source: HTMLCanvasElement, title: string, theme: Theme, legend: readonly LegendEntry[] = []): string {
    const scale = source.width / Math.max(1, source.clientWidth || source.width);
    const fontSize = Math.round(theme.fontSize * scale);
    const pad = Math.round(8 * scale);
    const header = pad + fontSize * 1.5 + (legend.length > 0 ? fontSize * 1.5 : 0);
    const canvas = document.createElement('canvas');
    canvas.width = source.width;
    canvas.height = source.height + header + pad;
    const ctx = canvas.getContext('2d');
    if (!ctx) return source.toDataURL('image/png');
    ctx.fillStyle = theme.background;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.fillStyle = theme.foreground;
    ctx.textBaseline = 'top';
    ctx.font = `600 ${fontSize}px ${theme.fontFamily}`;
    ctx.fillText(title, pad, pad);
    ctx.font = `${fontSize}px ${theme.fontFamily}`;
    let x = pad;
    const y = pad + fontSize * 1.5;
    for (const entry of legend) {
        ctx.fillStyle = entry.color;
        ctx.fillRect(x, y + fontSize * 0.15, fontSize * 0.8, fontSize * 0.8);
        x += fontSize * 1.2;
        ctx.fillStyle = theme.foreground;
        ctx.fillText(entry.label, x, y);
        x += ctx.measureText(entry.label).width + fontSize * 1.2;
    }
    ctx.drawImage(source, 0, header);
    return canvas.toDataURL('image/png');
}
