import { categoryLabels } from '../dpg-data.ts';
import type { DesignParams } from './design-params.ts';
import type { DetailSpec, ViewDrawing } from './drawing-model.ts';
import { apparelDetails, apparelView } from './flat-apparel.ts';
import { bagDetails, bagView } from './flat-bag.ts';
import { drinkwareDetails, drinkwareView } from './flat-drinkware.ts';
import { hardGoodDetails, hardGoodView } from './flat-hard-good.ts';
import { phoneCaseDetails, phoneCaseView, type FlatView } from './flat-phone-case.ts';

export type { FlatView } from './flat-phone-case.ts';
export const flatViews: readonly FlatView[] = ['front', 'back', 'side'];

/** The geometry of one view of the design, from its category's drawing module. */
export function viewDrawing(params: DesignParams, view: FlatView): ViewDrawing {
  switch (params.category) {
    case 'phone_accessory': return phoneCaseView(params, view);
    case 'apparel': return apparelView(params, view);
    case 'bag': return bagView(params, view);
    case 'drinkware': return drinkwareView(params, view);
    case 'hard_good': return hardGoodView(params, view);
  }
}

export function detailSpecs(params: DesignParams): DetailSpec[] {
  switch (params.category) {
    case 'phone_accessory': return phoneCaseDetails(params);
    case 'apparel': return apparelDetails(params);
    case 'bag': return bagDetails(params);
    case 'drinkware': return drinkwareDetails(params);
    case 'hard_good': return hardGoodDetails(params);
  }
}

/** A one-line description for captions and title blocks. */
export function designDescriptor(params: DesignParams): string {
  const label = categoryLabels[params.category];
  if (params.phoneCase) return `${params.phoneCase.caseStyle} case for ${params.phoneCase.deviceLabel}`;
  if (params.apparel) return `${params.apparel.garment.replace('_', '-')}, size ${params.apparel.baseSize}`;
  if (params.bag) return `${params.bag.bagType}, ${params.bag.capacityL} L`;
  if (params.drinkware) return `${params.drinkware.vessel}, ${params.drinkware.capacityMl} ml`;
  if (params.hardGood) return `${label.toLowerCase()}, ${params.hardGood.process}`;
  return label;
}

const codes: Record<DesignParams['category'], string> = { phone_accessory: 'PA', apparel: 'AP', bag: 'BG', drinkware: 'DW', hard_good: 'HG' };

export function drawingNumber(params: DesignParams, suffix: string): string {
  return `${codes[params.category]}-${params.variant}-${suffix}`;
}
