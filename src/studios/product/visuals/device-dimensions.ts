/**
 * Phone bodies for case drawings. Height × width × depth are the makers' published body
 * dimensions (Apple, Samsung and Google spec pages). Corner radii, camera modules and button
 * positions are approximations for drawing the cutouts; a production case needs the maker's
 * case-design drawing (Apple's Accessory Design Guidelines, Samsung and Google partner files).
 */
export interface Lens { x: number; y: number; r: number }
export interface CameraModule {
  /** From the top-left corner as seen looking at the back of the phone. */
  xMm: number;
  yMm: number;
  widthMm: number;
  heightMm: number;
  radiusMm: number;
  /** How far the module stands proud of the back. */
  bumpMm: number;
  /** Lens centres relative to the module's top-left corner. */
  lenses: Lens[];
}
export interface SideButton { side: 'left' | 'right'; name: string; fromTopMm: number; lengthMm: number }
export interface DeviceSpec {
  model: string;
  brand: 'Apple' | 'Samsung' | 'Google';
  heightMm: number;
  widthMm: number;
  depthMm: number;
  cornerRadiusMm: number;
  camera: CameraModule;
  /** Sides as seen looking at the screen. */
  buttons: SideButton[];
}

type Body = [model: string, height: number, width: number, depth: number];

function squareModule(size: number, lenses: 'dual_diagonal' | 'triple', inset: number, bump: number): CameraModule {
  const r = lenses === 'triple' ? size * 0.2 : size * 0.21;
  const e = size * 0.27;
  const lensList = lenses === 'triple'
    ? [{ x: e, y: e, r }, { x: e, y: size - e, r }, { x: size - e, y: size / 2, r }]
    : [{ x: e, y: e, r }, { x: size - e, y: size - e, r }];
  return { xMm: inset, yMm: inset, widthMm: size, heightMm: size, radiusMm: size * 0.25, bumpMm: bump, lenses: lensList };
}

function iphoneButtons(height: number, action: boolean, cameraControl: boolean): SideButton[] {
  const k = height / 147;
  const list: SideButton[] = [
    { side: 'left', name: action ? 'Action button' : 'Ring/Silent switch', fromTopMm: 22 * k, lengthMm: action ? 8 : 7 },
    { side: 'left', name: 'Volume up', fromTopMm: 36 * k, lengthMm: 10 },
    { side: 'left', name: 'Volume down', fromTopMm: 50 * k, lengthMm: 10 },
    { side: 'right', name: 'Side button', fromTopMm: 38 * k, lengthMm: 17 },
  ];
  if (cameraControl) list.push({ side: 'right', name: 'Camera Control', fromTopMm: 96 * k, lengthMm: 19 });
  return list;
}

function iphones(bodies: Body[], kind: 'dual' | 'vertical' | 'pro', generation: number): DeviceSpec[] {
  return bodies.map(([model, height, width, depth]) => {
    const large = width > 75;
    const camera = kind === 'vertical'
      ? { xMm: 7, yMm: 7, widthMm: 18.5, heightMm: 32, radiusMm: 9.25, bumpMm: 1.9, lenses: [{ x: 9.25, y: 9.25, r: 6.3 }, { x: 9.25, y: 22.75, r: 6.3 }] }
      : kind === 'pro'
        ? squareModule(large ? 39 : 37, 'triple', 5.5, 3.6)
        : squareModule(large ? 31 : 29.5, 'dual_diagonal', 6.5, 1.9);
    return {
      model, brand: 'Apple', heightMm: height, widthMm: width, depthMm: depth,
      cornerRadiusMm: large ? 12 : 10.5, camera,
      buttons: iphoneButtons(height, generation >= 16 || (generation === 15 && kind === 'pro'), generation >= 16),
    };
  });
}

function galaxies(bodies: Body[]): DeviceSpec[] {
  return bodies.map(([model, height, width, depth]) => {
    const ultra = model.includes('Ultra');
    const camera: CameraModule = ultra
      ? { xMm: 7, yMm: 8, widthMm: 28, heightMm: 44, radiusMm: 7, bumpMm: 1.5, lenses: [{ x: 7, y: 7, r: 6.5 }, { x: 7, y: 22, r: 6.5 }, { x: 7, y: 37, r: 6.5 }, { x: 21, y: 12, r: 4.5 }, { x: 21, y: 26, r: 4.5 }] }
      : { xMm: 8.5, yMm: 8.5, widthMm: 12, heightMm: 37, radiusMm: 6, bumpMm: 1.4, lenses: [{ x: 6, y: 6, r: 5.5 }, { x: 6, y: 18.5, r: 5.5 }, { x: 6, y: 31, r: 5.5 }] };
    return {
      model, brand: 'Samsung', heightMm: height, widthMm: width, depthMm: depth, cornerRadiusMm: ultra ? 4.5 : 10.5, camera,
      buttons: [
        { side: 'right', name: 'Volume', fromTopMm: 32, lengthMm: 22 },
        { side: 'right', name: 'Side key', fromTopMm: 60, lengthMm: 11 },
      ],
    };
  });
}

