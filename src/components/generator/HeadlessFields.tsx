/**
 * "No browser on this machine": the switch (OAuth sign-in methods only), loaded with the engine
 * (engine.ts). The steps it gives are HeadlessSteps.tsx, loaded only once the switch is on.
 */
import type { Diagnostic } from '../../lib/generator/model.ts';
import type { SettingsForm } from '../../lib/input/settings-form.ts';
import { Messages } from '../shared/fields.tsx';

interface SwitchProps {
  id: string;
  settings: SettingsForm;
  setSettings: (update: (s: SettingsForm) => SettingsForm) => void;
  errorsOf: (key: string) => Diagnostic[];
}

/** The checkbox, with what it changes said beside it. */
export function HeadlessSwitch({ id, settings, setSettings, errorsOf }: SwitchProps) {
  const box = `${id}-headless`;
  const messages = errorsOf('settings.headless');
  const described = [`${box}-help`, messages.length > 0 ? `${box}-msg` : ''].join(' ').trim();
  return (
    <div class="cmg-field cmg-check cmg-headless">
      <input
        type="checkbox"
        id={box}
        checked={settings.headless === 'on'}
        aria-describedby={described}
        onChange={(e) => {
          const on = e.currentTarget.checked;
          setSettings((s) => ({ ...s, headless: on ? 'on' : '' }));
        }}
      />
      <label for={box}>No browser on this machine</label>
      <p class="cmg-help" id={`${box}-help`}>
        SSH, a container, a server: the steps keep the token in a file, add the server without
        signing in, then sign in with a browser elsewhere.
      </p>
      <Messages id={box} messages={messages} />
    </div>
  );
}
