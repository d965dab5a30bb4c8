import type { DpgFacts, ProductCategory } from '../dpg-data.ts';
import type { SpecSignals } from './spec-signals.ts';

export type Impact = 'cost' | 'quality' | 'timeline';
export interface Recommendation { type: 'optimization' | 'alternative' | 'risk'; description: string; impact: Impact }
export interface FactorHit {
  factor: string;
  points: number;
  explanation: string;
  /** Counts towards product complexity (quantity and missing-data factors do not). */
  complexity: boolean;
  challenge?: { issue: string; reason: string };
  recommendation?: Recommendation;
}

/** Starting score per category: how mature and widely available the usual process is. */
export const categoryBaselines: Record<ProductCategory, { points: number; why: string }> = {
  phone_accessory: { points: 80, why: 'Moulded phone cases are a mature, highly automated process with many qualified suppliers.' },
  apparel: { points: 78, why: 'Cut-and-sew apparel is mature and widely sourced, but labour intensive and size dependent.' },
  bag: { points: 75, why: 'Sewn bags are widely sourced but combine fabric, trims and hardware from several suppliers.' },
  drinkware: { points: 72, why: 'Drinkware needs specialised forming lines (deep drawing, welding) and food-contact control.' },
  hard_good: { points: 65, why: 'Hard goods span many processes; the baseline is lower until the process is known.' },
};

/** Dimensional tolerance a typical supplier holds without special process control, in mm. */
export const typicalToleranceMm: Record<ProductCategory, number> = {
  phone_accessory: 0.1, hard_good: 0.1, drinkware: 0.2, bag: 3, apparel: 6,
};

const toolingHeavy = (c: ProductCategory): boolean => c === 'phone_accessory' || c === 'hard_good' || c === 'drinkware';

type FactorRule = (facts: DpgFacts, s: SpecSignals) => FactorHit | null;

const tolerance: FactorRule = (facts, s) => {
  if (s.tightestToleranceMm === null) return null;
  const typical = typicalToleranceMm[facts.category];
  if (s.tightestToleranceMm >= typical) return null;
  const veryTight = s.tightestToleranceMm < typical / 2;
  return {
    factor: veryTight ? 'Very tight tolerance' : 'Tight tolerance',
    points: veryTight ? -12 : -6,
    explanation: `Tightest tolerance ±${s.tightestToleranceMm} mm is below the ±${typical} mm a typical ${facts.category.replace('_', ' ')} supplier holds; it needs process control, gauges and more rejects.`,
    complexity: true,
    challenge: { issue: 'Tolerance capability', reason: `±${s.tightestToleranceMm} mm needs a capable supplier (Cpk study) and inspection fixtures.` },
    recommendation: { type: 'optimization', description: `Keep ±${s.tightestToleranceMm} mm only on fit-critical features and relax the rest to ±${typical} mm.`, impact: 'cost' },
  };
};

const manyMaterials: FactorRule = (_facts, s) => {
  if (s.materials.length <= 3) return null;
  const points = -Math.min(12, (s.materials.length - 3) * 3);
  return {
    factor: 'Many materials', points, complexity: true,
    explanation: `${s.materials.length} materials: each one past three adds a supplier, a process or a joining step (-3 each, at most -12).`,
    recommendation: { type: 'optimization', description: 'Consolidate materials where they do not change function or feel.', impact: 'cost' },
  };
};