function pixels(bodies: Body[], style: 'visor' | 'island'): DeviceSpec[] {
  return bodies.map(([model, height, width, depth]) => {
    const pro = /Pro|XL/.test(model);
    const camera: CameraModule = style === 'visor'
      ? { xMm: 0, yMm: 14, widthMm: width, heightMm: 19, radiusMm: 9.5, bumpMm: 3, lenses: pro
        ? [{ x: 14, y: 9.5, r: 6.5 }, { x: 28, y: 9.5, r: 6.5 }, { x: 44, y: 9.5, r: 4.5 }]
        : [{ x: 14, y: 9.5, r: 6.5 }, { x: 28, y: 9.5, r: 6.5 }] }
      : { xMm: 8, yMm: 11, widthMm: width - 16, heightMm: 19, radiusMm: 9.5, bumpMm: 3, lenses: pro
        ? [{ x: 10, y: 9.5, r: 6.5 }, { x: 24, y: 9.5, r: 6.5 }, { x: 38, y: 9.5, r: 5 }]
        : [{ x: 10, y: 9.5, r: 6.5 }, { x: 24, y: 9.5, r: 6.5 }] };
    return {
      model, brand: 'Google', heightMm: height, widthMm: width, depthMm: depth, cornerRadiusMm: style === 'island' ? 12 : 11, camera,
      buttons: [
        { side: 'right', name: 'Power', fromTopMm: 42, lengthMm: 11 },
        { side: 'right', name: 'Volume', fromTopMm: 60, lengthMm: 22 },
      ],
    };
  });
}

export const devices: DeviceSpec[] = [
  ...iphones([['iPhone 12 mini', 131.5, 64.2, 7.4], ['iPhone 12', 146.7, 71.5, 7.4], ['iPhone 13 mini', 131.5, 64.2, 7.65], ['iPhone 13', 146.7, 71.5, 7.65]], 'dual', 12),
  ...iphones([['iPhone 12 Pro', 146.7, 71.5, 7.4], ['iPhone 12 Pro Max', 160.8, 78.1, 7.4], ['iPhone 13 Pro', 146.7, 71.5, 7.65], ['iPhone 13 Pro Max', 160.8, 78.1, 7.65]], 'pro', 12),
  ...iphones([['iPhone 14', 146.7, 71.5, 7.8], ['iPhone 14 Plus', 160.8, 78.1, 7.8]], 'dual', 14),
  ...iphones([['iPhone 14 Pro', 147.5, 71.5, 7.85], ['iPhone 14 Pro Max', 160.7, 77.6, 7.85]], 'pro', 14),
  ...iphones([['iPhone 15', 147.6, 71.6, 7.8], ['iPhone 15 Plus', 160.9, 77.8, 7.8]], 'dual', 15),
  ...iphones([['iPhone 15 Pro', 146.6, 70.6, 8.25], ['iPhone 15 Pro Max', 159.9, 76.7, 8.25]], 'pro', 15),
  ...iphones([['iPhone 16', 147.6, 71.6, 7.8], ['iPhone 16 Plus', 160.9, 77.8, 7.8]], 'vertical', 16),
  ...iphones([['iPhone 16 Pro', 149.6, 71.5, 8.25], ['iPhone 16 Pro Max', 163.0, 77.6, 8.25]], 'pro', 16),
  ...galaxies([
    ['Galaxy S22', 146.0, 70.6, 7.6], ['Galaxy S22+', 157.4, 75.8, 7.6], ['Galaxy S22 Ultra', 163.3, 77.9, 8.9],
    ['Galaxy S23', 146.3, 70.9, 7.6], ['Galaxy S23+', 157.8, 76.2, 7.6], ['Galaxy S23 Ultra', 163.4, 78.1, 8.9],
    ['Galaxy S24', 147.0, 70.6, 7.6], ['Galaxy S24+', 158.5, 75.9, 7.7], ['Galaxy S24 Ultra', 162.3, 79.0, 8.6],
  ]),
  ...pixels([['Pixel 7', 155.6, 73.2, 8.7], ['Pixel 7 Pro', 162.9, 76.6, 8.9], ['Pixel 7a', 152.0, 72.9, 9.0],
    ['Pixel 8', 150.5, 70.8, 8.9], ['Pixel 8 Pro', 162.6, 76.5, 8.8], ['Pixel 8a', 152.1, 72.7, 8.9]], 'visor'),
  ...pixels([['Pixel 9', 152.8, 72.0, 8.5], ['Pixel 9 Pro', 152.8, 72.0, 8.5], ['Pixel 9 Pro XL', 162.8, 76.6, 8.5]], 'island'),
];

function normalise(text: string): string {
  return text.toLowerCase().replace(/\b(apple|samsung|google)\b/g, ' ').replace(/\bplus\b/g, '+').replace(/\s*\+/g, '+')
    .replace(/[^a-z0-9+]+/g, ' ').trim();
}

const keys = devices.map((device) => {
  const key = normalise(device.model);
  return { device, keys: device.brand === 'Samsung' ? [key, key.replace(/^galaxy /, '')] : [key] };
}).sort((a, b) => b.keys[0]!.length - a.keys[0]!.length);

/** The device a label names ("iPhone 15 Pro", "galaxy s24 ultra", "Pixel 9 Pro XL"). */
export function findDevice(label: string): DeviceSpec | undefined {
  return devicesMentioned(label)[0];
}

/** Every device named anywhere in a text, in order of first mention. */
export function devicesMentioned(text: string): DeviceSpec[] {
  const found: { at: number; device: DeviceSpec }[] = [];
  let rest = ` ${normalise(text)} `;
  for (const { device, keys: names } of keys) {
    for (const name of names) {
      const at = rest.indexOf(` ${name} `);
      if (at >= 0) {
        found.push({ at, device });
        rest = rest.slice(0, at) + ' '.repeat(name.length + 1) + rest.slice(at + name.length + 1);
        break;
      }
    }
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.device);
}
