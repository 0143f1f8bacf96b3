import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartOptions, type LegendItem, type Plugin } from 'chart.js';
import type { MassScale } from '../../engine/presentation.js';
import { withAlpha, type Theme } from '../dashboard/theme.js';
import { signedMass } from './format.js';
import type { WaterfallColumn } from './waterfall-columns.js';

// only what floating bars need (the dashboard's bundle registers the same parts)
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

type Segment = [number, number];
type WaterfallChartJs = Chart<'bar', Segment[], string>;

/** Increases of CO2e in the theme's red, decreases in its green, the total change in its blue. */
export interface WaterfallColours {
    readonly up: string;
    readonly down: string;
    readonly total: string;
}

export function waterfallColours(): WaterfallColours {
    const style = getComputedStyle(document.body);
    const css = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
    return { up: css('--vscode-charts-red', '#f14c4c'), down: css('--vscode-charts-green', '#89d185'), total: css('--vscode-charts-blue', '#3794ff') };
}

const PHASES = ['fabrication', 'energy'] as const;

/**
 * The waterfall of a system's change (Chart.js floating bars): one column per object, its fabrication
 * segment light and its energy segment solid, each red when it adds CO2e and green when it saves some;
 * the total change in blue. Each column's change is written at its end, and a dashed line carries the
 * running sum from one column to the next, as in e-footprint's plot_emission_diffs.
 */
export class WaterfallChart {
    private chart?: WaterfallChartJs;
    private columns: readonly WaterfallColumn[] = [];
    private unit: MassScale = { unit: 'kg', kg: 1, decimals: 1 };
    private theme?: Theme;

    constructor(private readonly canvas: HTMLCanvasElement) {}

    update(columns: readonly WaterfallColumn[], unit: MassScale, theme: Theme, colours: WaterfallColours): void {
        this.columns = columns;
        this.unit = unit;
        this.theme = theme;
        const colourOf = (c: WaterfallColumn, segment: readonly [number, number]) =>
            c.kind === 'total' ? colours.total : segment[1] >= segment[0] ? colours.up : colours.down;
        const datasets = PHASES.map(phase => ({
            label: phase === 'fabrication' ? 'Fabrication' : 'Energy',
            data: columns.map(c => [c[phase][0] / unit.kg, c[phase][1] / unit.kg] as Segment),
            // fabrication light, energy solid: the phase reads from the fill, the direction from the hue
            backgroundColor: columns.map(c => phase === 'energy' || theme.highContrast ? colourOf(c, c[phase]) : withAlpha(colourOf(c, c[phase]), 0.4)),
            borderColor: columns.map(c => theme.highContrast ? theme.foreground : colourOf(c, c[phase])),
            borderWidth: phase === 'fabrication' || theme.highContrast ? 1.5 : 0,
            borderSkipped: false,
            // the two segments of a column share its slot: they follow each other, they never overlap
            grouped: false,
            maxBarThickness: 64
        }));
        const labels = columns.map(c => c.label);
        const options = this.options(theme, colours);
        if (!this.chart) {
            this.chart = new Chart(this.canvas, { type: 'bar', data: { labels, datasets }, options, plugins: [this.annotations()] });
            return;
        }
        this.chart.data.labels = labels;
        this.chart.data.datasets = datasets;
        this.chart.options = options;
        this.chart.update('none');
    }

    destroy(): void {
        this.chart?.destroy();
        this.chart = undefined;
    }

    private options(theme: Theme, colours: WaterfallColours): ChartOptions<'bar'> {
        const font = { family: theme.fontFamily, size: theme.fontSize };
        const unit = this.unit;
        const legend = (text: string, colour: string, light = false): LegendItem => ({
            text, fillStyle: light ? withAlpha(colour, 0.4) : colour, strokeStyle: colour, lineWidth: light ? 1.5 : 0, hidden: false, fontColor: theme.foreground
        });
        const neutral = theme.foreground;
        return {
            animation: false,
            responsive: true,
            maintainAspectRatio: false,
            // room above and below the columns for their labels
            layout: { padding: { top: theme.fontSize + 8, bottom: 4 } },
            scales: {
                x: { ticks: { color: theme.foreground, font, autoSkip: false, maxRotation: 30 }, grid: { display: false }, border: { color: theme.grid } },
                y: {
                    title: { display: true, text: `Change, ${unit.unit} CO2e`, color: theme.foreground, font },
                    ticks: { color: theme.foreground, font },
                    // the zero line is the reference every column is read against
                    grid: { color: ctx => (ctx.tick.value === 0 ? theme.foreground : theme.grid), lineWidth: ctx => (ctx.tick.value === 0 ? 1.5 : 1) },
                    border: { color: theme.grid },
                    grace: '8%'
                }
            },
            plugins: {
                legend: {
                    position: 'bottom',
                    onClick: () => undefined,
                    labels: {
                        color: theme.foreground, font, boxWidth: 12,
                        generateLabels: () => [
                            legend('More CO2e', colours.up), legend('Less CO2e', colours.down), legend('Total change', colours.total),
                            legend('Energy (solid)', neutral), legend('Fabrication (light)', neutral, true)
                        ]
                    }
                },
                tooltip: {
                    callbacks: {
                        title: items => {
                            const c = this.columns[items[0]?.dataIndex ?? 0];
                            return c ? [c.label, ...(c.detail ? [c.detail] : [])] : '';
                        },
                        label: item => {
                            const [from, to] = item.raw as Segment;
                            return `${item.dataset.label ?? ''}: ${signedMass((to - from) * unit.kg, unit)} CO2e`;
                        },
                        footer: items => {
                            const c = this.columns[items[0]?.dataIndex ?? 0];
                            return c ? `${c.kind === 'total' ? 'Total' : 'Together'}: ${signedMass(c.change, unit)} CO2e` : '';
                        }
                    }
                }
            }
        };
    }

    /** Draws each column's change at its end and the dashed running sum between columns. */
    private annotations(): Plugin<'bar'> {
        return {
            id: 'efpWaterfallAnnotations',
            afterDatasetsDraw: chart => {
                const theme = this.theme;
                const x = chart.scales.x, y = chart.scales.y;
                const bars = chart.getDatasetMeta(1).data;
                if (!theme || !x || !y) return;
                const ctx = chart.ctx;
                ctx.save();
                ctx.font = `${theme.fontSize}px ${theme.fontFamily}`;
                ctx.fillStyle = theme.foreground;
                ctx.textAlign = 'center';
                this.columns.forEach((c, i) => {
                    const ends = [c.fabrication[0], c.fabrication[1], c.energy[0], c.energy[1]].map(v => v / this.unit.kg);
                    const centre = x.getPixelForValue(i);
                    const up = c.change >= 0;
                    ctx.textBaseline = up ? 'bottom' : 'top';
                    const at = up ? y.getPixelForValue(Math.max(...ends)) - 4 : y.getPixelForValue(Math.min(...ends)) + 4;
                    ctx.fillText(signedMass(c.change, this.unit), centre, at);
                    const next = this.columns[i + 1];
                    const bar = bars[i] as unknown as { width?: number } | undefined;
                    if (next && bar?.width) {
                        const level = y.getPixelForValue(c.energy[1] / this.unit.kg);
                        ctx.strokeStyle = theme.grid;
                        ctx.setLineDash([4, 3]);
                        ctx.beginPath();
                        ctx.moveTo(centre + bar.width / 2, level);
                        ctx.lineTo(x.getPixelForValue(i + 1) - bar.width / 2, level);
                        ctx.stroke();
                    }
                });
                ctx.restore();
            }
        };
    }
}
