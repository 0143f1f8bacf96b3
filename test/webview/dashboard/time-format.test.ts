import { describe, expect, it } from 'vitest';
import { axisTimeLabel, bucketLabel, isoDate, isoHour } from '../../../src/webview/dashboard/time-format.js';

const hourOf = (iso: string) => Date.parse(iso) / 3_600_000;
const secondsOf = (iso: string) => Date.parse(iso) / 1000;
const DAY = 86_400;

describe('time labels (UTC)', () => {
    it('formats hours since the epoch', () => {
        expect(isoHour(hourOf('2025-07-14T13:00Z'))).toBe('2025-07-14T13:00Z');
        expect(isoDate(hourOf('2025-07-14T13:00Z'))).toBe('2025-07-14');
        expect(bucketLabel(hourOf('2025-07-14T13:00Z'), 'hour')).toBe('2025-07-14 13:00 UTC');
        expect(bucketLabel(hourOf('2025-07-14T13:00Z'), 'month')).toBe('2025-07');
        expect(bucketLabel(hourOf('2025-07-14T13:00Z'), 'year')).toBe('2025');
    });

    it('labels axis ticks as precisely as their spacing and puts the year where it changes', () => {
        expect(axisTimeLabel(secondsOf('2026-01-01T00:00Z'), 365 * DAY)).toBe('2026');
        expect(axisTimeLabel(secondsOf('2026-03-01T00:00Z'), 31 * DAY, secondsOf('2026-02-01T00:00Z'))).toBe('2026-03');
        expect(axisTimeLabel(secondsOf('2026-03-15T00:00Z'), 7 * DAY, secondsOf('2026-03-08T00:00Z'))).toBe('03-15');
        expect(axisTimeLabel(secondsOf('2026-01-04T00:00Z'), 7 * DAY, secondsOf('2025-12-28T00:00Z'))).toBe('01-04\n2026');
        expect(axisTimeLabel(secondsOf('2026-01-04T06:00Z'), 6 * 3600, secondsOf('2026-01-04T00:00Z'))).toBe('06:00');
        expect(axisTimeLabel(secondsOf('2026-01-05T00:00Z'), 6 * 3600)).toBe('00:00\n2026-01-05');
    });
});
