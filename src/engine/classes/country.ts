import type { ClassSpec } from '../model/class-spec.js';

/** A country: the carbon intensity of its grid and its time zone (usage patterns are in local time). */
export const Country: ClassSpec = {
    className: 'Country',
    extends: ['ModelingObject'],
    keyword: 'country',
    article: 'a country',
    description: 'Where a usage pattern happens: the grid carbon intensity and the local time zone.',
    typicalInputs: ['average_carbon_intensity', 'timezone'],
    efootprintJson: { keptFields: ['short_name'] },
    inputs: [
        {
            type: 'quantity', name: 'average_carbon_intensity', label: 'Average carbon intensity', unit: 'g/kWh',
            default: { value: 50, unit: 'g/kWh' }, min: 0,
            description: 'Average carbon intensity of the electricity used by devices and networks in the country.'
        },
        {
            type: 'text', name: 'timezone', label: 'Timezone', default: 'Europe/Paris',
            description: 'IANA time zone in which the usage pattern\'s hourly series are written.'
        }
    ],
    calculated: []
};
