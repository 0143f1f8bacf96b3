/**
 * Physical dimensions as integer exponent vectors. e-footprint's custom kinds of quantity are base
 * dimensions of their own, so that adding RAM bytes to transferred bytes, or cpu cores to gpus, is a
 * dimension error rather than a silent mistake. Occurrences and concurrent counts stay dimensionless
 * (as in e-footprint); what distinguishes them is the unit a value is shown in.
 */
export const BASE_DIMENSIONS = [
    'mass', 'length', 'time', 'current', 'temperature', 'luminous_intensity', 'amount', 'angle',
    'data', 'cpu_core', 'gpu', 'data_ram', 'data_stored'
] as const;

export type BaseDimension = typeof BASE_DIMENSIONS[number];

const BASE_SYMBOL: Record<BaseDimension, string> = {
    mass: 'kg', length: 'm', time: 's', current: 'A', temperature: 'K', luminous_intensity: 'cd',
    amount: 'mol', angle: 'rad', data: 'bit', cpu_core: 'cpu_core', gpu: 'gpu', data_ram: 'bit_ram',
    data_stored: 'bit_stored'
};

export class Dimension {
    private constructor(readonly exponents: readonly number[], readonly key: string) {}

    static of(exponents: readonly number[]): Dimension {
        const normalized = BASE_DIMENSIONS.map((_, i) => exponents[i] ?? 0);
        return new Dimension(normalized, normalized.join(','));
    }

    static base(name: BaseDimension, exponent = 1): Dimension {
        return Dimension.of(BASE_DIMENSIONS.map(b => (b === name ? exponent : 0)));
    }

    static readonly none = Dimension.of([]);

    multiply(other: Dimension): Dimension {
        return Dimension.of(this.exponents.map((e, i) => e + other.exponents[i]));
    }

    divide(other: Dimension): Dimension {
        return Dimension.of(this.exponents.map((e, i) => e - other.exponents[i]));
    }

    power(n: number): Dimension {
        return Dimension.of(this.exponents.map(e => e * n));
    }

    equals(other: Dimension): boolean {
        return this.key === other.key;
    }

    get isDimensionless(): boolean {
        return this.exponents.every(e => e === 0);
    }

    exponent(name: BaseDimension): number {
        return this.exponents[BASE_DIMENSIONS.indexOf(name)];
    }

    /** Same dimension with one base replaced by another (a plain GB read as GB_ram where RAM is meant). */
    replaceBase(from: BaseDimension, to: BaseDimension): Dimension {
        const exps = [...this.exponents];
        const i = BASE_DIMENSIONS.indexOf(from);
        const j = BASE_DIMENSIONS.indexOf(to);
        exps[j] += exps[i];
        exps[i] = 0;
        return Dimension.of(exps);
    }

    /** Base factorisation, e.g. `kg·m²/s³`. */
    toBaseString(): string {
        const num: string[] = [];
        const den: string[] = [];
        this.exponents.forEach((e, i) => {
            if (e === 0) return;
            const sym = BASE_SYMBOL[BASE_DIMENSIONS[i]];
            const abs = Math.abs(e);
            (e > 0 ? num : den).push(abs === 1 ? sym : `${sym}^${abs}`);
        });
        if (num.length === 0 && den.length === 0) return 'dimensionless';
        const denominator = den.length > 1 ? `(${den.join('·')})` : den.join('');
        return `${num.length ? num.join('·') : '1'}${den.length ? '/' + denominator : ''}`;
    }
}
