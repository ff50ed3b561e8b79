// Inline editor for a fact's term and text (the preview, the fact browser and "Needs fixing"
// use it). The fact keeps its file and line; saving also clears a flag on it, since the host has
// now looked at it. Escape cancels.
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { FactItem } from '../../../shared/bank-types.js';
import { CURATION_LIMITS, type EditFactBody } from '../../../shared/curation-types.js';
import { Notice } from '../components/notice.js';
import { errorText } from '../lib/api.js';
import { editFact } from './curation-api.js';

interface Props {
  deckId: string;
  factId: string;
  term: string;
  fact: string;
  /** A table column or list heading the fact is filed under ("Use cases"); not editable here. */
  attribute?: string | null;
  /** Words on the save button ("Save", "Save fix"). */
  saveLabel?: string;
  onSaved(item: FactItem): void;
  onCancel?(): void;
  /** More buttons for the same row (e.g. "Unflag"). */
  extra?: ReactNode;
}

export function FactEditor({ deckId, factId, term, fact, attribute, saveLabel = 'Save', onSaved, onCancel, extra }: Props) {
  const id = useId();
  const [newTerm, setNewTerm] = useState(term);
  const [newFact, setNewFact] = useState(fact);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    // Only what changed; with no change the save still marks the fact as looked at.
    const body: EditFactBody = {};
    if (newTerm !== term) body.term = newTerm;
    if (newFact !== fact || body.term === undefined) body.fact = newFact;
    setBusy(true);
    try {
      onSaved(await editFact(deckId, factId, body));
      setError(null);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="fact-editor"
      onSubmit={save}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && onCancel) {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <div className="fact-editor-fields">
        <div>
          <label htmlFor={`${id}-term`}>Term</label>
          <input id={`${id}-term`} value={newTerm} maxLength={CURATION_LIMITS.termChars} required onChange={(e) => setNewTerm(e.target.value)} />
        </div>
        <div>
          <label htmlFor={`${id}-fact`}>What the notes say{attribute ? ` (${attribute})` : ''}</label>
          <textarea id={`${id}-fact`} value={newFact} rows={2} maxLength={CURATION_LIMITS.factChars} required onChange={(e) => setNewFact(e.target.value)} />
        </div>
      </div>
      <Notice>{error}</Notice>
      <div className="button-row">
        <button type="submit" className="button primary small" disabled={busy}>
          {busy ? 'Saving…' : saveLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button ghost small" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        {extra}
        <span className="hint">Keeps its file and line; new questions use your words.</span>
      </div>
    </form>
  );
}
