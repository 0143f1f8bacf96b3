/**
 * The model templates `efp init` and the editor's "New Model from Template" write: one folder each under
 * the repository's `templates/`, shipped as files in the npm package and the .vsix. A template is a
 * commented `model.efp` (and the data files it reads); the README and the CI file are written by code
 * (`project-files.ts`), the same for every template.
 */
export interface ModelTemplate {
    /** Its folder under templates/, and the name `efp init --template` takes. */
    readonly name: string;
    /** What the model is, as a heading. */
    readonly title: string;
    /** One line: `efp init --list` and the editor's quick pick show it. */
    readonly description: string;
    /** The files of its folder, written as they are: `model.efp` first, then what it reads. */
    readonly files: readonly string[];
}

/** The file every template's model is in. */
export const MODEL_FILE = 'model.efp';

export const MODEL_TEMPLATES: readonly ModelTemplate[] = [
    {
        name: 'web-application',
        title: 'Web application',
        description: 'a web back end on servers (CPU and RAM per request from Boavizta\'s ecobenchmark), used from laptops',
        files: [MODEL_FILE]
    },
    {
        name: 'video-streaming',
        title: 'Video streaming',
        description: 'a streaming service: a catalogue and episodes watched on TVs and smartphones, data from resolution and duration',
        files: [MODEL_FILE]
    },
    {
        name: 'genai-feature',
        title: 'Generative-AI feature',
        description: 'an assistant calling a large language model through a provider\'s API (EcoLogits), and the application around it',
        files: [MODEL_FILE]
    },
    {
        name: 'ml-training-codecarbon',
        title: 'Machine learning: training measured with CodeCarbon',
        description: 'training runs read from a CodeCarbon emissions.csv (a sample included), then the model served on GPU servers',
        files: [MODEL_FILE, 'emissions.csv']
    },
    {
        name: 'edge-fleet',
        title: 'Edge fleet',
        description: 'devices deployed in groups (stores of cameras and a gateway), their workloads over a typical week, and their back end',
        files: [MODEL_FILE]
    },
    {
        name: 'cloud-instances',
        title: 'Cloud instances',
        description: 'an API and a database on AWS instances from the offline cloud catalogue (Cloud Carbon Footprint), by region',
        files: [MODEL_FILE]
    }
];

/** The template `efp init` writes when none is named. */
export const DEFAULT_TEMPLATE = 'web-application';

export function templateNamed(name: string): ModelTemplate | undefined {
    return MODEL_TEMPLATES.find(t => t.name === name);
}
