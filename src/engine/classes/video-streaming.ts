import type { CalculatedSpec, ClassSpec, FormulaDefinition } from '../model/class-spec.js';
import { jobCalculations } from './job.js';
import { valueOf } from '../formulas/formula-values.js';
import { formula, nodeOf, own } from '../formulas/operands.js';
import { EMPTY, multiply, quantity, scalarOf } from '../model/values.js';
import { Dimension } from '../units/dimension.js';
import type { EfpObject } from '../model/efp-object.js';
import type { Node } from '../model/node.js';

/** e-footprint's video resolutions: its label (the enum value) and the frame size it stands for. */
export const VIDEO_RESOLUTIONS = [
    { label: '480p (640 x 480)', width: 640, height: 480 },
    { label: '720p (1280 x 720)', width: 1280, height: 720 },
    { label: '1080p (1920 x 1080)', width: 1920, height: 1080 },
    { label: '1440p (2560 x 1440)', width: 2560, height: 1440 },
    { label: '2K (2048 x 1080)', width: 2048, height: 1080 },
    { label: '4K (3840 x 2160)', width: 3840, height: 2160 },
    { label: '8K (7680 x 4320)', width: 7680, height: 4320 }
] as const;

export const DEFAULT_RESOLUTION = '1080p (1920 x 1080)';

/** `res_1080p` for `1080p (1920 x 1080)`: enum member names must be identifiers, and cannot start with a digit. */
export function resolutionMemberName(label: string): string {
    return `res_${label.split(' ')[0]}`;
}

/** Pixels in one frame of the resolution (width × height). */
export function pixelsPerFrame(label: string): number {
    const r = VIDEO_RESOLUTIONS.find(v => v.label === label);
    if (!r) throw new Error(`unknown resolution '${label}'`);
    return r.width * r.height;
}

const DATA = Dimension.base('data');
const TIME = Dimension.base('time');

/**
 * A value of the job's service: without a service (an error reported on the missing input) the formula
 * has nothing to read and stays empty.
 */
function fromService(job: EfpObject, attribute: string, define: (service: Node) => FormulaDefinition): FormulaDefinition {
    const service = job.ref('service');
    if (!service) return formula({}, `service.${attribute}`, () => EMPTY);
    return define(nodeOf(service, attribute));
}

/** A streaming service installed on a server: it holds RAM and compute on every instance, and serves video jobs. */
export const VideoStreaming: ClassSpec = {
    className: 'VideoStreaming',
    extends: ['Service'],
    keyword: 'video_streaming',
    article: 'a video streaming service',
    description: 'A video streaming service installed on a server: its base RAM and compute are held on every instance, its video jobs run there.',
    typicalInputs: ['base_ram_consumption', 'bits_per_pixel', 'static_delivery_cpu_cost', 'ram_buffer_per_user'],
    onInput: 'server',
    inputs: [
        { type: 'ref', name: 'server', label: 'Server', classes: ['Server'], description: 'The server the service is installed on.' },
        {
            type: 'quantity', name: 'base_ram_consumption', label: 'OS and streaming software base RAM consumption', unit: 'GB_ram',
            default: { value: 2, unit: 'GB_ram' }, min: 0, description: 'RAM the service holds on each server instance, added to the server\'s occupied RAM.'
        },
        {
            // e-footprint leaves it without a value by default; it then adds nothing to the server's occupied compute
            type: 'quantity', name: 'base_compute_consumption', label: 'OS and streaming software base CPU consumption', unit: 'cpu_core',
            optional: true, min: 0, description: 'Compute the service holds on each server instance, added to the server\'s occupied compute (none if left out).'
        },
        {
            type: 'quantity', name: 'bits_per_pixel', label: 'Bits per pixel', unit: 'bit', default: { value: 0.1, unit: 'bit' }, min: 0, exclusiveMin: true,
            description: 'Encoded size of one pixel of one frame (the codec\'s compression).'
        },
        {
            type: 'quantity', name: 'static_delivery_cpu_cost', label: 'CPU cost per static stream', unit: 'cpu_core*s/GB',
            default: { value: 4, unit: 'cpu_core*s/GB' }, min: 0, description: 'CPU time the server spends to send one GB of video.'
        },
        {
            type: 'quantity', name: 'ram_buffer_per_user', label: 'RAM buffer size per user', unit: 'MB_ram', default: { value: 50, unit: 'MB_ram' }, min: 0,
            description: 'RAM one viewer\'s stream holds on the server while it plays.'
        }
    ],
    calculated: []
};

