/**
 * The messages between the diff panel (extension host, src/extension/panels/diff-panel.ts) and its
 * webview, and the state the webview keeps across reloads. Types only: both sides import it.
 */
import type { DiffAgainst, DiffResult } from '../../language/protocol.js';
import type { Origin } from '../../engine/presentation.js';
import type { MassUnitSetting } from '../dashboard/messages.js';

export type ToDiffWebview =
    /** First answer to `ready`: what the panel compares (the webview keeps it for the serializer). */
    | { readonly type: 'document'; readonly uri: string; readonly against: DiffAgainst; readonly fileName: string }
    | { readonly type: 'loading' }
    | { readonly type: 'result'; readonly result: DiffResult; readonly massUnit: MassUnitSetting }
    /** The request failed: the language server is not running, crashed, timed out. */
    | { readonly type: 'error'; readonly message: string };

export type FromDiffWebview =
    /** The page has loaded (first time, or again after being hidden): send the latest data. */
    | { readonly type: 'ready' }
    /** Compare again (the Refresh button). */
    | { readonly type: 'refresh' }
    /** Show where an input or an object is written. */
    | { readonly type: 'reveal'; readonly origin: Origin };

/** What the webview persists with `setState` (survives hiding the panel and reloading the window). */
export interface DiffState {
    readonly uri?: string;
    readonly against?: DiffAgainst;
}
