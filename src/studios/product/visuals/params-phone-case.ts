import type { DpgFacts } from '../dpg-data.ts';
import type { Variant } from './variant.ts';
import { devicesMentioned, type CameraModule, type DeviceSpec, type Lens, type SideButton } from './device-dimensions.ts';
import { clamp, dimensionMm, roundTo } from './spec-reading.ts';

export type CaseStyle = 'slim' | 'bumper' | 'rugged' | 'folio' | 'clear';
export type CameraCutoutKind = 'full' | 'lens_ring' | 'covered';

export interface PhoneCaseParams {
  deviceModels: string[];
  /** The model drawn (the first one named). */
  deviceLabel: string;
  /** False when no known model was named and a generic 6.1" body is drawn. */
  deviceKnown: boolean;
  deviceWidthMm: number;
  deviceHeightMm: number;
  deviceDepthMm: number;
  deviceCornerRadiusMm: number;
  caseStyle: CaseStyle;
  /** Side wall thickness. */
  wallMm: number;
  /** Back plate thickness. */
  backMm: number;
  /** Outer corner radius of the case, seen from the back. */
  cornerRadiusMm: number;
  /** Height of the raised lip above the screen glass. */
  bezelHeightMm: number;
  /** How far the lip reaches in over the screen edge. */
  lipOverhangMm: number;
  camera: {
    kind: CameraCutoutKind;
    /** Cutout position and size, from the device's top-left corner seen from the back. */
    xMm: number;
    yMm: number;
    widthMm: number;
    heightMm: number;
    radiusMm: number;
    /** Raised lip around the camera above the lenses. */
    lipMm: number;
    /** How far the device's module stands proud of its back. */
    bumpMm: number;
    /** Lens centres, relative to the device's top-left corner seen from the back. */
    lenses: Lens[];
  };
  buttons: 'covered' | 'cutout';
  buttonList: SideButton[];
  /** Contrasting bumper frame in the accent colour (a variant treatment). */
  frame: 'none' | 'accent_bumper';
  gripRidges: boolean;
  portCutoutWidthMm: number;
}

const genericBody: DeviceSpec = {
  model: 'Generic 6.1" phone', brand: 'Apple', heightMm: 147, widthMm: 71.5, depthMm: 7.8, cornerRadiusMm: 10.5,
  camera: { xMm: 7, yMm: 7, widthMm: 30, heightMm: 30, radiusMm: 7.5, bumpMm: 2, lenses: [{ x: 8, y: 8, r: 6 }, { x: 22, y: 22, r: 6 }] },
  buttons: [{ side: 'left', name: 'Volume', fromTopMm: 36, lengthMm: 24 }, { side: 'right', name: 'Power', fromTopMm: 38, lengthMm: 15 }],
};

const styleDefaults: Record<CaseStyle, { wall: number; back: number; bezel: number; camera: CameraCutoutKind }> = {
  slim: { wall: 1.2, back: 1.0, bezel: 0.8, camera: 'full' },
  clear: { wall: 1.3, back: 1.1, bezel: 1.0, camera: 'full' },
  bumper: { wall: 1.8, back: 1.2, bezel: 1.2, camera: 'full' },
  rugged: { wall: 2.6, back: 1.8, bezel: 1.6, camera: 'lens_ring' },
  folio: { wall: 1.4, back: 1.2, bezel: 1.0, camera: 'full' },
};

/** Cutout clearance around the camera module on each side (a common case-maker allowance). */
const cameraClearanceMm = 0.8;

