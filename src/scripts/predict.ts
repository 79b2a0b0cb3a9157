import { escapeHtml } from '../lib/escape.ts';

/**
 * Predict, then reveal (after the New York Times' "You Draw It"): the reader guesses a share before the chart is
 * shown, then sees the answer with their guess kept beside it. Nothing is stored. Without JavaScript the chart simply
 * shows; embeds start guessing with ?predict=1.
 */
export function initPredict(figure: HTMLElement): void {
  const root = figure.querySelector<HTMLElement>('.predict');
  if (!root) return;
  const q = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  const [start, panel, result] = [q<HTMLButtonElement>('[data-predict="start"]'), q<HTMLElement>('.predict-panel'), q<HTMLElement>('.predict-result')];
  const [input, output] = [q<HTMLInputElement>('input'), q<HTMLOutputElement>('output')];
  const answer = Number(root.dataset.answer);

  const guessing = (on: boolean) => {
    figure.classList.toggle('predicting', on);
    panel.hidden = !on;
    start.hidden = on;
  };
  input.addEventListener('input', () => (output.value = `${input.value}%`));
  start.addEventListener('click', () => {
    guessing(true);
    result.hidden = true;
    input.focus();
  });
  q('[data-predict="skip"]').addEventListener('click', () => {
    guessing(false);
    start.focus();
  });
  q('[data-predict="reveal"]').addEventListener('click', () => {
    const guess = Number(input.value);
    const gap = Math.round(Math.abs(guess - answer) * 10) / 10;
    const verdict = gap < 1 ? 'Very close.' : `You were ${gap} points ${guess > answer ? 'too high' : 'too low'}.`;
    const scale = Math.max(guess, answer, 1);
    const line = document.createElement('p');
    line.innerHTML = `<strong>You guessed ${guess}%.</strong> The data: ${escapeHtml(result.dataset.answerText)}. ${verdict}`;
    // The guess stays beside the answer, drawn to one scale (widths set through the CSSOM, which the CSP allows).
    const bars = document.createElement('div');
    bars.className = 'predict-bars';
    bars.setAttribute('aria-hidden', 'true');
    for (const [label, value, extra] of [['Your guess', guess, ' is-guess'], ['The data', answer, '']] as const) {
      const name = document.createElement('span');
      name.textContent = label;
      const bar = document.createElement('span');
      bar.className = `predict-bar${extra}`;
      bar.style.setProperty('--w', `${(100 * value) / scale}%`);
      bars.append(name, bar);
    }
    result.replaceChildren(line, bars);
    guessing(false);
    result.hidden = false;
    result.focus();
  });
  start.hidden = false;
  if (figure.closest('[data-embed]') && new URLSearchParams(location.search).get('predict') === '1') guessing(true);
}
