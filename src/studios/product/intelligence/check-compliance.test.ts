import { describe, expect, it } from 'vitest';
import { checkCompliance, marketMatches, normaliseMarkets } from './check-compliance.ts';
import { bottle, hoodie, phoneCase, speaker, woodenToy } from './fixtures.ts';

const ids = (r: ReturnType<typeof checkCompliance>): string[] => r.requirements.map((x) => x.ruleId);
const naIds = (r: ReturnType<typeof checkCompliance>): string[] => r.notApplicable.map((x) => x.ruleId);

describe('checkCompliance', () => {
  it("gives a children's toy in the US CPSIA lead, phthalates, CPC and tracking labels", () => {
    const r = checkCompliance(woodenToy);
    expect(r.markets).toEqual(['US']);
    expect(ids(r)).toEqual(expect.arrayContaining(['us-cpsia-lead-substrate', 'us-cpsia-lead-paint', 'us-cpsia-phthalates', 'us-astm-f963', 'us-cpsc-cpc', 'us-cpsia-tracking-label']));
    const lead = r.requirements.find((x) => x.ruleId === 'us-cpsia-lead-paint');
    expect(lead?.limits?.[0]?.limit).toBe(90);
    expect(lead?.why).toMatch(/children/);
    expect(r.labeling.some((l) => /Tracking label/.test(l))).toBe(true);
    expect(ids(r).some((id) => id.startsWith('eu-'))).toBe(false);
  });

  it('gives a plain phone case for US+EU REACH, Prop 65 and GPSR but no CE and no RoHS', () => {
    const r = checkCompliance(phoneCase);
    expect(ids(r)).toEqual(expect.arrayContaining(['eu-reach-svhc', 'us-prop65', 'eu-gpsr', 'us-country-of-origin']));
    expect(ids(r)).not.toContain('eu-rohs');
    expect(ids(r).filter((id) => id.startsWith('eu-ce-'))).toEqual([]);
    expect(naIds(r)).toEqual(expect.arrayContaining(['eu-rohs', 'eu-ce-emc', 'eu-ce-red', 'us-cpsia-lead-substrate']));
    expect(r.notApplicable.find((x) => x.ruleId === 'eu-rohs')?.why).toMatch(/no electrical or electronic parts/);
    expect(r.ceMarking.required).toBe(false);
    expect(r.ceMarking.why).toMatch(/No CE marking/);
    expect(r.requirements.find((x) => x.ruleId === 'us-prop65')?.why).toMatch(/covers US-CA/);
  });

  it('gives no CE marking to a hoodie or a wireless-charging-compatible case, and says why', () => {
    const h = checkCompliance(hoodie, ['EU']);
    expect(h.ceMarking).toMatchObject({ required: false, directives: [] });
    expect(h.ceMarking.why).toMatch(/765\/2008, Art. 30\(2\)/);
    const magsafe = checkCompliance({ ...phoneCase, summary: 'Slim case that works with wireless charging' }, ['EU']);
    expect(magsafe.ceMarking.required).toBe(false);
    expect(magsafe.requirements.map((x) => x.ruleId)).not.toContain('eu-rohs');
  });

  it('infers electronics from radio words for a hard good without the flag', () => {
    const r = checkCompliance({ ...speaker, data: { ...speaker.data, electronic: undefined } });
    expect(r.requirements.map((x) => x.ruleId)).toContain('eu-ce-red');
  });

  it('gives a Bluetooth speaker in the EU RoHS, WEEE, batteries and CE under the RED (which carries the EMC and LVD objectives)', () => {
    const r = checkCompliance(speaker);
    expect(ids(r)).toEqual(expect.arrayContaining(['eu-rohs', 'eu-ce-red', 'eu-weee', 'eu-batteries', 'eu-gpsr']));
    expect(r.requirements.find((x) => x.ruleId === 'eu-ce-red')?.requirement).toMatch(/LVD objectives.*EMC/);
    expect(r.notApplicable.find((x) => x.ruleId === 'eu-ce-emc')?.why).toMatch(/Radio Equipment Directive/);
    expect(r.ceMarking.required).toBe(true);
    expect(r.ceMarking.directives.join(' ')).toMatch(/2014\/53\/EU/);
    expect(r.testing.some((t) => /EN 300 328/.test(t))).toBe(true);
  });

  it('applies EMC and LVD directly to a mains-powered non-radio appliance', () => {
    const lamp = { ...speaker, title: 'Desk lamp', summary: 'A desk lamp with a 230 V power cord', data: { ...speaker.data } };
    const r = checkCompliance(lamp);
    expect(ids(r)).toEqual(expect.arrayContaining(['eu-ce-emc', 'eu-ce-lvd', 'eu-rohs']));
    expect(ids(r)).not.toContain('eu-ce-red');
  });

  it('gives a stainless bottle food-contact rules in the US and Germany', () => {
    const r = checkCompliance(bottle);
    expect(r.markets).toEqual(['US', 'DE']);
    expect(ids(r)).toEqual(expect.arrayContaining(['us-fda-food-contact', 'eu-food-contact', 'eu-food-contact-plastics', 'de-lfgb', 'eu-gpsr']));
    expect(r.requirements.find((x) => x.ruleId === 'eu-food-contact')?.market).toBe('DE');
    expect(r.ceMarking.required).toBe(false);
  });

  it('gives apparel the textile, care and flammability rules and honours an explicit market list', () => {
    const r = checkCompliance(hoodie, ['GB']);
    expect(r.markets).toEqual(['GB']);
    expect(ids(r)).toEqual(['gb-gpsr', 'gb-textile-labelling']);
    const us = checkCompliance(hoodie, ['US']);
    expect(ids(us)).toEqual(expect.arrayContaining(['us-textile-fiber-act', 'us-care-labeling', 'us-flammability-clothing']));
    expect(ids(us)).not.toContain('us-drawstrings');
    const kids = checkCompliance({ ...hoodie, data: { ...hoodie.data, for_children: true } }, ['US', 'EU']);
    expect(ids(kids)).toEqual(expect.arrayContaining(['us-drawstrings', 'eu-drawstrings-en14682', 'us-cpsia-lead-substrate']));
    expect(ids(kids)).not.toContain('us-cpsia-phthalates');
  });

  it('defaults to US and EU and reports markets it has no rules for', () => {
    const r = checkCompliance({ ...phoneCase, data: { ...phoneCase.data, target_markets: undefined } });
    expect(r.markets).toEqual(['US', 'EU']);
    expect(checkCompliance(phoneCase, ['JP', 'US']).unsupportedMarkets).toEqual(['JP']);
  });
});

describe('market matching', () => {
  it('relates member states, the EU and US states', () => {
    expect(marketMatches('EU', 'FR')).toBe(true);
    expect(marketMatches('DE', 'EU')).toBe(true);
    expect(marketMatches('US-CA', 'US')).toBe(true);
    expect(marketMatches('US', 'US-CA')).toBe(true);
    expect(marketMatches('GB', 'EU')).toBe(false);
    expect(normaliseMarkets(['uk', 'NA', 'us'])).toEqual(['GB', 'US']);
  });
});
