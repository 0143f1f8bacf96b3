/**
 * The messages between the footprint panel (extension host, src/extension/panels/footprint-panel.ts)
 * and its webview, and the state the webview keeps across reloads. Types only: both sides import it.
 */
import type { FootprintResult } from '../../language/protocol.js';
import type { Origin } from '../../engine/presentation.js';

/** The `efp.display.massUnit` setting. */
export type MassUnitSetting = 'auto' | 'g' | 'kg' | 't' | 'kt';

/** Time step of the footprint-over-time chart. */
export type Resolution = 'hour' | 'day' | 'month' | 'year';

/** How the footprint-over-time chart stacks its series. */
export type SeriesSplit = 'category' | 'phase';

/** What the equivalents compare with: the whole modeling period or an average year. */
export type EquivalentsBasis = 'period' | 'year';

export type PanelToWebview =
    /** First answer to `ready`: which document the panel shows (the webview keeps it for the serializer). */
    | { readonly type: 'document'; readonly uri: string; readonly fileName: string }
    /**
     * New results. `errors` counts the errors in the document's current text (meaningful when
     * `result.stale`); `system` asks to show that system (the dashboard opened from a system's CodeLens).
     */
    | { readonly type: 'result'; readonly result: FootprintResult; readonly errors: number; readonly massUnit: MassUnitSetting; readonly system?: string }
    /** The request failed: the language server is not running, crashed, timed out. */
    | { readonly type: 'error'; readonly message: string }
    /** The document's error count changed (the results are the same). */
    | { readonly type: 'errors'; readonly errors: number }
    | { readonly type: 'settings'; readonly massUnit: MassUnitSetting };

export type WebviewToPanel =
    /** The page has loaded (first time, or again after being hidden): send the latest data. */
    | { readonly type: 'ready' }
    /** Evaluate again (the retry button after an error). */
    | { readonly type: 'retry' }
    /** Show an object's definition (a click on its table row or bar). */
    | { readonly type: 'reveal'; readonly origin: Origin }
    /** Save a chart: `dataUrl` is `data:image/png;base64,...`. */
    | { readonly type: 'savePng'; readonly fileName: string; readonly dataUrl: string }
    | { readonly type: 'saveCsv'; readonly fileName: string; readonly text: string };

/** What the webview persists with `setState` (survives hiding the panel and reloading the window). */
export interface DashboardState {
    /** The document the panel shows; the serializer reopens the panel for it. */
    readonly uri?: string;
    readonly systemId?: string;
    readonly resolution?: Resolution;
    readonly split?: SeriesSplit;
    readonly basis?: EquivalentsBasis;
    /** Visible time range of the footprint-over-time chart, in seconds since the epoch (uPlot's x scale). */
    readonly xRange?: readonly [number, number];
    /** The object highlighted in the table (the last one revealed). */
    readonly selectedObject?: string;
}
