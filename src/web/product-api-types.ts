/**
 * The product studio's API shapes as the web UI sees them (see .scratch/product-api.md). The studio's
 * own types are imported type-only, so nothing of the server reaches the bundle.
 */
import type { DpgData, ProductCategory } from '../studios/product/dpg-data.ts';
import type { DpgStage } from '../studios/product/dpg-stages.ts';
import type { Supplier, SupplierMatch } from '../studios/product/sourcing/index.ts';
import type { Criterion, QuoteAnalysis, StoredQuote, Weights } from '../studios/product/sourcing/quote-types.ts';

export type { DpgData, ProductCategory, DpgStage, Criterion, QuoteAnalysis, StoredQuote, Weights, Supplier, SupplierMatch };
export type { QuoteInput, RedFlag, ScoredQuote } from '../studios/product/sourcing/quote-types.ts';
export type {
  DpgAnalysis as DpgAnalysisView, ManufacturabilityReport as ManufacturabilityView, ComplianceReport as ComplianceView, CostEstimate as CostEstimateView,
  QualityPlan as QualityPlanView,
} from '../studios/product/intelligence/index.ts';

export type { AssetKind, AssetView, VisualAssets } from '../studios/product/dpg-assets.ts';
export type { DpgView, DpgDataView } from '../studios/product/dpg-service.ts';
import type { RfqView } from '../studios/product/rfq-service.ts';
import type { OrderView } from '../studios/product/order-store.ts';
export type { RfqView, OrderView };

export interface DpgVersionSummary {
  id: string;
  version: number;
  stage: DpgStage;
  createdAt: string;
}

export type RfqSection = RfqView['sections'][number];
export type OrderMilestone = OrderView['milestones'][number];

export type { RfqFormat } from '../studios/product/rfq-service.ts';
export type AnalysisMethod = QuoteAnalysis['method'];
