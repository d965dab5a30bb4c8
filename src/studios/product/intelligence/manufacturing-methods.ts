import type { DpgFacts } from '../dpg-data.ts';
import type { SpecSignals } from './spec-signals.ts';

export interface ManufacturingMethod { name: string; why: string }

const has = (s: SpecSignals, re: RegExp): boolean => s.materials.some((m) => re.test(m.name.toLowerCase())) || re.test(s.text);

function logoMethod(facts: DpgFacts, fallback: ManufacturingMethod): ManufacturingMethod {
  const method = facts.data.logo?.method?.toLowerCase() ?? '';
  if (/emboss|deboss/.test(method)) return { name: 'Embossing/debossing', why: `The logo is ${method}: a heated die or a mould insert forms it.` };
  if (/laser/.test(method)) return { name: 'Laser engraving', why: 'The logo is laser engraved: no screens or plates, cost per piece only.' };
  if (/embroider/.test(method)) return { name: 'Embroidery', why: 'The logo is embroidered: a one-time digitised stitch file, cost grows with stitch count.' };
  if (/uv/.test(method)) return { name: 'UV digital printing', why: 'The logo is UV printed: full colour without screens, suited to small runs.' };
  if (/pad/.test(method)) return { name: 'Pad printing', why: 'The logo is pad printed: one cliché (plate) per colour, suited to curved moulded surfaces.' };
  if (/screen|silk/.test(method)) return { name: 'Screen printing', why: 'The logo is screen printed: one screen per colour.' };
  if (/dtg|direct to garment/.test(method)) return { name: 'Direct-to-garment printing', why: 'The logo is printed DTG: no screens, higher cost per piece.' };
  if (/transfer|heat/.test(method)) return { name: 'Heat transfer', why: 'The logo is a heat transfer: printed film pressed onto the product.' };
  return fallback;
}

function phoneMethods(facts: DpgFacts, s: SpecSignals): ManufacturingMethod[] {
  const out: ManufacturingMethod[] = [];
  const tpu = has(s, /\b(tpu|tpe)\b/), pc = has(s, /\b(pc|polycarbonate)\b/), silicone = has(s, /\bsilicone\b/);
  if (tpu && pc) out.push({ name: 'Two-shot (2K) injection moulding / overmoulding', why: 'A rigid PC shell with a flexible TPU edge is moulded in two shots, or the TPU is overmoulded onto the PC part.' });
  else if (tpu) out.push({ name: 'TPU injection moulding', why: 'Flexible TPU cases are injection moulded in a steel mould; each device model needs its own cavity set.' });
  else if (pc) out.push({ name: 'PC injection moulding', why: 'Hard polycarbonate shells are injection moulded; each device model needs its own cavity set.' });
  if (silicone) out.push({ name: 'Liquid silicone rubber (LSR) moulding', why: 'Silicone cases are made by LSR injection or compression moulding.' });
  if (facts.data.case_style === 'folio' || s.families.includes('leather')) out.push({ name: 'Cutting and edge-finishing of folio/leather parts', why: 'Folio covers and leather skins are die-cut, laminated to the shell and edge-painted.' });
  if (!out.length) out.push({ name: 'Injection moulding', why: 'Phone cases are normally injection moulded; no material was specified, so TPU moulding is assumed.' });
  out.push(logoMethod(facts, { name: 'UV digital printing', why: 'No logo method given: UV printing is the common default on moulded cases.' }));
  return out;
}

function apparelMethods(facts: DpgFacts, s: SpecSignals): ManufacturingMethod[] {
  const out: ManufacturingMethod[] = [{ name: 'Cut-and-sew', why: 'Garments are cut from fabric by pattern (marker) and sewn on overlock, coverstitch and lockstitch machines.' }];
  if (has(s, /\b(jersey|fleece|knit|french terry|rib)\b/) || ['t_shirt', 'hoodie', 'sweatshirt', 'polo'].includes(facts.data.garment_type ?? '')) {
    out.push({ name: 'Circular knitting and piece dyeing (fabric mill)', why: 'Knit garments (tees, hoodies, sweats) use circular-knit jersey or fleece, dyed in the piece.' });
  }
  if (s.zipper) out.push({ name: 'Zip insertion', why: 'The closure or pockets use zips, an extra sewing operation and a critical QC point.' });
  out.push(logoMethod(facts, { name: 'Screen printing', why: 'No logo method given: screen printing is the usual default for apparel runs of 100+.' }));
  return out;
}

