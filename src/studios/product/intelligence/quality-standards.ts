import type { DpgFacts, ProductCategory } from '../dpg-data.ts';
import type { SpecSignals } from './spec-signals.ts';

export type Relevance = 'high' | 'medium' | 'low';
export interface QualityStandard { standard: string; relevance: Relevance; description: string }
export interface QualityTest { test: string; description: string }
export type InspectionStage = 'incoming' | 'in_process' | 'pre_shipment';
export interface InspectionPoint { stage: InspectionStage; point: string; method: string }

interface Entry { standard: QualityStandard; test?: QualityTest; when?: (facts: DpgFacts, s: SpecSignals) => boolean }

const std = (standard: string, relevance: Relevance, description: string, test?: QualityTest, when?: Entry['when']): Entry =>
  ({ standard: { standard, relevance, description }, ...(test ? { test } : {}), ...(when ? { when } : {}) });

export const commonStandards: Entry[] = [
  std('ISO 9001', 'high', 'Supplier quality management system: ask for a valid certificate from an accredited registrar.'),
  std('ISO 2859-1', 'high', 'Acceptance sampling by attributes for lot inspection (AQL plan below).'),
  std('ISTA 2A / ASTM D4169', 'medium', 'Transit simulation of the packed product (vibration, drop, compression) before the first shipment.',
    { test: 'Packaged-product transit test', description: 'ISTA 2A (or ASTM D4169) on shipper cartons: drops, vibration and compression; product must arrive undamaged.' }),
];

export const categoryStandards: Record<ProductCategory, Entry[]> = {
  phone_accessory: [
    std('Device fit check', 'high', 'Every device model: buttons, ports and camera cut-out aligned, case stays on.', { test: 'Fit and function on each device model', description: 'Fit the case on real devices of each model; check buttons, ports, camera ring and retention.' }),
    std('ASTM D3359', 'medium', 'Adhesion of printed or coated logos (cross-cut tape test).', { test: 'Print adhesion (tape test)', description: 'ASTM D3359 cross-cut tape test on the printed or coated area.' }),
    std('ASTM G154', 'medium', 'UV exposure of clear or light TPU, which yellows.', { test: 'UV yellowing', description: 'ASTM G154 fluorescent UV exposure, compare colour before and after.' }, (f, s) => /clear|transparent|white/.test(s.text) || f.data.case_style === 'clear'),
    std('MIL-STD-810H Method 516.8', 'low', 'Shock/drop procedure. Cite it only when tested to it and the claim states the procedure and height.', { test: 'Drop test (MIL-STD-810H 516.8 procedure IV)', description: 'Transit-drop procedure with the device fitted, as the basis for any drop claim.' }, (_f, s) => /mil-?std|810|drop (test|proof|protection)|military/.test(s.text)),
  ],
  apparel: [
    std('ISO 105-C06 / AATCC 61', 'high', 'Colour fastness to domestic laundering.', { test: 'Colour fastness to washing', description: 'ISO 105-C06 (AATCC 61 for US buyers); grade 4 or better for change and staining is common.' }),
    std('ISO 105-X12 / AATCC 8', 'high', 'Colour fastness to rubbing (crocking), dry and wet.', { test: 'Colour fastness to rubbing', description: 'ISO 105-X12 crockmeter, dry and wet.' }),
    std('ISO 6330 + ISO 5077', 'high', 'Dimensional change (shrinkage) after home laundering.', { test: 'Shrinkage', description: 'Wash per ISO 6330, measure per ISO 5077; knits commonly within ±5%.' }),
    std('ISO 13934-1', 'medium', 'Tensile strength of woven fabric (strip method).', { test: 'Fabric tensile strength', description: 'ISO 13934-1 strip test on woven fabric.' }, (_f, s) => !/\b(jersey|fleece|knit|rib)\b/.test(s.text)),
    std('ISO 13938-2', 'medium', 'Bursting strength of knitted fabric (pneumatic).', { test: 'Bursting strength', description: 'ISO 13938-2 on knit fabric.' }, (f, s) => /\b(jersey|fleece|knit|rib)\b/.test(s.text) || ['t_shirt', 'hoodie', 'sweatshirt', 'polo'].includes(f.data.garment_type ?? '')),
    std('ISO 12945-2', 'medium', 'Pilling resistance (Martindale), important for fleece and knits.', { test: 'Pilling', description: 'ISO 12945-2 Martindale pilling, grade 3-4 or better.' }),
    std('ISO 3801', 'medium', 'Fabric mass per unit area (gsm) against the specification.', { test: 'Fabric weight', description: 'ISO 3801 gsm check against the DPG fabric weight.' }, (f) => f.data.fabric_weight_gsm !== undefined),
  ],
  bag: [
    std('Handle and strap load test', 'high', 'Static load on handles and straps (internal method, e.g. 3x the rated load for 24 h).', { test: 'Handle/strap static load', description: 'Hang 3x the rated load from each handle or strap for 24 h; no seam slippage or tearing.' }),
    std('ISO 13934-1', 'medium', 'Tensile strength of the shell fabric.', { test: 'Fabric tensile strength', description: 'ISO 13934-1 strip test.' }, (_f, s) => s.families.includes('textile')),
    std('EN 16732', 'medium', 'Slide fasteners (zips): strength and operation.', { test: 'Zip strength and operation', description: 'EN 16732 crosswise strength and slider operation.' }, (_f, s) => s.zipper),
    std('ISO 105-X12', 'medium', 'Colour fastness to rubbing of the outer material.', { test: 'Colour fastness to rubbing', description: 'ISO 105-X12 crockmeter, dry and wet.' }),
  ],
  drinkware: [
    std('EN 12546-1', 'high', 'Vacuum vessels and insulated containers for domestic use: heat retention, leakage, stability.', { test: 'Heat retention', description: 'EN 12546-1: fill with hot water, measure the temperature after the stated time; 100% in-line temperature check for vacuum loss.' }, (f) => f.data.insulation === 'double_wall_vacuum' || f.data.insulation === 'double_wall'),
    std('Leak test', 'high', 'Lid and seal tightness, inverted when filled.', { test: 'Leak test', description: 'Fill, close, invert and shake; no leakage at the lid.' }),
    std('EN 12875-1', 'medium', 'Mechanical dishwashing resistance (for a "dishwasher safe" claim).', { test: 'Dishwasher resistance', description: 'EN 12875-1 cycles; check finish and print.' }),
    std('ASTM D3359', 'medium', 'Adhesion of powder coat or print.', { test: 'Coating adhesion', description: 'ASTM D3359 cross-cut tape test.' }, (_f, s) => s.coating || /powder|paint|print/.test(s.text)),
  ],
  hard_good: [
    std('ISO 2768-1', 'medium', 'General tolerances for untoleranced dimensions (class m unless stated).'),
    std('IEC 62368-1', 'high', 'Safety of audio/video and ICT equipment.', { test: 'Electrical safety', description: 'IEC 62368-1 by an accredited laboratory.' }, (_f, s) => s.electronic),
    std('IEC 62133-2 / UN 38.3', 'high', 'Lithium battery safety and transport testing.', { test: 'Battery safety and transport', description: 'IEC 62133-2 cell/pack safety and UN 38.3 transport tests with summary.' }, (_f, s) => s.battery),
    std('ASTM F963 / EN 71-1', 'high', 'Toy safety mechanical and physical tests.', { test: 'Toy mechanical tests', description: 'Small parts, sharp edges and points, use-and-abuse tests.' }, (_f, s) => s.toy),
  ],
};