const materialMismatch: FactorRule = (facts, s) => {
  const d = facts.data;
  if (facts.category === 'phone_accessory' && s.materials.length && (d.case_style === 'bumper' || d.case_style === 'rugged' || d.case_style === 'slim')
      && !s.materials.some((m) => m.flexible === true) && s.materials.some((m) => m.flexible === false)) {
    const rigid = s.materials.filter((m) => m.flexible === false).map((m) => m.name).join(', ');
    return {
      factor: 'Rigid material for a flexible case', points: -15, complexity: true,
      explanation: `A ${d.case_style} case must flex over the phone's edges to fit, but ${rigid} is rigid: it cracks or cannot be fitted.`,
      challenge: { issue: 'Material/process mismatch', reason: `${rigid} cannot stretch over the device for a ${d.case_style} case.` },
      recommendation: { type: 'alternative', description: 'Use TPU, or a PC back with a TPU bumper (two-shot moulding).', impact: 'quality' },
    };
  }
  if (facts.category === 'drinkware' && d.insulation === 'double_wall_vacuum' && s.materials.length && !s.families.includes('metal')) {
    return {
      factor: 'Vacuum insulation without metal', points: -20, complexity: true,
      explanation: 'Vacuum-insulated vessels need a welded stainless (or titanium) double wall; plastics outgas and cannot hold a vacuum.',
      challenge: { issue: 'Material/process mismatch', reason: 'The materials given cannot hold a vacuum between the walls.' },
      recommendation: { type: 'alternative', description: 'Use 18/8 (304) stainless steel for both walls, or drop to a non-vacuum double wall.', impact: 'quality' },
    };
  }
  if (facts.category === 'apparel' && s.materials.length && !s.families.includes('textile')) {
    return {
      factor: 'Non-textile garment material', points: -15, complexity: true,
      explanation: 'No textile material is listed for a garment; cut-and-sew needs a fabric.',
      challenge: { issue: 'Material/process mismatch', reason: 'Garments are sewn from fabric.' },
      recommendation: { type: 'alternative', description: 'Specify the fabric (fibre, knit or weave, weight in gsm).', impact: 'quality' },
    };
  }
  return null;
};

const softTouch: FactorRule = (_f, s) => s.softTouch ? {
  factor: 'Soft-touch finish', points: -5, complexity: true,
  explanation: 'Soft-touch coatings add a spray-and-cure step, wear at edges and can turn sticky with sweat and heat.',
  challenge: { issue: 'Coating durability', reason: 'Soft-touch coatings need abrasion and sweat-resistance testing.' },
  recommendation: { type: 'alternative', description: 'Use a textured mould finish (e.g. a fine matte texture) instead of a sprayed soft-touch coat.', impact: 'quality' },
} : null;

const quantityVsTooling: FactorRule = (facts, s) => {
  if (s.quantity === null) return null;
  const q = s.quantity;
  if (toolingHeavy(facts.category) && q < 1000) {
    const small = q < 500;
    return {
      factor: 'Small quantity versus tooling', points: small ? -10 : -5, complexity: false,
      explanation: `${q} units carry the full mould or die cost; tooled processes usually pay off from about 1,000 units.`,
      challenge: { issue: 'Tooling amortisation', reason: `Tooling spread over only ${q} units dominates the unit cost.` },
      recommendation: { type: 'alternative', description: 'Use a supplier\'s existing open mould, aluminium soft tooling, or urethane casting / 3D printing for this first run.', impact: 'cost' },
    };
  }
  if (!toolingHeavy(facts.category) && q < 300) {
    return {
      factor: 'Below typical sewing MOQ', points: q < 100 ? -8 : -4, complexity: false,
      explanation: `${q} units is below the 300 pieces per style and colour most cut-and-sew factories quote as a minimum order.`,
      recommendation: { type: 'alternative', description: 'Use a small-batch or print-on-blank supplier, or reduce colourways.', impact: 'cost' },
    };
  }
  if (q > 100_000) {
    return {
      factor: 'Very large quantity', points: -5, complexity: false,
      explanation: `${q.toLocaleString('en-US')} units needs multi-cavity tools or several lines and a supplier with proven capacity.`,
      challenge: { issue: 'Capacity', reason: 'One line or mould rarely delivers this volume on time.' },
      recommendation: { type: 'optimization', description: 'Qualify two suppliers or order multi-cavity/duplicate tooling.', impact: 'timeline' },
    };
  }
  if (q >= 1000) return { factor: 'Economic order quantity', points: 5, complexity: false, explanation: `${q.toLocaleString('en-US')} units is a comfortable run for one supplier: tooling and setup are spread well.` };
  return null;
};

