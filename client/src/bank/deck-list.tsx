import { useState, type FormEvent } from 'react';
import { Notice } from '../components/notice.js';
import { api, errorText } from '../lib/api.js';
import { plural } from '../lib/format.js';
import type { DeckSummary } from './bank-types.js';

interface Props {
  decks: DeckSummary[];
  loading: boolean;
  error: string | null;
  selectedId: string | null;
  onSelect(id: string): void;
  onCreated(deck: DeckSummary): void;
}

export function DeckList({ decks, loading, error, selectedId, onSelect, onCreated }: Props) {
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [createError, setCreateError] = useState<string | null>(null);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setCreateError('Give the deck a name, e.g. “Biology 101”.');
      return;
    }
    setBusy(true);
    try {
      const deck = await api<DeckSummary>('/api/decks', { method: 'POST', body: { name: trimmed } });
      setName('');
      setCreateError(null);
      onCreated(deck);
    } catch (e) {
      setCreateError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <aside className="deck-list" aria-label="Decks">
      <h2>Decks</h2>
      <Notice>{error}</Notice>
      {loading && decks.length === 0 ? <p className="hint">Loading…</p> : null}
      <ul role="list">
        {decks.map((deck) => (
          <li key={deck.id}>
            <button
              type="button"
              className={`deck-item${deck.id === selectedId ? ' is-selected' : ''}`}
              aria-current={deck.id === selectedId ? 'true' : undefined}
              onClick={() => onSelect(deck.id)}
            >
              <span className="deck-name">{deck.name}</span>
              <span className="deck-counts">
                {plural(deck.facts, 'fact')} · {plural(deck.files, 'file')}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <form className="new-deck" onSubmit={create}>
        <label htmlFor="new-deck-name">New deck</label>
        <div className="input-row">
          <input
            id="new-deck-name"
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              setCreateError(null);
            }}
            maxLength={120}
            placeholder="Deck name"
            aria-invalid={createError ? true : undefined}
            aria-describedby={createError ? 'new-deck-error' : undefined}
          />
          <button className="button" type="submit" disabled={busy}>
            Create
          </button>
        </div>
        <Notice id="new-deck-error">{createError}</Notice>
      </form>
    </aside>
  );
}
