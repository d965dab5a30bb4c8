/**
 * Device families a product is made for. `head` finds the first model of a mention (groups: 1 the
 * generation, 2 the variant); `next` reads each further model of a list ("iPhone 14 and 15",
 * "Galaxy S24 and S24 Ultra", "15 Pro and Pro Max"), reusing the generation when only a variant follows.
 */
export interface DeviceFamily {
  brand: string;
  head: RegExp;
  /** Source of one list item after a joint: groups 1 generation, 2 variant (either may be absent). */
  next?: string;
  model(generation: string | undefined, variant: string | undefined): string;
}

const variantName = (v: string | undefined, names: Record<string, string>) => {
  if (v === undefined) return '';
  const key = v.toLowerCase().replace(/\s+/g, ' ');
  return names[key] ?? v;
};
const iphoneVariants = { 'pro max': ' Pro Max', pro: ' Pro', plus: ' Plus', max: ' Max', mini: ' mini' };
const iphoneGeneration = (g: string) => (/^\d/.test(g) ? g.toLowerCase() : g.toLowerCase() === 'air' ? 'Air' : g.toUpperCase());
const galaxySVariants = { ultra: ' Ultra', plus: '+', '+': '+', fe: ' FE', edge: ' Edge' };
const pixelVariants = { 'pro xl': ' Pro XL', 'pro fold': ' Pro Fold', pro: ' Pro', xl: ' XL' };

export const deviceFamilies: readonly DeviceFamily[] = [
  {
    brand: 'Apple',
    head: /\b(?:Apple\s+)?i[Pp]hone\s*(1[0-7]e?|[4-9]s?|XS|XR|X|SE|Air)(?:\s*(Pro\s+Max|Pro|Plus|Max|[Mm]ini))?(?![\w+])/gi,
    next: String.raw`(?:i[Pp]hone\s*)?(1[0-7]e?|[4-9]s?|XS|XR|SE)?(?:\s*(Pro\s+Max|Pro|Plus|Max|[Mm]ini))?`,
    model: (g, v) => `iPhone ${iphoneGeneration(g ?? '')}${variantName(v, iphoneVariants)}`,
  },
  {
    brand: 'Apple',
    head: /\biPad(?:\s+(Pro|Air|[Mm]ini))?(?![\w+])/g,
    model: (g) => `iPad${g ? ` ${g.toLowerCase() === 'mini' ? 'mini' : g}` : ''}`,
  },
  {
    brand: 'Apple',
    head: /\bAirPods(?:\s+(Pro|Max))?(?:\s+(\d))?(?![\w+])/g,
    model: (g, v) => `AirPods${g ? ` ${g}` : ''}${v ? ` ${v}` : ''}`,
  },
  {
    brand: 'Apple',
    head: /\bApple\s+Watch(?:\s+(Series\s+\d{1,2}|Ultra(?:\s+\d)?|SE))?(?![\w+])/g,
    next: String.raw`(?:Apple\s+Watch\s+)?(Series\s+\d{1,2}|Ultra(?:\s+\d)?|SE)()`,
    model: (g) => `Apple Watch${g ? ` ${g.replace(/\s+/g, ' ')}` : ''}`,
  },
  {
    brand: 'Apple',
    head: /\bMacBook\s+(Air|Pro)(?![\w+])/g,
    model: (g) => `MacBook ${g}`,
  },
  {
    brand: 'Samsung',
    head: /\b(?:Samsung\s+(?:Galaxy\s+)?|Galaxy\s+)(S\d{1,2})(?:\s*(Ultra|Plus|\+|FE|Edge))?(?![\w+])/gi,
    next: String.raw`(?:(?:Samsung\s+)?Galaxy\s+)?(S\d{1,2})?(?:\s*(Ultra|Plus|\+|FE|Edge))?`,
    model: (g, v) => `Galaxy ${g!.toUpperCase()}${variantName(v, galaxySVariants)}`,
  },
  {
    brand: 'Samsung',
    head: /\b(?:(?:Samsung\s+)?Galaxy\s+)?Z\s*(Fold|Flip)\s*(\d)(?:\s*(FE))?(?![\w+])/gi,
    model: (g, v) => `Galaxy Z ${g![0]!.toUpperCase()}${g!.slice(1).toLowerCase()} ${v}`,
  },
  {
    brand: 'Samsung',
    head: /\b(?:Samsung\s+(?:Galaxy\s+)?|Galaxy\s+)(A\d{2})()(?![\w+])/gi,
    next: String.raw`(?:(?:Samsung\s+)?Galaxy\s+)?(A\d{2})()`,
    model: (g) => `Galaxy ${g!.toUpperCase()}`,
  },
  {
    brand: 'Samsung',
    head: /\b(?:Samsung\s+(?:Galaxy\s+)?|Galaxy\s+)Note\s*(\d{1,2})(?:\s*(Ultra|Plus|\+))?(?![\w+])/gi,
    model: (g, v) => `Galaxy Note ${g}${variantName(v, galaxySVariants)}`,
  },
  {
    brand: 'Samsung',
    head: /\b(?:Samsung\s+(?:Galaxy\s+)?|Galaxy\s+)Tab\s+(S\d{1,2}|A\d{0,2})(?:\s*(Ultra|Plus|\+|FE))?(?![\w+])/gi,
    model: (g, v) => `Galaxy Tab ${g!.toUpperCase()}${variantName(v, galaxySVariants)}`,
  },
  {
    brand: 'Google',
    head: /\b(?:Google\s+)?Pixel\s*(\d{1,2}a?|Fold)(?:\s*(Pro\s+XL|Pro\s+Fold|Pro|XL))?(?![\w+])/gi,
    next: String.raw`(?:(?:Google\s+)?Pixel\s*)?(\d{1,2}a?)?(?:\s*(Pro\s+XL|Pro\s+Fold|Pro|XL))?`,
    model: (g, v) => `Pixel ${g}${variantName(v, pixelVariants)}`,
  },
  {
    brand: 'OnePlus',
    head: /\bOne\s?Plus\s*(\d{1,2}[RT]?)(?:\s*(Pro))?(?![\w+])/gi,
    model: (g, v) => `OnePlus ${g}${v ? ' Pro' : ''}`,
  },
];
