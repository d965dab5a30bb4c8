import type { ProductCategory } from './dpg-data.ts';

const cues: [ProductCategory, RegExp][] = [
  ['phone_accessory', /\b(phone|iphone|galaxy|pixel|smartphone|airpods?)\b.*\b(case|cases|cover|covers|sleeve|holder|grip|stand)\b|\bphone ?cases?\b|\bcases? for (my|the|our)? ?(iphone|phone|galaxy|pixel)/i],
  ['apparel', /\b(hoodies?|t-?shirts?|tees?|sweatshirts?|jackets?|polos?|shirts?|dress(es)?|pants|trousers|joggers|leggings|apparel|garments?|jerseys?|caps?|beanies?)\b/i],
  ['drinkware', /\b(bottles?|tumblers?|mugs?|cups?|flasks?|drinkware|thermos)\b/i],
  ['bag', /\b(bags?|backpacks?|totes?|duffels?|duffles?|pouch(es)?|messenger|purses?|wallets?)\b/i],
];

/** The product category a description names; a hard good when nothing more specific fits. */
export function detectCategory(text: string): ProductCategory | undefined {
  return cues.find(([, cue]) => cue.test(text))?.[0];
}

const titles: [RegExp, string][] = [
  [/\bphone ?cases?\b|\bcases?\b/i, 'Custom phone cases'],
  [/\bhoodies?\b/i, 'Custom hoodies'],
  [/\bt-?shirts?\b|\btees?\b/i, 'Custom T-shirts'],
  [/\bsweatshirts?\b/i, 'Custom sweatshirts'],
  [/\bwater bottles?\b|\bbottles?\b/i, 'Custom water bottles'],
  [/\btumblers?\b/i, 'Custom tumblers'],
  [/\bmugs?\b/i, 'Custom mugs'],
  [/\bbackpacks?\b/i, 'Custom backpacks'],
  [/\btotes?\b/i, 'Custom tote bags'],
  [/\bbags?\b/i, 'Custom bags'],
];

/** A working title from the description ("Custom phone cases"), or the project's name. */
export function workingTitle(text: string, projectName: string): string {
  return titles.find(([cue]) => cue.test(text))?.[1] ?? projectName;
}
