import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, minimalModel, modelOf } from '../helpers/model-from-text.js';
import { emptyReason } from '../../src/engine/model/empty-reason.js';
import { explainNode } from '../../src/engine/model/explain.js';
import type { Model } from '../../src/engine/model/model.js';

/**
 * Why a value is empty, found where the emptiness starts: an error, nothing using the object, or a value
 * its class leaves empty. The reasons follow from the models: a job no journey step lists is used by no
 * usage pattern; a server no job names runs no job; e-footprint 22 models neither storage energy nor
 * network fabrication.
 */

function reason(model: Model, object: string, attribute: string) {
    const node = model.findNode(object, attribute);
    if (!node) throw new Error(`no ${object}.${attribute}`);
    const found = emptyReason(node);
    return found && { because: found.because, cause: found.cause.key };
}

describe('why a value is empty', () => {
    it('says nothing of a value that has one', async () => {
        const model = await modelOf(minimalModel());
        expect(reason(model, 'call', 'hourly_avg_occurrences_across_usage_patterns')).toBeUndefined();
        expect(reason(model, 'service', 'total_footprint')).toBeUndefined();
        expect(explainNode(model, model.findNode('service', 'total_footprint')!).emptyBecause).toBeUndefined();
    });

    it('a job no journey step lists: no usage pattern uses it, down to its averages across usage patterns', async () => {
        const model = await modelOf(minimalModel({ extra: 'job orphan on api {}' }));
        // a value per usage pattern with no usage pattern at all: where the emptiness starts
        expect(reason(model, 'orphan', 'hourly_occurrences_per_usage_pattern'))
            .toEqual({ because: 'no usage pattern uses orphan', cause: 'orphan.hourly_occurrences_per_usage_pattern' });
        // the sum over usage patterns of nothing is empty, for the same reason
        expect(reason(model, 'orphan', 'hourly_avg_occurrences_across_usage_patterns'))
            .toEqual({ because: 'no usage pattern uses orphan', cause: 'orphan.hourly_occurrences_per_usage_pattern' });
        // the job the step lists is unaffected
        expect(reason(model, 'call', 'hourly_avg_occurrences_across_usage_patterns')).toBeUndefined();
    });

    it('a server no job runs on: its needs are empty, and so is everything computed from them', async () => {
        const model = await modelOf(minimalModel({ extra: 'storage spare from ssd {}\nserver idle { storage: spare }' }));
        expect(reason(model, 'idle', 'hour_by_hour_ram_need')).toEqual({ because: 'no job runs on idle', cause: 'idle.hour_by_hour_ram_need' });
        expect(reason(model, 'idle', 'energy_footprint')?.because).toBe('no job runs on idle');
        // its storage: a value per job with no job
        expect(reason(model, 'spare', 'full_cumulative_storage_need')).toEqual({ because: 'no job uses spare', cause: 'spare.full_cumulative_storage_need_per_job' });
    });

    it('values e-footprint leaves empty say so (the quickstart\'s storage energy and network fabrication)', async () => {
        const model = await modelOf(readFileSync('examples/quickstart.efp', 'utf8'));
        expect(reason(model, 'ssd', 'energy_footprint')).toEqual({ because: 'e-footprint 22 does not model it', cause: 'ssd.energy_footprint' });
        expect(reason(model, 'wifi', 'instances_fabrication_footprint')).toEqual({ because: 'e-footprint does not model it', cause: 'wifi.instances_fabrication_footprint' });
        // a sum with an empty term is not empty
        expect(reason(model, 'streaming_platform', 'total_footprint')).toBeUndefined();
        expect(explainNode(model, model.findNode('ssd', 'energy_footprint')!).emptyBecause).toBe('e-footprint 22 does not model it');
    });

    it('a value that could not be computed: the error, named where it arises, for what depends on it too', async () => {
        // 100 TB of base storage need on 1 TB disks needs at least 100 disks: 1 installed cannot hold it
        const text = readFileSync('examples/quickstart.efp', 'utf8').replace('base_storage_need: 100 TB', 'base_storage_need: 100 TB\n  fixed_nb_of_instances: 1');
        const { model } = await analyze(text);
        const own = reason(model!, 'ssd', 'nb_of_instances')!;
        expect(own.cause).toBe('ssd.nb_of_instances');
        expect(own.because).toMatch(/^could not be computed: the stored data needs \d+ disks but fixed_nb_of_instances is 1$/);
        const downstream = reason(model!, 'ssd', 'instances_fabrication_footprint')!;
        expect(downstream.cause).toBe('ssd.nb_of_instances');
        expect(downstream.because).toBe(`ssd.nb_of_instances ${own.because}`);
    });
});
