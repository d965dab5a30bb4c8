import type { Studio } from './api-types.ts';

export interface StudioInfo {
  label: string;
  color: string;
  /** What the studio turns a request into. */
  delivers: string;
}

/** The four studios as the UI shows them. */
export const studios: Record<Studio, StudioInfo> = {
  product: { label: 'Product', color: 'orange', delivers: 'A product genome, versioned visuals, an RFQ and ranked supplier quotes.' },
  software: { label: 'Software', color: 'blue', delivers: 'A tested, documented, deployed code repository you can change by chat.' },
  builder: { label: 'Builder', color: 'teal', delivers: 'A blueprint, a workflow, its triggers and a deployed agent with a dashboard.' },
  brand: { label: 'Brand', color: 'grape', delivers: 'Visuals, synced inventory and a multi-channel campaign run as one workflow.' },
};

export const studioIds = Object.keys(studios) as Studio[];
