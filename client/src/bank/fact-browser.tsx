// Browse a deck: the topic tree with counts, and the facts of a topic (or of a search)
// with the file and line each came from (fact-row.tsx: source lines, plain-word notes, fixes).
import { useEffect, useState } from 'react';
import type { DeckCuration } from '../../../shared/curation-types.js';
import { Notice } from '../components/notice.js';
import { api, errorText } from '../lib/api.js';
import { topicLabel } from '../lib/format.js';
import { useApi } from '../lib/use-api.js';
import type { Fact, FactPage, TopicNode } from './bank-types.js';
import { FactRow } from './fact-row.js';
import { TopicTree } from './topic-tree.js';

const PAGE = 50;

interface Props {
  deckId: string;
  refresh: number;
  /** The deck's curation list (ids for "undo"); reloaded through onCurationChanged. */
  curation: DeckCuration | null;
  onCurationChanged(): void;
}

export function FactBrowser({ deckId, refresh, curation, onCurationChanged }: Props) {
  const base = `/api/decks/${encodeURIComponent(deckId)}`;
  const topics = useApi<TopicNode[]>(`${base}/topics`, { version: refresh });
  const [topic, setTopic] = useState<TopicNode | null>(null);
  const [query, setQuery] = useState('');
  const [debounced, setDebounced] = useState('');
  const [items, setItems] = useState<Fact[]>([]);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(query.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [query]);

  useEffect(() => setTopic(null), [deckId]);

  // `limit`: reloading what is on screen after a fix keeps the pages already shown.
  const load = async (offset: number, limit = PAGE) => {
    const params = new URLSearchParams({ limit: String(limit), offset: String(offset) });
    if (topic) params.set('topicId', topic.id);
    if (debounced) params.set('q', debounced);
    setLoading(true);
    try {
      const page = await api<FactPage>(`${base}/facts?${params}`);
      setItems((prev) => (offset === 0 ? page.items : [...prev, ...page.items]));
      setTotal(page.total);
      setError(null);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setLoading(false);
    }
  };

  useEffect(() => {
    void load(0);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [deckId, topic?.id, debounced, refresh]);

  return (
    <section className="card fact-browser" aria-labelledby="facts-title">
      <h3 id="facts-title">Topics and facts</h3>
      <div className="fact-browser-grid">
        <nav aria-label="Topics" className="fact-topics">
          <button type="button" className={`topic-name all${topic ? '' : ' is-selected'}`} onClick={() => setTopic(null)}>
            All topics
          </button>
          <Notice>{topics.error}</Notice>
          <TopicTree mode="browse" topics={topics.data ?? []} selectedId={topic?.id ?? null} onSelect={setTopic} />
        </nav>
        <div className="fact-list">
          <label htmlFor="fact-search" className="visually-hidden">
            Search facts
          </label>
          <input id="fact-search" type="search" placeholder="Search terms and facts…" value={query} onChange={(e) => setQuery(e.target.value)} />
          <p className="hint" aria-live="polite">
            {loading ? 'Loading…' : `${total} facts`} {topic ? `in ${topicLabel(topic.path)}` : ''}
            {debounced ? ` matching “${debounced}”` : ''}
          </p>
          <Notice>{error}</Notice>
          <ul className="facts" role="list">
            {items.map((fact) => (
              <FactRow
                key={fact.id}
                fact={fact}
                base={base}
                deckId={deckId}
                curation={curation}
                onEdited={(item) => {
                  setItems((prev) => prev.map((f) => (f.id === item.id ? item : f)));
                  onCurationChanged();
                }}
                onCurated={() => {
                  void load(0, Math.min(500, Math.max(PAGE, items.length)));
                  onCurationChanged();
                }}
              />
            ))}
          </ul>
          {items.length < total ? (
            <button type="button" className="button" onClick={() => void load(items.length)} disabled={loading}>
              Show more
            </button>
          ) : null}
        </div>
      </div>
    </section>
  );
}
