import type { ClassSpec } from '../../model/class-spec.js';

/** A feature of an edge deployment: the recurrent loads it puts on edge devices. */
export const EdgeFunction: ClassSpec = {
    className: 'EdgeFunction',
    extends: ['ModelingObject'],
    keyword: 'edge_function',
    article: 'an edge function',
    description: 'A feature of an edge deployment: the recurrent needs it places on edge devices.',
    inputs: [
        {
            type: 'refs', name: 'recurrent_edge_device_needs', label: 'Recurrent edge device needs', classes: ['RecurrentEdgeDeviceNeed'],
            description: 'Recurrent loads on edge devices (device needs, processes on edge computers).'
        },
        {
            // e-footprint's server-side jobs triggered by an edge function
            type: 'refs', name: 'recurrent_server_needs', label: 'Recurrent server needs', classes: ['RecurrentServerNeed'],
            description: 'Recurrent server needs: server jobs the deployed devices trigger (recurrent_server_need).'
        }
    ],
    calculated: []
};

/** A bundle of component needs that together load one edge device. */
export const RecurrentEdgeDeviceNeed: ClassSpec = {
    className: 'RecurrentEdgeDeviceNeed',
    extends: ['ModelingObject'],
    keyword: 'recurrent_edge_device_need',
    article: 'a recurrent edge device need',
    description: 'The recurrent needs a function places on the components of one edge device.',
    typicalInputs: ['edge_device', 'recurrent_edge_component_needs'],
    inputs: [
        { type: 'ref', name: 'edge_device', label: 'Edge device', classes: ['EdgeDevice'], description: 'The device the needs run on.' },
        {
            type: 'refs', name: 'recurrent_edge_component_needs', label: 'Recurrent edge component needs', classes: ['RecurrentEdgeComponentNeed'],
            description: 'One need per loaded component of the device.'
        }
    ],
    calculated: []
};