const colours: FactorRule = (_f, s) => {
  if (s.colourCount <= 1 && s.pantoneCount === 0) return null;
  const points = -Math.min(8, Math.max(0, s.colourCount - 1) * 2) - (s.pantoneCount ? 2 : 0);
  if (points === 0) return null;
  return {
    factor: 'Multiple colours', points, complexity: true,
    explanation: `${s.colourCount} colours: each extra colourway is a separate run, screen or dye lot (-2 each, at most -8)${s.pantoneCount ? '; Pantone matches need colour approval (-2)' : ''}.`,
    recommendation: s.pantoneCount
      ? { type: 'risk', description: 'Approve lab dips or colour chips against the Pantone references before bulk, with a ΔE tolerance.', impact: 'timeline' }
      : { type: 'optimization', description: 'Launch in fewer colourways to raise quantity per colour.', impact: 'cost' },
  };
};

const deviceModels: FactorRule = (facts, s) => {
  if (facts.category !== 'phone_accessory' || s.deviceModelCount < 2) return null;
  return {
    factor: 'Several device models', points: -Math.min(12, (s.deviceModelCount - 1) * 4), complexity: true,
    explanation: `${s.deviceModelCount} device models: each needs its own mould, fit samples and a share of the quantity (-4 per extra model, at most -12).`,
    challenge: { issue: 'One mould per device model', reason: `${s.deviceModelCount} moulds multiply tooling cost and split the order.` },
    recommendation: { type: 'optimization', description: 'Start with the highest-volume model, or choose models that share a body (same dimensions) to share a mould.', impact: 'cost' },
  };
};

const insulation: FactorRule = (facts) => {
  const ins = facts.data.insulation;
  if (ins === 'double_wall_vacuum') return {
    factor: 'Vacuum insulation', points: -8, complexity: true,
    explanation: 'Vacuum insulation adds double-wall welding, evacuation and a 100% heat-retention leak test.',
    challenge: { issue: 'Vacuum integrity', reason: 'A leaking weld loses insulation; every unit needs a temperature test.' },
  };
  if (ins === 'double_wall') return { factor: 'Double-wall construction', points: -4, complexity: true, explanation: 'Two walls must be formed and joined.' };
  return null;
};

const zipper: FactorRule = (facts, s) => (s.zipper && (facts.category === 'apparel' || facts.category === 'bag')) ? {
  factor: 'Zips', points: -4, complexity: true,
  explanation: 'Zip insertion adds sewing operations and a functional QC point (run, pull strength).',
  recommendation: { type: 'optimization', description: 'Specify zip type, gauge and brand (e.g. #5 coil) in the tech pack.', impact: 'quality' },
} : null;

const children: FactorRule = (_f, s) => s.forChildren ? {
  factor: "Children's product", points: -5, complexity: true,
  explanation: 'Products for children under 12 need third-party testing and stricter design rules (lead, small parts, drawstrings).',
  recommendation: { type: 'risk', description: 'Plan 2-3 weeks for accredited third-party testing before shipment.', impact: 'timeline' },
} : null;

const electronics: FactorRule = (_f, s) => s.electronic ? {
  factor: s.radio ? 'Electronics with radio' : 'Electronics', points: s.radio ? -17 : -12, complexity: true,
  explanation: `Electronics add PCBA sourcing, firmware and EMC/safety certification${s.radio ? ', plus radio certification (RED, FCC ID)' : ''}${s.battery ? '; batteries add transport rules (UN 38.3)' : ''}.`,
  challenge: { issue: 'Certification', reason: s.radio ? 'Radio products need FCC ID / RED testing before sale.' : 'EMC and safety testing are needed before sale.' },
  recommendation: { type: 'risk', description: 'Book EMC/safety (and radio) pre-scans on the EVT build, before tooling is frozen.', impact: 'timeline' },
} : null;

const foodContact: FactorRule = (_f, s) => s.foodContact ? {
  factor: 'Food contact', points: -3, complexity: true,
  explanation: 'Food-contact parts need food-grade materials, supplier declarations and migration testing.',
} : null;

const sizes: FactorRule = (facts) => {
  const n = facts.data.sizes?.length ?? 0;
  return n > 6 ? { factor: 'Many sizes', points: -3, complexity: true, explanation: `${n} sizes: grading, markers and a size split of the quantity.` } : null;
};

export const factorRules: FactorRule[] = [
  tolerance, manyMaterials, materialMismatch, softTouch, quantityVsTooling, colours, deviceModels, insulation, zipper, children, electronics, foodContact, sizes,
];
