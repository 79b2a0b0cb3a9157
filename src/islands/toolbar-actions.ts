import { standaloneSvg } from '../charts/lib/standalone-svg.ts';
import { tableToCsv } from '../charts/lib/csv.ts';
import { tableFromDom } from '../components/data-table.ts';
import { tipsToTitles } from '../charts/lib/svg.ts';
import { announce } from './announce.ts';
import { stopsByRow } from './walk-table.ts';

/** The toolbar's downloads, loaded on first use: CSV of the rows drawn, standalone SVG, PNG at 2×, the slide image copied. */
export interface About {
  title: string;
  source: string;
  url?: string;
  query?: string;
  id: string;
}

export function download(kind: string, figure: HTMLElement, about: About): void {
  const caveats = [...figure.querySelectorAll('.chart-caveat')].map((li) => li.textContent ?? '');
  const svg = () => {
    // A downloaded image has its marks' tooltips as <title>s again, as the site's own SVG downloads do.
    const drawn = figure.querySelector('.chart-area svg')!.cloneNode(true) as SVGSVGElement;
    const stops = stopsByRow(figure);
    tipsToTitles(drawn, (row) => stops.get(row));
    return standaloneSvg(drawn.outerHTML, { ...about, caveats });
  };
  if (kind === 'csv') save(new Blob([csv(figure, about, caveats)], { type: 'text/csv' }), `${about.id}.csv`);
  if (kind === 'svg') save(new Blob([svg()], { type: 'image/svg+xml' }), `${about.id}.svg`);
  if (kind === 'png') void png(svg()).then((blob) => save(blob, `${about.id}.png`));
  if (kind === 'copy-image') void copySlide(figure);
}

/** The chart's slide image onto the clipboard, announced either way. Safari wants the write to start within the click, so it may refuse. */
async function copySlide(figure: HTMLElement) {
  try {
    const response = await fetch(figure.querySelector<HTMLAnchorElement>('[data-slide]')!.href);
    if (!response.ok) throw new Error(response.statusText);
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': await response.blob() })]);
    announce('Image copied to the clipboard.');
  } catch {
    announce('Could not copy the image; download it from the Download menu instead.');
  }
}

function csv(figure: HTMLElement, about: About, caveats: string[]): string {
  const table = tableFromDom(figure.querySelector<HTMLTableElement>('.chart-table table')!);
  const options = about.query ? ` (options: ${about.query})` : '';
  const lines = [`${about.title}${options}`, `Source: ${about.source} (${about.url})`, ...caveats.map((c) => `Caution: ${c}`)];
  return tableToCsv(table, [...lines, `From: ${location.origin}/embed/${about.id}/`]);
}

function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Rasterise the standalone SVG at twice its size. */
export async function png(svgText: string, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth * scale;
    canvas.height = image.naturalHeight * scale;
    const context = canvas.getContext('2d')!;
    context.scale(scale, scale);
    context.drawImage(image, 0, 0);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
