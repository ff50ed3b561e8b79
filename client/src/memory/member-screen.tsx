// A player's own page (`/me`), reached from their phone after a game: per deck, the facts due
// for them now, their topics night by night, and their due facts as a file for Anki. The
// server answers only for the member whose key this phone keeps.
import { useEffect, useState } from 'react';
import type { MemberPage, TopicNight } from '../../../shared/memory-types.js';
import { Notice } from '../components/notice.js';
import { ApiError, api, errorText } from '../lib/api.js';
import { percent, plural, topicLabel } from '../lib/format.js';
import { Link } from '../lib/router.js';
import { deviceKey } from '../lib/storage.js';
import { AccuracyChart, type Night } from './accuracy-chart.js';
import '../styles/memory.css';

type Deck = MemberPage['decks'][number];

/** Due facts listed before "and N more". */
const DUE_SHOWN = 12;

export default function MemberScreen() {
  const [page, setPage] = useState<MemberPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [unknown, setUnknown] = useState(false);

  useEffect(() => {
    const key = deviceKey.get();
    if (!key) {
      setUnknown(true);
      return;
    }
    const controller = new AbortController();
    api<MemberPage>('/api/me', { host: false, headers: { 'x-device-key': key }, signal: controller.signal })
      .then(setPage)
      .catch((e: unknown) => {
        if ((e as Error).name === 'AbortError') return;
        if (e instanceof ApiError && e.status === 404) setUnknown(true);
        else setError(errorText(e));
      });
    return () => controller.abort();
  }, []);

  return (
    <main className="results-screen member-screen">
      <div className="results-inner">
        <header className="results-head">
          <div>
            <p className="eyebrow">Your study plan</p>
            <h1>{page ? page.member.name : 'Your progress'}</h1>
            {page && page.member.nicknames.length > 1 ? <p className="hint">Also played as {page.member.nicknames.filter((n) => n !== page.member.name).join(', ')}</p> : null}
          </div>
        </header>
        <Notice>{error}</Notice>
        {unknown ? (
          <section className="card">
            <h2>Nothing counted yet</h2>
            <p>
              Your progress starts with your next quiz night on this phone. To carry it to another phone, type the same
              study name when you join.
            </p>
          </section>
        ) : null}
        {!page && !unknown && !error ? (
          <p className="hint" role="status">
            Loading…
          </p>
        ) : null}
        {page?.decks.map((d) => <DeckSection key={d.deckId} deck={d} />)}
        <p className="footer-links">
          <Link to="/">Join a game</Link>
        </p>
      </div>
    </main>
  );
}

function DeckSection({ deck }: { deck: Deck }) {
  const nights = nightsOf(deck.topics.flatMap((t) => t.nights));
  return (
    <section className="card member-deck" aria-labelledby={`deck-${deck.deckId}`}>
      <h2 id={`deck-${deck.deckId}`}>{deck.deckName}</h2>
      <h3>Due for you now</h3>
      {deck.due.length === 0 ? (
        <p className="hint">Nothing due: you would still recall everything you were asked.</p>
      ) : (
        <>
          <p className="lead-line">
            {plural(deck.due.length, 'fact')} to look at again before the next quiz night.
          </p>
          <ul className="due-list" role="list">
            {deck.due.slice(0, DUE_SHOWN).map((f) => (
              <li key={f.factId}>
                <p>
                  <strong>{f.term}</strong> — {f.fact}
                </p>
                <p className="hint">
                  {f.topic.length ? `${topicLabel(f.topic)} · ` : ''}
                  {f.misses ? `missed ${plural(f.misses, 'time')} · ` : ''}
                  {percent(f.recall)} chance you would recall it now
                </p>
              </li>
            ))}
          </ul>
          {deck.due.length > DUE_SHOWN ? <p className="hint">and {deck.due.length - DUE_SHOWN} more in the download.</p> : null}
          <AnkiDownload deck={deck} />
        </>
      )}
      <h3>Your topics, night by night</h3>
      {deck.topics.length === 0 ? (
        <p className="hint">No answers counted yet.</p>
      ) : (
        <ul className="topic-progress-grid" role="list">
          {deck.topics.map((t) => (
            <li key={t.topic} className="topic-progress">
              <h4>{t.topic}</h4>
              <AccuracyChart title={t.topic} nights={nights} topicNights={t.nights} height={140} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Every night any of the topics was asked, oldest first. */
function nightsOf(all: readonly TopicNight[]): Night[] {
  const byGame = new Map<string, Night>();
  for (const n of all) byGame.set(n.gameId, { gameId: n.gameId, date: n.date });
  return [...byGame.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/** The file needs the phone's key in a header, so it is fetched and handed over as a blob. */
function AnkiDownload({ deck }: { deck: Deck }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const download = async () => {
    const key = deviceKey.get();
    if (!key) return;
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(`/api/me/due.tsv?deckId=${encodeURIComponent(deck.deckId)}`, { headers: { 'x-device-key': key } });
      if (!response.ok) throw new Error(`The server answered ${response.status}.`);
      const url = URL.createObjectURL(await response.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = `${deck.deckName.replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'deck'} - due.tsv`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="anki-download">
      <button type="button" className="button" onClick={() => void download()} disabled={busy} aria-busy={busy}>
        Download due facts for Anki
      </button>
      <p className="hint">A tab-separated file: in Anki, File › Import, one card per line.</p>
      <Notice>{error}</Notice>
    </div>
  );
}
