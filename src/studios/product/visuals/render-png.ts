import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

type ResvgModule = typeof import('@resvg/resvg-js');

let resvg: Promise<ResvgModule> | undefined;
let fonts: { files: string[]; family: string | undefined } | undefined;

/** Sans-serif faces tried in order; the first family found becomes the default. */
const candidates: { family: string; files: string[] }[] = [
  { family: 'DejaVu Sans', files: ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'] },
  { family: 'Liberation Sans', files: ['LiberationSans-Regular.ttf', 'LiberationSans-Bold.ttf'] },
  { family: 'Noto Sans', files: ['NotoSans-Regular.ttf', 'NotoSans-Bold.ttf'] },
  { family: 'Arial', files: ['Arial.ttf', 'arial.ttf', 'Arial Bold.ttf', 'arialbd.ttf'] },
  { family: 'Helvetica', files: ['Helvetica.ttc'] },
];
const fontDirs = ['/usr/share/fonts', '/usr/local/share/fonts', '/usr/share/fonts/truetype', '/Library/Fonts', '/System/Library/Fonts', 'C:\\Windows\\Fonts'];

/** Font files found once per process: a targeted scan is much faster than loading every system font per render. */
function findFonts(): { files: string[]; family: string | undefined } {
  if (fonts) return fonts;
  const index = new Map<string, string>();
  const walk = (dir: string, depth: number) => {
    if (depth > 4 || !existsSync(dir)) return;
    let entries;
    try { entries = readdirSync(dir, { withFileTypes: true }); } catch { return; }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path, depth + 1);
      else if (!index.has(entry.name)) index.set(entry.name, path);
    }
  };
  for (const dir of fontDirs) walk(dir, 0);
  for (const candidate of candidates) {
    const files = candidate.files.map((f) => index.get(f)).filter((f): f is string => f !== undefined);
    if (files.length > 0) return (fonts = { files, family: candidate.family });
  }
  return (fonts = { files: [], family: undefined });
}

/**
 * Renders an SVG to PNG with resvg (loaded on first use). Text uses a sans-serif system font
 * when one is found; without fonts the text is skipped and the shapes still render.
 *
 * @example
 * const png = await renderPng(drawTechnicalFlat(params, 'front'), { widthPx: 1024 });
 */
export async function renderPng(svg: string, options: { widthPx?: number } = {}): Promise<Buffer> {
  resvg ??= import('@resvg/resvg-js');
  const { Resvg } = await resvg;
  const found = findFonts();
  const width = Math.round(Math.min(8192, Math.max(1, options.widthPx ?? 1024)));
  const renderer = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    background: '#ffffff',
    font: found.family === undefined
      ? { loadSystemFonts: true }
      : { loadSystemFonts: false, fontFiles: found.files, defaultFontFamily: found.family, sansSerifFamily: found.family },
    shapeRendering: 2,
    textRendering: 1,
  });
  return renderer.render().asPng();
}
