import { SERVER_TYPES } from './server.js';
import { BUDGET_PHASES } from './budget.js';
import { resolutionMemberName, VIDEO_RESOLUTIONS } from './video-streaming.js';
import { CLOUD_PROVIDERS } from '../cloud/cloud-catalogue.js';
import { GENAI_PROVIDERS } from '../genai/ecologits.js';
import { WEB_APPLICATION_IMPLEMENTATION_DETAILS, WEB_APPLICATION_TECHNOLOGIES } from './web-application.js';

/**
 * The enumerated values efp's built-in library declares, by enum: e-footprint's own spellings. The
 * library (src/language/builtin-library.ts) writes them as enums, the JSON importer writes an imported
 * value as its member, and imported names stay clear of them: all through `enumMember`.
 */
export const BUILTIN_ENUMS: ReadonlyArray<{ readonly name: string; readonly values: readonly string[] }> = [
    { name: 'server_type', values: SERVER_TYPES },
    { name: 'resolution', values: VIDEO_RESOLUTIONS.map(r => r.label) },
    { name: 'cloud_provider', values: CLOUD_PROVIDERS },
    { name: 'genai_provider', values: GENAI_PROVIDERS },
    // a web application's technology and its jobs' implementation details, as Boavizta's ecobenchmark measured them
    { name: 'technology', values: WEB_APPLICATION_TECHNOLOGIES },
    { name: 'implementation_details', values: WEB_APPLICATION_IMPLEMENTATION_DETAILS },
    // what an efp budget limits
    { name: 'budget_phase', values: BUDGET_PHASES }
];

/**
 * The member that stands for an e-footprint value: an identifier (`on_premise`, `res_1080p`), with the
 * value as its label when the value is not one itself (`on-premise`, `1080p (1920 x 1080)`).
 */
export function enumMember(value: string): { readonly name: string; readonly label?: string } {
    // a resolution starts with a digit and holds spaces: `res_` and its first word
    if (VIDEO_RESOLUTIONS.some(r => r.label === value)) return { name: resolutionMemberName(value), label: value };
    return value.includes('-') ? { name: value.replace(/-/g, '_'), label: value } : { name: value };
}