export const inspectionPoints: Record<ProductCategory, InspectionPoint[]> = {
  phone_accessory: [
    { stage: 'incoming', point: 'Resin lot certificate', method: 'Check the CoA (grade, hardness Shore A) against the approved resin for each lot.' },
    { stage: 'in_process', point: 'First article after mould setup', method: 'Measure critical dimensions and fit on a device before releasing the run.' },
    { stage: 'in_process', point: 'Hourly moulding checks', method: 'Visual (short shots, flash, sink) and go/no-go fit gauge per cavity.' },
  ],
  apparel: [
    { stage: 'incoming', point: 'Fabric inspection', method: '4-point system (ASTM D5430) on at least 10% of rolls; shade band against the approved lab dip.' },
    { stage: 'in_process', point: 'During-production inspection', method: 'At 20-30% of production: measurements against the size spec, seams and stitch density.' },
  ],
  bag: [
    { stage: 'incoming', point: 'Fabric and hardware', method: 'Roll inspection (4-point system) and hardware samples against the approved trims.' },
    { stage: 'in_process', point: 'During-production inspection', method: 'At 20-30% of production: stitch density, bar-tacks at stress points, zip function.' },
  ],
  drinkware: [
    { stage: 'incoming', point: 'Steel grade verification', method: 'Mill certificate plus spot XRF check that the body is 304/316.' },
    { stage: 'in_process', point: 'Vacuum check', method: '100% heat-retention or temperature-difference test after evacuation.' },
    { stage: 'in_process', point: 'Coating thickness', method: 'Film thickness gauge on powder coat per batch.' },
  ],
  hard_good: [
    { stage: 'incoming', point: 'Components and materials', method: 'CoA/mill certificates; electronic components traceable to authorised distributors.' },
    { stage: 'in_process', point: 'First article inspection', method: 'Full dimensional report on the first parts after setup.' },
  ],
};

export function applicable(entries: Entry[], facts: DpgFacts, s: SpecSignals): Entry[] {
  return entries.filter((e) => !e.when || e.when(facts, s));
}
