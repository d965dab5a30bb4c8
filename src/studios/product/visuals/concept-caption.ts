import type { DesignParams } from './design-params.ts';

const placementWords: Record<string, string> = { centre: 'centred', top: 'high', bottom: 'low', left: 'left', right: 'right' };

/** A one-sentence summary of what makes this variant itself. */
export function conceptCaption(params: DesignParams): string {
  const parts: string[] = [];
  const logo = params.logo;
  const logoText = logo.present ? `${placementWords[logo.placement]} ${Math.round(logo.widthMm)} mm logo${logo.face === 'back' && params.category !== 'phone_accessory' ? ' on the back' : ''}` : 'no logo';
  if (params.phoneCase) {
    const p = params.phoneCase;
    parts.push(`${p.caseStyle} case for ${p.deviceLabel}`, `${p.bezelHeightMm} mm bezel lip`, `R ${p.cornerRadiusMm} corners`);
    if (p.frame === 'accent_bumper') parts.push('contrast bumper frame');
    if (p.gripRidges) parts.push('grip ridges');
    parts.push(p.camera.kind === 'lens_ring' ? 'lens rings' : p.camera.kind === 'covered' ? 'covered camera' : 'open camera cutout', `${p.buttons} buttons`);
  } else if (params.apparel) {
    const a = params.apparel;
    parts.push(a.garment.replace('_', '-'), a.neckline.replace('_', ' '), `${a.sleeves} ${a.sleeveConstruction === 'raglan' ? 'raglan ' : ''}sleeves`);
    if (a.closure !== 'none') parts.push(a.closure.replace('_', ' '));
    if (a.pockets !== 'none') parts.push(`${a.pockets.replace('_', ' ')} pocket${a.pockets === 'kangaroo' ? '' : 's'}`);
    if (a.contrastPanels) parts.push('accent panels');
  } else if (params.bag) {
    const b = params.bag;
    parts.push(`${b.capacityL} L ${b.bagType}`, `${b.closure} closure`, b.straps.kind === 'none' ? 'no straps' : b.straps.kind);
    if (b.frontPocket !== 'none') parts.push(`${b.frontPocket} front pocket`);
    if (b.contrastBase) parts.push('contrast base');
  } else if (params.drinkware) {
    const d = params.drinkware;
    parts.push(`${d.capacityMl} ml ${d.vessel}`, d.lid === 'none' ? 'open rim' : `${d.lid} lid`, d.shape);
    if (d.handle !== 'none') parts.push(`${d.handle === 'loop' ? 'loop' : d.handle.toUpperCase()} handle`);
    if (d.accentBand) parts.push('accent band');
  } else if (params.hardGood) {
    const h = params.hardGood;
    parts.push(`${h.widthMm} × ${h.heightMm} × ${h.depthMm} mm`, `R ${h.cornerRadiusMm} corners`, `${h.edge} edges`);
    if (h.feet) parts.push('feet');
  }
  parts.push(logoText);
  const text = parts.join(', ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}
