import packageJson from '../package.json' with { type: 'json' };

/** efp's version, from package.json. */
export const EFP_VERSION: string = packageJson.version;
