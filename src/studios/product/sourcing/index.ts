// The sourcing module of the product studio: RFQ documents and their renderers, quote parsing and
// analysis (weighted score and TOPSIS), the supplier directory and matching, order milestones.
export * from './quote-types.ts';
export { analyzeQuotes, resolveWeights, type QuoteAnalysisContext } from './analyze-quotes.ts';
export { certificationSatisfies, holdsCertification, missingCertifications } from './certification-match.ts';
export { matchSuppliers, type MatchRequirements } from './match-suppliers.ts';
export { milestonePlan, productionMilestones } from './order-milestones.ts';
export { parseQuotesCsv } from './quotes-csv.ts';
export { buildRfqDocument, type AqlPlan, type ComplianceRequirement, type RfqDocumentInput } from './rfq-document.ts';
export { defaultQuantityTiers, defaultResponseDays, defaultTargetDelivery, maxQuantityTiers, rfqCode, rfqTiers } from './rfq-defaults.ts';
export { renderRfqDocx } from './rfq-docx.ts';
export { renderRfqBlocksMarkdown, renderRfqMarkdown, renderRfqSectionMarkdown, type RfqMarkdownOptions } from './rfq-markdown.ts';
export { quoteColumns } from './rfq-procurement-sections.ts';
export { renderRfqPdf } from './rfq-pdf.ts';
export { rfqSectionTitles, type RfqBlock, type RfqDocument, type RfqImage, type RfqSection, type RfqSectionId } from './rfq-types.ts';
export { categoryOf, parseSuppliersCsv } from './suppliers-csv.ts';
export { supplierInput, type Supplier, type SupplierInput, type SupplierMatch } from './supplier-types.ts';
export { topsis, topsisSteps, type TopsisSteps } from './topsis.ts';
export { minMaxNormalize, weightedScore } from './weighted-score.ts';
