import { el } from './dom';
import { MAX_INTERVAL_SECONDS, MIN_INTERVAL_SECONDS, sanitizeSettings, type FrameSettings } from './settings';

/**
 * The small settings panel: a plain form (so a TV remote's D-pad moves between its fields), applied as it changes.
 */
export class SettingsPanel {
  readonly element: HTMLFormElement;
  private readonly fields: {
    interval: HTMLInputElement;
    captions: HTMLInputElement;
    clock: HTMLInputElement;
    kenBurns: HTMLInputElement;
    dim: HTMLInputElement;
    dimFrom: HTMLInputElement;
    dimTo: HTMLInputElement;
  };

  constructor(
    settings: FrameSettings,
    private readonly onChange: (settings: FrameSettings) => void,
    private readonly onClose: () => void,
  ) {
    this.element = el('form', 'settings', { 'aria-label': 'Frame settings' });
    this.element.hidden = true;
    const title = el('h2');
    title.textContent = 'Frame settings';
    const number = (value: number): HTMLInputElement => {
      const input = el('input', '', {
        type: 'number',
        min: String(MIN_INTERVAL_SECONDS),
        max: String(MAX_INTERVAL_SECONDS),
        step: '1',
        name: 'interval',
      });
      input.value = String(value);
      return input;
    };
    const check = (name: string, on: boolean): HTMLInputElement => {
      const input = el('input', '', { type: 'checkbox', name });
      input.checked = on;
      return input;
    };
    const time = (name: string, value: string): HTMLInputElement => {
      const input = el('input', '', { type: 'time', name });
      input.value = value;
      return input;
    };
    this.fields = {
      interval: number(settings.intervalSeconds),
      captions: check('captions', settings.captions),
      clock: check('clock', settings.clock),
      kenBurns: check('kenburns', settings.kenBurns),
      dim: check('dim', settings.dim),
      dimFrom: time('dimfrom', settings.dimFrom),
      dimTo: time('dimto', settings.dimTo),
    };
    const row = (text: string, input: HTMLInputElement): HTMLLabelElement => {
      const label = el('label');
      const span = el('span');
      span.textContent = text;
      label.append(span, input);
      return label;
    };
    const done = el('button', '', { type: 'submit' });
    done.textContent = 'Done';
    const actions = el('div', 'actions');
    actions.append(done);
    this.element.append(
      title,
      row('Seconds per photo', this.fields.interval),
      row('Captions', this.fields.captions),
      row('Clock', this.fields.clock),
      row('Slow zoom', this.fields.kenBurns),
      row('Dim at night', this.fields.dim),
      row('Dim from', this.fields.dimFrom),
      row('Dim until', this.fields.dimTo),
      actions,
    );
    this.element.addEventListener('change', () => this.onChange(this.read(settings)));
    this.element.addEventListener('submit', (event) => {
      event.preventDefault();
      this.onChange(this.read(settings));
      this.onClose();
    });
  }

  get open(): boolean {
    return !this.element.hidden;
  }

  show(): void {
    this.element.hidden = false;
    this.fields.interval.focus();
  }

  hide(): void {
    this.element.hidden = true;
  }

  private read(previous: FrameSettings): FrameSettings {
    return sanitizeSettings({
      ...previous,
      intervalSeconds: Number(this.fields.interval.value),
      captions: this.fields.captions.checked,
      clock: this.fields.clock.checked,
      kenBurns: this.fields.kenBurns.checked,
      dim: this.fields.dim.checked,
      dimFrom: this.fields.dimFrom.value,
      dimTo: this.fields.dimTo.value,
    });
  }
}
