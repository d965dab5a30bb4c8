import type { DpgData, DpgFacts, ProductCategory } from '../dpg-data.ts';
import { formatCount, humanize, joinWords } from './display-format.ts';
import type { RfqBlock } from './rfq-types.ts';

const mm = (value: number) => `${formatCount(value)} mm`;

function phoneAccessory(d: DpgData): string[] {
  const items: string[] = [];
  const models = d.device_models ?? [];
  items.push(models.length > 0
    ? `Device fit: one tooled variant per device model (${joinWords(models)}). Cavities, button and port openings must follow the device maker's published accessory dimensions and be verified on physical devices before samples are submitted.`
    : 'Device fit: the device models are confirmed with the order; cavities, button and port openings must follow the device maker\'s published accessory dimensions.');
  if (d.bezel_height_mm !== undefined) {
    items.push(`Screen protection: the front lip must stand ${mm(d.bezel_height_mm)} above the display glass (± 0.2 mm) so that the screen does not touch a flat surface when the phone lies face down.`);
  } else {
    items.push('Screen protection: state the height of the front lip above the display glass.');
  }
  const camera = d.camera_cutout;
  if (camera === 'full') items.push('Camera: full opening around the camera module with a raised rim of at least 0.5 mm above the lenses; no vignetting or flash reflection in photos taken with the case fitted.');
  else if (camera === 'lens_ring') items.push('Camera: individual lens rings aligned to each lens within ± 0.1 mm; no vignetting or flash reflection in photos taken with the case fitted.');
  else if (camera === 'covered') items.push('Camera: a camera cover that opens fully without tools and stays closed in a pocket; state the mechanism and its cycle life.');
  if (d.button_style === 'covered') items.push('Buttons: moulded button covers with a clear tactile click; actuation force comparable to the bare device.');
  else if (d.button_style === 'cutout') items.push('Buttons: open cut-outs giving unobstructed access to every button and switch.');
  if (d.case_style === 'clear') items.push('Clarity: use an anti-yellowing grade with UV stabiliser and state the expected colour change after accelerated UV ageing.');
  if (d.case_style === 'rugged') items.push('Drop protection: state the tested drop height and method (e.g. MIL-STD-810H Method 516.8, transit drop) and provide the test report.');
  items.push('Material: state the resin grade and supplier, the Shore hardness of flexible parts, and the surface finish (gloss, matte, soft-touch).');
  items.push('Wireless charging: the case must not prevent Qi / MagSafe charging where the device supports it; state the maximum wall thickness over the charging coil.');
  items.push('General tolerances: fit-critical features (device cavity, cut-outs) ± 0.10 mm; other moulded dimensions ± 0.20 mm unless a tolerance is given in section 2.');
  return items;
}

function apparel(d: DpgData): string[] {
  const items: string[] = [];
  const style = [d.garment_type && humanize(d.garment_type.replace('t_shirt', 'T-shirt')), d.fit && `${d.fit} fit`, d.neckline && `${humanize(d.neckline).toLowerCase()} neckline`, d.sleeves && (d.sleeves === 'sleeveless' ? 'sleeveless' : `${d.sleeves} sleeves`)]
    .filter((s): s is string => Boolean(s));
  if (style.length > 0) items.push(`Construction: ${style.join(', ')}${d.pockets && d.pockets !== 'none' ? `, ${humanize(d.pockets).toLowerCase()} pockets` : ''}${d.closure && d.closure !== 'none' ? `, ${humanize(d.closure).toLowerCase()} closure` : ''}.`);
  items.push(d.sizes && d.sizes.length > 0
    ? `Sizes and grading: ${d.sizes.join(', ')}. Provide a graded measurement chart for every size with the quotation; grading increments are agreed at the sample stage.`
    : 'Sizes and grading: provide a graded measurement chart for the proposed size range.');
  items.push('Measurement tolerances: ± 1.0 cm on body length, chest and sleeve length; ± 0.5 cm on measurements under 10 cm.');
  if (d.fabric_weight_gsm !== undefined) items.push(`Fabric weight: ${formatCount(d.fabric_weight_gsm)} g/m² ± 5%, fibre composition as in section 2.`);
  items.push('Tests before bulk production: colour fastness to washing (ISO 105-C06) and rubbing (ISO 105-X12), dimensional change after washing (ISO 5077, at most 3%), seam strength (ISO 13935-2) and pilling (ISO 12945-2).');
  items.push('Care and fibre labelling to the rules of each destination market (e.g. EU Regulation 1007/2011, US Textile Fiber Products Identification Act, ISO 3758 care symbols).');
  return items;
}

