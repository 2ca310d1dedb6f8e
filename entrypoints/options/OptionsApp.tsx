import { useEffect, useState } from 'preact/hooks';
import { updateSettings, watchSettings, type Settings } from '../../utils/settings';

export function OptionsApp() {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => watchSettings(setSettings), []);
  if (!settings) return <main class="options" aria-busy="true" />;

  const change = (patch: Partial<Settings>) => {
    setSettings({ ...settings, ...patch });
    void updateSettings(patch);
  };

  return (
    <main class="options">
      <h1>Health Glossary settings</h1>
      <section aria-labelledby="general">
        <h2 id="general">On web pages</h2>
        <div class="row">
          <input
            id="enabled"
            type="checkbox"
            role="switch"
            checked={settings.enabled}
            onChange={(e) => change({ enabled: e.currentTarget.checked })}
          />
          <label for="enabled">Highlight terms on pages</label>
        </div>
        <p class="hint">When this is off, pages look exactly as they would without the extension. Look-ups in the toolbar button still work.</p>
      </section>
    </main>
  );
}
