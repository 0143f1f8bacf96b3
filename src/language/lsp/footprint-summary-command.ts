import { URI } from 'langium';
import { AbstractExecuteCommandHandler, type ExecuteCommandAcceptor, type LangiumSharedServices } from 'langium/lsp';
import { MessageType, ShowMessageNotification } from 'vscode-languageserver';
import type { EfpServices } from '../efp-module.js';
import { type EfpObject, formatMass, massScaleOf, type Model, phaseFootprints, totalOf, yearlyFootprint } from '../../engine/index.js';
import { massUnitSetting, yearlyText } from './footprint-text.js';

/**
 * The one command the server runs itself, for editors without efp's panels: a CodeLens there shows an
 * object's yearly footprint, and clicking it says the footprint in a message (`window/showMessage`)
 * and answers it. The VS Code extension's lenses open panels instead (ClientCommands).
 */
export const FOOTPRINT_SUMMARY_COMMAND = 'efp.footprintSummary';

export class EfpExecuteCommandHandler extends AbstractExecuteCommandHandler {
    constructor(private readonly shared: LangiumSharedServices) {
        super();
    }

    registerCommands(acceptor: ExecuteCommandAcceptor): void {
        // registered from Langium's constructor, before this class's fields: `this` is read when run
        acceptor(FOOTPRINT_SUMMARY_COMMAND, ([uri, name]: unknown[]) => this.footprintSummary(uri, name));
    }

    private async footprintSummary(uri: unknown, name: unknown): Promise<string | undefined> {
        if (typeof uri !== 'string' || typeof name !== 'string') return undefined;
        const document = this.shared.workspace.LangiumDocuments.getDocument(URI.parse(uri));
        if (!document) return undefined;
        const efp = this.shared.ServiceRegistry.getServices(document.uri) as EfpServices;
        const model = efp.evaluation.DocumentModels.resultsFor(document)?.model;
        const object = model?.lookup(name);
        const summary = model && object ? footprintSummaryText(model, object, await massUnitSetting(this.shared)) : undefined;
        // a notification, not `window.showInformationMessage`, which asks (showMessageRequest) and waits
        if (summary) void this.shared.lsp.Connection?.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: summary });
        return summary;
    }
}

/**
 * `web: 74.93 t CO2e/year; over the modeling period, fabrication 54.19 t CO2e, energy 170.6 t CO2e` (the
 * two phases in one scale, as a table's figures), or `mirror: not counted (not in any system)`.
 */
export function footprintSummaryText(model: Model, object: EfpObject, massUnit = 'auto'): string | undefined {
    const yearly = yearlyFootprint(model, object);
    if (yearly === undefined) return undefined;
    if (yearly.kind === 'not-counted') return `${object.id}: ${yearlyText(yearly)}`;
    const { fabrication, energy } = phaseFootprints(model, object);
    const [f, e] = [totalOf(fabrication), totalOf(energy)];
    const scale = massScaleOf([f, e], massUnit);
    const phases = fabrication.kind !== 'empty' && energy.kind !== 'empty'
        ? `; over the modeling period, fabrication ${formatMass(f, scale)} CO2e, energy ${formatMass(e, scale)} CO2e` : '';
    return `${object.id}: ${yearlyText(yearly, massUnit)}${phases}`;
}
