import type { DpgData, DpgFacts, ProductCategory, RequiredSpecKey } from './dpg-data.ts';

const materialAdvice: Record<ProductCategory, { text: string; spec: DpgData['materials'] }> = {
  phone_accessory: { text: 'For phone cases I recommend flexible TPU (shock-absorbing, easy to mould, takes a soft-touch finish), or TPU with a polycarbonate back for a slimmer, stiffer case.', spec: [{ name: 'TPU', family: 'plastic' }] },
  apparel: { text: 'For hoodies and sweatshirts I recommend an 80/20 cotton/polyester brushed fleece around 320–380 gsm; 100% organic cotton if sustainability matters most.', spec: [{ name: 'cotton', family: 'textile', share: 0.8 }, { name: 'polyester', family: 'textile', share: 0.2 }] },
  bag: { text: 'For bags I recommend 600D recycled polyester with a PU coating, or 12 oz cotton canvas for totes.', spec: [{ name: 'recycled polyester', family: 'textile' }] },
  drinkware: { text: 'For bottles I recommend 18/8 (304) food-grade stainless steel, double-wall vacuum insulated, with a PP or bamboo lid.', spec: [{ name: '304 stainless steel', family: 'metal' }] },
  hard_good: { text: 'For most small hard goods I recommend ABS or PC/ABS injection moulding; aluminium where it must feel premium.', spec: [{ name: 'ABS', family: 'plastic' }] },
};

/** The question for the most critical missing spec, with advice for the category. */
export function specQuestion(key: RequiredSpecKey, facts: DpgFacts): string {
  const category = facts.category;
  switch (key) {
    case 'materials':
      return `${materialAdvice[category].text} What material would you like? (Or say "go with your recommendation".)`;
    case 'dimensions':
      return category === 'apparel'
        ? 'Which sizes do you need (for example S–XXL), and do you have a size chart with chest width and body length?'
        : 'What are the main dimensions (length × width × height, in mm, cm or inches)? If you have a sample or a reference product, its dimensions are perfect.';
    case 'quantities':
      return `What quantity are you planning for the first order${category === 'phone_accessory' ? ', and how does it split across device models' : category === 'apparel' ? ', and how does it split across sizes' : ''}? This sets the manufacturing approach and the price tiers.`;
    case 'colors':
      return 'Which colours should it come in? Give Pantone or hex codes if you need exact colour matching; otherwise names are fine.';
    case 'quality_standards':
      return 'Are there quality standards or certifications you need (for example ISO 9001 suppliers, drop-test claims, REACH/Prop 65 compliance, OEKO-TEX)? Say "your recommendation" and I will use the standard set for this product.';
    case 'packaging':
      return 'How should it be packed? For example an individual polybag, a printed retail box, or bulk master cartons — and any branding on the packaging.';
    case 'labeling':
      return `Which labels and branding must it carry? For example ${category === 'apparel' ? 'a woven neck label, care and content label, size label' : 'the logo (printed, embossed or debossed), a barcode label, country of origin'}.`;
  }
}

/** What "go with your recommendation" means for a spec. */
export function recommendedSpec(key: RequiredSpecKey, facts: DpgFacts): DpgData {
  switch (key) {
    case 'materials': return { materials: materialAdvice[facts.category].spec };
    case 'quality_standards': return { quality_standards: ['ISO 9001 certified supplier', 'AQL 2.5 major / 4.0 minor pre-shipment inspection (ISO 2859-1)'] };
    case 'packaging': return { packaging: { type: 'Individual recyclable polybag, packed in export master cartons', notes: 'recommended default' } };
    case 'labeling': return { labeling: ['Logo as designed', 'Country of origin', 'Barcode label on each unit pack'] };
    case 'colors': return { colors: [{ name: 'black', hex: '#000000' }] };
    default: return {};
  }
}
