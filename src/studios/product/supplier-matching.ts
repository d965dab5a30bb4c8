import type { RequestContext } from '../../kernel/index.ts';
import { analyzeDpg, type DpgAnalysis } from './intelligence/index.ts';
import { matchSuppliers, type SupplierMatch } from './sourcing/index.ts';
import { factsOf, type DpgRow } from './dpg-store.ts';
import type { ProductDeps } from './product-deps.ts';
import { requiredCertifications } from './required-certifications.ts';
import { listSuppliers } from './supplier-store.ts';

/**
 * The directory's suppliers matched to a DPG: its quantity (or `fallbackQuantity`), the
 * certifications it requires, the processes its analysis names, and the date it is needed by.
 */
export async function supplierMatchesFor(
  deps: Pick<ProductDeps, 'db' | 'clock'>, ctx: RequestContext, dpg: DpgRow,
  options: { fallbackQuantity: number; neededBy?: string; analysis?: DpgAnalysis },
): Promise<SupplierMatch[]> {
  const facts = factsOf(dpg);
  const analysis = options.analysis ?? analyzeDpg(facts);
  const neededBy = options.neededBy ?? facts.data.target_delivery;
  return matchSuppliers(facts, {
    quantity: facts.data.quantities?.total ?? options.fallbackQuantity, today: deps.clock.now().toISOString().slice(0, 10),
    requiredCertifications: requiredCertifications(dpg), processes: analysis.manufacturability.methods.map((m) => m.name),
    ...(neededBy ? { neededBy } : {}),
  }, await listSuppliers(deps.db, ctx));
}
