import { describe, expect, it } from 'vitest';
import { createBuiltinEngine } from '../../models/index.ts';
import { readSpecAnswer } from './spec-answers.ts';

const engine = createBuiltinEngine();
const read = async (text: string, category: Parameters<typeof readSpecAnswer>[2], asked?: Parameters<typeof readSpecAnswer>[3]) =>
  readSpecAnswer(text, (await engine.extractEntities(text)).value, category, asked, () => ({ materials: [{ name: 'ABS' }] }));

describe('readSpecAnswer', () => {
  it('reads a quantity split across device models', async () => {
    const { patch } = await read('10,000 units, mixed between iPhone 14 and 15', 'phone_accessory', 'quantities');
    expect(patch.quantities).toEqual({ total: 10_000, split: [{ label: 'iPhone 14' }, { label: 'iPhone 15' }] });
    expect(patch.device_models).toEqual(['iPhone 14', 'iPhone 15']);
  });

  it('pairs a Pantone code with the colour name after it', async () => {
    const { patch } = await read('Pantone 7621 C red and black', 'phone_accessory', 'colors');
    expect(patch.colors).toEqual([{ name: 'red', pantone: '7621 C' }, { name: 'black', hex: '#000000' }]);
  });

  it('keeps a packaging answer\'s materials off the product', async () => {
    const { patch } = await read('Individual recycled kraft box with our logo', 'phone_accessory', 'packaging');
    expect(patch.materials).toBeUndefined();
    expect(patch.packaging).toEqual({ type: 'Individual recycled kraft box with our logo' });
  });

  it('normalises capacities to millilitres and reads the insulation', async () => {
    const { patch } = await read('a 24 oz double wall vacuum bottle', 'drinkware', 'dimensions');
    expect(patch).toMatchObject({ capacity_ml: 709.8, insulation: 'double_wall_vacuum', vessel_type: 'bottle' });
  });

  it('takes "your recommendation" for the question asked', async () => {
    const { patch, understood } = await read('go with your recommendation', 'hard_good', 'materials');
    expect(patch.materials).toEqual([{ name: 'ABS' }]);
    expect(understood).toHaveLength(1);
  });

  it('expands a size range and grades placeholder chest widths', async () => {
    const { patch } = await read('sizes S-XL', 'apparel', 'dimensions');
    expect(patch.sizes).toEqual(['S', 'M', 'L', 'XL']);
    expect(patch.dimensions?.map((d) => d.mm)).toEqual([510, 560, 610, 660]);
  });
});
