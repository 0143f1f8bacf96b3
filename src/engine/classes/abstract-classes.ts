/**
 * e-footprint's abstract classes (22.2.1) that efp's classes inherit from: no object is of one, but an input
 * may take any of their subclasses (a job's server is a `ServerBase`), and a role is one of them (every
 * `JobBase` is a job). A class spec names its parents in `extends`; these are the rest of the hierarchy.
 */
export interface AbstractClass {
    readonly name: string;
    /** The classes it directly inherits from, as e-footprint declares it. */
    readonly parents: readonly string[];
    /** One line, in our words. */
    readonly description: string;
}

export const ABSTRACT_CLASSES: readonly AbstractClass[] = [
    { name: 'ModelingObject', parents: [], description: 'The base of every e-footprint class: a named object with inputs and calculated attributes.' },
    { name: 'HardwareBase', parents: ['ModelingObject'], description: 'Hardware with a fabrication and an energy footprint: a user\'s device, a server, a storage.' },
    { name: 'InfraHardware', parents: ['HardwareBase'], description: 'Hardware in a data centre, whose footprint follows the jobs it serves: servers and storage.' },
    { name: 'ServerBase', parents: ['InfraHardware'], description: 'A server jobs run on: a server, a GPU server, a cloud server.' },
    { name: 'JobBase', parents: ['ModelingObject'], description: 'A request made by a usage journey step or a recurrent server need, whatever serves it.' },
    { name: 'DirectServerJob', parents: ['JobBase'], description: 'A job that names the server it runs on: a job, a GPU job.' },
    { name: 'ServiceJob', parents: ['JobBase'], description: 'A job served by a service installed on a server: a video streaming job.' },
    { name: 'ExternalAPIJob', parents: ['JobBase'], description: 'A call to an external API: a generative-AI request.' },
    { name: 'Service', parents: ['ModelingObject'], description: 'Software installed on a server, which holds RAM and compute for its jobs: video streaming.' },
    { name: 'ExternalAPI', parents: ['ModelingObject'], description: 'A service run by a third party on its own servers: a generative-AI API.' },
    { name: 'EdgeComponent', parents: ['ModelingObject'], description: 'A part of an edge device that needs load: its CPU, RAM, storage or workload.' },
    {
        name: 'RecurrentEdgeProcessNeed', parents: ['RecurrentEdgeComponentNeed'],
        description: 'A need a recurrent edge process creates on its edge computer\'s RAM, CPU or storage.'
    }
];
