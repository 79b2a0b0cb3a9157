import { idle } from './idle.ts';

/**
 * The square of layout space the tiles cover: its top-left at (x, y), `side` units wide, and the scale of level 0
 * (device px per layout unit), at which it is drawn whole.
 */
export interface Extent {
  x: number;
  y: number;
  side: number;
  scale: number;
}

export interface TileSource {
  /** Whether the square of layout space at (x, y), `side` units wide, holds anything to draw. */
  holds(x: number, y: number, side: number): boolean;
  /** The drawing of that square into `target` (cleared), at `scale` device px per layout unit, as short steps. */
  steps(target: CanvasRenderingContext2D, x: number, y: number, side: number, scale: number): (() => void)[];
}

/** The view a frame shows: layout point p is drawn at p × k + (x, y) CSS px on a canvas of `width` × `height`. */
export interface View {
  k: number;
  x: number;
  y: number;
  width: number;
  height: number;
  dpr: number;
}

const SIDE = 256;

/**
 * A tile's canvas, its pixels allocated now. It is kept in memory rather than on the graphics card
 * (`willReadFrequently`): a canvas there records what is drawn and paints it only when first copied,
 * which would be in a frame; here, reading one pixel (`settle`) makes it paint at once, in the idle moment that drew.
 */
function tileCanvas(): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = SIDE;
  settle(canvas.getContext('2d', { willReadFrequently: true })!);
  return canvas;
}

/** Makes a canvas paint what has been drawn into it so far. */
function settle(context: CanvasRenderingContext2D): void {
  context.getImageData(0, 0, 1, 1);
}


interface Wanted {
  key: string;
  x: number;
  y: number;
  side: number;
}

/**
 * Tiles of a picture that is costly to draw (thousands of circles), as maps do. Level 0 draws the whole at the
 * extent's scale, and level n at 2^n times it; a frame copies the tiles of the level nearest its scale: a frame only
 * copies. The tiles it lacks it shows from the nearest coarser tile at hand, scaled up, and they are painted in idle
 * moments, a step at a time, those nearest the view's middle first, each followed by a new frame. Level 0 is kept
 * (zooming out always finds it); of the rest, at most `most` are kept, least recently used dropped first. Tiles are
 * small canvases because a canvas's pixels are allocated at once: the whole in one would take one long task.
 */
export class TilePyramid {
  private readonly cache = new Map<string, HTMLCanvasElement | null>();
  private readonly lastUsed = new Map<HTMLCanvasElement, number>();
  private readonly spare: HTMLCanvasElement[] = [];
  private made = 0;
  private frame = 0;
  private wanted: Wanted[] = [];
  private job: { key: string; canvas: HTMLCanvasElement; context: CanvasRenderingContext2D; steps: (() => void)[] } | undefined;
  private working = false;
  private covered = false;

  constructor(
    private readonly extent: Extent,
    private readonly source: TileSource,
    private readonly most: number,
    private readonly painted: () => void,
  ) {}

  /**
   * How many tiles a view of `width` × `height` CSS px can need, and a quarter more for the level it zooms from: at
   * most this many are kept beside level 0. A tile is drawn at 0.71 to 1.41 times its size (levels are a factor of
   * 2 apart and the nearest is used), so a view needs up to twice its own pixels in tiles, plus a row and a column.
   */
  static most(width: number, height: number, dpr: number): number {
    const across = (css: number) => Math.ceil((css * dpr) / (SIDE * Math.SQRT1_2)) + 1;
    return Math.min(256, Math.ceil(1.25 * across(width) * across(height)));
  }

  /** The level a view draws from, the one nearest its scale. */
  level(view: View): number {
    return Math.max(0, Math.round(Math.log2((view.k * view.dpr) / this.extent.scale)));
  }

