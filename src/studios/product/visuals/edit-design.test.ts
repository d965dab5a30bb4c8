import { describe, expect, it } from 'vitest';
import type { DpgFacts } from '../dpg-data.ts';
import { designParamsFor, type DesignParams } from './design-params.ts';
import { applyDesignEdit } from './edit-design.ts';

const phone = designParamsFor({ title: 'Case', category: 'phone_accessory', summary: '', data: { device_models: ['iPhone 15 Pro'] } });
const apparel = (garment: 'hoodie' | 't_shirt' | 'polo') => designParamsFor({ title: garment, category: 'apparel', summary: '', data: { garment_type: garment } } satisfies DpgFacts);
const hoodie = apparel('hoodie');
const tee = apparel('t_shirt');

/** The single change of an instruction on one field, as [from, to]. */
function change(params: DesignParams, instruction: string, field: string): [unknown, unknown] | undefined {
  const found = applyDesignEdit(params, instruction).changes.find((c) => c.field === field);
  return found ? [found.from, found.to] : undefined;
}

describe('applyDesignEdit: logo', () => {
  it('scales the logo by the amount asked for', () => {
    expect(phone.logo.widthMm).toBe(24);
    expect(change(phone, 'make the logo smaller', 'logo.widthMm')).toEqual([24, 19.2]);
    expect(change(phone, 'make the logo a bit smaller', 'logo.widthMm')).toEqual([24, 21.6]);
    expect(change(phone, 'make the logo much smaller', 'logo.widthMm')).toEqual([24, 14.4]);
    expect(change(phone, 'make the logo bigger', 'logo.widthMm')).toEqual([24, 28.8]);
    expect(change(phone, 'make the logo larger by 50%', 'logo.widthMm')).toEqual([24, 36]);
    expect(change(phone, 'logo 30 mm wide please', 'logo.widthMm')).toEqual([24, 30]);
  });

  it('describes the change for the reply', () => {
    expect(applyDesignEdit(phone, 'make the logo smaller by 20%').changes[0]?.description).toBe('made the logo 20% smaller (24 → 19.2 mm)');
  });

  it('moves the logo to a placement and resets its offsets', () => {
    expect(change(phone, 'move the logo to the top', 'logo.placement')).toEqual(['centre', 'top']);
    expect(change(phone, 'move the logo to the bottom', 'logo.placement')).toEqual(['centre', 'bottom']);
    expect(change(phone, 'put the logo on the left', 'logo.placement')).toEqual(['centre', 'left']);
    expect(change(phone, 'move the logo to the right', 'logo.placement')).toEqual(['centre', 'right']);
    const low = applyDesignEdit(phone, 'move the logo to the bottom').params;
    expect(change(low, 'move the logo to the centre', 'logo.placement')).toEqual(['bottom', 'centre']);
    expect(change(low, 'place the logo in the center', 'logo.placement')).toEqual(['bottom', 'centre']);
    expect(change(phone, 'move the logo to the top left', 'logo.offsetX')).toEqual([0, -0.25]);
    expect(change(phone, 'move the logo up a bit', 'logo.offsetY')).toEqual([0, -0.04]);
  });

  it('moves an apparel logo to the back', () => {
    expect(change(hoodie, 'move the logo to the back', 'logo.face')).toEqual(['front', 'back']);
  });

  it('removes and restores the logo', () => {
    const removed = applyDesignEdit(phone, 'remove the logo');
    expect(removed.changes).toEqual([{ field: 'logo.present', from: true, to: false, description: 'removed the logo' }]);
    expect(change(removed.params, 'add the logo back', 'logo.present')).toEqual([false, true]);
    expect(change(phone, 'no logo please', 'logo.present')).toEqual([true, false]);
  });
});

