import { caseOuter, designParamsFor, type DesignParams } from './visuals/index.ts';
import type { DpgData, DpgFacts } from './dpg-data.ts';

/**
 * The specs an approved design already fixes, so the partner never asks for them: a phone case's
 * outer dimensions from the device's published body size, a bottle's or bag's from its drawing,
 * and the logo's placement and size.
 */
export function derivedSpecs(facts: DpgFacts, params: DesignParams | undefined): { data: DpgData; notes: string[] } {
  const p = params ?? designParamsFor(facts);
  const data: DpgData = {};
  const notes: string[] = [];
  const dims = (list: [string, number][]) => {
    data.dimensions = list.map(([name, mm]) => ({ name, mm: Math.round(mm * 10) / 10 }));
    notes.push(`dimensions ${data.dimensions.map((d) => `${d.name} ${d.mm} mm`).join(', ')}`);
  };
  if (p.phoneCase?.deviceKnown) {
    const outer = caseOuter(p.phoneCase);
    dims([['case length', outer.heightMm], ['case width', outer.widthMm], ['case depth', outer.depthMm]]);
    data.bezel_height_mm = p.phoneCase.bezelHeightMm;
    data.device_models = p.phoneCase.deviceModels;
    notes.push(`bezels ${p.phoneCase.bezelHeightMm} mm above the screen, for ${p.phoneCase.deviceModels.join(' and ')}`);
  }
  if (p.drinkware && facts.data.capacity_ml) {
    dims([['height', p.drinkware.heightMm + p.drinkware.lidHeightMm], ['diameter', p.drinkware.diameterMm]]);
  }
  if (p.bag && facts.data.capacity_l) dims([['width', p.bag.widthMm], ['height', p.bag.heightMm], ['depth', p.bag.depthMm]]);
  if (p.logo.present) {
    data.logo = { placement: `${p.logo.face} ${p.logo.placement}`, widthMm: Math.round(p.logo.widthMm * 10) / 10, method: p.logo.method };
    notes.push(`logo ${data.logo.widthMm} mm wide, ${data.logo.placement}, ${p.logo.method}`);
  }
  return { data, notes };
}