/** The per-run needs a video job derives from its video and its service, before what every job computes. */
const videoJobNeeds: CalculatedSpec[] = [
    {
        name: 'request_duration', label: 'Request duration', unit: 'min',
        define(job) {
            const duration = nodeOf(job, 'video_duration');
            // the server is busy streaming for as long as the video plays
            return formula({ video_duration: duration }, 'video_duration', () => valueOf(duration));
        }
    },
    {
        name: 'dynamic_bitrate', label: 'Dynamic bitrate', unit: 'MB/s',
        define(job) {
            const rate = nodeOf(job, 'refresh_rate');
            return fromService(job, 'bits_per_pixel', bits => formula({ bits_per_pixel: bits, refresh_rate: rate }, 'resolution width × height × service.bits_per_pixel × refresh_rate', () => {
                const pixels = pixelsPerFrame(job.text('resolution') ?? DEFAULT_RESOLUTION);
                return quantity(pixels * scalarOf(valueOf(bits), 'bits_per_pixel') * scalarOf(valueOf(rate), 'refresh_rate'), DATA.divide(TIME));
            }));
        }
    },
    {
        name: 'data_transferred', label: 'Data transferred', unit: 'GB',
        define(job) {
            const operands = own(job, ['request_duration', 'dynamic_bitrate']);
            const { request_duration: duration, dynamic_bitrate: bitrate } = operands;
            return formula(operands, 'request_duration × dynamic_bitrate', () => multiply(valueOf(duration), valueOf(bitrate)));
        }
    },
    {
        name: 'compute_needed', label: 'CPU needed', unit: 'cpu_core',
        define(job) {
            const bitrate = nodeOf(job, 'dynamic_bitrate');
            return fromService(job, 'static_delivery_cpu_cost', cost => formula({ static_delivery_cpu_cost: cost, dynamic_bitrate: bitrate }, 'service.static_delivery_cpu_cost × dynamic_bitrate',
                () => multiply(valueOf(cost), valueOf(bitrate))));
        }
    },
    {
        name: 'ram_needed', label: 'RAM needed', unit: 'MB_ram',
        define(job) {
            return fromService(job, 'ram_buffer_per_user', buffer => formula({ ram_buffer_per_user: buffer }, 'service.ram_buffer_per_user', () => valueOf(buffer)));
        }
    }
];

/** Watching a video from a streaming service: its size and server load follow from resolution and duration. */
export const VideoStreamingJob: ClassSpec = {
    className: 'VideoStreamingJob',
    extends: ['ServiceJob'],
    keyword: 'video_streaming_job',
    article: 'a video streaming job',
    description: 'One viewer watching a video from a streaming service; data, CPU and RAM follow from the video\'s resolution, frame rate and duration.',
    typicalInputs: ['video_duration', 'resolution', 'refresh_rate'],
    onInput: 'service',
    inputs: [
        {
            type: 'quantity', name: 'data_stored', label: 'Data stored by request', unit: 'MB_stored', default: { value: 0, unit: 'MB_stored' },
            description: 'Data one viewing writes to the server\'s storage (usually none).'
        },
        { type: 'ref', name: 'service', label: 'Service', classes: ['VideoStreaming'], description: 'The streaming service that serves the video.' },
        {
            type: 'quantity', name: 'video_duration', label: 'Video duration', unit: 'min', default: { value: 1, unit: 'h' }, min: 0, exclusiveMin: true,
            withinModelingPeriod: 'video duration',
            description: 'How long the video plays; the server streams it for that long.'
        },
        {
            type: 'enum', name: 'resolution', label: 'Resolution', values: VIDEO_RESOLUTIONS.map(r => r.label), default: DEFAULT_RESOLUTION,
            description: 'Frame size of the video, e.g. res_1080p (1920 x 1080 pixels).'
        },
        {
            type: 'quantity', name: 'refresh_rate', label: 'Frames per second', unit: '1/s', default: { value: 30, unit: '1/s' }, min: 0, exclusiveMin: true,
            description: 'Frames per second of the video.'
        }
    ],
    calculated: [...videoJobNeeds, ...jobCalculations]
};
