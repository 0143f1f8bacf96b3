/**
 * What "efp: Open Sample Model" offers (sample-model-command.ts): the file it opens and where. Plain data,
 * so it is tested without VS Code.
 */

export const SAMPLE_FILE = 'quickstart.efp';

export type SamplePlace = 'untitled' | 'folder';

export interface SamplePlaceChoice { readonly label: string; readonly description: string; readonly place: SamplePlace }

export const SAMPLE_PLACES: readonly SamplePlaceChoice[] = [
    { label: 'Open it unsaved', description: 'a new editor: nothing is written until you save it', place: 'untitled' },
    { label: 'Save it in a folder…', description: `${SAMPLE_FILE} in a folder you pick, then opened`, place: 'folder' }
];

/** The place a command argument names, if it names one (a command link's argument is anyone's text). */
export function samplePlace(argument: unknown): SamplePlace | undefined {
    return SAMPLE_PLACES.find(p => p.place === argument)?.place;
}
