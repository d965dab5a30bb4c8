/** A target market as people write it: `pattern` is matched case-sensitively as whole words. */
export interface MarketEntry {
  code: string;
  name: string;
  pattern: string;
}

const m = (code: string, name: string, pattern = name): MarketEntry => ({ code, name, pattern });

/** Countries (ISO 3166-1 alpha-2) and regions (EU, NA, APAC, LATAM, MENA, GLOBAL). */
export const marketTable: readonly MarketEntry[] = [
  m('US', 'United States', String.raw`United\s+States(?:\s+of\s+America)?|USA|U\.S\.A?\.?|US|America|the\s+States`),
  m('CA', 'Canada'), m('MX', 'Mexico'),
  m('GB', 'United Kingdom', String.raw`United\s+Kingdom|UK|U\.K\.|Great\s+Britain|Britain|England|Scotland|Wales`),
  m('IE', 'Ireland'), m('DE', 'Germany'), m('FR', 'France'), m('IT', 'Italy'), m('ES', 'Spain'), m('PT', 'Portugal'),
  m('NL', 'Netherlands', String.raw`(?:the\s+)?Netherlands|Holland`), m('BE', 'Belgium'), m('CH', 'Switzerland'),
  m('AT', 'Austria'), m('SE', 'Sweden'), m('NO', 'Norway'), m('DK', 'Denmark'), m('FI', 'Finland'), m('PL', 'Poland'),
  m('CZ', 'Czechia', String.raw`Czech\s+Republic|Czechia`), m('GR', 'Greece'), m('TR', 'Türkiye', String.raw`Turkey|Türkiye`),
  m('RO', 'Romania'), m('HU', 'Hungary'), m('UA', 'Ukraine'), m('RU', 'Russia'),
  m('JP', 'Japan'), m('KR', 'South Korea', String.raw`South\s+Korea|Korea`), m('CN', 'China', String.raw`China|PRC`),
  m('HK', 'Hong Kong'), m('TW', 'Taiwan'), m('SG', 'Singapore'), m('MY', 'Malaysia'), m('TH', 'Thailand'),
  m('VN', 'Vietnam', String.raw`Vietnam|Viet\s+Nam`), m('ID', 'Indonesia'), m('PH', 'Philippines', String.raw`(?:the\s+)?Philippines`),
  m('IN', 'India'), m('PK', 'Pakistan'), m('BD', 'Bangladesh'), m('AU', 'Australia'), m('NZ', 'New Zealand'),
  m('BR', 'Brazil'), m('AR', 'Argentina'), m('CL', 'Chile'), m('CO', 'Colombia'), m('PE', 'Peru'),
  m('ZA', 'South Africa'), m('NG', 'Nigeria'), m('KE', 'Kenya'), m('EG', 'Egypt'), m('MA', 'Morocco'),
  m('AE', 'United Arab Emirates', String.raw`United\s+Arab\s+Emirates|UAE|Dubai`), m('SA', 'Saudi Arabia', String.raw`Saudi\s+Arabia|KSA`),
  m('IL', 'Israel'), m('QA', 'Qatar'),
  m('EU', 'European Union', String.raw`European\s+Union|EU|E\.U\.|Europe`),
  m('NA', 'North America', String.raw`North\s+America`),
  m('APAC', 'Asia-Pacific', String.raw`APAC|Asia[\s-]Pacific|(?:South[\s-]?East\s+|Southeast\s+)?Asia`),
  m('LATAM', 'Latin America', String.raw`LATAM|LatAm|Latin\s+America|South\s+America|Central\s+America`),
  m('MENA', 'Middle East and North Africa', String.raw`MENA|Middle\s+East(?:\s+and\s+North\s+Africa)?|GCC`),
  m('GLOBAL', 'Worldwide', String.raw`[Ww]orldwide|[Gg]lobally|[Gg]lobal\s+markets?|[Ii]nternational\s+markets?|all\s+markets`),
];

/** Amazon's marketplaces are named by country code ("Amazon DE"). */
export const marketplaceCodes: ReadonlyMap<string, string> = new Map([
  ['US', 'US'], ['UK', 'GB'], ['DE', 'DE'], ['FR', 'FR'], ['IT', 'IT'], ['ES', 'ES'], ['CA', 'CA'], ['JP', 'JP'], ['AU', 'AU'],
  ['MX', 'MX'], ['NL', 'NL'], ['SE', 'SE'], ['PL', 'PL'], ['BE', 'BE'], ['IN', 'IN'], ['BR', 'BR'], ['SG', 'SG'], ['AE', 'AE'],
]);

/** Demonyms that name a market when followed by a market noun ("the Japanese market", "European customers"). */
export const demonyms: ReadonlyMap<string, string> = new Map([
  ['American', 'US'], ['European', 'EU'], ['British', 'GB'], ['Canadian', 'CA'], ['Japanese', 'JP'],
  ['German', 'DE'], ['French', 'FR'], ['Australian', 'AU'], ['Chinese', 'CN'], ['Korean', 'KR'], ['Indian', 'IN'],
  ['Mexican', 'MX'], ['Brazilian', 'BR'], ['Italian', 'IT'], ['Spanish', 'ES'], ['Dutch', 'NL'], ['Swiss', 'CH'],
  ['Asian', 'APAC'], ['Irish', 'IE'], ['Swedish', 'SE'], ['Polish', 'PL'],
]);
