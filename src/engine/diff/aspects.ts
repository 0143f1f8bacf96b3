/**
 * What differs in an input. `value`: the value itself (`1 GB` and `1000 MB` are the same value: a
 * respelling is not a change); `source`, `confidence`, `comment`: its annotations, which change no
 * figure. A module of its own so that the webviews can tell them apart without the diff's engine code.
 */
export type AspectChanged = 'value' | 'source' | 'confidence' | 'comment';

/** The annotations of an input: what is said about a value rather than the value. */
export const ANNOTATIONS: readonly AspectChanged[] = ['source', 'confidence', 'comment'];

/** Only annotations changed (source, confidence, comment): the value is the same. */
export function annotationOnly(change: { readonly aspects: readonly AspectChanged[] }): boolean {
    return change.aspects.length > 0 && change.aspects.every(x => ANNOTATIONS.includes(x));
}
