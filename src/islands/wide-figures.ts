/** Where the report's wide figures break out of the text column to 880–928 px (site.css; size.ts WIDE_ROOM). */
const WIDE = '(min-width: 75rem)';

/**
 * A report figure that breaks out of the text column on a wide screen (registry.ts WIDE_CHARTS) shows the drawing
 * laid out for that width (/data/<id>.wide.svg, drawn at build time) where the screen has it, fetched then and only
 * then, and its phone-first drawing where it does not. An island that redraws its chart (the sunburst) puts the
 * drawing in place itself, through `show`; otherwise the drawing replaces the chart, keeping its selected marks.
 */
export function initWide(figure: HTMLElement, show?: (drawing: SVGSVGElement, wide: boolean) => void): void {
  if (!figure.matches('.report > .wide')) return;
  const area = figure.querySelector<HTMLElement>('.chart-area')!;
  const narrow = area.querySelector<SVGSVGElement>('svg')!;
  const media = matchMedia(WIDE);
  let wideDrawing: Promise<SVGSVGElement> | undefined;
  const apply = async () => {
    const wide = media.matches;
    const drawing = wide ? await (wideDrawing ??= load(figure.id)) : narrow;
    if (wide !== media.matches) return; // the screen changed again while it loaded
    figure.classList.toggle('is-wide', wide);
    if (show) show(drawing, wide);
    else replaceKeepingSelection(area, drawing);
  };
  const failed = (error: unknown) => console.warn(`Figure ${figure.id}: its wide drawing could not be shown; the phone’s stays.`, error);
  media.addEventListener('change', () => void apply().catch(failed));
  if (media.matches) void apply().catch(failed);
}

async function load(id: string): Promise<SVGSVGElement> {
  const response = await fetch(`/data/${id}.wide.svg`);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  // Our own file, drawn at build time with DOM APIs (its text from the data escaped), parsed as the page's own SVG.
  const template = document.createElement('template');
  template.innerHTML = await response.text();
  const svg = template.content.querySelector('svg');
  if (!svg) throw new Error('no <svg> in it');
  return svg;
}

/** Put `drawing` in place of the chart area's SVG, its marks selected as the old one's were (mark-select.ts). */
function replaceKeepingSelection(area: HTMLElement, drawing: SVGSVGElement): void {
  const current = area.querySelector('svg');
  if (!current || current === drawing) return;
  const rows = new Set([...current.querySelectorAll('.is-selected[data-row]')].map((mark) => mark.getAttribute('data-row')));
  for (const mark of drawing.querySelectorAll('[data-row]')) mark.classList.toggle('is-selected', rows.has(mark.getAttribute('data-row')));
  current.replaceWith(drawing);
}