function bag(d: DpgData): string[] {
  const items: string[] = [];
  const build = [d.bag_type && humanize(d.bag_type), d.capacity_l !== undefined && `${formatCount(d.capacity_l)} L capacity (± 5%)`, d.closure && `${d.closure} closure`]
    .filter((s): s is string => Boolean(s));
  if (build.length > 0) items.push(`Construction: ${build.join(', ')}.`);
  if (d.straps) items.push(`Straps and handles: ${d.straps}. Attachments must hold three times the rated load for one hour without seam slippage or tearing.`);
  else items.push('Straps and handles: attachments must hold three times the rated load for one hour without seam slippage or tearing.');
  items.push('Seams and hardware: seam strength tested to ISO 13935-2; zips, buckles and magnets named by brand and grade in the quotation; edges bound or folded with no raw cut edges visible.');
  items.push('State the water resistance of the main fabric and coating (e.g. hydrostatic head) where the bag is sold as water-resistant.');
  return items;
}

function drinkware(d: DpgData): string[] {
  const items: string[] = [];
  if (d.capacity_ml !== undefined) items.push(`Capacity: ${formatCount(d.capacity_ml)} ml nominal fill (± 3%); state the brim-full capacity.`);
  if (d.insulation === 'double_wall_vacuum') items.push('Insulation: vacuum between the walls; state the temperature after 6 and 12 hours when filled with water at 95 °C at 20 °C ambient, and the test method. No condensation on the outer wall with iced contents.');
  else if (d.insulation) items.push(`Insulation: ${humanize(d.insulation).toLowerCase()}.`);
  items.push(`Lid${d.lid_type ? ` (${d.lid_type})` : ''}: no leakage when filled and held inverted for 30 minutes; seals replaceable and made of food-grade silicone or equivalent.`);
  if (d.finish) items.push(`Finish: ${d.finish}; coating adhesion tested by cross-cut (ISO 2409, class 0-1) and resistant to hand washing.`);
  items.push('Dishwasher claims, if any, must be supported by a test to EN 12875-1 with the number of cycles passed.');
  items.push('Food-contact surfaces: declaration of compliance and migration test reports for the destination markets (FDA 21 CFR, EU 1935/2004 and 10/2011 for plastics, LFGB).');
  return items;
}

function hardGood(d: DpgData): string[] {
  const items: string[] = [];
  items.push(d.process ? `Process: ${d.process}. Propose any process change that lowers cost without affecting the specification.` : 'Process: propose the manufacturing process and state its main steps.');
  if (d.weight_g !== undefined) items.push(`Weight: ${formatCount(d.weight_g)} g ± 5%.`);
  items.push('General tolerances: ISO 2768-1 class m for machined features and ISO 20457 for moulded plastic parts, unless a tolerance is given in section 2.');
  items.push('Provide a design-for-manufacture (DFM) review covering draft angles, wall thickness, parting lines and gate or weld locations before tooling starts.');
  return items;
}

const byCategory: Record<ProductCategory, (d: DpgData) => string[]> = {
  phone_accessory: phoneAccessory, apparel, bag, drinkware, hard_good: hardGood,
};

/** Section 3: what the category needs beyond the spec sheet, plus the requirements every product shares. */
export function technicalBlocks(facts: DpgFacts): RfqBlock[] {
  const d = facts.data;
  const blocks: RfqBlock[] = [
    { kind: 'paragraph', text: 'The following technical requirements apply in addition to the specification in section 2. Where a requirement cannot be met, the quotation must say so and propose an alternative.' },
    { kind: 'bullets', items: byCategory[facts.category](d) },
  ];
  const toleranced = (d.dimensions ?? []).filter((dim) => dim.toleranceMm !== undefined);
  if (toleranced.length > 0) {
    blocks.push({ kind: 'paragraph', text: 'Critical dimensions and tolerances:' });
    blocks.push({ kind: 'table', header: ['Dimension', 'Nominal', 'Tolerance'], rows: toleranced.map((dim) => [dim.name, mm(dim.mm), `± ${mm(dim.toleranceMm ?? 0)}`]) });
  }
  const common: string[] = [];
  if (d.logo) {
    common.push(`Branding: ${d.logo.method ?? 'decoration method to be proposed'}${d.logo.placement ? `, ${d.logo.placement}` : ''}${d.logo.widthMm !== undefined ? `, ${mm(d.logo.widthMm)} wide` : ''}; artwork supplied as vector files; colour matched to the Pantone references in section 2; no peeling after a tape adhesion test.`);
  }
  if (d.electronic) common.push('Electrical parts: compliant with RoHS (2011/65/EU), WEEE (2012/19/EU) and EMC (2014/30/EU) for the EU and FCC Part 15 for the US; batteries, if any, tested to UN 38.3.');
  if (d.for_children) common.push('Children\'s product: tested to CPSIA (US) and EN 71-1/2/3 (EU) by an accredited laboratory; no small parts that detach under the standard\'s torque and tension tests.');
  common.push('Colour approval: colours are matched to the references in section 2 under D65 light; lab dips or colour chips are approved before bulk production.');
  common.push('Changes: no change to materials, sub-suppliers or process after sample approval without the buyer\'s written consent.');
  blocks.push({ kind: 'paragraph', text: 'Requirements for all production:' }, { kind: 'bullets', items: common });
  return blocks;
}
