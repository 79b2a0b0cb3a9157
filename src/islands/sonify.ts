import { announce } from './announce.ts';
import { rowStops, walkTable } from './walk-table.ts';

/**
 * Listen to a chart (loaded only when a reader asks): each row of its data table in order as a short tone, higher for
 * larger values, as chart2music does. A note's number is read from the column the keyboard walk reads as the value,
 * else from its detail column (a diagram's rows name their figures in words: "308,210 conversations"); a row with no
 * number plays a low click, so every row is heard. What is heard is what the table and the chart show.
 *
 * One player per figure; starting one stops any other (whose Listen button then shows it stopped). Each note is
 * scheduled when the one before ends, so a speed change, Stop or Escape takes effect at once.
 */
const NOTE_MS = 240;
const [LOW_HZ, HIGH_HZ] = [220, 880];
const CLICK_HZ = 110;
/** Speeds a reader can choose (chart2music offers the same with . and ,): how many times faster than NOTE_MS. */
export const SPEEDS = [
  { label: 'Slow', rate: 0.5 },
  { label: 'Normal', rate: 1 },
  { label: 'Fast', rate: 2 },
  { label: 'Fastest', rate: 4 },
] as const;
export const DEFAULT_SPEED = 1;

/** One row as heard: its pitch (null: the row has no number, a click) and what the keyboard walk says at it. */
export interface Note {
  hz: number | null;
  name: string;
}

/** The number a cell holds: its exact value (data-v), else the first number written in it. */
export function cellNumber(cell: { dataset: { v?: string }; textContent: string | null } | undefined): number {
  if (!cell) return NaN;
  if (cell.dataset.v !== undefined && cell.dataset.v !== '') return parseFloat(cell.dataset.v);
  const found = /-?\d[\d,]*(?:\.\d+)?/.exec(cell.textContent ?? '');
  return found ? parseFloat(found[0].replace(/,/g, '')) : NaN;
}

/** Pitch on a log scale when the values span more than a factor of 20 (the long tail), else linear. */
export function pitches(values: number[]): number[] {
  const positive = values.every((v) => v > 0);
  const [min, max] = [Math.min(...values), Math.max(...values)];
  const log = positive && max / min > 20;
  const scale = (v: number) => (max === min ? 0.5 : log ? Math.log(v / min) / Math.log(max / min) : (v - min) / (max - min));
  return values.map((v) => LOW_HZ * (HIGH_HZ / LOW_HZ) ** scale(v));
}

/** Every row of the figure's table as a note, in the order the table shows. */
export function tableNotes(figure: HTMLElement): Note[] {
  const { keys, rows, column } = walkTable(figure);
  const columns = [column(keys.value), column(keys.detail)].filter((c) => c >= 0);
  const numbers = rows.map((tr) => columns.map((c) => cellNumber(tr.cells[c])).find(Number.isFinite) ?? NaN);
  const hz = pitches(numbers.filter(Number.isFinite));
  const names = rowStops(figure).map((stop) => stop.name);
  let k = 0;
  return numbers.map((n, i) => ({ hz: Number.isFinite(n) ? hz[k++]! : null, name: names[i] ?? '' }));
}

let audio: AudioContext | undefined;

/** One short tone now. The context is made on the first note (a reader's press, so the browser lets it sound). */
function sound(note: Note, ms: number): void {
  audio ??= new AudioContext();
  if (audio.state === 'suspended') void audio.resume();
  const tone = audio.createOscillator();
  const gain = audio.createGain();
  const click = note.hz === null;
  tone.type = click ? 'square' : 'sine';
  tone.frequency.value = note.hz ?? CLICK_HZ;
  const length = click ? Math.min(60, ms * 0.5) : ms * 0.85;
  const at = audio.currentTime + 0.01;
  gain.gain.setValueAtTime(0, at);
  gain.gain.linearRampToValueAtTime(click ? 0.08 : 0.2, at + 0.01);
  gain.gain.linearRampToValueAtTime(0, at + length / 1000);
  tone.connect(gain).connect(audio.destination);
  tone.start(at);
  tone.stop(at + length / 1000 + 0.02);
}

let current: Player | undefined;

/** A figure's player: plays its table from a note onwards, or one note at a time, and says what it does. */
export class Player {
  /** The note last played (-1: none yet). */
  private at = -1;
  private timer: ReturnType<typeof setTimeout> | undefined;
  speed = DEFAULT_SPEED;

  /** `onState` is told whenever the player starts or stops playing, so its button shows the truth. */
  constructor(
    private readonly figure: HTMLElement,
    private readonly onState: (playing: boolean) => void,
  ) {}

  get playing(): boolean {
    return this.timer !== undefined;
  }

  private get noteMs(): number {
    return NOTE_MS / SPEEDS[this.speed]!.rate;
  }

  /** Play from the note after the last one heard (from the start after the end); returns how many notes will sound. */
  play(): number {
    current?.halt();
    const notes = tableNotes(this.figure);
    if (!notes.length) {
      announce('This chart has no rows to play.');
      return 0;
    }
    if (this.at >= notes.length - 1) this.at = -1;
    current = this;
    const count = notes.length - this.at - 1;
    const clicks = notes.some((n) => n.hz === null) ? ' A click is a row without a number.' : '';
    announce(`Playing ${count} ${count === 1 ? 'value' : 'values'} in table order: higher tones are larger values.${clicks} Escape stops.`);
    const next = () => {
      this.at += 1;
      sound(notes[this.at]!, this.noteMs);
      if (this.at < notes.length - 1) this.timer = setTimeout(next, this.noteMs);
      else
        this.timer = setTimeout(() => {
          this.halt();
          announce(`Finished: played all ${notes.length} ${notes.length === 1 ? 'value' : 'values'}.`);
        }, this.noteMs);
    };
    this.timer = setTimeout(next, 0);
    this.onState(true);
    return count;
  }

  /** Stop where it is, saying so (a Stop press or Escape). */
  stop(): void {
    if (!this.playing) return;
    this.halt();
    const total = tableNotes(this.figure).length;
    announce(`Stopped at value ${this.at + 1} of ${total}.`);
  }

  /** Stop without a word (another chart starts, or the table changed). */
  halt(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (current === this) current = undefined;
    this.onState(false);
  }

  /** One note back or forward, and its row read out: for a touch screen reader, which has no keys to press. */
  step(by: 1 | -1): void {
    if (this.playing) this.halt();
    const notes = tableNotes(this.figure);
    if (!notes.length) return;
    this.at = Math.max(0, Math.min(notes.length - 1, this.at + by));
    sound(notes[this.at]!, NOTE_MS);
    announce(notes[this.at]!.name);
  }

  setSpeed(speed: number): void {
    this.speed = Math.max(0, Math.min(SPEEDS.length - 1, speed));
    announce(`Speed: ${SPEEDS[this.speed]!.label.toLowerCase()}.`);
  }
}

/** The player that is sounding, if any (Escape stops it wherever focus is). */
export function playing(): Player | undefined {
  return current;
}
