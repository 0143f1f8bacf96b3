import type { SourceDescription } from '../model/description.js';
import { COUNTRIES } from '../data/countries.js';

const OUR_WORLD_IN_DATA_LINK = 'https://ourworldindata.org/grapher/carbon-intensity-electricity';

/**
 * The id of the source of a country's grid intensity. e-footprint names it after the year of the figure
 * ("Our world in data (2023)"); `our_world_in_data` is the 2024 one, the year of most countries (and the
 * name models already cite), the others carry their year.
 */
export function countrySourceId(year: number): string {
    return year === 2024 ? 'our_world_in_data' : `our_world_in_data_${year}`;
}

const countryYears = [...new Set(COUNTRIES.map(c => c.year))].sort((a, b) => b - a);

/**
 * Sources e-footprint 22.2.1 cites for its defaults, archetypes and countries (`Sources` and the country
 * table), named and linked as it names and links them, plus the two it gives every value. The ids are
 * efp's (what a model writes after `source`).
 */
export const BUILTIN_SOURCES: readonly SourceDescription[] = [
    { id: 'hypothesis', name: 'e-footprint hypothesis' },
    { id: 'user_data', name: 'user data' },
    { id: 'base_ademe_v19', name: 'Base ADEME_V19', link: 'https://data.ademe.fr/datasets/base-carbone(r)' },
    { id: 'ademe_study', name: 'Étude ADEME', link: 'https://docs.google.com/spreadsheets/d/1s-B4WLXAxSE8ddoY9929SX2tPdCZ4OEl/edit#gid=155161832' },
    { id: 'ren_the_shift_project', name: 'REN Shift', link: 'https://docs.google.com/spreadsheets/d/1PcVRvt58N3sJM3NBI1WXwyHScy4kUT3Q/edit#gid=986618177' },
    { id: 'onebyte_shift_2018', name: 'One byte model shift 2018', link: 'https://docs.google.com/spreadsheets/d/1s-B4WLXAxSE8ddoY9929SX2tPdCZ4OEl/edit#gid=155161832' },
    { id: 'traficom_study', name: 'Traficom study', link: 'https://www.traficom.fi/en/news/first-study-energy-consumption-communications-networks' },
    { id: 'echos_du_net', name: 'echosdunet', link: 'https://www.echosdunet.net/dossiers/facture-denergie-peut-on-reduire-consommation-electrique-sa-box-internet' },
    { id: 'storage_embodied_carbon_study', name: 'Dirty secret of SSDs: embodied carbon', link: 'https://arxiv.org/pdf/2207.10793.pdf' },
    {
        id: 'arcep_2022_mobile_network', name: 'ARCEP - Les SERVICES de communications électroniques en France – 3eme TRIMESTRE 2022',
        link: 'https://www.arcep.fr/fileadmin/reprise/observatoire/3-2022/obs-marches-T3-2022_janv2023.pdf'
    },
    { id: 'state_of_mobile_2022', name: 'DATA.AI - STATE OF MOBILE', link: 'https://www.data.ai/en/GB/state-of-mobile-2022' },
    ...countryYears.map(year => ({ id: countrySourceId(year), name: `Our world in data (${year})`, link: OUR_WORLD_IN_DATA_LINK }))
];
