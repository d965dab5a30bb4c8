import { requiredSpecs, type DpgData, type RequiredSpecKey } from './dpg-data.ts';

/** The core specs still empty, most critical first. */
export function missingSpecs(data: DpgData): { key: RequiredSpecKey; name: string }[] {
  return requiredSpecs
    .filter((spec) => isEmpty(data[spec.key]))
    .sort((a, b) => a.priority - b.priority)
    .map(({ key, name }) => ({ key, name }));
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return false;
}
