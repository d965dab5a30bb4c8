import type { AssetKind, Criterion, DpgStage, ProductCategory, RfqFormat, Weights } from './product-api-types.ts';

/**
 * The product studio's fixed vocabularies as the UI shows them. The web layer may not import values
 * from the studio, so these mirror its constants; `satisfies` keeps them complete.
 */
export const dpgStageOrder = ['ignition', 'context_synthesized', 'designing', 'specifying', 'reviewed', 'approved'] as const satisfies readonly DpgStage[];

export const dpgStageLabels = {
  ignition: 'Ignition',
  context_synthesized: 'Context synthesized',
  designing: 'Designing',
  specifying: 'Specifying',
  reviewed: 'Reviewed',
  approved: 'Approved',
} as const satisfies Record<DpgStage, string>;

export const categoryLabels = {
  phone_accessory: 'Phone accessory',
  apparel: 'Apparel',
  bag: 'Bag',
  drinkware: 'Drinkware',
  hard_good: 'Hard good',
} as const satisfies Record<ProductCategory, string>;

export const assetKindLabels = {
  concept: 'Concept sketch',
  flat: 'Technical flat',
  callout: 'Callout',
} as const satisfies Record<AssetKind, string>;

export const criterionOrder = ['price', 'quality', 'delivery', 'compliance'] as const satisfies readonly Criterion[];

export const criterionLabels = {
  price: 'Price',
  quality: 'Quality',
  delivery: 'Delivery',
  compliance: 'Compliance',
} as const satisfies Record<Criterion, string>;

/** The studio's default weights (quote-types.ts `defaultWeights`). */
export const defaultWeights: Weights = { price: 0.4, quality: 0.25, delivery: 0.2, compliance: 0.15 };

export const rfqFormatLabels = { pdf: 'PDF', docx: 'DOCX', md: 'Markdown' } as const satisfies Record<RfqFormat, string>;
