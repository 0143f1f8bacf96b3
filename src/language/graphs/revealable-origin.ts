import type { Origin } from '../../engine/index.js';
import { BUILTIN_LIBRARY_URI } from '../builtin-library.js';

/**
 * The first of the places a node can be revealed at that is in the user's documents. The built-in
 * library has no document the editor can open, so an input given by an archetype reveals the object
 * that uses the archetype, and a built-in object (a country) reveals nothing.
 */
export function revealableOrigin(...candidates: ReadonlyArray<Origin | undefined>): Origin | undefined {
    return candidates.find(o => o !== undefined && o.uri !== BUILTIN_LIBRARY_URI);
}
