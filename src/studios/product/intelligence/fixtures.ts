import type { DpgFacts } from '../dpg-data.ts';

/** Realistic DPGs used by the intelligence tests. */
export const phoneCase: DpgFacts = {
  title: 'Slim TPU case', category: 'phone_accessory', summary: 'A slim protective case for iPhone 14 and 15 with a printed logo.',
  data: {
    materials: [{ name: 'TPU', family: 'plastic' }],
    dimensions: [{ name: 'length', mm: 150, toleranceMm: 0.1 }, { name: 'wall', mm: 1.2, toleranceMm: 0.05 }],
    colors: [{ name: 'Black', pantone: 'Black C' }, { name: 'Clear' }],
    quantities: { total: 1000, split: [{ label: 'iPhone 14', quantity: 500 }, { label: 'iPhone 15', quantity: 500 }] },
    device_models: ['iPhone 14', 'iPhone 15'], case_style: 'slim', target_markets: ['US', 'EU'],
    logo: { method: 'UV print', placement: 'back', widthMm: 30 },
  },
};

export const hoodie: DpgFacts = {
  title: 'Heavyweight hoodie', category: 'apparel', summary: 'A 320 gsm cotton fleece pullover hoodie with kangaroo pocket and embroidered chest logo.',
  data: {
    materials: [{ name: 'Cotton fleece', family: 'textile', share: 0.8 }, { name: 'Polyester', family: 'textile', share: 0.2 }],
    dimensions: [{ name: 'chest (M)', mm: 560, toleranceMm: 10 }],
    colors: [{ name: 'Heather grey' }, { name: 'Navy', pantone: '19-4024 TCX' }],
    quantities: { total: 500 }, garment_type: 'hoodie', neckline: 'hood', pockets: 'kangaroo', sizes: ['S', 'M', 'L', 'XL'],
    fabric_weight_gsm: 320, logo: { method: 'embroidery', placement: 'chest', widthMm: 80 }, target_markets: ['US', 'EU'],
  },
};

export const bottle: DpgFacts = {
  title: 'Insulated bottle', category: 'drinkware', summary: 'A 500 ml vacuum-insulated stainless bottle with a powder-coated finish.',
  data: {
    materials: [{ name: '18/8 stainless steel (304)', family: 'metal' }, { name: 'PP lid', family: 'plastic' }, { name: 'Silicone seal', family: 'rubber' }],
    dimensions: [{ name: 'height', mm: 260, toleranceMm: 0.5 }, { name: 'diameter', mm: 73 }],
    colors: [{ name: 'Matte black' }], quantities: { total: 2000 },
    vessel_type: 'bottle', capacity_ml: 500, insulation: 'double_wall_vacuum', lid_type: 'screw cap', finish: 'powder coat',
    food_contact: true, logo: { method: 'laser engraving' }, target_markets: ['US', 'DE'],
  },
};

export const speaker: DpgFacts = {
  title: 'Bluetooth speaker', category: 'hard_good', summary: 'A portable Bluetooth speaker with a rechargeable lithium battery.',
  data: {
    materials: [{ name: 'ABS', family: 'plastic' }, { name: 'Silicone', family: 'rubber' }, { name: 'Aluminium grille', family: 'metal' }],
    dimensions: [{ name: 'diameter', mm: 90, toleranceMm: 0.1 }], quantities: { total: 1000 },
    electronic: true, process: 'injection moulding', weight_g: 350, target_markets: ['EU'],
  },
};

export const woodenToy: DpgFacts = {
  title: 'Stacking toy', category: 'hard_good', summary: 'A painted wooden stacking toy for toddlers.',
  data: {
    materials: [{ name: 'Beech wood', family: 'wood' }, { name: 'Water-based paint', notes: 'painted finish' }],
    dimensions: [{ name: 'height', mm: 180 }], quantities: { total: 500 },
    for_children: true, process: 'CNC routing', weight_g: 400, target_markets: ['US'],
  },
};
