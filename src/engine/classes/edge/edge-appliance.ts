import type { ClassSpec } from '../../model/class-spec.js';
import { valueOf } from '../../formulas/formula-values.js';
import { nodeOf } from '../../formulas/operands.js';
import { componentInputs } from './edge-component.js';
import { componentsInput, edgeDeviceCalculations } from './edge-device.js';
import { fromDevice } from './from-device.js';
import { applianceComponentsValidation } from './builder-validation.js';
import { workloadCalculations } from './edge-workload-component.js';

/**
 * The one component of an edge appliance (e-footprint's EdgeApplianceComponent, a workload component):
 * its power, idle power and lifespan are the appliance's; its own fabrication is 0, the appliance's
 * being booked as its structure's.
 */
export const EdgeApplianceComponent: ClassSpec = {
    className: 'EdgeApplianceComponent',
    extends: ['EdgeWorkloadComponent'],
    keyword: 'edge_appliance_component',
    article: 'an edge appliance component',
    description: 'The workload component of an edge appliance; its power, idle power and lifespan come from the appliance.',
    inputs: componentInputs({ fabrication: 0 }),
    calculated: [
        fromDevice('EdgeAppliance', 'power_per_unit', 'Power per unit', 'W', 'power'),
        fromDevice('EdgeAppliance', 'idle_power_per_unit', 'Idle power per unit', 'W', 'idle_power'),
        fromDevice('EdgeAppliance', 'lifespan', 'Lifespan', 'year', 'lifespan'),
        ...workloadCalculations()
    ]
};

/**
 * A sealed edge device known by its power, idle power and fabrication (e-footprint's EdgeAppliance builder):
 * one workload component (created with it when `components` is left out), loaded by recurrent edge
 * workloads. structure_carbon_footprint_fabrication = carbon_footprint_fabrication; power at a workload w
 * is idle_power + (power − idle_power) × w.
 */
export const EdgeAppliance: ClassSpec = {
    className: 'EdgeAppliance',
    extends: ['EdgeDevice'],
    keyword: 'edge_appliance',
    article: 'an edge appliance',
    description: 'A sealed edge device known by its power and fabrication footprint; its load is a 0-1 workload.',
    typicalInputs: ['carbon_footprint_fabrication', 'power', 'idle_power'],
    category: 'EdgeDevices',
    inputs: [
        {
            type: 'quantity', name: 'lifespan', label: 'Lifespan', unit: 'year', default: { value: 6, unit: 'year' }, min: 0, exclusiveMin: true,
            description: 'How long an appliance is used before it is replaced.'
        },
        {
            ...componentsInput, classes: ['EdgeApplianceComponent'],
            description: 'Its workload component (edge_appliance_component); left out, efp creates it as e-footprint does.'
        },
        {
            type: 'quantity', name: 'carbon_footprint_fabrication', label: 'Carbon footprint fabrication', unit: 'kg', default: { value: 100, unit: 'kg' }, min: 0,
            description: 'Emissions of making one appliance.'
        },
        { type: 'quantity', name: 'power', label: 'Power', unit: 'W', default: { value: 50, unit: 'W' }, min: 0, description: 'Power drawn at full workload.' },
        { type: 'quantity', name: 'idle_power', label: 'Idle power', unit: 'W', default: { value: 5, unit: 'W' }, min: 0, description: 'Power drawn at zero workload.' }
    ],
    calculated: [
        {
            name: 'structure_carbon_footprint_fabrication', label: 'Structure fabrication carbon footprint', unit: 'kg',
            define(appliance) {
                const fabrication = nodeOf(appliance, 'carbon_footprint_fabrication');
                return { operands: { carbon_footprint_fabrication: fabrication }, formula: 'carbon_footprint_fabrication (its component has none of its own)', compute: () => valueOf(fabrication) };
            }
        },
        applianceComponentsValidation,
        ...edgeDeviceCalculations
    ]
};
