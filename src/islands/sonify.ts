import { walkTable } from './walk-table.ts';

/**
 * Listen to a chart (loaded only when a reader presses Listen): each value of its data table in order as a short
 * tone, higher for larger values, as Chart2Music does. The values are read from the same table columns the keyboard
 * walk uses, so what is heard is what the table and the chart show.
 */
const NOTE_MS = 220;
const [LOW_HZ, HIGH_HZ] = [220, 880];

let playing: { context: AudioContext; stop: () => void } | undefined;

export function isPlaying(): boolean {
  return playing !== undefined;
}

export function stop(): void {
  playing?.stop();
  playing = undefined;
}

/** The numbers of the table's value column, in row order (cells without a number are skipped). */
export function tableValues(figure: HTMLElement): number[] {
  const { keys, rows, column } = walkTable(figure);
  const c = column(keys.value);
  if (c < 0) return [];
  return rows.map((tr) => parseFloat(tr.cells[c]?.dataset.v ?? tr.cells[c]?.textContent ?? '')).filter(Number.isFinite);
}

/** Pitch on a log scale when the values span more than a factor of 20 (the long tail), else linear. */
export function pitches(values: number[]): number[] {
  const positive = values.every((v) => v > 0);
  const [min, max] = [Math.min(...values), Math.max(...values)];
  const log = positive && max / min > 20;
  const scale = (v: number) => (max === min ? 0.5 : log ? Math.log(v / min) / Math.log(max / min) : (v - min) / (max - min));
  return values.map((v) => LOW_HZ * (HIGH_HZ / LOW_HZ) ** scale(v));
}

/** Play the chart's values; resolves when done or stopped. */
export function play(figure: HTMLElement, onEnd: () => void): number {
  stop();
  const values = tableValues(figure);
  if (!values.length) return 0;
  const context = new AudioContext();
  const start = context.currentTime + 0.05;
  pitches(values).forEach((hz, i) => {
    const tone = context.createOscillator();
    const gain = context.createGain();
    tone.frequency.value = hz;
    const at = start + (i * NOTE_MS) / 1000;
    gain.gain.setValueAtTime(0, at);
    gain.gain.linearRampToValueAtTime(0.2, at + 0.02);
    gain.gain.linearRampToValueAtTime(0, at + (NOTE_MS - 30) / 1000);
    tone.connect(gain).connect(context.destination);
    tone.start(at);
    tone.stop(at + NOTE_MS / 1000);
  });
  const timer = setTimeout(() => {
    stop();
    onEnd();
  }, values.length * NOTE_MS + 100);
  playing = {
    context,
    stop: () => {
      clearTimeout(timer);
      void context.close();
    },
  };
  return values.length;
}
