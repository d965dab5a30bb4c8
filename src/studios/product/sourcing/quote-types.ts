import { z } from 'zod';

/** One supplier's answer to an RFQ, as entered through the API, the UI or a CSV file. */
export const quoteInput = z.object({
  supplierName: z.string().trim().min(1).max(200),
  /** Unit price per quantity tier (ascending quantity). */
  tiers: z.array(z.object({ quantity: z.number().int().positive(), unitPrice: z.number().positive() })).min(1).max(10),
  currency: z.string().length(3).default('USD'),
  /** One-time tooling and setup, in the quote's currency. */
  toolingCost: z.number().nonnegative().default(0),
  leadTimeDays: z.number().int().positive().max(730),
  moq: z.number().int().positive(),
  certifications: z.array(z.string().trim().min(1).max(60)).max(30).default([]),
  paymentTerms: z.string().max(200).default(''),
  /** YYYY-MM-DD */
  validUntil: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  /** Supplier quality rating 0..5 (from the directory or the buyer's audit). */
  qualityRating: z.number().min(0).max(5).optional(),
  location: z.string().max(100).optional(),
  notes: z.string().max(2000).default(''),
});
export type QuoteInput = z.infer<typeof quoteInput>;

export interface StoredQuote extends QuoteInput {
  id: string;
  rfqId: string;
  supplierId: string | null;
  createdAt: string;
}

export const criteria = ['price', 'quality', 'delivery', 'compliance'] as const;
export type Criterion = (typeof criteria)[number];
export type Weights = Record<Criterion, number>;
export const defaultWeights: Weights = { price: 0.4, quality: 0.25, delivery: 0.2, compliance: 0.15 };

export interface RedFlag {
  quoteId: string;
  supplierName: string;
  code: 'MOQ_ABOVE_NEED' | 'MISSING_CERTIFICATION' | 'LATE_DELIVERY' | 'PRICE_OUTLIER_LOW' | 'PRICE_OUTLIER_HIGH' | 'QUOTE_EXPIRED';
  severity: 'low' | 'medium' | 'high';
  message: string;
}

export interface ScoredQuote {
  quoteId: string;
  supplierName: string;
  rank: number;
  /** 0..1: weighted sum of normalised criteria, or TOPSIS closeness to the ideal. */
  score: number;
  /** Each criterion's normalised value 0..1 (1 best). */
  criteria: Record<Criterion, number>;
  /** The unit price at the needed quantity with tooling spread over it. */
  landedUnitPrice: number;
  totalCost: number;
  currency: string;
  leadTimeDays: number;
  strengths: string[];
  concerns: string[];
}

export interface QuoteAnalysis {
  method: 'weighted' | 'topsis';
  weights: Weights;
  /** The quantity the prices were compared at. */
  quantity: number;
  ranked: ScoredQuote[];
  redFlags: RedFlag[];
  recommendation: { quoteId: string; supplierName: string; rationale: string } | null;
  negotiation: { quoteId: string; supplierName: string; opportunity: string; potentialSavings?: number }[];
  summary: { count: number; lowestUnitPrice: number; highestUnitPrice: number; averageLeadTimeDays: number };
}
