/**
 * e-footprint's year, 365.25 days, in hours: what "per year" figures divide by. A module of its own so
 * the webview pages can use it without pulling in the evaluation engine.
 */
export const HOURS_PER_YEAR = 8766;
