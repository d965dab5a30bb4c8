import { z } from 'zod';
import { productCategories } from '../dpg-data.ts';

/** A manufacturer in the workspace's supplier directory, as entered through the API, the UI or a CSV file. */
export const supplierInput = z.object({
  name: z.string().trim().min(1).max(200),
  /** ISO 3166-1 alpha-2. */
  country: z.string().trim().regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as CN').transform((c) => c.toUpperCase()),
  city: z.string().trim().min(1).max(100).optional(),
  categories: z.array(z.enum(productCategories)).min(1).max(productCategories.length),
  /** Processes the factory runs: "injection moulding", "cut and sew", "screen printing". */
  capabilities: z.array(z.string().trim().min(1).max(80)).max(50).default([]),
  certifications: z.array(z.string().trim().min(1).max(60)).max(30).default([]),
  moq: z.number().int().positive(),
  leadTimeDays: z.number().int().positive().max(730),
  rating: z.number().min(0).max(5),
  contactEmail: z.email().optional(),
});
export type SupplierInput = z.infer<typeof supplierInput>;
export type Supplier = SupplierInput & { id: string };

export interface SupplierMatch {
  supplierId: string;
  name: string;
  country: string;
  /** 0..1 */
  score: number;
  /** Why the supplier fits, in plain words. */
  reasons: string[];
  /** What it lacks for this product. */
  gaps: string[];
}
