// Import notes into a deck: drop files, pick them, or paste text. The server imports all
// of them or none, and answers with a report (shown by ImportReportView).
import { useRef, useState, type DragEvent, type FormEvent } from 'react';
import { Notice } from '../components/notice.js';
import { api, errorText } from '../lib/api.js';
import type { ImportReport } from './bank-types.js';

const ACCEPT = '.txt,.md,.markdown,.csv,.tsv,.html,.htm,.text,text/*';

export function ImportPanel({ deckId, onImported }: { deckId: string; onImported(report: ImportReport): void }) {
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pasteName, setPasteName] = useState('');
  const [pasteText, setPasteText] = useState('');
  const picker = useRef<HTMLInputElement>(null);
  const url = `/api/decks/${encodeURIComponent(deckId)}/files`;

  const upload = async (files: File[]) => {
    if (files.length === 0) return;
    const form = new FormData();
    for (const file of files) form.append('files', file, file.name);
    setBusy(true);
    setError(null);
    try {
      onImported(await api<ImportReport>(url, { method: 'POST', body: form }));
    } catch (e) {
      setError(`Nothing was imported: ${errorText(e)}`);
    } finally {
      setBusy(false);
      if (picker.current) picker.current.value = '';
    }
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void upload(Array.from(event.dataTransfer.files));
  };

  const submitPaste = async (event: FormEvent) => {
    event.preventDefault();
    if (!pasteText.trim()) {
      setError('Paste some notes first.');
      return;
    }
    const name = pasteName.trim() || `pasted-${new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-')}.txt`;
    setBusy(true);
    setError(null);
    try {
      onImported(await api<ImportReport>(url, { method: 'POST', body: { name, text: pasteText } }));
      setPasteText('');
      setPasteName('');
    } catch (e) {
      setError(`Nothing was imported: ${errorText(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card import-panel" aria-labelledby="import-title">
      <h3 id="import-title">Import notes</h3>
      <div
        className={`drop-zone${dragging ? ' is-dragging' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>
          <strong>Drop note files here</strong>
          <br />
          <span className="hint">Markdown, outlines, Quizlet/Anki exports (tab-separated), plain text</span>
        </p>
        <button type="button" className="button" onClick={() => picker.current?.click()} disabled={busy}>
          {busy ? 'Importing…' : 'Choose files…'}
        </button>
        <input
          ref={picker}
          className="visually-hidden"
          type="file"
          multiple
          accept={ACCEPT}
          aria-label="Note files to import"
          tabIndex={-1}
          onChange={(e) => void upload(Array.from(e.target.files ?? []))}
        />
      </div>
      <details className="paste-box">
        <summary>…or paste text</summary>
        <form onSubmit={submitPaste}>
          <label htmlFor="paste-name">Name</label>
          <input id="paste-name" value={pasteName} onChange={(e) => setPasteName(e.target.value)} placeholder="chapter-3.md" maxLength={200} />
          <label htmlFor="paste-text">Notes</label>
          <textarea
            id="paste-text"
            rows={8}
            value={pasteText}
            onChange={(e) => setPasteText(e.target.value)}
            placeholder={'Photosynthesis\n- Chlorophyll: the green pigment that absorbs light\n- Stomata: pores that let CO2 in'}
          />
          <button className="button" type="submit" disabled={busy}>
            {busy ? 'Importing…' : 'Import text'}
          </button>
        </form>
      </details>
      <Notice>{error}</Notice>
    </section>
  );
}
