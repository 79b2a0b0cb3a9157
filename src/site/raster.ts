import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { FONT_DIR_ENV, fontDir } from '../config.ts';

/**
 * SVG to PNG at build time, without a browser: resvg draws the text with font files it is given, so the images look
 * the same on every machine that has them. DejaVu Sans is the font the charts' label widths are estimated for.
 */
const FONT_FAMILY = 'DejaVu Sans';
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'];
/** The TrueType files of the `dejavu-fonts-ttf` dependency, so that no system font is needed (resvg reads no WOFF). */
export const PACKAGED_FONT_DIR = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');

function findFile(dir: string, name: string): string | undefined {
  if (!existsSync(dir)) return undefined;
  const found = readdirSync(dir, { recursive: true, encoding: 'utf8' }).find((entry) => path.basename(entry) === name);
  return found && path.join(dir, found);
}

/** The DejaVu Sans files (regular, bold) in `dir`; throws, saying how to fix it, if the regular one is not there. */
export function findFonts(dir: string = fontDir(process.env, PACKAGED_FONT_DIR)): string[] {
  if (findFile(dir, FONT_FILES[0]!)) return FONT_FILES.map((name) => findFile(dir, name)).filter((file) => file !== undefined);
  throw new Error(
    `The slide images are drawn in ${FONT_FAMILY}, and no ${FONT_FILES[0]} was found in ${dir}. ` +
      `Run npm install (it installs the dejavu-fonts-ttf package), or set ${FONT_DIR_ENV} to a folder that holds it.`,
  );
}

let fonts: string[] | undefined;

/** The SVG drawn as a PNG at its own size, or scaled to `width` pixels wide. */
export function svgToPng(svg: string, width?: number): Uint8Array<ArrayBuffer> {
  fonts ??= findFonts();
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: fonts, defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
    ...(width ? { fitTo: { mode: 'width' as const, value: width } } : {}),
  });
  return new Uint8Array(resvg.render().asPng());
}