function bagMethods(facts: DpgFacts, s: SpecSignals): ManufacturingMethod[] {
  const out: ManufacturingMethod[] = [{ name: 'Cut-and-sew with bar-tack reinforcement', why: 'Bag panels are cut, sewn and reinforced with bar tacks at strap and handle stress points.' }];
  if (s.families.includes('leather')) out.push({ name: 'Leather clicking (die-cutting) and edge finishing', why: 'Leather parts are die-cut from hides and their edges painted or burnished.' });
  if (s.zipper) out.push({ name: 'Zip insertion', why: 'The bag closes with a zip, sewn into the top panel.' });
  if (s.families.includes('metal')) out.push({ name: 'Hardware attachment (rivets, buckles, D-rings)', why: 'Metal hardware is sourced and riveted or sewn in.' });
  out.push(logoMethod(facts, { name: 'Screen printing', why: 'No logo method given: screen printing is the usual default on textile bags.' }));
  return out;
}

function drinkwareMethods(facts: DpgFacts, s: SpecSignals): ManufacturingMethod[] {
  const out: ManufacturingMethod[] = [];
  if (s.families.includes('metal') || (!s.materials.length && facts.data.insulation === 'double_wall_vacuum')) {
    out.push({ name: 'Deep drawing or tube spinning of stainless steel', why: 'Stainless bodies are deep drawn from sheet or spun from welded tube, then trimmed and polished.' });
    if (facts.data.insulation === 'double_wall_vacuum') out.push({ name: 'Double-wall welding and vacuum sealing', why: 'Inner and outer walls are laser welded and evacuated (vacuum brazing with a getter), then leak tested.' });
  }
  if (s.families.includes('plastic')) out.push({ name: 'Injection (stretch) blow moulding', why: 'Plastic bottles and tumblers are injection or injection-stretch-blow moulded.' });
  if (s.families.includes('glass')) out.push({ name: 'Glass blowing/pressing and annealing', why: 'Glass vessels are blown or pressed and annealed to relieve stress.' });
  if (s.families.includes('ceramic')) out.push({ name: 'Slip casting or jiggering, glazing and kiln firing', why: 'Ceramic mugs are formed, glazed and fired.' });
  if (facts.data.lid_type || facts.data.vessel_type === 'bottle' || facts.data.vessel_type === 'tumbler') out.push({ name: 'Injection-moulded lid with silicone seal', why: 'Lids are injection moulded (usually PP) with an LSR gasket.' });
  if (/powder/.test(s.text)) out.push({ name: 'Powder coating', why: 'The finish is powder coat: sprayed and oven cured.' });
  if (!out.length) out.push({ name: 'Deep drawing of stainless steel', why: 'No material given: stainless steel is the common default for reusable drinkware.' });
  out.push(logoMethod(facts, { name: 'Laser engraving', why: 'No logo method given: laser engraving is the common default on coated or bare steel.' }));
  return out;
}

function hardGoodMethods(facts: DpgFacts, s: SpecSignals): ManufacturingMethod[] {
  const process = (facts.data.process ?? '').toLowerCase();
  const out: ManufacturingMethod[] = [];
  if (/inject|mould|mold/.test(process)) out.push({ name: 'Injection moulding', why: `The process given is "${facts.data.process}".` });
  else if (/cnc|machin|mill|lathe/.test(process)) out.push({ name: 'CNC machining', why: `The process given is "${facts.data.process}".` });
  else if (/die[- ]?cast|casting/.test(process)) out.push({ name: 'Die casting', why: `The process given is "${facts.data.process}".` });
  else if (/stamp|sheet|bend|press/.test(process)) out.push({ name: 'Sheet-metal stamping and bending', why: `The process given is "${facts.data.process}".` });
  else if (/3d|additive|print/.test(process)) out.push({ name: 'Additive manufacturing', why: `The process given is "${facts.data.process}".` });
  else if (s.families.includes('plastic')) out.push({ name: 'Injection moulding', why: 'Plastic hard goods at volume are normally injection moulded.' });
  else if (s.families.includes('metal')) out.push({ name: 'CNC machining or stamping', why: 'Metal hard goods are machined (low volume) or stamped/cast (high volume).' });
  else if (s.families.includes('wood')) out.push({ name: 'CNC routing and finishing', why: 'Wooden goods are CNC routed, sanded and oiled or lacquered.' });
  else if (s.families.includes('ceramic')) out.push({ name: 'Slip casting and kiln firing', why: 'Ceramic goods are slip cast, glazed and fired.' });
  else out.push({ name: 'To be determined', why: 'Neither a process nor a material family is given, so the forming method cannot be chosen.' });
  if (s.electronic) out.push({ name: 'PCBA (SMT) and final assembly with functional test', why: 'The product has electronics: boards are SMT assembled, then the unit is assembled and tested end of line.' });
  return out;
}

export function manufacturingMethods(facts: DpgFacts, s: SpecSignals): ManufacturingMethod[] {
  switch (facts.category) {
    case 'phone_accessory': return phoneMethods(facts, s);
    case 'apparel': return apparelMethods(facts, s);
    case 'bag': return bagMethods(facts, s);
    case 'drinkware': return drinkwareMethods(facts, s);
    case 'hard_good': return hardGoodMethods(facts, s);
  }
}
