/**
 * Nouns that count goods, with their canonical plural ("pcs" → "pieces"). A number before one of
 * these is a quantity even where the number alone would be ambiguous ("1.5m units").
 */
export const countNouns: ReadonlyMap<string, string> = new Map([
  ...pairs('units', 'unit', 'units'),
  ...pairs('pieces', 'piece', 'pieces', 'pcs', 'pc', 'pce', 'pces'),
  ...pairs('items', 'item', 'items'),
  ...pairs('sets', 'set', 'sets'),
  ...pairs('pairs', 'pair', 'pairs', 'prs'),
  ...pairs('cases', 'case', 'cases'),
  ...pairs('boxes', 'box', 'boxes'),
  ...pairs('cartons', 'carton', 'cartons', 'ctns'),
  ...pairs('pallets', 'pallet', 'pallets'),
  ...pairs('packs', 'pack', 'packs'),
  ...pairs('bags', 'bag', 'bags'),
  ...pairs('rolls', 'roll', 'rolls'),
  ...pairs('sheets', 'sheet', 'sheets'),
  ...pairs('bottles', 'bottle', 'bottles'),
  ...pairs('samples', 'sample', 'samples'),
]);

function pairs(canonical: string, ...forms: string[]): [string, string][] {
  return forms.map((form) => [form, canonical]);
}

/**
 * Plural nouns that follow a number without being goods to make: time, design work, people,
 * measures handled by other extractors ("3 options", "6 weeks", "5 suppliers", "3 sizes").
 */
export const notGoods: ReadonlySet<string> = new Set([
  'seconds', 'minutes', 'hours', 'days', 'weeks', 'months', 'years', 'quarters', 'decades', 'times', 'business',
  'options', 'variations', 'versions', 'concepts', 'designs', 'alternatives', 'ideas', 'revisions', 'iterations',
  'drafts', 'sketches', 'mockups', 'views', 'renders', 'images', 'files', 'photos', 'pictures', 'pages', 'logos',
  'colors', 'colours', 'colorways', 'colourways', 'sizes', 'styles', 'variants', 'shades', 'finishes', 'skus', 'steps', 'stages',
  'suppliers', 'manufacturers', 'factories', 'vendors', 'quotes', 'bids', 'offers', 'people', 'customers', 'users',
  'members', 'stars', 'points', 'percent', 'dollars', 'euros', 'pounds', 'cents', 'pence', 'yen', 'yuan', 'bucks',
  'inches', 'feet', 'metres', 'meters', 'millimetres', 'millimeters', 'centimetres', 'centimeters', 'grams', 'kilos',
  'kilograms', 'ounces', 'lbs', 'litres', 'liters', 'milliliters', 'millilitres', 'gallons', 'degrees', 'watts', 'volts',
  'ways', 'things', 'reasons', 'questions', 'words', 'lines', 'characters', 'rounds', 'calls', 'meetings', 'sides',
  'corners', 'edges', 'holes', 'buttons', 'layers', 'panels', 'parts', 'components', 'weekdays',
]);
