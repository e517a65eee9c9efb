import type { PackProblem } from '../../core/packs/pack';
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
  | { kind: 'failed'; message: string; problems: PackProblem[] };

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
  bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} kB`;

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
      <h2 id="bs-datasets-title">Datasets</h2>
      <p data-testid="bundled-dataset">
        Built in: {bundled.entities} entries, version {bundled.version}, facts checked as of{' '}
        {bundled.checked}.
      </p>
      {packs.length > 0 && (
        <ul class="bs-packs">
          {packs.map((p) => (
            <li key={p.id} data-pack-id={p.id}>
              <label class="bs-option">
                <input
                  type="checkbox"
                  checked={p.enabled}
                  aria-label={`Use ${p.name}`}
                  onChange={(e) => onToggle(p.id, e.currentTarget.checked)}
                />
                <span>
                  <strong>{p.name}</strong> — {p.entities} entries, version {p.version}, checked as
                  of {p.checked}, {size(p.bytes)}
                  <br />
                  <small>{p.licence}</small>
                </span>
              </label>
              <span class="bs-pack-actions">
                <button type="button" class="bs-link" onClick={() => onExport(p.id)}>
                  Export
                </button>
                <button type="button" class="bs-link" onClick={() => onRemove(p.id)}>
                  Remove
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <label class="bs-stacked">
        <span>
          <strong>Import a pack</strong> (a JSON file in the dataset's format, at most{' '}
          {maxMegabytes} MB). Nothing changes until the whole file is valid; a pack with the id of
          one already imported replaces it.
        </span>
        <JsonFileInput name="pack" onFile={onImport} />
      </label>
      <div class="bs-import-status" role="status" data-testid="import-status">
        {importState.kind === 'reading' && (
          <progress max={100} value={importState.percent}>
            {importState.percent}%
          </progress>
        )}
        {importState.kind === 'checking' && <p>Checking the pack…</p>}
        {importState.kind === 'done' && <p>{importState.message}</p>}
        {importState.kind === 'failed' && (
          <div class="bs-error">
            <p>{importState.message}</p>
            <ul data-testid="import-problems">
              {importState.problems.map((p, i) => (
                <li key={i}>
                  {p.path ? <code>{p.path}</code> : 'The file'}: {p.message}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
}
