import type { ProductCategory } from '../dpg-data.ts';
import type { MaterialFamily } from './spec-signals.ts';

export type EvidenceKind = 'test_report' | 'certificate' | 'label' | 'declaration' | 'documentation' | 'registration';
export interface Evidence { kind: EvidenceKind; description: string }
export interface SubstanceLimit { substance: string; limit: number; unit: string; basis?: string }
export type ProductFeature = 'toy' | 'radio' | 'mains_powered' | 'battery' | 'drawstring_or_hood' | 'metal_hardware' | 'coating';

/** Every listed condition must hold; list-valued conditions match when any item matches. */
export interface AppliesWhen {
  categories?: ProductCategory[];
  forChildren?: boolean;
  electronic?: boolean;
  foodContact?: boolean;
  textile?: boolean;
  materialFamilies?: MaterialFamily[];
  features?: ProductFeature[];
  notFeatures?: ProductFeature[];
}

export interface ComplianceRule {
  id: string;
  regulation: string;
  citation: string;
  /** ISO 3166-1 alpha-2 codes, EU, or sub-national codes like US-CA. */
  markets: string[];
  appliesWhen: AppliesWhen;
  requirement: string;
  limits?: SubstanceLimit[];
  mandatory: boolean;
  evidence: Evidence[];
  /** The rule is a CE-marking (or UKCA) act: applying it means the product carries the mark. */
  conformityMarking?: 'CE' | 'UKCA';
}

const pct = (substance: string, limit: number, basis = 'by weight of homogeneous material'): SubstanceLimit => ({ substance, limit, unit: '%', basis });
const testReport = (description: string): Evidence => ({ kind: 'test_report', description });
const label = (description: string): Evidence => ({ kind: 'label', description });

/**
 * Rules by market. Citations are to the legal text; limits are those the act sets. Checked against the CPSC
 * business guidance (lead, phthalates, drawstrings), the RoHS Annex II as amended by (EU) 2015/863, and ECHA Q&A.
 */
