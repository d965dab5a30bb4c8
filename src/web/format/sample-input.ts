const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const blanks: Record<string, unknown> = { string: '', number: 0, integer: 0, boolean: false, array: [], object: {}, null: null };

/**
 * A starting input for a run form from the workflow's JSON Schema: each top-level property with
 * its default, its first example or enum value, or a blank of its type. `{}` without a schema.
 *
 * @example sampleInput({ type: 'object', properties: { title: { type: 'string' } } }) // { title: '' }
 */
export function sampleInput(schema: unknown): Record<string, unknown> {
  if (!isRecord(schema) || !isRecord(schema['properties'])) return {};
  const sample: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(schema['properties'])) {
    if (!isRecord(property)) continue;
    const type = Array.isArray(property['type']) ? property['type'][0] : property['type'];
    const examples = property['examples'];
    const options = property['enum'];
    sample[name] = 'default' in property ? property['default']
      : Array.isArray(examples) && examples.length ? examples[0]
        : Array.isArray(options) && options.length ? options[0]
          : typeof type === 'string' && type in blanks ? blanks[type] : null;
  }
  return sample;
}
