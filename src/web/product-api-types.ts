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

export type AssetKind = 'concept' | 'flat' | 'callout';

export interface AssetView {
  id: string;
  kind: AssetKind;
  /** 'front' | 'back' | 'side' for flats, '1'..'3' for concepts, the callout's name. */
  view: string;
  /** Per kind and view, from 1. */
  version: number;
  parentId: string | null;
  prompt: string;
  engine: { provider: string; model: string };
  parameters: Record<string, unknown>;
  createdAt: string;
  svgUrl: string | null;
  pngUrl: string;
}

export interface VisualAssets {
  concept_sketches: AssetView[];
  flat_views: { front: AssetView[]; back: AssetView[]; side: AssetView[] };
  callouts: AssetView[];
}

export interface DpgView {
  id: string;
  projectId: string;
  version: number;
  title: string;
  category: ProductCategory;
  stage: DpgStage;
  summary: string;
  data: DpgData;
  visualAssets: VisualAssets;
  missingSpecs: { key: string; name: string }[];
  selectedConcept: number | null;
  approvedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface DpgVersionSummary {
  id: string;
  version: number;
  stage: DpgStage;
  createdAt: string;
}

export interface RfqSection {
  id: string;
  title: string;
  markdown: string;
}

export interface RfqView {
  id: string;
  code: string;
  projectId: string;
  dpgId: string;
  dpgVersion: number;
  status: 'open' | 'awarded';
  issuedAt: string;
  responseDeadline: string;
  targetDelivery: string | null;
  quantityTiers: number[];
  sections: RfqSection[];
  matches: SupplierMatch[];
  quoteCount: number;
  createdAt: string;
}

export interface OrderMilestone {
  name: string;
  /** YYYY-MM-DD */
  due: string;
  status: 'pending' | 'done';
}

export interface OrderView {
  id: string;
  rfqId: string;
  quoteId: string;
  supplierName: string;
  quantity: number;
  unitPrice: number;
  currency: string;
  total: number;
  status: 'placed';
  milestones: OrderMilestone[];
  createdAt: string;
}

export type RfqFormat = 'pdf' | 'docx' | 'md';
export type AnalysisMethod = QuoteAnalysis['method'];
