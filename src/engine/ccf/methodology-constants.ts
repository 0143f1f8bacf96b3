/**
 * Cloud Carbon Footprint's constants per cloud (2024-03): watts per processor family, memory, storage and
 * networking coefficients, PUE, replication factors, server lifespan, grid factors. Generated from
 * data/ccf/ccf_constants.json.
 */
import { CCF_METHODOLOGY_CONSTANTS, type CcfCloudConstantsData } from '../data/ccf-data.js';
import type { CloudProvider } from '../cloud/cloud-catalogue.js';

export type CcfCloudConstants = CcfCloudConstantsData;

export function ccfConstants(cloud: CloudProvider): CcfCloudConstants {
    return CCF_METHODOLOGY_CONSTANTS[cloud];
}
