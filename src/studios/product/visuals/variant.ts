/** One of the three design directions a DPG's concepts explore. */
export type Variant = 1 | 2 | 3;
