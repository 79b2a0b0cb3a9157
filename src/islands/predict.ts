import { escapeHtml } from '../lib/escape.ts';
import { setView, viewFromUrl } from './view-state.ts';

/**
 * Predict, then reveal (after the New York Times' "You Draw It"): the reader guesses a share before the chart is
 * shown, then sees the answer with their guess kept beside it. Nothing is stored. Without JavaScript the chart simply
 * shows, and the page carries none of this: the figure holds the question and answer as data-predict-* attributes, the
 * script makes the button, and the guessing panel when it is first wanted. While the reader guesses, the figure's view
 * holds predict=1 (view-state.ts), so a link starts with the guess: ?predict=1 on an embed or the chart's page,
 * ?<id>.predict=1 on the report.
 */
export function initPredict(figure: HTMLElement): void {
  const { predictQuestion: question = '', predictAnswer, predictText: answerText = '' } = figure.dataset;
  const answer = Number(predictAnswer);
  const root = document.createElement('div');
  root.className = 'predict';
  root.innerHTML = '<button type="button" class="tool-button" data-predict="start">Guess before you look</button>';
  figure.querySelector('.provenance')!.after(root);
  const start = root.querySelector('button')!;
  let game: ReturnType<typeof makeGame> | undefined;

  const guessing = (on: boolean) => {
    game ??= makeGame();
    figure.classList.toggle('predicting', on);
    game.panel.hidden = !on;
    start.hidden = on;
    setView(figure, ['predict'], on ? { predict: '1' } : {});
  };

  function makeGame() {
    const id = escapeHtml(figure.id);
    const panel = document.createElement('div');
    panel.className = 'predict-panel';
    panel.innerHTML =
      `<p id="${id}-predict-question">${escapeHtml(question)}</p>` +
      `<div class="predict-guess"><label for="${id}-guess">Your guess</label> <input type="range" id="${id}-guess" min="0" max="100" step="0.5" value="50" aria-describedby="${id}-predict-question"> <output for="${id}-guess">50%</output></div>` +
      '<button type="button" class="tool-button" data-predict="reveal">Reveal the data</button> <button type="button" class="link-button" data-predict="skip">Just show the chart</button>';
    const result = document.createElement('div');
    result.className = 'predict-result';
    result.tabIndex = -1;
    result.hidden = true;
    root.append(panel, result);
    const q = <T extends Element>(selector: string) => panel.querySelector<T>(selector)!;
    const [input, output] = [q<HTMLInputElement>('input'), q<HTMLOutputElement>('output')];
    input.addEventListener('input', () => (output.value = `${input.value}%`));
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
      line.innerHTML = `<strong>You guessed ${guess}%.</strong> The data: ${escapeHtml(answerText)}. ${verdict}`;
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
    return { panel, result, input };
  }

  start.addEventListener('click', () => {
    guessing(true);
    game!.result.hidden = true;
    game!.input.focus();
  });
  if (viewFromUrl(figure).get('predict') === '1') guessing(true);
  else setView(figure, ['predict'], {});
}
