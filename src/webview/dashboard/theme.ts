import type { FootprintCategory, Phase } from '../../engine/presentation.js';

/** Colours and font of the current VS Code theme, for the canvas charts (which cannot use CSS variables). */
export interface Theme {
    readonly foreground: string;
    readonly background: string;
    readonly grid: string;
    readonly fontFamily: string;
    readonly fontSize: number;
    readonly phase: Record<Phase, string>;
    readonly category: Record<FootprintCategory, string>;
    /** Thicker strokes and no translucent fills in high-contrast themes. */
    readonly highContrast: boolean;
}

function cssVar(style: CSSStyleDeclaration, name: string, fallback: string): string {
    return style.getPropertyValue(name).trim() || fallback;
}

/** Reads the theme from the CSS variables VS Code sets on the page (again after every theme change). */
export function currentTheme(): Theme {
    const style = getComputedStyle(document.body);
    const color = (name: string, fallback: string) => cssVar(style, `--vscode-charts-${name}`, fallback);
    const foreground = cssVar(style, '--vscode-foreground', '#cccccc');
    return {
        foreground,
        background: cssVar(style, '--vscode-editor-background', '#1e1e1e'),
        grid: cssVar(style, '--vscode-charts-lines', 'rgba(128, 128, 128, 0.35)'),
        fontFamily: cssVar(style, '--vscode-font-family', 'sans-serif'),
        fontSize: parseFloat(cssVar(style, '--vscode-font-size', '13px')) || 13,
        // fabrication is embodied carbon (hardware), energy is electricity: purple and yellow keep them apart in every theme
        phase: { fabrication: color('purple', '#b180d7'), energy: color('yellow', '#cca700') },
        category: {
            Servers: color('blue', '#3794ff'),
            Storage: color('green', '#89d185'),
            ExternalAPIs: color('red', '#f14c4c'),
            Network: color('purple', '#b180d7'),
            Devices: color('orange', '#d18616'),
            EdgeDevices: color('yellow', '#cca700'),
            // the six chart colours are taken: the terminal's cyan keeps measured runs apart
            Measurements: cssVar(style, '--vscode-terminal-ansiCyan', '#4ec9b0')
        },
        highContrast: document.body.classList.contains('vscode-high-contrast') || document.body.classList.contains('vscode-high-contrast-light')
    };
}

/** `color` at `alpha` opacity, for the stacked areas' fills (VS Code gives hex or rgb() colours). */
export function withAlpha(color: string, alpha: number): string {
    const hex = /^#([0-9a-f]{3,8})$/i.exec(color)?.[1];
    if (hex) {
        const full = hex.length <= 4 ? [...hex].map(c => c + c).join('') : hex;
        const [r, g, b] = [0, 2, 4].map(i => parseInt(full.slice(i, i + 2), 16));
        return `rgba(${r}, ${g}, ${b}, ${alpha})`;
    }
    const rgb = /^rgba?\(([^,]+),([^,]+),([^,)]+)/.exec(color);
    return rgb ? `rgba(${rgb[1].trim()}, ${rgb[2].trim()}, ${rgb[3].trim()}, ${alpha})` : color;
}

/** Calls `onChange` when VS Code switches between light, dark and high-contrast themes (it changes the body's class). */
export function watchTheme(onChange: () => void): void {
    new MutationObserver(onChange).observe(document.body, { attributes: true, attributeFilter: ['class'] });
}