export function phoneCaseParamsFor(facts: DpgFacts, variant: Variant): PhoneCaseParams {
  const data = facts.data;
  const named = (data.device_models ?? []).map((m) => devicesMentioned(m)[0]).filter((d): d is DeviceSpec => d !== undefined);
  const mentioned = named.length > 0 ? named : devicesMentioned(`${facts.title} ${facts.summary}`);
  const device = mentioned[0] ?? genericBody;
  const style: CaseStyle = data.case_style ?? 'slim';
  const defaults = styleDefaults[style];
  const wall = dimensionMm(data, /wall/, /thickness/) ?? defaults.wall;
  const back = dimensionMm(data, /back plate|back thickness/) ?? defaults.back;
  const bezelSpec = data.bezel_height_mm ?? dimensionMm(data, /bezel|lip/);
  const cornerSpec = dimensionMm(data, /corner|radius/);
  const deviceCorner = device.cornerRadiusMm + wall;
  const treatments: Record<Variant, { corner: number; bezel: number; frame: PhoneCaseParams['frame']; grip: boolean; buttons: PhoneCaseParams['buttons']; camera?: CameraCutoutKind; lip: number }> = {
    1: { corner: deviceCorner, bezel: 0, frame: 'none', grip: false, buttons: 'covered', lip: 0.5 },
    2: { corner: deviceCorner + 1.5, bezel: 0.4, frame: 'accent_bumper', grip: false, buttons: 'covered', lip: 0.9 },
    3: { corner: Math.max(device.cornerRadiusMm, deviceCorner - 2), bezel: 0.2, frame: 'none', grip: true, buttons: 'cutout', camera: 'lens_ring', lip: 0.7 },
  };
  const t = treatments[variant];
  const cameraKind = data.camera_cutout ?? t.camera ?? defaults.camera;
  return {
    deviceModels: data.device_models?.length ? [...data.device_models] : mentioned.map((d) => d.model),
    deviceLabel: device.model,
    deviceKnown: device !== genericBody,
    deviceWidthMm: device.widthMm,
    deviceHeightMm: device.heightMm,
    deviceDepthMm: device.depthMm,
    deviceCornerRadiusMm: device.cornerRadiusMm,
    caseStyle: style,
    wallMm: wall,
    backMm: back,
    cornerRadiusMm: roundTo(cornerSpec ?? t.corner, 0.1),
    bezelHeightMm: roundTo(bezelSpec ?? defaults.bezel + t.bezel, 0.1),
    lipOverhangMm: style === 'rugged' ? 1.6 : 1.2,
    camera: cameraCutout(device.camera, device.widthMm, cameraKind, t.lip),
    buttons: data.button_style ?? t.buttons,
    buttonList: device.buttons.map((b) => ({ ...b })),
    frame: t.frame,
    gripRidges: t.grip,
    portCutoutWidthMm: roundTo(clamp(device.widthMm * 0.45, 24, 36), 0.5),
  };
}

function cameraCutout(module: CameraModule, deviceWidth: number, kind: CameraCutoutKind, lip: number): PhoneCaseParams['camera'] {
  const x = Math.max(0.6, module.xMm - cameraClearanceMm);
  const right = Math.min(deviceWidth - 0.6, module.xMm + module.widthMm + cameraClearanceMm);
  return {
    kind,
    xMm: roundTo(x, 0.1),
    yMm: roundTo(module.yMm - cameraClearanceMm, 0.1),
    widthMm: roundTo(right - x, 0.1),
    heightMm: roundTo(module.heightMm + 2 * cameraClearanceMm, 0.1),
    radiusMm: roundTo(module.radiusMm + cameraClearanceMm, 0.1),
    lipMm: lip,
    bumpMm: module.bumpMm,
    lenses: module.lenses.map((l) => ({ x: roundTo(module.xMm + l.x, 0.1), y: roundTo(module.yMm + l.y, 0.1), r: l.r })),
  };
}

/** Outer size of the case seen from the back. */
export function caseOuter(p: PhoneCaseParams): { widthMm: number; heightMm: number; depthMm: number } {
  return {
    widthMm: roundTo(p.deviceWidthMm + 2 * p.wallMm, 0.1),
    heightMm: roundTo(p.deviceHeightMm + 2 * p.wallMm, 0.1),
    depthMm: roundTo(p.deviceDepthMm + p.backMm + p.bezelHeightMm, 0.1),
  };
}
