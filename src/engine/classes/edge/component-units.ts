import type { EfpObject } from '../../model/efp-object.js';

/**
 * The unit a component's needs are counted in, by component class (e-footprint's `compatible_root_units`):
 * CPU in cores, RAM in RAM bytes, storage in stored bytes, a workload as a share of the component (0 to 1).
 */
const NEED_UNIT_BY_COMPONENT: Record<string, string> = {
    EdgeCPUComponent: 'cpu_core', EdgeComputerCPUComponent: 'cpu_core',
    EdgeRAMComponent: 'GB_ram', EdgeComputerRAMComponent: 'GB_ram',
    EdgeStorage: 'GB_stored',
    EdgeWorkloadComponent: 'concurrent', EdgeApplianceComponent: 'concurrent'
};

/** Components loaded by a 0-1 workload (an appliance's is one). */
export function isWorkloadComponent(component: EfpObject | undefined): boolean {
    return needUnitOfComponent(component) === 'concurrent';
}

export function needUnitOfComponent(component: EfpObject | undefined): string | undefined {
    return component ? needUnitOfClass(component.className) : undefined;
}

export function needUnitOfClass(className: string): string | undefined {
    return NEED_UNIT_BY_COMPONENT[className];
}

/** The unit of a component need's values: its component's. */
export function needUnit(need: EfpObject): string | undefined {
    return needUnitOfComponent(need.ref('edge_component'));
}

export function isStorageNeed(need: EfpObject): boolean {
    return need.ref('edge_component')?.className === 'EdgeStorage';
}
