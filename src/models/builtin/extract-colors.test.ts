import { describe, expect, it } from 'vitest';
import { extractEntities } from './extract-entities.ts';

const colors = (text: string) => extractEntities(text, new Date()).colors.map(({ text: _text, ...rest }) => rest);

describe('colours', () => {
  it('reads names from the table with their hex, normalising spelling and aliases', () => {
    expect(colors('navy blue body, light grey trim, Off-White laces')).toEqual([
      { name: 'navy', hex: '#000080' }, { name: 'light gray', hex: '#d3d3d3' }, { name: 'off-white', hex: '#faf9f6' },
    ]);
    expect(colors('in cognac brown')).toEqual([{ name: 'cognac', hex: '#9a463d' }]);
  });

  it('reads hex codes, expanding three digits', () => {
    expect(colors('#FF6600 and #fff on the background')).toEqual([{ hex: '#ff6600' }, { hex: '#ffffff' }]);
    expect(colors('I like #2 better')).toEqual([]);
  });

  it('reads Pantone codes in their usual forms', () => {
    expect(colors('Pantone 186 C, PMS 032, pantone 7621C, Pantone 19-4052 TCX Classic Blue, Pantone Warm Red C')).toEqual([
      { pantone: '186 C' }, { pantone: '032' }, { pantone: '7621 C' }, { pantone: '19-4052 TCX' }, { pantone: 'Warm Red C' },
    ]);
    expect(colors('Pantone 2945 C and Cool Gray 9 C')).toEqual([{ pantone: '2945 C' }, { pantone: 'Cool Gray 9 C' }]);
  });

  it('does not read colour idioms', () => {
    expect(colors('a white label brand launching on Black Friday with a rust-proof clasp')).toEqual([]);
  });
});
