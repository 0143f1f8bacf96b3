import type { FootprintCategory, Phase } from '../../engine/presentation.js';

/** e-footprint's footprint categories as people read them (the CLI prints the raw names). */
const CATEGORY_LABELS: Record<FootprintCategory, string> = {
    Servers: 'Servers',
    Storage: 'Storage',
    ExternalAPIs: 'External APIs',
    Network: 'Network',
    Devices: 'Devices',
    EdgeDevices: 'Edge devices',
    Measurements: 'Measured runs'
};

export function categoryLabel(category: FootprintCategory): string {
    return CATEGORY_LABELS[category] ?? category;
}

export const PHASES: readonly Phase[] = ['fabrication', 'energy'];

export function phaseLabel(phase: Phase): string {
    return phase === 'fabrication' ? 'Fabrication' : 'Energy';
}
