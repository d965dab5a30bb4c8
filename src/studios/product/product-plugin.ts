import type { FoundryPlugin } from '../../kernel/index.ts';
import { designPartner } from './design-partner.ts';
import type { ProductDeps } from './product-deps.ts';
import { productRoutes } from './product-routes.ts';

/** The product studio: the design partner, its API and its pages. */
export function productStudioPlugin(deps: ProductDeps): FoundryPlugin {
  return {
    name: 'product-studio',
    routes: productRoutes(deps),
    conversationHandler: designPartner(deps),
    uiPages: [
      { path: 'visuals', title: 'Visuals', studio: 'product' },
      { path: 'analysis', title: 'Analysis', studio: 'product' },
      { path: 'sourcing', title: 'Sourcing', studio: 'product' },
    ],
  };
}