export const complianceRules: ComplianceRule[] = [
  // United States
  {
    id: 'us-cpsia-lead-substrate', regulation: 'CPSIA §101 total lead content', citation: '15 U.S.C. 1278a; 16 CFR 1500.87-1500.91', markets: ['US'],
    appliesWhen: { forChildren: true }, mandatory: true,
    requirement: "Accessible components of a children's product (12 and under) must not contain more than 100 ppm total lead.",
    limits: [{ substance: 'Lead (Pb), accessible substrate', limit: 100, unit: 'ppm' }],
    evidence: [testReport('Total lead content test by a CPSC-accepted third-party laboratory')],
  },
  {
    id: 'us-cpsia-lead-paint', regulation: 'Ban of lead-containing paint', citation: '16 CFR 1303', markets: ['US'],
    appliesWhen: { forChildren: true }, mandatory: true,
    requirement: "Paint and similar surface coatings on children's products must not contain more than 0.009% (90 ppm) lead in the dried film.",
    limits: [{ substance: 'Lead (Pb) in paint/surface coating', limit: 90, unit: 'ppm', basis: 'of the non-volatile content / dry film' }],
    evidence: [testReport('Lead in surface coatings test by a CPSC-accepted third-party laboratory')],
  },
  {
    id: 'us-cpsia-phthalates', regulation: 'CPSIA §108 phthalates', citation: '16 CFR 1307; CPSIA §108 (15 U.S.C. 2057c)', markets: ['US'],
    appliesWhen: { forChildren: true, features: ['toy'] }, mandatory: true,
    requirement: "Children's toys and child care articles must not contain more than 0.1% of any of eight phthalates in any plasticised or phthalate-bearing component.",
    limits: ['DEHP', 'DBP', 'BBP', 'DINP', 'DIBP', 'DPENP', 'DHEXP', 'DCHP'].map((p) => pct(p, 0.1, 'by weight of the component')),
    evidence: [testReport('Phthalates test (CPSC-CH-C1001-09.4) by a CPSC-accepted laboratory')],
  },
  {
    id: 'us-astm-f963', regulation: 'Toy safety standard ASTM F963', citation: '16 CFR 1250', markets: ['US'],
    appliesWhen: { forChildren: true, features: ['toy'] }, mandatory: true,
    requirement: 'Toys for children under 14 must meet ASTM F963 (mechanical hazards, heavy elements in surface coatings and substrates, labelling).',
    evidence: [testReport('ASTM F963 test by a CPSC-accepted laboratory')],
  },
  {
    id: 'us-cpsc-cpc', regulation: "Children's Product Certificate", citation: '16 CFR 1110; 16 CFR 1107; 15 U.S.C. 2063(a)(2)', markets: ['US'],
    appliesWhen: { forChildren: true }, mandatory: true,
    requirement: "The importer or manufacturer issues a Children's Product Certificate citing each applicable rule, based on third-party testing.",
    evidence: [{ kind: 'certificate', description: "Children's Product Certificate (CPC)" }],
  },
  {
    id: 'us-cpsia-tracking-label', regulation: 'CPSIA §103 tracking labels', citation: '15 U.S.C. 2063(a)(5)', markets: ['US'],
    appliesWhen: { forChildren: true }, mandatory: true,
    requirement: "Permanent marks on the product and its packaging giving manufacturer, location and date of production, and batch or run.",
    evidence: [label('Tracking label on product and packaging (manufacturer, place and date of production, batch)')],
  },
  {
    id: 'us-drawstrings', regulation: "Drawstrings in children's upper outerwear", citation: '16 CFR 1120.3(b); ASTM F1816-97', markets: ['US'],
    appliesWhen: { forChildren: true, categories: ['apparel'], features: ['drawstring_or_hood'] }, mandatory: true,
    requirement: "No hood or neck drawstrings in children's upper outerwear sizes 2T-12; waist/bottom drawstrings in sizes 2T-16 at most 3 in (76 mm) outside the channel when expanded, no toggles or knots, bar-tacked if one continuous string.",
    limits: [{ substance: 'Waist/bottom drawstring length outside channel', limit: 3, unit: 'in' }],
    evidence: [{ kind: 'documentation', description: 'Design review of drawstrings against ASTM F1816' }],
  },
  {
    id: 'us-flammability-clothing', regulation: 'Flammability of clothing textiles', citation: '16 CFR 1610', markets: ['US'],
    appliesWhen: { categories: ['apparel'] }, mandatory: true,
    requirement: 'Clothing textiles must meet Class 1 or 2 flammability (exemptions in 16 CFR 1610.1(d)); certify in a General Certificate of Conformity (adult) or CPC (children).',
    evidence: [testReport('16 CFR 1610 flammability test'), { kind: 'certificate', description: 'General Certificate of Conformity (16 CFR 1110)' }],
  },
  {
    id: 'us-textile-fiber-act', regulation: 'Textile Fiber Products Identification Act', citation: '15 U.S.C. 70; 16 CFR 303', markets: ['US'],
    appliesWhen: { categories: ['apparel'] }, mandatory: true,
    requirement: 'Label fibre content by generic name and percentage by weight, country of origin, and the manufacturer or dealer (name or RN).',
    evidence: [label('Fibre content, country of origin and RN/name label')],
  },
  {
    id: 'us-care-labeling', regulation: 'Care Labeling Rule', citation: '16 CFR 423', markets: ['US'],
    appliesWhen: { categories: ['apparel'] }, mandatory: true,
    requirement: 'Permanently attach a care label with washing/drying (or dry-cleaning) instructions that stays legible for the life of the garment.',
    evidence: [label('Permanent care label (words or ASTM D5489 symbols)')],
  },
  {
    id: 'us-fda-food-contact', regulation: 'FDA indirect food additives', citation: '21 CFR 174-178 (polymers: 21 CFR 177)', markets: ['US'],
    appliesWhen: { foodContact: true }, mandatory: true,
    requirement: 'Food-contact materials must be authorised (21 CFR 174-178, e.g. 177.1520 olefins, 177.2600 rubber), GRAS or prior-sanctioned, or covered by an effective FCN, and meet the listed extraction limits.',
    evidence: [{ kind: 'declaration', description: 'Supplier letter of FDA food-contact compliance per material' }, testReport('Extraction/migration test to the cited 21 CFR section')],
  },
  {
    id: 'us-fcc-part15', regulation: 'FCC Part 15 radio frequency devices', citation: '47 CFR Part 15', markets: ['US'],
    appliesWhen: { electronic: true }, mandatory: true,
    requirement: 'Unintentional radiators: Subpart B limits with Supplier\'s Declaration of Conformity; intentional radiators (Bluetooth, Wi-Fi): Subpart C and FCC equipment certification (FCC ID).',
    evidence: [testReport('FCC Part 15 emissions test'), label('FCC ID or SDoC compliance statement')],
  },
  {
    id: 'us-prop65', regulation: 'California Proposition 65', citation: 'Cal. Health & Safety Code 25249.6; 27 CCR 25600-25607', markets: ['US-CA'],
    appliesWhen: {}, mandatory: true,
    requirement: 'Give a clear and reasonable warning (27 CCR 25601-25603 safe harbor) if the product exposes Californians to a listed chemical (e.g. lead, DEHP, BPA) above its safe harbor level; no warning is needed if exposure is below it.',
    evidence: [testReport('Screening for listed chemicals (lead, phthalates, BPA) to decide whether a warning is needed'), label('Prop 65 warning on product or packaging where needed')],
  },
  {
    id: 'us-country-of-origin', regulation: 'Country of origin marking', citation: '19 U.S.C. 1304; 19 CFR 134', markets: ['US'],
    appliesWhen: {}, mandatory: true,
    requirement: 'Imported articles must be marked legibly, indelibly and permanently with the English name of the country of origin (e.g. "Made in China").',
    evidence: [label('"Made in <country>" on the article or, where allowed, its container')],
  },
  // European Union
  {
    id: 'eu-gpsr', regulation: 'General Product Safety Regulation', citation: 'Regulation (EU) 2023/988, Art. 5, 9 and 16', markets: ['EU'],
    appliesWhen: {}, mandatory: true,
    requirement: 'The product must be safe; the manufacturer keeps an internal risk analysis and technical documentation (10 years), marks a type/batch/serial number and its name, postal and electronic address, and a responsible economic operator in the EU is named.',
    evidence: [{ kind: 'documentation', description: 'GPSR risk analysis and technical documentation' }, label('Type/batch number; manufacturer and EU responsible person with postal and electronic address')],
  },
  {
    id: 'eu-reach-svhc', regulation: 'REACH Article 33 (SVHC communication)', citation: 'Regulation (EC) No 1907/2006, Art. 33 (and Art. 7(2)); SCIP under Directive 2008/98/EC Art. 9(1)(i)', markets: ['EU'],
    appliesWhen: {}, mandatory: true,
    requirement: 'If an article contains a Candidate List SVHC above 0.1% w/w, inform recipients (consumers on request within 45 days) and notify the SCIP database.',
    limits: [pct('Any Candidate List SVHC', 0.1, 'w/w of the article')],
    evidence: [{ kind: 'declaration', description: 'Supplier REACH SVHC declaration against the current Candidate List' }],
  },
  {
    id: 'eu-reach-phthalates', regulation: 'REACH Annex XVII entry 51 (phthalates)', citation: 'Regulation (EC) No 1907/2006, Annex XVII entry 51', markets: ['EU'],
    appliesWhen: { materialFamilies: ['plastic', 'rubber', 'leather'] }, mandatory: true,
    requirement: 'Plasticised material in articles must not contain DEHP, DBP, BBP and DIBP at 0.1% or more, individually or combined.',
    limits: [pct('DEHP + DBP + BBP + DIBP (sum)', 0.1, 'by weight of the plasticised material')],
    evidence: [testReport('Phthalate content (EN 14372 / ISO 14389)')],
  },
  {
    id: 'eu-reach-pah', regulation: 'REACH Annex XVII entry 50 (PAHs)', citation: 'Regulation (EC) No 1907/2006, Annex XVII entry 50(5)-(6)', markets: ['EU'],
    appliesWhen: { materialFamilies: ['plastic', 'rubber'] }, mandatory: true,
    requirement: 'Rubber or plastic components in direct, prolonged or repeated short-term contact with skin or the mouth must not contain more than 1 mg/kg of any of the eight listed PAHs (0.5 mg/kg in toys and childcare articles).',
    limits: [{ substance: 'Each of 8 PAHs (BaP, BeP, BaA, CHR, BbFA, BjFA, BkFA, DBAhA)', limit: 1, unit: 'mg/kg' }],
    evidence: [testReport('PAH test (AfPS GS 2019:01 PAK)')],
  },
  {
    id: 'eu-reach-azo', regulation: 'REACH Annex XVII entry 43 (azo dyes)', citation: 'Regulation (EC) No 1907/2006, Annex XVII entry 43', markets: ['EU'],
    appliesWhen: { materialFamilies: ['textile', 'leather'] }, mandatory: true,
    requirement: 'Textile and leather parts in direct, prolonged skin contact must not release any Appendix 8 aromatic amine above 30 mg/kg.',
    limits: [{ substance: 'Each listed aromatic amine', limit: 30, unit: 'mg/kg' }],
    evidence: [testReport('Azo amines (EN ISO 14362-1 textiles; EN ISO 17234-1 leather)')],
  },
  {
    id: 'eu-reach-nickel', regulation: 'REACH Annex XVII entry 27 (nickel release)', citation: 'Regulation (EC) No 1907/2006, Annex XVII entry 27', markets: ['EU'],
    appliesWhen: { features: ['metal_hardware'] }, mandatory: true,
    requirement: 'Metal parts in direct and prolonged skin contact (rivets, buttons, zips, buckles) must not release more than 0.5 µg/cm²/week of nickel.',
    limits: [{ substance: 'Nickel release', limit: 0.5, unit: 'µg/cm²/week' }],
    evidence: [testReport('Nickel release (EN 1811)')],
  },
  {
    id: 'eu-reach-lead-articles', regulation: 'REACH Annex XVII entry 63 (lead in articles)', citation: 'Regulation (EC) No 1907/2006, Annex XVII entry 63(7)', markets: ['EU'],
    appliesWhen: { forChildren: true }, mandatory: true,
    requirement: 'Accessible parts that children may put in the mouth must contain less than 0.05% lead (or release less than 0.05 µg/cm²/h).',
    limits: [pct('Lead (Pb)', 0.05, 'by weight of the accessible part')],
    evidence: [testReport('Total lead content (EN 71-3 / CPSC-CH-E1001)')],
  },
  {
    id: 'eu-rohs', regulation: 'RoHS', citation: 'Directive 2011/65/EU, Annex II as amended by Delegated Directive (EU) 2015/863', markets: ['EU'],
    appliesWhen: { electronic: true }, mandatory: true, conformityMarking: 'CE',
    requirement: 'Electrical and electronic equipment must not exceed the Annex II maximum concentrations in any homogeneous material.',
    limits: [pct('Lead (Pb)', 0.1), pct('Mercury (Hg)', 0.1), pct('Cadmium (Cd)', 0.01), pct('Hexavalent chromium (Cr VI)', 0.1), pct('PBB', 0.1), pct('PBDE', 0.1), pct('DEHP', 0.1), pct('BBP', 0.1), pct('DBP', 0.1), pct('DIBP', 0.1)],
    evidence: [testReport('RoHS screening (IEC 62321)'), { kind: 'documentation', description: 'Technical documentation (EN IEC 63000) and EU Declaration of Conformity' }],
  },
  {
    id: 'eu-weee', regulation: 'WEEE', citation: 'Directive 2012/19/EU, Art. 14(4) and Annex IX', markets: ['EU'],
    appliesWhen: { electronic: true }, mandatory: true,
    requirement: 'Mark the crossed-out wheeled bin symbol (EN 50419) and register as producer in each member state where the product is sold.',
    evidence: [label('Crossed-out wheeled bin symbol'), { kind: 'registration', description: 'WEEE producer registration per member state' }],
  },
  {
    id: 'eu-batteries', regulation: 'Batteries Regulation', citation: 'Regulation (EU) 2023/1542, Art. 13 and 56', markets: ['EU'],
    appliesWhen: { electronic: true, features: ['battery'] }, mandatory: true,
    requirement: 'Batteries carry the separate-collection symbol and required information; the producer registers for extended producer responsibility.',
    evidence: [label('Battery separate-collection symbol and information'), { kind: 'registration', description: 'Battery producer registration' }],
  },
  {
    id: 'eu-ce-emc', regulation: 'Electromagnetic Compatibility Directive', citation: 'Directive 2014/30/EU', markets: ['EU'],
    appliesWhen: { electronic: true, notFeatures: ['radio'] }, mandatory: true, conformityMarking: 'CE',
    requirement: 'Equipment must meet the EMC essential requirements (emissions and immunity), with an EU Declaration of Conformity and CE marking.',
    evidence: [testReport('EMC tests (e.g. EN 55032 / EN 55035)'), label('CE marking'), { kind: 'declaration', description: 'EU Declaration of Conformity' }],
  },
  {
    id: 'eu-ce-lvd', regulation: 'Low Voltage Directive', citation: 'Directive 2014/35/EU', markets: ['EU'],
    appliesWhen: { electronic: true, features: ['mains_powered'], notFeatures: ['radio'] }, mandatory: true, conformityMarking: 'CE',
    requirement: 'Equipment rated 50-1000 V AC or 75-1500 V DC must meet the LVD safety objectives, with an EU Declaration of Conformity and CE marking.',
    evidence: [testReport('Electrical safety test (e.g. EN IEC 62368-1)'), label('CE marking')],
  },
  {
    id: 'eu-ce-red', regulation: 'Radio Equipment Directive', citation: 'Directive 2014/53/EU, Art. 3(1)(a), 3(1)(b) and 3(2)', markets: ['EU'],
    appliesWhen: { electronic: true, features: ['radio'] }, mandatory: true, conformityMarking: 'CE',
    requirement: 'Radio equipment must meet safety (LVD objectives, no lower voltage limit), EMC and efficient use of spectrum, with an EU Declaration of Conformity and CE marking.',
    evidence: [testReport('Radio (e.g. EN 300 328), EMC (EN 301 489-1/-17) and safety (EN IEC 62368-1) tests; RF exposure (EN 62479)'), label('CE marking')],
  },
  {
    id: 'eu-ce-toys', regulation: 'Toy Safety Directive', citation: 'Directive 2009/48/EC', markets: ['EU'],
    appliesWhen: { forChildren: true, features: ['toy'] }, mandatory: true, conformityMarking: 'CE',
    requirement: 'Toys for children under 14 must meet the essential safety requirements (EN 71-1, -2, -3), with EC type-examination where required, warnings and CE marking.',
    evidence: [testReport('EN 71-1, EN 71-2, EN 71-3'), label('CE marking and age warnings')],
  },
  {
    id: 'eu-food-contact', regulation: 'Food contact materials framework', citation: 'Regulation (EC) No 1935/2004, Art. 3, 15, 17; Regulation (EC) No 2023/2006 (GMP)', markets: ['EU'],
    appliesWhen: { foodContact: true }, mandatory: true,
    requirement: 'Materials must not transfer constituents to food in harmful quantities; label "for food contact" or the glass-and-fork symbol, ensure traceability and GMP.',
    evidence: [label('Glass-and-fork symbol or "for food contact"'), { kind: 'declaration', description: 'Declaration of compliance and GMP documentation' }],
  },
  {
    id: 'eu-food-contact-plastics', regulation: 'Plastic food contact materials', citation: 'Commission Regulation (EU) No 10/2011, Art. 11, 12 and 15', markets: ['EU'],
    appliesWhen: { foodContact: true, materialFamilies: ['plastic'] }, mandatory: true,
    requirement: 'Plastic food-contact parts use only Union-list substances, meet specific migration limits and the overall migration limit, and come with a declaration of compliance.',
    limits: [{ substance: 'Overall migration', limit: 10, unit: 'mg/dm²' }],
    evidence: [testReport('Overall and specific migration tests (EN 1186 / EN 13130)'), { kind: 'declaration', description: 'Declaration of compliance (Annex IV)' }],
  },
  {
    id: 'de-lfgb', regulation: 'German Food and Feed Code (LFGB)', citation: 'LFGB §§ 30, 31', markets: ['DE'],
    appliesWhen: { foodContact: true }, mandatory: true,
    requirement: 'Food-contact articles sold in Germany must not pass substances to food that endanger health or impair taste and odour; German buyers expect an LFGB test report (with BfR recommendations, e.g. XV for silicone).',
    evidence: [testReport('LFGB test report including sensory test')],
  },
  {
    id: 'eu-textile-labelling', regulation: 'Textile Fibre Names and Labelling', citation: 'Regulation (EU) No 1007/2011', markets: ['EU'],
    appliesWhen: { textile: true, categories: ['apparel', 'bag'] }, mandatory: true,
    requirement: 'Label full fibre composition with the Annex I fibre names in the language(s) of each member state; state non-textile parts of animal origin.',
    evidence: [label('Fibre composition label in local languages')],
  },
  {
    id: 'eu-drawstrings-en14682', regulation: "Cords and drawstrings on children's clothing", citation: 'EN 14682:2014 (presumption of conformity under Regulation (EU) 2023/988)', markets: ['EU'],
    appliesWhen: { forChildren: true, categories: ['apparel'], features: ['drawstring_or_hood'] }, mandatory: false,
    requirement: 'No drawstrings or functional cords in the hood and neck area of clothing for young children (up to 7 years); length limits elsewhere for children up to 14.',
    evidence: [{ kind: 'documentation', description: 'Design review against EN 14682' }],
  },
  // Great Britain
  {
    id: 'gb-gpsr', regulation: 'General Product Safety Regulations 2005', citation: 'SI 2005/1803', markets: ['GB'],
    appliesWhen: {}, mandatory: true,
    requirement: 'Consumer products placed on the GB market must be safe; producers give consumers risk information and mark product and producer identification.',
    evidence: [label('Producer name and address; product reference or batch')],
  },
  {
    id: 'gb-ukca', regulation: 'UKCA (or CE) marking for regulated products', citation: 'Electromagnetic Compatibility Regulations 2016 (SI 2016/1091); Electrical Equipment (Safety) Regulations 2016 (SI 2016/1101); Radio Equipment Regulations 2017 (SI 2017/1206); Toys (Safety) Regulations 2011 (SI 2011/1881)', markets: ['GB'],
    appliesWhen: { electronic: true }, mandatory: true, conformityMarking: 'UKCA',
    requirement: 'Electrical and radio equipment need a UK Declaration of Conformity and the UKCA mark; the CE mark remains accepted in Great Britain for these regimes.',
    evidence: [label('UKCA or CE marking'), { kind: 'declaration', description: 'UK Declaration of Conformity' }],
  },
  {
    id: 'gb-ukca-toys', regulation: 'Toys (Safety) Regulations 2011', citation: 'SI 2011/1881', markets: ['GB'],
    appliesWhen: { forChildren: true, features: ['toy'] }, mandatory: true, conformityMarking: 'UKCA',
    requirement: 'Toys need a UK Declaration of Conformity and the UKCA mark (CE remains accepted in Great Britain).',
    evidence: [testReport('EN 71-1, -2, -3 (BS EN)'), label('UKCA or CE marking')],
  },
  {
    id: 'gb-textile-labelling', regulation: 'Textile Products (Labelling and Fibre Composition) Regulations 2012', citation: 'SI 2012/1102', markets: ['GB'],
    appliesWhen: { textile: true, categories: ['apparel', 'bag'] }, mandatory: true,
    requirement: 'Label fibre composition using the permitted fibre names.',
    evidence: [label('Fibre composition label')],
  },
];
