// The choices of "Cỡ chữ và màu": text size in three steps, the high-contrast switch and the
// read-aloud speed. Every choice applies at once and is kept on the phone (hocso:display);
// the same panel fills the settings screen and the sheet opened by the header's "Aa" button.
import { Radio, Switch } from "zmp-ui";
import { useDeviceStore } from "../../app/device-store.ts";
import { displayStore, SPEECH_RATES, TEXT_SIZES, type DisplaySettings } from "../../app/display-store.ts";
import { strings } from "../../app/strings.ts";

type SectionHeading = "h2" | "h3";

function update(change: Partial<DisplaySettings>): void {
  displayStore.set((current) => ({ ...current, ...change }));
}

export function DisplaySettingsPanel({ sectionHeading }: { sectionHeading: SectionHeading }) {
  const settings = useDeviceStore(displayStore);
  const t = strings.display;
  const Heading = sectionHeading;

  return (
    <div className="display-settings">
      <fieldset className="choice-list">
        <legend>
          <Heading>{t.sizeHeading}</Heading>
        </legend>
        {TEXT_SIZES.map((size) => (
          <Radio
            key={size}
            className={settings.textSize === size ? "choice is-checked" : "choice"}
            name="text-size"
            value={size}
            checked={settings.textSize === size}
            onChange={() => update({ textSize: size })}
            label={t.sizes[size]}
          />
        ))}
      </fieldset>
      <p className="card sample-text">{t.sample}</p>

      <Heading>{t.contrastHeading}</Heading>
      <div className={settings.highContrast ? "choice switch-row is-checked" : "choice switch-row"}>
        <Switch
          role="switch"
          checked={settings.highContrast}
          aria-describedby="high-contrast-hint"
          onChange={(event: { target: { checked: boolean } }) => update({ highContrast: event.target.checked })}
          label={t.highContrast}
        />
      </div>
      <p id="high-contrast-hint" className="muted">
        {t.highContrastHint}
      </p>

      <fieldset className="choice-list">
        <legend>
          <Heading>{t.rateHeading}</Heading>
        </legend>
        {SPEECH_RATES.map((rate) => (
          <Radio
            key={rate}
            className={settings.speechRate === rate ? "choice is-checked" : "choice"}
            name="speech-rate"
            value={rate}
            checked={settings.speechRate === rate}
            onChange={() => update({ speechRate: rate })}
            label={t.rates[rate]}
          />
        ))}
      </fieldset>
      <p className="muted">{t.savedNote}</p>
    </div>
  );
}