describe('applyDesignEdit: style', () => {
  it('raises minimalism for minimalist, cleaner and simpler, lowers it for bolder and more detail', () => {
    expect(phone.minimalism).toBe(0.35);
    expect(change(phone, 'more minimalist', 'minimalism')).toEqual([0.35, 0.55]);
    expect(change(phone, 'cleaner', 'minimalism')).toEqual([0.35, 0.55]);
    expect(change(phone, 'simpler please', 'minimalism')).toEqual([0.35, 0.55]);
    expect(change(phone, 'much more minimalist', 'minimalism')).toEqual([0.35, 0.75]);
    expect(change(phone, 'bolder', 'minimalism')).toEqual([0.35, 0.15]);
    expect(change(phone, 'bolder', 'strokeWidth')).toEqual([0.5, 0.65]);
    expect(change(phone, 'more detail', 'minimalism')).toEqual([0.35, 0.15]);
  });

  it('changes the line weight', () => {
    expect(change(phone, 'thinner lines', 'strokeWidth')).toEqual([0.5, 0.4]);
    expect(change(phone, 'thicker outlines', 'strokeWidth')).toEqual([0.5, 0.65]);
    expect(applyDesignEdit(phone, 'thinner lines').changes.map((c) => c.field)).toEqual(['strokeWidth']);
  });

  it('changes colours by name or hex, body or accent', () => {
    expect(change(phone, 'make it navy', 'colors.body')).toEqual(['#d9d9d6', '#1f2a44']);
    expect(change(phone, 'change the colour to #1a2b3c', 'colors.body')).toEqual(['#d9d9d6', '#1a2b3c']);
    expect(change(phone, 'make the accent red', 'colors.accent')).toEqual(['#626260', '#c62828']);
    expect(applyDesignEdit(phone, 'make it forest green').params.colors.bodyName).toBe('forest green');
  });
});

describe('applyDesignEdit: apparel', () => {
  it('switches necklines and their neck drop', () => {
    expect(change(hoodie, 'pointed collar', 'apparel.neckline')).toEqual(['hood', 'pointed_collar']);
    expect(change(tee, 'give it a round collar', 'apparel.neckline')).toEqual(['crew', 'round_collar']);
    expect(change(tee, 'v-neck', 'apparel.neckline')).toEqual(['crew', 'v_neck']);
    expect(change(tee, 'v-neck', 'apparel.measurements.frontNeckDropMm')).toEqual([90, 170]);
    expect(change(tee, 'add a hood', 'apparel.neckline')).toEqual(['crew', 'hood']);
    expect(change(hoodie, 'remove the hood', 'apparel.neckline')).toEqual(['hood', 'crew']);
    expect(change(tee, 'mock neck', 'apparel.neckline')).toEqual(['crew', 'mock']);
  });

  it('adds and removes pockets', () => {
    expect(change(tee, 'add a kangaroo pocket', 'apparel.pockets')).toEqual(['none', 'kangaroo']);
    expect(change(tee, 'add a pocket', 'apparel.pockets')).toEqual(['none', 'patch']);
    expect(change(hoodie, 'remove the kangaroo pocket', 'apparel.pockets')).toEqual(['kangaroo', 'none']);
    expect(change(hoodie, 'remove the pocket', 'apparel.pockets')).toEqual(['kangaroo', 'none']);
    expect(change(tee, 'side pockets', 'apparel.pockets')).toEqual(['none', 'side_seam']);
  });

  it('changes sleeve length with the base-size measurements', () => {
    expect(change(tee, 'long sleeves', 'apparel.sleeves')).toEqual(['short', 'long']);
    expect(change(tee, 'long sleeves', 'apparel.measurements.sleeveLengthMm')).toEqual([210, 620]);
    expect(change(hoodie, 'short sleeves', 'apparel.sleeves')).toEqual(['long', 'short']);
    expect(change(tee, 'make it sleeveless', 'apparel.sleeves')).toEqual(['short', 'sleeveless']);
    expect(change(tee, 'raglan sleeves', 'apparel.sleeveConstruction')).toEqual(['set_in', 'raglan']);
  });

  it('changes the closure', () => {
    expect(change(hoodie, 'full zip', 'apparel.closure')).toEqual(['none', 'full_zip']);
    expect(change(hoodie, 'make it a zip-up', 'apparel.closure')).toEqual(['none', 'full_zip']);
    expect(change(hoodie, 'quarter zip', 'apparel.closure')).toEqual(['none', 'quarter_zip']);
    const zipped = applyDesignEdit(hoodie, 'full zip').params;
    expect(change(zipped, 'make it a pullover', 'apparel.closure')).toEqual(['full_zip', 'none']);
    expect(change(apparel('polo'), 'snaps instead', 'apparel.closure')).toEqual(['buttons', 'snaps']);
  });

  it('applies several clauses, carrying the verb over', () => {
    const { changes } = applyDesignEdit(tee, 'add a hood and a kangaroo pocket, and make it navy');
    expect(changes.map((c) => c.field)).toEqual(['apparel.neckline', 'apparel.pockets', 'colors.body']);
  });

  it('makes the fabric lighter or heavier', () => {
    expect(change(hoodie, 'heavier fabric', 'apparel.fabricWeightGsm')).toEqual([330, 380]);
  });
});

