import { Player, playing, SPEEDS } from './sonify.ts';

/**
 * Listen's controls (loaded with the sound, on a reader's first press of Listen or of a Listen key): the Listen button
 * plays and stops, and shows which with aria-pressed; a panel under the toolbar steps one note back or forward (a
 * touch screen reader has no keys), sets the speed and lists the keys. As in chart2music: "." and "," change the speed,
 * "[" and "]" step, "?" shows the keys, and Escape stops the sound wherever focus is.
 */
export interface Listening {
  toggle(): void;
  /** Act on a Listen key pressed inside the figure; false when the key is not one of them. */
  key(key: string): boolean;
}

const KEYS: [string, string][] = [
  ['Enter', 'on Listen: play, or stop'],
  ['Escape', 'stop the sound'],
  [']  and  [', 'next and previous note, each read out'],
  ['.  and  ,', 'faster and slower'],
  ['?', 'show or hide these keys'],
];

const controllers = new WeakMap<HTMLElement, Listening>();

/** The figure's Listen controller, made once, with its panel. */
export function listening(figure: HTMLElement, button: HTMLButtonElement): Listening {
  let made = controllers.get(figure);
  if (!made) controllers.set(figure, (made = makeListening(figure, button)));
  return made;
}

function makeListening(figure: HTMLElement, button: HTMLButtonElement): Listening {
  const player = new Player(figure, (on) => {
    button.setAttribute('aria-pressed', String(on));
    button.textContent = on ? 'Stop' : 'Listen';
  });
  const panel = document.createElement('div');
  panel.className = 'tool-panel listen-panel';
  panel.setAttribute('role', 'group');
  panel.setAttribute('aria-label', 'Listen: step and speed');
  const keysId = `${figure.id}-listen-keys`;
  panel.innerHTML =
    '<button type="button" data-listen="previous" aria-keyshortcuts="[">Previous note</button>' +
    '<button type="button" data-listen="next" aria-keyshortcuts="]">Next note</button>' +
    `<span><label for="${figure.id}-listen-speed">Speed</label> <select id="${figure.id}-listen-speed" data-listen="speed" aria-keyshortcuts=". ,">${SPEEDS.map((s, i) => `<option value="${i}">${s.label}</option>`).join('')}</select></span>` +
    `<button type="button" data-listen="keys" aria-expanded="false" aria-controls="${keysId}" aria-keyshortcuts="?">Keys</button>` +
    `<div class="listen-keys" id="${keysId}" tabindex="-1" hidden><p>Keys, with focus in this chart:</p><ul>${KEYS.map(([k, what]) => `<li><kbd>${k}</kbd> ${what}</li>`).join('')}</ul></div>`;
  const speed = panel.querySelector<HTMLSelectElement>('[data-listen="speed"]')!;
  const keysButton = panel.querySelector<HTMLButtonElement>('[data-listen="keys"]')!;
  const keys = panel.querySelector<HTMLElement>('.listen-keys')!;
  speed.value = String(player.speed);
  button.setAttribute('aria-keyshortcuts', 'Escape');
  button.closest('.figure-toolbar')!.append(panel);

  const setSpeed = (to: number) => {
    player.setSpeed(to);
    speed.value = String(player.speed);
  };
  const showKeys = (show = keys.hidden) => {
    keys.hidden = !show;
    keysButton.setAttribute('aria-expanded', String(show));
    if (show) keys.focus();
  };
  panel.addEventListener('click', (event) => {
    const action = (event.target as Element).closest<HTMLElement>('button[data-listen]')?.dataset.listen;
    if (action === 'previous') player.step(-1);
    else if (action === 'next') player.step(1);
    else if (action === 'keys') showKeys();
  });
  speed.addEventListener('change', () => setSpeed(Number(speed.value)));

  return {
    toggle: () => (player.playing ? player.stop() : void player.play()),
    key(key) {
      const actions: Record<string, () => void> = {
        '?': () => showKeys(),
        ']': () => player.step(1),
        '[': () => player.step(-1),
        '.': () => setSpeed(player.speed + 1),
        ',': () => setSpeed(player.speed - 1),
      };
      actions[key]?.();
      return key in actions;
    },
  };
}

// Escape stops the sound wherever focus is, and does only that (a second Escape does what it does there: zoom out, leave the chart).
addEventListener(
  'keydown',
  (event) => {
    if (event.key !== 'Escape' || !playing()) return;
    playing()!.stop();
    event.preventDefault();
    event.stopImmediatePropagation();
  },
  true,
);
