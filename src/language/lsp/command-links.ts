import { EfpCommands, type HoverCommand } from '../protocol.js';

/**
 * A Markdown link that runs a VS Code command (`command:id?args`). The extension trusts exactly the hover
 * commands (HOVER_COMMANDS, LanguageClientOptions.markdown.isTrusted); other editors show the text. Titles
 * are efp's own; the arguments are JSON, percent-encoded down to the parentheses, so no argument can end
 * the link or start another.
 */
export function commandLink(title: string, command: HoverCommand, args: readonly unknown[]): string {
    const encoded = encodeURIComponent(JSON.stringify(args)).replace(/[()'!*~]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    return `[${title}](command:${command}?${encoded})`;
}

/** The links under a hover of an object or one of its values. */
export function graphLinks(uri: string, objectId: string, attribute?: string): string {
    const args = attribute ? [uri, objectId, attribute] : [uri, objectId];
    return [
        commandLink('Calculus graph', EfpCommands.showCalculusGraph, args),
        commandLink('Footprint dashboard', EfpCommands.showFootprint, [uri])
    ].join(' · ');
}
