import { EfpCommands } from '../protocol.js';

/**
 * A Markdown link that runs a VS Code command (`command:id?args`). The extension trusts exactly these
 * commands in hovers (LanguageClientOptions.markdown.isTrusted); other editors show the text.
 */
export function commandLink(title: string, command: string, args: readonly unknown[]): string {
    return `[${title}](command:${command}?${encodeURIComponent(JSON.stringify(args))})`;
}

/** The links under a hover of an object or one of its values. */
export function graphLinks(uri: string, objectId: string, attribute?: string): string {
    const args = attribute ? [uri, objectId, attribute] : [uri, objectId];
    return [
        commandLink('Calculus graph', EfpCommands.showCalculusGraph, args),
        commandLink('Footprint dashboard', EfpCommands.showFootprint, [uri])
    ].join(' · ');
}
