// Notes bank (`/host/bank?deck=<id>`): decks on the left, the chosen deck's import,
// what needs fixing, files, topics and facts on the right.
import { useEffect, useState } from 'react';
import { Notice } from '../components/notice.js';
import { api, errorText } from '../lib/api.js';
import { plural } from '../lib/format.js';
import { navigate, useLocation, Link } from '../lib/router.js';
import { lastDeck } from '../lib/storage.js';
import { useApi } from '../lib/use-api.js';
import type { DeckCuration } from '../../../shared/curation-types.js';
import type { DeckSummary, ImportReport } from './bank-types.js';
import { curationPath } from './curation-api.js';
import { CurationPanel } from './curation-panel.js';
import { DeckFiles } from './deck-files.js';
import { DeckList } from './deck-list.js';
import { FactBrowser } from './fact-browser.js';
import { ImportPanel } from './import-panel.js';
import { ImportReportView } from './import-report-view.js';

export function BankScreen() {
  const { search } = useLocation();
  const decks = useApi<DeckSummary[]>('/api/decks');
  const wanted = search.get('deck');
  const list = decks.data ?? [];
  const deck = list.find((d) => d.id === wanted) ?? (wanted ? null : (list.find((d) => d.id === lastDeck.get()) ?? list[0] ?? null));
  const [report, setReport] = useState<ImportReport | null>(null);
  const [refresh, setRefresh] = useState(0);
  const [curationVersion, setCurationVersion] = useState(0);
  const curation = useApi<DeckCuration>(deck ? curationPath(deck.id) : null, { version: refresh + curationVersion });
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (deck) lastDeck.set(deck.id);
    setReport(null);
    setError(null);
  }, [deck?.id]);

  const selectDeck = (id: string) => navigate(`/host/bank?deck=${encodeURIComponent(id)}`);

  const deleteDeck = async () => {
    if (!deck || !window.confirm(`Delete the deck “${deck.name}” and all its notes? Past game results stay.`)) return;
    try {
      await api(`/api/decks/${encodeURIComponent(deck.id)}`, { method: 'DELETE' });
      navigate('/host/bank', { replace: true });
      decks.reload();
    } catch (e) {
      setError(errorText(e));
    }
  };

  const changed = () => {
    decks.reload();
    setRefresh((n) => n + 1);
  };

  return (
    <div className="bank-layout">
      <DeckList
        decks={list}
        loading={decks.loading}
        error={decks.error}
        selectedId={deck?.id ?? null}
        onSelect={selectDeck}
        onCreated={(created) => {
          decks.reload();
          selectDeck(created.id);
        }}
      />
      <section className="bank-main" aria-label="Deck">
        {deck ? (
          <>
            <header className="deck-header">
              <div>
                <h2>{deck.name}</h2>
                <p className="hint">
                  {plural(deck.files, 'file')} · {plural(deck.facts, 'fact')} · {plural(deck.topics, 'topic')}
                </p>
              </div>
              <div className="button-row">
                <Link className="button primary" to={`/host/new?deck=${encodeURIComponent(deck.id)}`}>
                  New game from this deck
                </Link>
                <button type="button" className="button danger" onClick={() => void deleteDeck()}>
                  Delete deck
                </button>
              </div>
            </header>
            <Notice>{error}</Notice>
            <ImportPanel
              deckId={deck.id}
              onImported={(r) => {
                setReport(r);
                changed();
              }}
            />
            {report ? <ImportReportView report={report} onClose={() => setReport(null)} /> : null}
            <CurationPanel
              deckId={deck.id}
              curation={curation.data}
              error={curation.error}
              onChanged={(facts) => (facts ? changed() : setCurationVersion((n) => n + 1))}
            />
            <DeckFiles deckId={deck.id} refresh={refresh} onChanged={changed} />
            <FactBrowser deckId={deck.id} refresh={refresh} curation={curation.data} onCurationChanged={() => setCurationVersion((n) => n + 1)} />
          </>
        ) : decks.loading ? (
          <p className="hint">Loading decks…</p>
        ) : wanted ? (
          <Notice>That deck does not exist any more.</Notice>
        ) : (
          <div className="card empty-state">
            <h2>Start a notes bank</h2>
            <p>Create a deck for a course or an exam, then import your notes: markdown, outlines, flashcard exports or text pasted from a PDF.</p>
          </div>
        )}
      </section>
    </div>
  );
}
