// The group's progress with one deck (`/host/progress?deck=<id>`): accuracy per top-level topic
// night by night, how much of each topic the group has mastered, the facts it keeps missing
// with where they are in the notes, and the members the server knows.
import { useEffect, useState } from 'react';
import type { DeckProgress, MissedFact, TopicProgress } from '../../../shared/memory-types.js';
import type { DeckSummary } from '../bank/bank-types.js';
import { Notice } from '../components/notice.js';
import { plural, topicLabel } from '../lib/format.js';
import { Link, navigate, useLocation } from '../lib/router.js';
import { lastDeck } from '../lib/storage.js';
import { useApi } from '../lib/use-api.js';
import { AccuracyChart } from './accuracy-chart.js';
import { MembersPanel } from './members-panel.js';
import '../styles/memory.css';

export default function ProgressScreen() {
  const { search } = useLocation();
  const decks = useApi<DeckSummary[]>('/api/decks');
  const list = decks.data ?? [];
  const wanted = search.get('deck') ?? lastDeck.get() ?? '';
  const deck = list.find((d) => d.id === wanted) ?? list[0] ?? null;
  const [membersVersion, setMembersVersion] = useState(0);
  const progress = useApi<DeckProgress>(deck ? `/api/decks/${encodeURIComponent(deck.id)}/progress` : null, { version: membersVersion });

  useEffect(() => {
    if (deck && deck.id !== search.get('deck')) navigate(`/host/progress?deck=${encodeURIComponent(deck.id)}`, { replace: true });
  }, [deck, search]);

  if (!decks.loading && list.length === 0) {
    return (
      <div className="card empty-state">
        <h2>No notes yet</h2>
        <p>Progress is counted per deck of notes, from the quiz nights played with it.</p>
        <Link className="button primary" to="/host/bank">
          Import notes
        </Link>
      </div>
    );
  }

  const data = progress.data;
  return (
    <div className="progress-screen">
      <section className="card" aria-labelledby="progress-title">
        <div className="card-header">
          <h2 id="progress-title">The group’s progress</h2>
          {deck ? (
            <Link className="button" to={`/host/new?deck=${encodeURIComponent(deck.id)}&review=1`}>
              Plan tonight’s review
            </Link>
          ) : null}
        </div>
        <label htmlFor="progress-deck">Deck</label>
        <select id="progress-deck" value={deck?.id ?? ''} onChange={(e) => navigate(`/host/progress?deck=${encodeURIComponent(e.target.value)}`, { replace: true })}>
          {list.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
        <Notice>{progress.error}</Notice>
        {data ? <NightsLine progress={data} /> : progress.loading ? <p className="hint">Loading…</p> : null}
      </section>

      {data && data.nights.length > 0 ? (
        <>
          <section className="card" aria-labelledby="progress-topics">
            <h2 id="progress-topics">By topic</h2>
            <p className="hint">
              Right answers of the members, night by night. A fact counts as mastered when everyone who met it would still
              recall it {data.masteredStabilityDays} days on.
            </p>
            <ul className="topic-progress-grid" role="list">
              {data.topics.map((t) => (
                <TopicCard key={t.topic} topic={t} progress={data} />
              ))}
            </ul>
          </section>
          <section className="card" aria-labelledby="progress-missed">
            <h2 id="progress-missed">What the group keeps missing</h2>
            {data.missed.length === 0 ? <p className="hint">Nothing missed yet.</p> : <MissedList facts={data.missed} />}
          </section>
        </>
      ) : null}

      <MembersPanel onChange={() => setMembersVersion((v) => v + 1)} />
    </div>
  );
}

function day(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' });
}

function NightsLine({ progress }: { progress: DeckProgress }) {
  const n = progress.nights.length;
  if (n === 0) {
    return (
      <p className="hint">
        No quiz night with this deck has counted yet. Players’ answers count from their next game: each phone keeps its own
        key, or a player types a study name when joining.
      </p>
    );
  }
  const first = progress.nights[0];
  const last = progress.nights[n - 1];
  return (
    <p className="lead-line">
      {plural(n, 'night')} counted{n > 1 ? `, from ${day(first.date)} to ${day(last.date)}` : `, on ${day(first.date)}`}.
    </p>
  );
}

function TopicCard({ topic, progress }: { topic: TopicProgress; progress: DeckProgress }) {
  const share = topic.facts ? topic.mastered / topic.facts : 0;
  return (
    <li className="topic-progress">
      <h3>{topic.topic}</h3>
      <AccuracyChart title={topic.topic} nights={progress.nights} topicNights={topic.nights} />
      <div className="mastered">
        <span className="mastered-text">
          <strong>{topic.mastered}</strong> of {plural(topic.facts, 'fact')} mastered
        </span>
        <meter min={0} max={1} value={share} aria-label={`${topic.topic}: ${topic.mastered} of ${topic.facts} facts mastered`} />
      </div>
    </li>
  );
}

function MissedList({ facts }: { facts: MissedFact[] }) {
  return (
    <ol className="missed-list">
      {facts.map((f) => (
        <li key={f.factId}>
          <p className="missed-fact">
            <strong>{f.term}</strong> — {f.fact}
          </p>
          <p className="hint">
            Missed {plural(f.misses, 'time')} by {plural(f.members, 'member')}
            {f.topic.length ? ` · ${topicLabel(f.topic)}` : ''}
            {f.source ? (
              <>
                {' · '}
                <span className="source-ref">
                  {f.source.file}:{f.source.line}
                </span>
              </>
            ) : null}
          </p>
        </li>
      ))}
    </ol>
  );
}
