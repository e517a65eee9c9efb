import type { Problem } from '../../core/problems';
import { formatNumber, t } from '../../shared/i18n';
import { problemSubject, problemText } from '../../shared/problem-text';
import { JsonFileInput } from './JsonFileInput';
import type { StoredPackInfo } from '../../shared/packs';

export interface BundledInfo {
  version: string;
  entities: number;
  checked: string;
}

export type ImportState =
  | { kind: 'idle' }
  | { kind: 'reading'; percent: number }
  | { kind: 'checking' }
  | { kind: 'done'; message: string }
  | { kind: 'failed'; message: string; problems: Problem[] };

interface Props {
  bundled: BundledInfo;
  packs: StoredPackInfo[];
  maxMegabytes: number;
  importState: ImportState;
  onImport: (file: File) => void;
  onToggle: (id: string, enabled: boolean) => void;
  onRemove: (id: string) => void;
  onExport: (id: string) => void;
}

const size = (bytes: number) =>
  bytes >= 1e6
    ? t(
        'size_mb',
        formatNumber(bytes / 1e6, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
      )
    : t('size_kb', Math.max(1, Math.round(bytes / 1e3)));

/** The bundled dataset, the imported packs, and importing one (with every problem listed). */
export function Datasets({
  bundled,
  packs,
  maxMegabytes,
  importState,
  onImport,
  onToggle,
  onRemove,
  onExport,
}: Props) {
  return (
    <section class="bs-datasets" aria-labelledby="bs-datasets-title">
      <h2 id="bs-datasets-title">{t('datasets_title')}</h2>
      <p data-testid="bundled-dataset">
        {t('datasets_bundled', bundled.entities, bundled.version, bundled.checked)}
      </p>
      {packs.length > 0 && (
        <ul class="bs-packs">
          {packs.map((p) => (
            <li key={p.id} data-pack-id={p.id}>
              <label class="bs-option">
                <input
                  type="checkbox"
                  checked={p.enabled}
                  aria-label={t('datasets_use', p.name)}
                  onChange={(e) => onToggle(p.id, e.currentTarget.checked)}
                />
                <span>
                  <strong>
                    <bdi>{p.name}</bdi>
                  </strong>{' '}
                  {t('datasets_pack', p.entities, p.version, p.checked, size(p.bytes))}
                  <br />
                  <small dir="auto">{p.licence}</small>
                </span>
              </label>
              <span class="bs-pack-actions">
                <button type="button" class="bs-link" onClick={() => onExport(p.id)}>
                  {t('export')}
                </button>
                <button type="button" class="bs-link" onClick={() => onRemove(p.id)}>
                  {t('remove')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <label class="bs-stacked">
        <span>
          <strong>{t('datasets_import')}</strong> {t('datasets_import_help', maxMegabytes)}
        </span>
        <JsonFileInput name="pack" onFile={onImport} />
      </label>
      <div class="bs-import-status" role="status" data-testid="import-status">
        {importState.kind === 'reading' && (
          <progress max={100} value={importState.percent}>
            {formatNumber(importState.percent / 100, { style: 'percent' })}
          </progress>
        )}
        {importState.kind === 'checking' && <p>{t('datasets_checking')}</p>}
        {importState.kind === 'done' && <p>{importState.message}</p>}
        {importState.kind === 'failed' && (
          <div class="bs-error">
            <p>{importState.message}</p>
            <ul data-testid="import-problems">
              {importState.problems.map((p, i) => (
                <li key={i}>
                  {p.path ? <code>{p.path}</code> : problemSubject(p, t('datasets_the_file'))}
                  {problemSubject(p, '') !== undefined && t('fact_label_separator')}
                  <bdi>{problemText(p)}</bdi>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
}
