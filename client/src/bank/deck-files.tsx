import { useState } from 'react';
import { layoutLabel } from '../../../shared/notes-labels.js';
import { Notice } from '../components/notice.js';
import { api, errorText } from '../lib/api.js';
import { formatDate } from '../lib/format.js';
import { useApi } from '../lib/use-api.js';
import type { DeckFile } from './bank-types.js';

export function DeckFiles({ deckId, refresh, onChanged }: { deckId: string; refresh: number; onChanged(): void }) {
  const files = useApi<DeckFile[]>(`/api/decks/${encodeURIComponent(deckId)}/files`, { version: refresh });
  const [error, setError] = useState<string | null>(null);

  const remove = async (file: DeckFile) => {
    if (!window.confirm(`Remove “${file.name}” and its ${file.facts} facts from the deck?`)) return;
    try {
      await api(`/api/decks/${encodeURIComponent(deckId)}/files/${encodeURIComponent(file.id)}`, { method: 'DELETE' });
      setError(null);
      onChanged();
    } catch (e) {
      setError(errorText(e));
    }
  };

  const list = files.data ?? [];
  return (
    <section className="card" aria-labelledby="files-title">
      <h3 id="files-title">Files</h3>
      <Notice>{files.error ?? error}</Notice>
      {list.length === 0 && !files.loading ? <p className="hint">No files yet.</p> : null}
      {list.length ? (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Kind of notes</th>
                <th scope="col" className="num">
                  Facts
                </th>
                <th scope="col">Imported</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((file) => (
                <tr key={file.id}>
                  <td className="clip">{file.name}</td>
                  <td>
                    <span className="tag" title={layoutLabel(file.layout).hint || undefined}>
                      {layoutLabel(file.layout).label}
                    </span>
                  </td>
                  <td className="num">{file.facts}</td>
                  <td>{formatDate(file.importedAt)}</td>
                  <td>
                    <button type="button" className="button ghost small danger-text" onClick={() => void remove(file)} aria-label={`Delete ${file.name}`}>
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
