import type { DesignParams } from './visuals/index.ts';
import type { RequiredSpecKey } from './dpg-data.ts';

/** What the design partner remembers of a DPG besides its spec: the design choices and the open question. */
export interface DesignState {
  /** The user's description at ignition, word for word. */
  description?: string;
  /** The concept the user chose (1–3). */
  selectedConcept?: number;
  minimalism?: number;
  /** The drawing parameters of the current flats. */
  params?: DesignParams;
  /** The spec question waiting for an answer. */
  asked?: RequiredSpecKey;
  /** Every spec answer as written, so nothing said is lost even when it was not understood. */
  answers?: { key: RequiredSpecKey | null; text: string; at: string }[];
  /** The uploaded files the brief was built from. */
  sources?: { id: string; name: string; role: 'logo' | 'brand guide' | 'reference' }[];
  rfqId?: string;
}

export function designStateOf(design: Record<string, unknown>): DesignState {
  return design as DesignState;
}
