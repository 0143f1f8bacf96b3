import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartOptions } from 'chart.js';
import { formatMass, type MassScale } from '../../engine/presentation.js';
import type { PhaseBars } from './bar-data.js';
import type { Theme } from './theme.js';
import { phaseLabel } from './vocabulary.js';

// only what horizontal stacked bars need: keeps Chart.js's share of the bundle small
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

type BarChartJs = Chart<'bar', number[], string>;

/**
 * A horizontal bar chart stacked by life-cycle phase (fabrication, energy). Updating it keeps the same
 * Chart.js instance, so new results redraw without flicker.
 */
export class PhaseBarChart {
    private chart?: BarChartJs;

    constructor(private readonly canvas: HTMLCanvasElement, private readonly onBarClick?: (index: number) => void) {}

    update(bars: PhaseBars, unit: MassScale, theme: Theme): void {
        const datasets = (['fabrication', 'energy'] as const).map(phase => ({
            label: phaseLabel(phase),
            data: [...bars[phase]],
            backgroundColor: theme.phase[phase],
            borderColor: theme.highContrast ? theme.foreground : theme.phase[phase],
            borderWidth: theme.highContrast ? 1 : 0,
            stack: 'phases',
            maxBarThickness: 28
        }));
        const options = this.options(unit, theme);
        if (!this.chart) {
            this.chart = new Chart(this.canvas, { type: 'bar', data: { labels: [...bars.labels], datasets }, options });
            return;
        }
        this.chart.data.labels = [...bars.labels];
        this.chart.data.datasets = datasets;
        this.chart.options = options;
        this.chart.update('none');
    }

    destroy(): void {
        this.chart?.destroy();
        this.chart = undefined;
    }

    private options(unit: MassScale, theme: Theme): ChartOptions<'bar'> {
        const font = { family: theme.fontFamily, size: theme.fontSize };
        const onBarClick = this.onBarClick;
        return {
            indexAxis: 'y',
            // animations would run scripts on every frame for nothing, and make updates look like reloads
            animation: false,
            responsive: true,
            maintainAspectRatio: false,
            scales: {
                x: {
                    stacked: true,
                    beginAtZero: true,
                    title: { display: true, text: `${unit.unit} CO2e`, color: theme.foreground, font },
                    ticks: { color: theme.foreground, font, maxRotation: 0, autoSkipPadding: 12 },
                    grid: { color: theme.grid },
                    border: { color: theme.grid }
                },
                // every object's name, even in a short chart: an unlabelled bar is useless
                y: { stacked: true, ticks: { color: theme.foreground, font, autoSkip: false }, grid: { display: false }, border: { color: theme.grid } }
            },
            plugins: {
                legend: { position: 'bottom', labels: { color: theme.foreground, font, boxWidth: 12 } },
                tooltip: {
                    callbacks: { label: item => `${item.dataset.label ?? ''}: ${formatMass((item.parsed.x ?? 0) * unit.kg, unit)} CO2e` }
                }
            },
            onClick: onBarClick ? (_event, elements) => { if (elements[0]) onBarClick(elements[0].index); } : undefined,
            onHover: onBarClick ? (event, elements) => {
                const target = event.native?.target;
                if (target instanceof HTMLElement) target.classList.toggle('clickable', elements.length > 0);
            } : undefined
        };
    }
}
