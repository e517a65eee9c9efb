import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  saveSettings,
  type Settings,
} from '../../src/shared/settings';
import { OptionsForm } from '../../src/ui/OptionsForm';
import '../../src/ui/options.css';

function Options() {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [status, setStatus] = useState<string>();
  useEffect(() => void loadSettings(browser.storage.local).then(setSettings), []);
  const onChange = (patch: Partial<Settings>) => {
    saveSettings(browser.storage.local, patch).then(
      (saved) => {
        setSettings(saved);
        setStatus('Saved. Open tabs follow at once.');
      },
      (error: unknown) => setStatus(`Not saved: ${String(error)}`),
    );
  };
  return <OptionsForm settings={settings} onChange={onChange} status={status} />;
}

render(<Options />, document.getElementById('app')!);
