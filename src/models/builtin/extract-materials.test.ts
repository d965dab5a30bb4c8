import { describe, expect, it } from 'vitest';
import { extractEntities } from './extract-entities.ts';

const materials = (text: string) => extractEntities(text, new Date()).materials.map(({ name, family }) => `${name}/${family}`);

describe('materials', () => {
  it('reads the lexicon with families, the longest reading winning', () => {
    expect(materials('TPU bumper, PC back, 304 stainless steel buttons, anodized aluminium frame')).toEqual([
      'TPU/plastic', 'polycarbonate/plastic', '304 stainless steel/metal', 'aluminum/metal',
    ]);
    expect(materials('organic cotton tee, merino wool socks, vegan leather strap, kraft paper box')).toEqual([
      'organic cotton/textile', 'merino wool/textile', 'vegan leather/leather', 'kraft paper/paper',
    ]);
    expect(materials('bamboo lid, tempered glass, ceramic mug, carbon fibre shell, silicone seal, cork base')).toEqual([
      'bamboo/wood', 'tempered glass/glass', 'ceramic/ceramic', 'carbon fiber/composite', 'silicone/rubber', 'cork/other',
    ]);
    expect(materials('6061 aluminum and 316L stainless')).toEqual(['6061 aluminum/metal', '316L stainless steel/metal']);
  });

  it('does not read acronyms in lower case or idioms', () => {
    expect(materials('my PC is slow, my pet likes it, abs workout, on paper it works, silk-screen print, I felt that')).toEqual([]);
  });
});
