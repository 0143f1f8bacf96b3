import type { ClassSpec } from '../../src/engine/model/class-spec.js';

/** A class in words, as a title: `a GPU server` -> `GPU server`. */
export function classTitle(spec: ClassSpec): string {
    const words = spec.article.replace(/^an? /, '');
    return words.charAt(0).toUpperCase() + words.slice(1);
}
