// Browse a deck: the topic tree with counts, and the facts of a topic (or of a search)
// with the file and line each came from. A fact's source lines open on demand.
import { useEffect, useState } from 'react';
import { Notice } from '../components/notice.js';
import { api, errorText } from '../lib/api.js';
import { topicLabel } from '../lib/format.js';
import { useApi } from '../lib/use-api.js';
import type { Fact, FactPage, FileContext, TopicNode } from './bank-types.js';
import { TopicTree } from './topic-tree.js';

const PAGE = 50;

export function FactBrowser({ deckId, refresh }: { deckId: string; refresh: number }) {
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

  const load = async (offset: number) => {
    const params = new URLSearchParams({ limit: String(PAGE), offset: String(offset) });
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
              <FactItem key={fact.id} fact={fact} base={base} />
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

function FactItem({ fact, base }: { fact: Fact; base: string }) {
  const [context, setContext] = useState<FileContext | null>(null);
  const [error, setError] = useState<string | null>(null);
  const toggle = async () => {
    if (context) return setContext(null);
    try {
      setContext(await api<FileContext>(`${base}/files/${encodeURIComponent(fact.fileId)}/context?line=${fact.line}&radius=3`));
    } catch (e) {
      setError(errorText(e));
    }
  };
  const last = fact.lineEnd ?? fact.line;
  return (
    <li className="fact">
      <p>
        <strong>{fact.term}</strong>
        {fact.attribute ? <span className="hint"> ({fact.attribute})</span> : null} — {fact.fact}
      </p>
      <p className="fact-source">
        <button type="button" className="link-button mono" onClick={() => void toggle()} aria-expanded={!!context}>
          {fact.file}:{fact.line}
          {last !== fact.line ? `–${last}` : ''}
        </button>{' '}
        <span className="hint">{topicLabel(fact.topic)}</span>
        {(fact.flags ?? []).map((flag) => (
          <span key={flag} className="tag warn">
            {flag}
          </span>
        ))}
      </p>
      {error ? <Notice>{error}</Notice> : null}
      {context ? (
        <pre className="source-lines">
          {context.lines.map((l) => (
            <span key={l.n} className={l.n >= fact.line && l.n <= last ? 'is-hit' : ''}>
              <span className="line-no">{l.n}</span>
              {l.text}
              {'\n'}
            </span>
          ))}
        </pre>
      ) : null}
    </li>
  );
}
