import { select, zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3';
import { atlasHref, atlasSlug, type AtlasLayout } from '../data/atlas.ts';
import { entryHref, search, type SearchIndex } from '../data/search-index.ts';
import { loadSearchIndex } from './search-index-loader.ts';
import { percentAdaptive } from '../charts/lib/format.ts';
import { BACKGROUND, blend, categoryColors, shortCategory, TEXT, textColorOn } from '../charts/lib/palette.ts';
import { CLUSTER_TINTS } from '../charts/lib/atlas-style.ts';
import { escapeHtml } from '../lib/escape.ts';
import { splitInTwo } from '../lib/text.ts';
import { integer } from '../charts/lib/format.ts';
import { fetchJson } from './figure-parts.ts';
import { TilePyramid, type TileSource } from './atlas-tiles.ts';
import { idle } from './idle.ts';
import { setView, viewFromUrl } from './view-state.ts';
// Its stylesheet travels in this chunk, as text, so that pages without the atlas carry none of it (Astro would put an
// imported stylesheet on every page with figures); adopted, which the site's style-src 'self' allows.
import atlasCss from '../styles/atlas.css?inline';

/** Screen radius (CSS px) above which a cluster shows what it holds: its children are named and its own name moves to its top. */
const OPEN_RADIUS = 90;
const FONT_SIZE = 12;
const VALUE_FONT = `${FONT_SIZE}px system-ui, sans-serif`;
/** Clusters' names, and the selected value's. */
const CLUSTER_FONT = `bold ${FONT_SIZE}px system-ui, sans-serif`;
const FLY_MS = 750;
const LEVEL_NAMES = ['value', 'level-1 cluster', 'level-2 cluster', 'category', 'all values'];

/** Lines of a name placed on the atlas, and the widest line's width (CSS px). */
interface Fit {
  lines: string[];
  width: number;
}

interface Atlas {
  layout: AtlasLayout;
  count: number;
  x: Float64Array;
  y: Float64Array;
  r: Float64Array;
  children: number[][];
  /** Every node of each level, in layout order: the keyboard walks these. */
  byLevel: number[][];
  /** Position of each node in its level's list. */
  place: number[];
  valueCount: number;
}

function prepare(layout: AtlasLayout): Atlas {
  const count = layout.level.length;
  const [x, y, r] = [0, 1, 2].map((k) => Float64Array.from({ length: count }, (_, i) => layout.circles[3 * i + k]!)) as [Float64Array, Float64Array, Float64Array];
  const children: number[][] = layout.level.map(() => []);
  const byLevel: number[][] = [[], [], [], [], []];
  const place: number[] = [];
  layout.parent.forEach((p, i) => {
    if (p >= 0) children[p]!.push(i);
    place.push(byLevel[layout.level[i]!]!.push(i) - 1);
  });
  return { layout, count, x, y, r, children, byLevel, place, valueCount: byLevel[0]!.length };
}

/**
 * The values atlas in the browser: the build's picture (an SVG, shown without a script) gives way to a canvas that
 * zooms and pans (wheel, pinch, drag, double-click, d3-zoom), names clusters and then values as there is room, flies
 * to a value found in its search field (the site's own matching, data/search-index.ts) and keeps it in the URL
 * (?value=<slug>), shows a card for a value tapped, and can be walked from the keyboard as a tree, each stop a
 * focusable element laid over its circle whose name a screen reader says.
 */
export function initAtlas(figure: HTMLElement): void {
  const area = figure.querySelector<HTMLElement>('.chart-area')!;
  const picture = area.querySelector<SVGSVGElement>('svg.atlas');
  void fetchJson<AtlasLayout>(figure.dataset.src!).then((layout) => start(figure, area, picture, prepare(layout)));
}

function start(figure: HTMLElement, area: HTMLElement, picture: SVGSVGElement | null, atlas: Atlas) {
  const { layout } = atlas;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(atlasCss);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  const canvas = document.createElement('canvas');
  canvas.className = 'atlas-canvas';
  canvas.setAttribute('aria-hidden', 'true');
  area.prepend(canvas);
  if (picture) picture.style.display = 'none';
  figure.classList.add('atlas-live');

  const tools = document.createElement('div');
  tools.className = 'atlas-tools';
  const searchId = `${figure.id}-search`;
  tools.innerHTML =
    `<div class="atlas-search"><label for="${searchId}">Find a value in the atlas</label>` +
    `<input id="${searchId}" type="text" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="${searchId}-list" autocomplete="off" spellcheck="false" placeholder="e.g. epistemic humility">` +
    `<ul id="${searchId}-list" role="listbox" aria-label="Matching values and clusters" hidden></ul></div>` +
    `<div class="atlas-buttons"><button type="button" data-zoom="in" aria-label="Zoom in">+</button><button type="button" data-zoom="out" aria-label="Zoom out">−</button><button type="button" data-zoom="reset">Reset view</button></div>`;
  area.before(tools);
  const live = document.createElement('p');
  live.className = 'visually-hidden';
  live.setAttribute('aria-live', 'polite');
  live.dataset.atlasLive = '';
  area.after(live);
  const card = document.createElement('div');
  card.className = 'atlas-card';
  card.hidden = true;
  area.append(card);

  let width = 0;
  let height = 0;
  let transform: ZoomTransform = zoomIdentity;
  let selected = -1;
  let pending = 0;
  const widths = new Map<string, Map<string, number>>();
  /** Each node's name's width in its own font (values and clusters each have one). */
  const nameWidths: number[] = [];
  const context = canvas.getContext('2d')!;

  // --- drawing -------------------------------------------------------------------------------------------------
  const scheme = () => {
    const [r, g, b] = (getComputedStyle(figure).color.match(/\d+/g) ?? ['0', '0', '0']).map(Number) as [number, number, number];
    return r + g + b > 384 ? 'dark' : 'light';
  };
  let colors: string[] = [];
  let ink = '#1a1a1a';
  let paper = '#ffffff';
  /** The text colour for a name on a value's circle, of each category: ink or paper, whichever reads better (≥ 4.5:1). */
  let onValue: string[] = [];
  let focusColor = '#cc0033';
  /** The opaque colour of a cluster of each level and category: its tint over those that hold it. */
  let tints: string[][] = [];
  const readColors = () => {
    const s = scheme();
    colors = layout.categories.map((c) => categoryColors(c)[s]);
    ink = TEXT.ink[s];
    paper = BACKGROUND[s];
    onValue = colors.map((color) => textColorOn(color, s));
    focusColor = s === 'dark' ? '#ff6b8b' : '#cc0033';
    tints = [];
    colors.forEach((color, c) => {
      let under = paper;
      for (const [level, opacity] of CLUSTER_TINTS) (tints[level] ??= [])[c] = under = blend(color, opacity, under);
    });
  };
  readColors();
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
    readColors();
    makeTiles();
    draw();
  });

  /**
   * A text's width in a font, summed from its letters' widths, each measured once: measuring every name as it comes
   * into view cost whole frames at CPU ×4. (Kerning is left out: a few tenths of a pixel.) Measured on a context of
   * its own, as setting a context's font parses it: the drawing context's font changes only between its label groups.
   */
  const measuring = document.createElement('canvas').getContext('2d')!;
  let measuringFont = '';
  const textWidth = (text: string, font: string) => {
    let letters = widths.get(font);
    if (!letters) widths.set(font, (letters = new Map()));
    let w = 0;
    for (const letter of text) {
      let lw = letters.get(letter);
      if (lw === undefined) {
        if (measuringFont !== font) measuring.font = measuringFont = font;
        letters.set(letter, (lw = measuring.measureText(letter).width));
      }
      w += lw;
    }
    return w;
  };
  const fontOf = (i: number) => (layout.level[i] === 0 ? VALUE_FONT : CLUSTER_FONT);
  const nameWidth = (i: number) => (nameWidths[i] ??= textWidth(layout.name[i]!, fontOf(i)));
  /** Each name split in two lines at its middle, with the wider line's width (null: one word), by 2 × node + alternative. */
  const twoLines: (Fit | null)[] = [];
  const splitFit = (name: string, font: string): Fit | null => {
    const lines = splitInTwo(name);
    return lines ? { lines, width: Math.max(textWidth(lines[0], font), textWidth(lines[1], font)) } : null;
  };
  /** Every name measured ahead, a slice per idle moment: the first frame to show hundreds of names paid for it. */
  const measureNames = (from = 0) => {
    for (let i = from; i < Math.min(from + 500, atlas.count); i++) nameWidth(i);
    if (from + 500 < atlas.count) idle(() => measureNames(from + 500));
  };
  let currentFont = '';
  /** Setting a context's font parses it, so it is set only when it changes. */
  const setFont = (font: string) => {
    if (font !== currentFont) context.font = currentFont = font;
  };

  /** The nodes whose circles meet a rectangle of layout space, found down the tree (a cluster holds its members). */
  function nodesIn(x0: number, y0: number, x1: number, y1: number): number[] {
    const found: number[] = [];
    const walk = (parent: number) => {
      for (const i of atlas.children[parent]!) {
        const r = atlas.r[i]!;
        if (atlas.x[i]! + r <= x0 || atlas.x[i]! - r >= x1 || atlas.y[i]! + r <= y0 || atlas.y[i]! - r >= y1) continue;
        found.push(i);
        walk(i);
      }
    };
    walk(0);
    return found;
  }

  /**
   * `nodes` drawn into `target` with a screen position `sx`/`sy` and scale `k` for each, as steps (one per cluster
   * level and category, then one per category's values) that a frame runs together and a tile one idle moment at a
   * time: clusters as opaque tints of their category (blended once, cheaper to fill than a translucent colour),
   * except those at or above `backgroundLevel` (a cluster covering the whole canvas is painted as its background);
   * values as dots of their category's colour, one path per category.
   */
  function markSteps(target: CanvasRenderingContext2D, nodes: number[], sx: (i: number) => number, sy: (i: number) => number, k: number, backgroundLevel: number): (() => void)[] {
    const clusters = CLUSTER_TINTS.filter(([level]) => level < backgroundLevel).flatMap(([level]) =>
      colors.map((_, c) => () => {
        const rings = new Path2D();
        for (const i of nodes) {
          if (layout.level[i] !== level || layout.category[i] !== c) continue;
          const r = atlas.r[i]! * k;
          rings.moveTo(sx(i) + r, sy(i));
          rings.arc(sx(i), sy(i), r, 0, 2 * Math.PI);
        }
        target.fillStyle = tints[level]![c]!;
        target.fill(rings);
      }),
    );
    const values = colors.map((color, c) => () => {
      const path = new Path2D();
      for (const i of nodes) {
        if (layout.level[i] !== 0 || layout.category[i] !== c) continue;
        const r = atlas.r[i]! * k;
        // A speck is a square: the eye cannot tell it from a circle, and it costs a fraction of one to fill.
        if (r < 1.25) path.rect(sx(i) - Math.max(r, 0.6), sy(i) - Math.max(r, 0.6), 2 * Math.max(r, 0.6), 2 * Math.max(r, 0.6));
        else {
          path.moveTo(sx(i) + r, sy(i));
          path.arc(sx(i), sy(i), r, 0, 2 * Math.PI);
        }
      }
      target.fillStyle = color;
      target.fill(path);
    });
    return [...clusters, ...values];
  }

  /** The atlas's marks as tiles paint them: every circle that meets the tile's square. */
  const tileSource: TileSource = {
    holds: (x, y, side) =>
      atlas.children[0]!.some((i) => {
        const dx = atlas.x[i]! - Math.min(Math.max(atlas.x[i]!, x), x + side);
        const dy = atlas.y[i]! - Math.min(Math.max(atlas.y[i]!, y), y + side);
        return dx * dx + dy * dy < atlas.r[i]! ** 2;
      }),
    steps: (target, x, y, side, scale) => markSteps(target, nodesIn(x, y, x + side, y + side), (i) => (atlas.x[i]! - x) * scale, (i) => (atlas.y[i]! - y) * scale, scale, 4),
  };

  /**
   * Tiles of the atlas (atlas-tiles.ts): level 0 draws the whole at twice the scale that fits it to the canvas (at
   * most 2,048 px a side), and each level closer in at twice the scale of the one before. Made anew after a resize or
   * a change of colours.
   */
  let tiles: TilePyramid;
  const WHOLE_SCALE = 2;
  function makeTiles() {
    const dpr = devicePixelRatio || 1;
    const r0 = atlas.r[0]!;
    const extent = { x: atlas.x[0]! - r0, y: atlas.y[0]! - r0, side: 2 * r0, scale: Math.min(WHOLE_SCALE * fit(0, 0.98).k * dpr, 2048 / (2 * r0)) };
    tiles = new TilePyramid(extent, tileSource, TilePyramid.most(width, height, dpr), redraw);
  }

  function draw() {
    pending = 0;
    const t0 = performance.now();
    const { k, x: tx, y: ty } = transform;
    const dpr = devicePixelRatio || 1;
    context.setTransform(dpr, 0, 0, dpr, 0, 0);
    context.clearRect(0, 0, width, height);
    const sx = (i: number) => atlas.x[i]! * k + tx;
    const sy = (i: number) => atlas.y[i]! * k + ty;
    const visible = (i: number) => {
      const r = atlas.r[i]! * k;
      const x = sx(i);
      const y = sy(i);
      return x + r > 0 && x - r < width && y + r > 0 && y - r < height;
    };
    const view = { k, x: tx, y: ty, width, height, dpr };
    // Until tiles cover the view (in the first moments, while they are painted), it is drawn circle by circle.
    const level = tiles.draw(context, view) ? tiles.level(view) : -1;
    if (level < 0) {
      context.clearRect(0, 0, width, height);
      // A cluster that covers the whole canvas is its background rather than a circle to fill.
      const covers = (i: number) => {
        const r = atlas.r[i]! * k;
        const dx = Math.max(Math.abs(sx(i)), Math.abs(sx(i) - width));
        const dy = Math.max(Math.abs(sy(i)), Math.abs(sy(i) - height));
        return dx * dx + dy * dy <= r * r;
      };
      let background = 0;
      for (let found = true; found; ) {
        found = false;
        for (const i of atlas.children[background]!) {
          if (layout.level[i]! > 0 && covers(i)) {
            background = i;
            found = true;
            break;
          }
        }
      }
      if (background > 0) {
        context.fillStyle = tints[layout.level[background]!]![layout.category[background]!]!;
        context.fillRect(0, 0, width, height);
      }
      const [lx0, ly0] = transform.invert([0, 0]);
      const [lx1, ly1] = transform.invert([width, height]);
      for (const step of markSteps(context, nodesIn(lx0, ly0, lx1, ly1), sx, sy, k, layout.level[background]!)) step();
    }
    const t1 = performance.now();
    drawSelection(sx, sy, k);
    drawLabels(sx, sy, k, visible);
    // What the bench and tests read: how far in, the tile level (-1: circle by circle), and the marks' share.
    performance.measure('atlas-frame', { start: t0, detail: { zoom: k / fit(0, 0.98).k, level, marksMs: t1 - t0, ...tiles.stats() } });
  }

  function drawSelection(sx: (i: number) => number, sy: (i: number) => number, k: number) {
    if (selected < 0) return;
    const cluster = layout.parent[selected]!;
    context.lineWidth = 2;
    context.strokeStyle = ink;
    context.beginPath();
    context.arc(sx(cluster), sy(cluster), atlas.r[cluster]! * k, 0, 2 * Math.PI);
    context.stroke();
    context.lineWidth = 3;
    context.strokeStyle = focusColor;
    context.beginPath();
    context.arc(sx(selected), sy(selected), Math.max(5, atlas.r[selected]! * k + 3), 0, 2 * Math.PI);
    context.stroke();
  }

  /**
   * Names where there is room, level by level (a name never covers one drawn before it): a cluster across its middle
   * on one or two lines, or once it is open at its top; a value once its circle holds its name.
   */
  function drawLabels(sx: (i: number) => number, sy: (i: number) => number, k: number, visible: (i: number) => boolean) {
    context.textAlign = 'center';
    context.textBaseline = 'middle';
    context.lineJoin = 'round';
    context.lineWidth = 3;
    context.strokeStyle = paper;
    const taken: number[] = [];
    /**
     * The lines placed, by font and colour, drawn group by group once all are placed (each change of font costs a
     * parse). A name on a value's circle is drawn in the colour that reads on it; the rest, over marks of any colour,
     * are ringed in the paper's colour (a stroke, the costliest text to draw, so only where it is needed).
     */
    const placed = new Map<string, { font: string; color: string; halo: boolean; lines: [string, number, number][] }>();
    const put = ({ lines, width }: Fit, x: number, y: number, font: string, size: number, onCircle?: string) => {
      const half = width / 2;
      const [x0, x1, y0, y1] = [x - half, x + half, y - size / 2 - 1, y + size * (lines.length - 0.5) * 1.15 + 1];
      for (let n = 0; n < taken.length; n += 4) if (taken[n]! < x1 && x0 < taken[n + 1]! && taken[n + 2]! < y1 && y0 < taken[n + 3]!) return;
      taken.push(x0, x1, y0, y1);
      const key = `${font}|${onCircle}`;
      let group = placed.get(key);
      if (!group) placed.set(key, (group = { font, color: onCircle ?? ink, halo: !onCircle, lines: [] }));
      lines.forEach((line, n) => group.lines.push([line, x, y + n * size * 1.15]));
    };
    /** A node's name on one line, or on `most` (2) split at its middle, if `width` holds it: widths measured once. */
    const fitted = (i: number, width: number, font: string, most: number): Fit | undefined => {
      const names = layout.level[i] === 3 ? [layout.name[i]!, shortCategory(layout.name[i]!)] : [layout.name[i]!];
      for (let alternative = 0; alternative < names.length; alternative++) {
        const name = names[alternative]!;
        const whole = alternative === 0 ? nameWidth(i) : textWidth(name, font);
        if (whole <= width) return { lines: [name], width: whole };
        // Most names are far too wide for their circle: those are set aside by their whole width.
        if (most < 2 || whole > 2 * width) continue;
        if (twoLines[2 * i + alternative] === undefined) twoLines[2 * i + alternative] = splitFit(name, font);
        const split = twoLines[2 * i + alternative];
        if (split && split.width <= width) return split;
      }
      return undefined;
    };
    if (selected >= 0) {
      // The selected value is always named, in bold, above its circle when the circle cannot hold the name; placed
      // first, so that no other name covers it.
      const r = atlas.r[selected]! * k;
      const width = textWidth(layout.name[selected]!, CLUSTER_FONT);
      const inside = width <= 1.85 * r;
      put({ lines: [layout.name[selected]!], width }, sx(selected), inside ? sy(selected) : sy(selected) - Math.max(5, r + 3) - FONT_SIZE, CLUSTER_FONT, FONT_SIZE);
    }
    let level = [...atlas.children[0]!];
    while (level.length) {
      const next: number[] = [];
      for (const i of level) {
        const r = atlas.r[i]! * k;
        if (r < 8 || i === selected || !visible(i)) continue;
        const isValue = layout.level[i] === 0;
        const size = FONT_SIZE;
        const font = fontOf(i);
        if (!isValue && r > OPEN_RADIUS) {
          // At the top of the circle, on the first chord below it (a line's height down, or two, or three) it fits.
          for (const inset of [size + 4, 2 * size + 6, 3 * size + 8]) {
            const fit = fitted(i, 2 * Math.sqrt(r * r - (r - inset) ** 2), font, 1);
            if (!fit) continue;
            put(fit, sx(i), sy(i) - r + inset, font, size);
            break;
          }
          next.push(...atlas.children[i]!);
        } else if (isValue) {
          // Within the circle's inscribed box, so that every letter stands on the circle's colour.
          const room = (count: number) => 2 * Math.sqrt(Math.max(0, r * r - ((count * size * 1.15) / 2 + 1) ** 2)) - 2;
          const fit = fitted(i, room(1), font, 1) ?? (r > 2.5 * size ? fitted(i, room(2), font, 2) : undefined);
          if (fit) put(fit, sx(i), sy(i) - ((fit.lines.length - 1) * size * 1.15) / 2, font, size, onValue[layout.category[i]!]);
        } else {
          const fit = fitted(i, 1.9 * r, font, r > 2.5 * size ? 2 : 1);
          if (fit) put(fit, sx(i), sy(i) - ((fit.lines.length - 1) * size * 1.15) / 2, font, size);
        }
      }
      level = next;
    }
    for (const { font, color, halo, lines } of placed.values()) {
      setFont(font);
      context.fillStyle = color;
      for (const [line, x, y] of lines) {
        if (halo) context.strokeText(line, x, y);
        context.fillText(line, x, y);
      }
    }
  }

  const redraw = () => {
    pending ||= requestAnimationFrame(draw);
  };

  // --- zoom and pan --------------------------------------------------------------------------------------------
  /** The transform that shows node i filling `fill` of the smaller side of the canvas, centred. */
  const fit = (i: number, fill = 0.9) => {
    const k = (fill * Math.min(width, height)) / (2 * atlas.r[i]!);
    return zoomIdentity.translate(width / 2 - atlas.x[i]! * k, height / 2 - atlas.y[i]! * k).scale(k);
  };
  const zoomer: ZoomBehavior<HTMLCanvasElement, unknown> = zoom<HTMLCanvasElement, unknown>().on('zoom', (event: { transform: ZoomTransform }) => {
    transform = event.transform;
    placeStop();
    card.hidden = true;
    redraw();
  });
  const canvasSelection = select(canvas);
  canvasSelection.call(zoomer);
  const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;
  /** Fly (or, with reduced motion, jump) to a view; `then` runs once it is there (not if the reader takes over). */
  function flyTo(target: ZoomTransform, animate = true, then?: () => void) {
    if (animate && !reducedMotion()) {
      canvasSelection
        .transition()
        .duration(FLY_MS)
        .call(zoomer.transform, target)
        .on('end', () => then?.());
    } else {
      canvasSelection.interrupt().call(zoomer.transform, target);
      then?.();
    }
  }

  function resize() {
    const box = canvas.getBoundingClientRect();
    if (!box.width || !box.height) return;
    const dpr = devicePixelRatio || 1;
    const before = width ? { base: fit(0, 0.98), cx: transform.invertX(width / 2), cy: transform.invertY(height / 2) } : undefined;
    width = box.width;
    height = box.height;
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    currentFont = ''; // resizing a canvas resets its context
    const base = fit(0, 0.98);
    zoomer.scaleExtent([base.k * 0.8, base.k * 250]).extent([[0, 0], [width, height]]);
    // Keep what the reader was looking at: the same point in the middle, at the same scale relative to the whole.
    if (!before) transform = base;
    else {
      const k = (transform.k * base.k) / before.base.k;
      transform = zoomIdentity.translate(width / 2 - before.cx * k, height / 2 - before.cy * k).scale(k);
    }
    canvasSelection.property('__zoom', transform);
    makeTiles();
    draw();
  }
  new ResizeObserver(resize).observe(canvas);

  tools.querySelector('.atlas-buttons')!.addEventListener('click', (event) => {
    const action = (event.target as Element).closest<HTMLButtonElement>('button[data-zoom]')?.dataset.zoom;
    if (action === 'reset') {
      pick(-1);
      flyTo(fit(0, 0.98));
    } else if (action) canvasSelection.transition().duration(reducedMotion() ? 0 : 300).call(zoomer.scaleBy, action === 'in' ? 2 : 0.5);
  });

  // --- pointing ------------------------------------------------------------------------------------------------
  /** The deepest node under a point of the canvas (CSS px), 0 for none. */
  function nodeAt(px: number, py: number): number {
    const [lx, ly] = transform.invert([px, py]);
    let node = 0;
    for (let found = true; found; ) {
      found = false;
      for (const i of atlas.children[node]!) {
        if ((lx - atlas.x[i]!) ** 2 + (ly - atlas.y[i]!) ** 2 <= atlas.r[i]! ** 2) {
          node = i;
          found = true;
          break;
        }
      }
    }
    return node;
  }
  canvas.addEventListener('click', (event) => {
    const box = canvas.getBoundingClientRect();
    const node = nodeAt(event.clientX - box.left, event.clientY - box.top);
    if (layout.level[node] === 0) {
      pick(node);
      showCard(node);
    } else if (node > 0) flyTo(fit(node));
  });
  canvas.addEventListener('pointermove', (event) => {
    const box = canvas.getBoundingClientRect();
    canvas.style.cursor = layout.level[nodeAt(event.clientX - box.left, event.clientY - box.top)] === 0 ? 'pointer' : '';
  });

  // --- the selected value: highlight, URL, card ----------------------------------------------------------------
  function pick(node: number) {
    selected = node;
    setView(figure, ['value'], node >= 0 ? { value: atlasSlug(layout, node) } : {});
    if (node < 0) card.hidden = true;
    redraw();
  }

  const pathOf = (i: number) => {
    const names: string[] = [];
    for (let p = layout.parent[i]!; p > 0; p = layout.parent[p]!) names.unshift(layout.name[p]!);
    return names;
  };
  const shareText = (i: number) => `${percentAdaptive(layout.share[i]!)} ${layout.level[i] === 0 ? 'of conversations' : 'of expressions'}`;

  function showCard(i: number) {
    card.innerHTML =
      `<button type="button" class="atlas-card-close" aria-label="Close">×</button>` +
      `<p class="atlas-card-name">${escapeHtml(layout.name[i])}</p>` +
      `<p>${shareText(i)} · rank ${integer(layout.rank[i]!)} of ${integer(atlas.valueCount)}</p>` +
      `<p class="atlas-card-path">${pathOf(i).map(escapeHtml).join(' › ')}</p>` +
      `<p><a href="${escapeHtml(atlasHref(layout, i))}">Open the page for ${escapeHtml(layout.name[i])}</a></p>`;
    card.hidden = false;
    const x = Math.min(Math.max(atlas.x[i]! * transform.k + transform.x + 12, 0), Math.max(0, width - card.offsetWidth));
    const y = Math.min(atlas.y[i]! * transform.k + transform.y + 12, Math.max(0, height - card.offsetHeight));
    card.style.left = `${x}px`;
    card.style.top = `${y}px`;
  }
  card.addEventListener('click', (event) => {
    if ((event.target as Element).closest('.atlas-card-close')) card.hidden = true;
  });

  /** The view of a value: its cluster filling most of the canvas, the value picked out and named, and its card. */
  function showValue(i: number, how: { animate: boolean; announce: boolean }) {
    pick(i);
    const cluster = layout.parent[i]!;
    flyTo(fit(cluster, 0.8), how.animate, () => showCard(i));
    if (how.announce) live.textContent = `${layout.name[i]}: ${shareText(i)}, in ${layout.name[cluster]}.`;
    figure.dataset.selected = atlasSlug(layout, i);
  }

  // --- search: the site's type-ahead (its index and matching), flying to what it finds ---------------------------
  const input = tools.querySelector<HTMLInputElement>('input')!;
  const list = tools.querySelector<HTMLUListElement>('[role="listbox"]')!;
  let index: SearchIndex | undefined;
  let nodeOfHref: Map<string, number> | undefined;
  let results: number[] = [];
  let active = -1;
  const loadIndex = async () => {
    index ??= await loadSearchIndex();
    nodeOfHref ??= new Map(layout.level.map((_, i) => [atlasHref(layout, i), i]));
  };
  function renderResults() {
    if (!index) return;
    results = search(index, input.value, { limit: 8 })
      .map((r) => nodeOfHref!.get(entryHref(index!, r.index)) ?? -1)
      .filter((i) => i > 0);
    active = -1;
    list.innerHTML = results
      .map((i, n) => `<li role="option" id="${list.id}-${n}" aria-selected="false" data-n="${n}"><span class="result-name">${escapeHtml(layout.name[i])}</span> <span class="result-kind">${LEVEL_NAMES[layout.level[i]!]}</span> <span class="result-share">${shareText(i)}</span></li>`)
      .join('');
    list.hidden = results.length === 0;
    input.setAttribute('aria-expanded', String(results.length > 0));
    input.removeAttribute('aria-activedescendant');
  }
  function highlight(n: number) {
    if (!results.length) return;
    active = (n + results.length) % results.length;
    [...list.children].forEach((o, i) => o.setAttribute('aria-selected', String(i === active)));
    input.setAttribute('aria-activedescendant', `${list.id}-${active}`);
  }
  function choose(n: number) {
    const node = results[n];
    if (node === undefined) return;
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.value = layout.name[node]!;
    if (layout.level[node] === 0) showValue(node, { animate: true, announce: true });
    else {
      pick(-1);
      flyTo(fit(node));
      live.textContent = `${layout.name[node]}: a ${LEVEL_NAMES[layout.level[node]!]} of ${integer(valuesUnder(node))} values, ${shareText(node)}.`;
    }
  }
  const valuesUnder = (i: number): number => (layout.level[i] === 0 ? 1 : atlas.children[i]!.reduce((sum, c) => sum + valuesUnder(c), 0));
  input.addEventListener('focus', () => void loadIndex(), { once: true });
  input.addEventListener('input', () => void loadIndex().then(renderResults));
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') highlight(active + 1);
    else if (event.key === 'ArrowUp') highlight(active - 1);
    else if (event.key === 'Enter') void loadIndex().then(() => (results.length ? undefined : renderResults())).then(() => choose(Math.max(active, 0)));
    else if (event.key === 'Escape') {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
    } else return;
    event.preventDefault();
  });
  list.addEventListener('click', (event) => {
    const option = (event.target as Element).closest<HTMLElement>('[role="option"]');
    if (option) choose(Number(option.dataset.n));
  });

  // --- keyboard walk: a tree, one stop per node ------------------------------------------------------------------
  area.tabIndex = 0;
  const stops = [0, 1].map(() => {
    const stop = document.createElement('div');
    stop.className = 'nav-stop atlas-stop';
    stop.tabIndex = -1;
    return stop;
  });
  // A walk that ends leaves no stop behind for a screen reader to find: the stops join the chart only while walked.
  area.addEventListener('focusout', (event) => {
    if (!area.contains(event.relatedTarget as Node | null)) for (const stop of stops) stop.remove();
  });
  let turn = 0;
  let current = -1;
  const stopName = (i: number) => {
    const level = layout.level[i]!;
    const parent = layout.parent[i]!;
    const siblings = atlas.children[parent]!;
    const kind = level === 0 ? '' : `${LEVEL_NAMES[level]} of ${integer(valuesUnder(i))} values, `;
    const inside = parent > 0 ? `, in ${layout.name[parent]}` : '';
    return `${layout.name[i]}, ${kind}${shareText(i)}${inside}, ${siblings.indexOf(i) + 1} of ${siblings.length}`;
  };
  function placeStop() {
    if (current < 0) return;
    const stop = stops[turn]!;
    const r = Math.max(4, atlas.r[current]! * transform.k);
    Object.assign(stop.style, {
      left: `${atlas.x[current]! * transform.k + transform.x - r - 3}px`,
      top: `${atlas.y[current]! * transform.k + transform.y - r - 3}px`,
      width: `${2 * r + 6}px`,
      height: `${2 * r + 6}px`,
      borderRadius: '50%',
    });
  }
  function go(i: number) {
    current = i;
    const stop = stops[(turn = 1 - turn)]!;
    // A stop is an image only once it has a name (an unnamed image is an error to a screen reader).
    stop.setAttribute('role', 'img');
    stop.setAttribute('aria-label', stopName(i));
    // Keep the stop in sight and large enough to see: show its cluster when it is off the canvas or a speck.
    const r = atlas.r[i]! * transform.k;
    const x = atlas.x[i]! * transform.k + transform.x;
    const y = atlas.y[i]! * transform.k + transform.y;
    if (r < 6 || x < 0 || y < 0 || x > width || y > height || r > Math.min(width, height) / 2) {
      const target = fit(layout.parent[i]! > 0 ? layout.parent[i]! : i, 0.85);
      canvasSelection.interrupt().call(zoomer.transform, target);
    }
    placeStop();
    if (!stop.isConnected) area.append(stop);
    stop.focus();
  }
  const sameLevel = (i: number, step: number) => {
    const row = atlas.byLevel[layout.level[i]!]!;
    return row[Math.min(row.length - 1, Math.max(0, atlas.place[i]! + step))]!;
  };
  area.addEventListener('keydown', (event) => {
    const onStop = stops.includes(event.target as HTMLDivElement);
    if (event.target !== area && !onStop) return;
    if (!onStop) {
      if (['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp', 'Enter', ' ', 'PageDown'].includes(event.key)) {
        event.preventDefault();
        go(current > 0 ? current : selected > 0 ? selected : 1);
      }
      return;
    }
    const siblings = atlas.children[layout.parent[current]!]!;
    const moves: Record<string, () => number | undefined> = {
      ArrowRight: () => sameLevel(current, 1),
      ArrowDown: () => sameLevel(current, 1),
      ArrowLeft: () => sameLevel(current, -1),
      ArrowUp: () => sameLevel(current, -1),
      PageDown: () => atlas.children[current]![0],
      PageUp: () => (layout.parent[current]! > 0 ? layout.parent[current] : undefined),
      Home: () => siblings[0],
      End: () => siblings.at(-1),
    };
    if (event.key === 'Escape') {
      event.preventDefault();
      area.focus();
      for (const stop of stops) stop.remove();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      location.assign(atlasHref(layout, current));
    } else if (event.key === ' ' && layout.level[current] === 0) {
      event.preventDefault();
      pick(current);
      showCard(current);
    } else if (moves[event.key]) {
      event.preventDefault();
      const next = moves[event.key]!();
      if (next !== undefined) go(next);
    }
  });

  // --- a value in the URL: the same view as when it was found --------------------------------------------------
  resize();
  idle(() => measureNames());
  const linked = viewFromUrl(figure).get('value');
  const node = linked ? layout.level.findIndex((level, i) => level === 0 && atlasSlug(layout, i) === linked) : -1;
  if (node > 0) showValue(node, { animate: false, announce: false });
  else if (linked) setView(figure, ['value'], {});
  figure.dataset.atlasReady = '';
  performance.mark('atlas-ready');
}
