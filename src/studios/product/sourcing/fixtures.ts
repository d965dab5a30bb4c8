import { crc32, deflateSync } from 'node:zlib';
import type { DpgData, DpgFacts } from '../dpg-data.ts';
import type { StoredQuote } from './quote-types.ts';

/** Realistic inputs for the sourcing tests. */
export const tpuPhoneCase: DpgFacts = {
  title: 'Slim TPU phone case',
  category: 'phone_accessory',
  summary: 'A slim, shock-absorbing TPU case for iPhone 15 and iPhone 15 Pro with a raised camera lip and a UV-printed logo.',
  data: {
    materials: [{ name: 'TPU (thermoplastic polyurethane), Shore 85A', family: 'plastic', share: 1, notes: 'anti-yellowing grade' }],
    dimensions: [
      { name: 'Case length (iPhone 15)', mm: 150.9, toleranceMm: 0.1 },
      { name: 'Case width (iPhone 15)', mm: 73.6, toleranceMm: 0.1 },
      { name: 'Wall thickness', mm: 1.2, toleranceMm: 0.05 },
      { name: 'Overall depth', mm: 10.4 },
    ],
    colors: [{ name: 'Midnight black', hex: '#1c1c1e', pantone: 'Black 6 C' }, { name: 'Frosted clear' }],
    quantities: { total: 10_000, split: [{ label: 'iPhone 15', quantity: 6000 }, { label: 'iPhone 15 Pro', quantity: 4000 }], tiers: [1000, 5000] },
    quality_standards: ['ISO 9001 quality management', 'AQL 2.5 major / 4.0 minor'],
    packaging: { type: 'Recycled kraft box with paper insert', notes: 'No plastic in retail packaging.' },
    labeling: ['Model compatibility printed on the box', 'Country of origin on the case and the box'],
    target_markets: ['US', 'EU'],
    target_delivery: '2027-02-15',
    target_unit_price: { amount: 2.5, currency: 'USD' },
    for_children: false,
    electronic: false,
    food_contact: false,
    logo: { placement: 'centre back', widthMm: 25, method: 'UV print' },
    device_models: ['iPhone 15', 'iPhone 15 Pro'],
    case_style: 'slim',
    bezel_height_mm: 1.2,
    camera_cutout: 'full',
    button_style: 'covered',
  },
};

/**
 * DpgData intersects the categories' fields, and apparel's `closure` enum and the bag's have no value
 * in common, so a typed DPG cannot hold a bag closure; the stored JSON can.
 */
const bagClosure = { closure: 'magnetic' } as unknown as Pick<DpgData, 'closure'>;

export const canvasTote: DpgFacts = {
  title: 'Canvas market tote',
  category: 'bag',
  summary: 'A heavy cotton canvas tote with long handles and an inside pocket.',
  data: {
    materials: [{ name: '12 oz cotton canvas', family: 'textile' }],
    dimensions: [{ name: 'Width', mm: 420 }, { name: 'Height', mm: 380 }],
    quantities: { total: 3000 },
    bag_type: 'tote', capacity_l: 20, straps: 'Two 65 cm webbing handles', ...bagClosure,
    logo: { method: 'screen printing', placement: 'front', widthMm: 200 },
  },
};

export const steelBottle: DpgFacts = {
  title: 'Insulated steel bottle',
  category: 'drinkware',
  summary: 'A 750 ml vacuum-insulated bottle.',
  data: {
    materials: [{ name: '18/8 stainless steel (304)', family: 'metal' }],
    quantities: { total: 2000 },
    vessel_type: 'bottle', capacity_ml: 750, insulation: 'double_wall_vacuum', lid_type: 'screw cap', finish: 'powder coat', food_contact: true,
  },
};

export const fleeceHoodie: DpgFacts = {
  title: 'Fleece hoodie',
  category: 'apparel',
  summary: 'A 320 gsm brushed fleece hoodie.',
  data: {
    materials: [{ name: 'Cotton', family: 'textile', share: 0.8 }, { name: 'Polyester', family: 'textile', share: 0.2 }],
    quantities: { total: 500 },
    garment_type: 'hoodie', sizes: ['S', 'M', 'L', 'XL'], fit: 'regular', neckline: 'hood', sleeves: 'long', pockets: 'kangaroo', fabric_weight_gsm: 320,
  },
};

export const speakerShell: DpgFacts = {
  title: 'Speaker shell',
  category: 'hard_good',
  summary: 'An injection-moulded ABS shell for a portable speaker.',
  data: { materials: [{ name: 'ABS', family: 'plastic' }], quantities: { total: 1000 }, process: 'injection moulding', weight_g: 180, electronic: true },
};

/** A solid-colour PNG (8-bit RGB), built by hand so tests need no image library. */
export function solidPng(width: number, height: number, rgb: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header), chunk('IDAT', deflateSync(pixels)), chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A quote as the store returns it. */
export function storedQuote(id: string, quote: Partial<StoredQuote> & Pick<StoredQuote, 'supplierName' | 'tiers' | 'leadTimeDays' | 'moq'>): StoredQuote {
  return {
    id, rfqId: 'rfq-1', supplierId: null, createdAt: '2026-12-10T09:00:00.000Z',
    currency: 'USD', toolingCost: 0, certifications: [], paymentTerms: '', notes: '',
    ...quote,
  };
}