describe('applyDesignEdit: phone case', () => {
  it('raises and lowers the bezels in 0.3 mm steps or to a value', () => {
    expect(change(phone, 'raise the bezels', 'phoneCase.bezelHeightMm')).toEqual([0.8, 1.1]);
    expect(change(phone, 'higher bezel', 'phoneCase.bezelHeightMm')).toEqual([0.8, 1.1]);
    expect(change(phone, 'raise the bezels a bit', 'phoneCase.bezelHeightMm')).toEqual([0.8, 1]);
    expect(change(phone, 'raise the lip to 1.5 mm', 'phoneCase.bezelHeightMm')).toEqual([0.8, 1.5]);
    expect(change(phone, 'lower the bezel', 'phoneCase.bezelHeightMm')).toEqual([0.8, 0.5]);
  });

  it('makes the case thinner or thicker, the corners rounder', () => {
    expect(change(phone, 'make it thinner', 'phoneCase.wallMm')).toEqual([1.2, 1]);
    expect(change(phone, 'thicker', 'phoneCase.wallMm')).toEqual([1.2, 1.5]);
    expect(change(phone, 'rounder corners', 'phoneCase.cornerRadiusMm')).toEqual([11.7, 13.2]);
    expect(change(phone, 'sharper corners', 'phoneCase.cornerRadiusMm')).toEqual([11.7, 10.2]);
  });

  it('enlarges the camera cutout by 1 mm of clearance per side', () => {
    const edited = applyDesignEdit(phone, 'bigger camera cutout');
    expect(edited.changes.find((c) => c.field === 'phoneCase.camera.widthMm')).toMatchObject({ from: 38.6, to: 40.6 });
    expect(edited.params.phoneCase!.camera).toMatchObject({ widthMm: 40.6, heightMm: 40.6, xMm: 3.7, yMm: 3.7 });
    expect(change(phone, 'lens rings for the camera', 'phoneCase.camera.kind')).toEqual(['full', 'lens_ring']);
  });

  it('switches buttons, frame and grip', () => {
    expect(change(phone, 'button cutouts', 'phoneCase.buttons')).toEqual(['covered', 'cutout']);
    expect(change(phone, 'add a contrast bumper', 'phoneCase.frame')).toEqual(['none', 'accent_bumper']);
    expect(change(phone, 'add grip ridges', 'phoneCase.gripRidges')).toEqual([false, true]);
  });
});

describe('applyDesignEdit: other categories', () => {
  const bottle = designParamsFor({ title: 'Bottle', category: 'drinkware', summary: '', data: { vessel_type: 'bottle' } });
  const tote = designParamsFor({ title: 'Tote', category: 'bag', summary: '', data: { bag_type: 'tote' } });
  const box = designParamsFor({ title: 'Box', category: 'hard_good', summary: '', data: {} });

  it('changes lids and handles of drinkware', () => {
    expect(change(bottle, 'straw lid', 'drinkware.lid')).toEqual(['screw', 'straw']);
    expect(change(bottle, 'add a handle', 'drinkware.handle')).toEqual(['none', 'loop']);
  });

  it('changes bag closures, pockets and handles', () => {
    expect(change(tote, 'add a zip', 'bag.closure')).toEqual(['open', 'zip']);
    expect(change(tote, 'add a front pocket', 'bag.frontPocket')).toEqual(['none', 'slip']);
    expect(change(tote, 'longer handles', 'bag.straps.dropMm')).toEqual([250, 300]);
  });

  it('makes a hard good thinner with rounder corners', () => {
    expect(change(box, 'thinner', 'hardGood.depthMm')).toEqual([30, 25.5]);
    expect(change(box, 'rounder corners', 'hardGood.cornerRadiusMm')).toEqual([5, 6.3]);
  });
});

describe('applyDesignEdit: words it does not understand', () => {
  it('returns no changes and the same values for conversation that is not an edit', () => {
    for (const text of ['I like #2', "That's exactly what I want!", 'Show me other variations', 'Yes, go ahead', 'what does MOQ mean?', 'make it better']) {
      const result = applyDesignEdit(tee, text);
      expect(result.changes, text).toEqual([]);
      expect(result.params).toEqual(tee);
    }
  });

  it('does not touch the input', () => {
    const before = structuredClone(phone);
    applyDesignEdit(phone, 'make the logo smaller, raise the bezels and make it navy');
    expect(phone).toEqual(before);
  });

  it('skips negated clauses', () => {
    expect(applyDesignEdit(phone, "don't make the logo smaller").changes).toEqual([]);
  });

  it('ignores features of other categories', () => {
    expect(applyDesignEdit(phone, 'pointed collar').changes).toEqual([]);
    expect(applyDesignEdit(tee, 'raise the bezels').changes).toEqual([]);
  });
});
