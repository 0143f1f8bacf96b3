/**
 * A spec's unit as people write it: bytes plain (`GB`, not `GB_ram`), since a plain byte unit means the
 * kind of bytes the input expects (src/engine/model/dimension-coercion.ts).
 */
export function unitAsWritten(specUnit: string): string {
    return specUnit.replace(/([kMGTP]?B)_(ram|stored)\b/g, '$1');
}

/** What follows a number in the unit: ` W`, ` TB` for `TB_stored`, `/s` for a unit written `1/s`, nothing without unit. */
export function unitSuffix(specUnit: string): string {
    const unit = unitAsWritten(specUnit);
    if (unit === '') return '';
    return unit.startsWith('1/') ? `/${unit.slice(2)}` : ` ${unit}`;
}

/** `300 W`, `1 TB` for `TB_stored`, `30/s` for a unit written `1/s`, `3` without unit. */
export function quantityAsWritten(number: string, specUnit: string): string {
    return `${number}${unitSuffix(specUnit)}`;
}
