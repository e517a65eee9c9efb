import { useEffect, useRef } from 'preact/hooks';
import { ENTITY_TYPES, type EntityType } from '../../core/dataset/schema';
import { highlightCss } from '../../shared/highlight-style';
import { DEFAULT_COLOURS, type Settings } from '../../shared/settings';
import { t } from '../../shared/i18n';
import { typePlural } from '../labels';

interface Props {
  settings: Settings;
  onChange: (patch: Partial<Settings>, how?: { typing?: boolean }) => void;
}

/** A made-up sentence with one name of each kind, to preview the look. */
const SAMPLE: [string, EntityType | undefined][] = [
  ['Esmail Qaani', 'person'],
  [', head of the ', undefined],
  ['Quds Force', 'organization'],
  [', was in ', undefined],
  ['Baghdad', 'place'],
  [' to discuss the ', undefined],
  ['2023 Iran–Iraq security agreement', 'agreement'],
  [' ahead of the ', undefined],
  ['Oman-mediated Iran–US talks', 'event'],
  [', the ', undefined],
  ['WANA News Agency', 'media'],
  [' reported.', undefined],
];

/**
 * Which kinds of names are marked, in which colour, and how (underline, tint, both), with a
 * preview painted exactly as pages are: the same highlight rules, through the CSS Custom
 * Highlight API, in this page.
 */
export function Look({ settings, onChange }: Props) {
  const preview = useRef<HTMLParagraphElement>(null);
  const setCategory = (
    type: EntityType,
    patch: Partial<Settings['categories'][EntityType]>,
    how?: { typing?: boolean },
  ) =>
    onChange(
      {
        categories: { ...settings.categories, [type]: { ...settings.categories[type], ...patch } },
      },
      how,
    );

  useEffect(() => {
    const p = preview.current;
    if (!p || typeof Highlight !== 'function') return;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(highlightCss(settings));
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    const spans = [...p.querySelectorAll<HTMLElement>('[data-category]')];
    const names: string[] = [];
    for (const type of ENTITY_TYPES) {
      if (!settings.categories[type].on) continue;
      const ranges = spans
        .filter((s) => s.dataset.category === type)
        .map((s) => {
          const r = new Range();
          r.selectNodeContents(s);
          return r;
        });
      const name = `backstory-${type}`;
      CSS.highlights.set(name, new Highlight(...ranges));
      names.push(name);
    }
    return () => {
      for (const name of names) CSS.highlights.delete(name);
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [settings.categories, settings.highlightStyle]);

  return (
    <fieldset class="bs-option-group">
      <legend>
        <strong>{t('look_title')}</strong>
      </legend>
      <div class="bs-categories">
        {ENTITY_TYPES.map((type) => (
          <div class="bs-category" key={type}>
            <label class="bs-option">
              <input
                type="checkbox"
                name={`category-${type}`}
                checked={settings.categories[type].on}
                onChange={(e) => setCategory(type, { on: e.currentTarget.checked })}
              />
              <span>{typePlural(type)}</span>
            </label>
            <input
              type="color"
              name={`colour-${type}`}
              aria-label={t('look_colour_for', typePlural(type))}
              value={settings.categories[type].colour}
              // Dragging through the picker: saved when it rests.
              onInput={(e) =>
                setCategory(type, { colour: e.currentTarget.value }, { typing: true })
              }
            />
            {settings.categories[type].colour !== DEFAULT_COLOURS[type] && (
              <button
                type="button"
                class="bs-link"
                onClick={() => setCategory(type, { colour: DEFAULT_COLOURS[type] })}
              >
                {t('look_reset')}
              </button>
            )}
          </div>
        ))}
      </div>
      <div class="bs-style-choice" role="radiogroup" aria-label={t('look_style')}>
        {(
          [
            ['underline', t('look_underline')],
            ['tint', t('look_tint')],
            ['both', t('look_both')],
          ] as const
        ).map(([value, label]) => (
          <label class="bs-option" key={value}>
            <input
              type="radio"
              name="highlightStyle"
              value={value}
              checked={settings.highlightStyle === value}
              onChange={() => onChange({ highlightStyle: value })}
            />
            <span>{label}</span>
          </label>
        ))}
      </div>
      <p class="bs-preview" ref={preview} data-testid="look-preview" lang="en" dir="ltr">
        {SAMPLE.map(([text, type], i) =>
          type ? (
            <span key={i} data-category={type}>
              {text}
            </span>
          ) : (
            text
          ),
        )}
      </p>
    </fieldset>
  );
}
