/**
 * The `efootprint_version` field: which e-footprint wrote the file, so which upgrades it needs. e-footprint
 * upgrades JSON from version 9 on (older files it only warns about); efp does the same and refuses the rest.
 */
export const CURRENT_EFOOTPRINT_VERSION = '22.2.1';
export const CURRENT_EFOOTPRINT_MAJOR = 22;
export const OLDEST_UPGRADABLE_MAJOR = 9;

/** A version field efp cannot use; the message names the field and says what to do. */
export class EfootprintVersionError extends Error {}

/** The major version of a file's `efootprint_version`, checked. */
export function efootprintMajor(version: unknown): { version: string; major: number } {
    if (version === undefined) {
        throw new EfootprintVersionError('efootprint_version: missing; is this a file written by e-footprint\'s system_to_json? '
            + `Add the version of e-footprint that wrote it, e.g. "efootprint_version": "${CURRENT_EFOOTPRINT_VERSION}"`);
    }
    if (typeof version !== 'string' || !/^\d+\.\d+(\.\d+)?/.test(version)) {
        throw new EfootprintVersionError(`efootprint_version: expected a version like "${CURRENT_EFOOTPRINT_VERSION}", got ${JSON.stringify(version)}`);
    }
    const major = Number(version.split('.')[0]);
    if (major > CURRENT_EFOOTPRINT_MAJOR) {
        throw new EfootprintVersionError(`efootprint_version: efp reads e-footprint ${CURRENT_EFOOTPRINT_MAJOR}.x JSON; this file is from e-footprint ${version}`);
    }
    if (major < OLDEST_UPGRADABLE_MAJOR) {
        throw new EfootprintVersionError(`efootprint_version: this file is from e-footprint ${version}; efp upgrades JSON from e-footprint `
            + `${OLDEST_UPGRADABLE_MAJOR}.0 on, as e-footprint does. Load it with e-footprint ${OLDEST_UPGRADABLE_MAJOR} to ${CURRENT_EFOOTPRINT_MAJOR} `
            + 'and save it again (system_to_json), then import that file');
    }
    return { version, major };
}
