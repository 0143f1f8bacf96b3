/**
 * e-footprint's class hierarchy (22.2.1, with the classes it removed and still reads: GenAIModel, GenAIJob,
 * WebApplication, WebApplicationJob). Several upgrade steps apply to "every subclass of JobBase" and the like,
 * as e-footprint's `is_subclass_of` does on the current classes. Each class names its direct parents.
 */
const PARENTS: Readonly<Record<string, readonly string[]>> = {
    ServerBase: ['InfraHardware'], Server: ['ServerBase'], GPUServer: ['ServerBase'], BoaviztaCloudServer: ['Server'],
    BoaviztaServerFromConfig: ['ServerBase'],
    Storage: ['InfraHardware'], BoaviztaStorageFromConfig: ['Storage'],
    JobBase: [], DirectServerJob: ['JobBase'], Job: ['DirectServerJob'], GPUJob: ['DirectServerJob'],
    ServiceJob: ['JobBase'], VideoStreamingJob: ['ServiceJob'], GenAIJob: ['ServiceJob'], WebApplicationJob: ['ServiceJob'],
    ExternalAPIJob: ['JobBase'], EcoLogitsGenAIExternalAPIJob: ['ExternalAPIJob'], EcoLogitsVideoGenExternalAPIJob: ['ExternalAPIJob'],
    Service: [], VideoStreaming: ['Service'], GenAIModel: ['Service'], WebApplication: ['Service'],
    ExternalAPI: [], EcoLogitsGenAIExternalAPI: ['ExternalAPI'], EcoLogitsVideoGenExternalAPI: ['ExternalAPI'],
    ExternalAPIServer: [], EcoLogitsExternalAPIServerBase: ['ExternalAPIServer'],
    EcoLogitsGenAIExternalAPIServer: ['EcoLogitsExternalAPIServerBase'], EcoLogitsVideoGenExternalAPIServer: ['EcoLogitsExternalAPIServerBase'],
    EdgeDevice: [], EdgeComputer: ['EdgeDevice'], EdgeAppliance: ['EdgeDevice'], EdgeDeviceGroup: [],
    EdgeComponent: [], EdgeRAMComponent: ['EdgeComponent'], EdgeCPUComponent: ['EdgeComponent'],
    EdgeWorkloadComponent: ['EdgeComponent'], EdgeStorage: ['EdgeComponent'],
    EdgeComputerRAMComponent: ['EdgeRAMComponent'], EdgeComputerCPUComponent: ['EdgeCPUComponent'],
    EdgeApplianceComponent: ['EdgeWorkloadComponent'],
    RecurrentEdgeComponentNeed: [], RecurrentEdgeStorageNeed: ['RecurrentEdgeComponentNeed'],
    RecurrentEdgeProcessNeed: ['RecurrentEdgeComponentNeed'],
    RecurrentEdgeProcessRAMNeed: ['RecurrentEdgeProcessNeed'], RecurrentEdgeProcessCPUNeed: ['RecurrentEdgeProcessNeed'],
    RecurrentEdgeProcessStorageNeed: ['RecurrentEdgeProcessNeed', 'RecurrentEdgeStorageNeed'],
    RecurrentEdgeWorkloadNeed: ['RecurrentEdgeComponentNeed'],
    RecurrentEdgeDeviceNeed: [], RecurrentEdgeProcess: ['RecurrentEdgeDeviceNeed'], RecurrentEdgeWorkload: ['RecurrentEdgeDeviceNeed'],
    RecurrentServerNeed: [], UsagePattern: [], EdgeUsagePattern: [], UsageJourney: [], EdgeUsageJourney: [],
    UsageJourneyStep: [], EdgeFunction: [], Device: ['HardwareBase'], Network: [], Country: [], System: [],
    InfraHardware: ['HardwareBase'], HardwareBase: []
};

/** Whether e-footprint knows the class (a class it does not know is left alone by the steps that look classes up). */
export function isEfootprintClass(className: string): boolean {
    // own keys only: a JSON's class named `constructor` or `toString` is no e-footprint class
    return Object.hasOwn(PARENTS, className);
}

/** The class itself or one of its ancestors is `ancestor` (e-footprint's `is_subclass_of`). */
export function isSubclassOf(className: string, ancestor: string): boolean {
    if (className === ancestor) return isEfootprintClass(className);
    return (isEfootprintClass(className) ? PARENTS[className] : []).some(parent => isSubclassOf(parent, ancestor));
}
