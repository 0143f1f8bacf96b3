import type { SourceDescription } from '../model/description.js';

/**
 * Sources e-footprint cites for its defaults and archetypes, plus the two it gives every value; names and
 * links as e-footprint's JSON writes them, so an export cites them as e-footprint does and an import
 * recognises them.
 */
export const BUILTIN_SOURCES: readonly SourceDescription[] = [
    { id: 'hypothesis', name: 'e-footprint hypothesis' },
    { id: 'user_data', name: 'user data' },
    { id: 'base_ademe_v19', name: 'Base ADEME_V19', link: 'https://data.ademe.fr/datasets/base-carbone(r)' },
    { id: 'ademe_study', name: 'ADEME study', link: 'https://librairie.ademe.fr/' },
    { id: 'ren_the_shift_project', name: 'REN/The Shift Project', link: 'https://theshiftproject.org/' },
    { id: 'onebyte_shift_2018', name: 'OneByte model (The Shift Project 2018)', link: 'https://theshiftproject.org/en/lean-ict-2/' },
    { id: 'traficom_study', name: 'Traficom study', link: 'https://www.traficom.fi/en/news/first-study-energy-consumption-communications-networks' },
    { id: 'echos_du_net', name: 'Echos du Net', link: 'https://www.echosdunet.net/' },
    { id: 'storage_embodied_carbon_study', name: 'Dirty secret of SSDs: embodied carbon', link: 'https://arxiv.org/pdf/2207.10793.pdf' },
    { id: 'arcep_2022_mobile_network', name: 'ARCEP 2022 mobile network study', link: 'https://www.arcep.fr/' },
    { id: 'state_of_mobile_2022', name: 'DATA.AI - STATE OF MOBILE', link: 'https://www.data.ai/en/GB/state-of-mobile-2022' },
    { id: 'our_world_in_data', name: 'Our world in data (2024)', link: 'https://ourworldindata.org/grapher/carbon-intensity-electricity' }
];