  /**
   * Draws the view into `target` (its transform set to CSS px) from the tiles at hand. Returns false if some of it
   * had no tile at any level (before the first are painted): the caller then draws the view itself.
   */
  draw(target: CanvasRenderingContext2D, view: View): boolean {
    this.frame++;
    this.wanted = [];
    const n = this.level(view);
    const { x: ox, y: oy } = this.extent;
    const side = SIDE / (this.extent.scale * 2 ** n);
    const count = Math.ceil(this.extent.side / side);
    const tileOf = (css: number, offset: number, origin: number) => Math.min(count - 1, Math.max(0, Math.floor(((css - offset) / view.k - origin) / side)));
    const [i0, i1] = [tileOf(0, view.x, ox), tileOf(view.width, view.x, ox)];
    const [j0, j1] = [tileOf(0, view.y, oy), tileOf(view.height, view.y, oy)];
    let covered = true;
    const snap = (css: number) => Math.round(css * view.dpr) / view.dpr;
    const distance: number[] = [];
    for (let j = j0; j <= j1; j++) {
      for (let i = i0; i <= i1; i++) {
        const [x, y] = [ox + i * side, oy + j * side];
        const [dx0, dy0] = [snap(x * view.k + view.x), snap(y * view.k + view.y)];
        const [dx1, dy1] = [snap((x + side) * view.k + view.x), snap((y + side) * view.k + view.y)];
        const tile = this.tile(`${n}/${i}/${j}`);
        if (tile) target.drawImage(tile, dx0, dy0, dx1 - dx0, dy1 - dy0);
        else if (tile === undefined) {
          covered = this.drawCoarser(target, n, i, j, [dx0, dy0, dx1 - dx0, dy1 - dy0]) && covered;
          this.wanted.push({ key: `${n}/${i}/${j}`, x, y, side });
          distance.push(Math.hypot((dx0 + dx1 - view.width) / 2, (dy0 + dy1 - view.height) / 2));
        }
      }
    }
    const order = this.wanted.map((_, w) => w).sort((a, b) => distance[a]! - distance[b]!);
    this.wanted = order.map((w) => this.wanted[w]!);
    if (this.job && !this.wanted.some((w) => w.key === this.job!.key)) {
      this.spare.push(this.job.canvas); // the view moved on before its tile was done
      this.job = undefined;
    }
    if (this.wanted.length && !this.working) {
      this.working = true;
      idle((remaining) => this.work(remaining));
    }
    this.covered = covered;
    return covered;
  }

  /** Counts for the bench: tiles kept, tiles the last frame lacked. */
  stats(): { kept: number; lacking: number } {
    return { kept: this.cache.size, lacking: this.wanted.length };
  }

  /** Paints wanted tiles, a step at a time, while the idle moment lasts (one step at least); then a frame shows them. */
  private work(remaining: () => number) {
    let done = false;
    do {
      this.job ??= this.nextJob();
      if (!this.job) break;
      this.job.steps.shift()!();
      settle(this.job.context);
      if (this.job.steps.length) continue;
      this.cache.set(this.job.key, this.job.canvas);
      this.job = undefined;
      done = true;
    } while (remaining() > 1);
    const more = Boolean(this.job || this.wanted.length);
    // A frame that had to draw the view itself waits for the last tile, rather than drawing itself again for each.
    if (done && (this.covered || !more)) this.painted();
    if (more) idle((next) => this.work(next));
    else this.working = false;
  }

  private nextJob() {
    for (let w = this.wanted.shift(); w; w = this.wanted.shift()) {
      if (this.cache.has(w.key)) continue;
      if (!this.source.holds(w.x, w.y, w.side)) {
        this.cache.set(w.key, null);
        continue;
      }
      // Level 0 is not counted against `most` (it is never dropped).
      const counted = !w.key.startsWith('0/');
      const canvas = this.spare.pop() ?? (!counted || this.made < this.most ? ((this.made += Number(counted)), tileCanvas()) : this.evict());
      if (!canvas) return undefined;
      const context = canvas.getContext('2d', { willReadFrequently: true })!;
      context.clearRect(0, 0, SIDE, SIDE);
      return { key: w.key, canvas, context, steps: this.source.steps(context, w.x, w.y, w.side, SIDE / w.side) };
    }
    return undefined;
  }

  /**
   * A tile from the cache (null: it holds nothing), moved to the end of the order of use; a tile of the frame's own
   * level is marked as shown by it (a coarser one, standing in for tiles not yet painted, may still be reused).
   */
  private tile(key: string, shown = true): HTMLCanvasElement | null | undefined {
    const tile = this.cache.get(key);
    if (tile === undefined) return undefined;
    this.cache.delete(key);
    this.cache.set(key, tile);
    if (tile && shown) this.lastUsed.set(tile, this.frame);
    return tile;
  }

  /** The least recently used tile's canvas beyond level 0 that the last frame did not show. */
  private evict(): HTMLCanvasElement | undefined {
    for (const [key, tile] of this.cache) {
      if (!tile || key.startsWith('0/') || this.lastUsed.get(tile) === this.frame) continue;
      this.cache.delete(key);
      return tile;
    }
    return undefined;
  }

  /** A missing tile's square drawn from the nearest coarser tile at hand; false if there is none. */
  private drawCoarser(target: CanvasRenderingContext2D, n: number, i: number, j: number, destination: [number, number, number, number]): boolean {
    for (let up = 1; up <= n; up++) {
      const tile = this.tile(`${n - up}/${i >> up}/${j >> up}`, false);
      if (tile === null) return true;
      if (!tile) continue;
      const part = SIDE / 2 ** up;
      target.drawImage(tile, (i - ((i >> up) << up)) * part, (j - ((j >> up) << up)) * part, part, part, ...destination);
      return true;
    }
    return false;
  }
}
