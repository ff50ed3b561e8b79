// Results (`/results/:gameId`): what the group and each player got right per topic, the
// hardest questions and the notes to re-read. A player's own device (`?player=`, or the id
// remembered from joining) also gets "your weakest topics".
import { useEffect, useState } from 'react';
import type { GameReport } from '../../../shared/report-types.js';
import { Notice } from '../components/notice.js';
import { formatDate, percent, plural } from '../lib/format.js';
import { reportPlayerId } from '../lib/ids.js';
import { Link, navigate, useLocation } from '../lib/router.js';
import { hostSecret, playerSessions } from '../lib/storage.js';
import { useApi } from '../lib/use-api.js';
import { HardestQuestions } from './hardest-questions.js';
import { HeatMap, TeamMap } from './heat-map.js';
import { PlayerAnswers } from './player-answers.js';
import { RematchButton } from './rematch-button.js';
import { TopicBars } from './topic-bars.js';
import { YourTopics } from './your-topics.js';

export function ResultsScreen({ gameId }: { gameId: string }) {
  const { search } = useLocation();
  const given = search.get('player') ?? playerSessions.playerIdForGame(gameId);
  const me = given ? reportPlayerId(gameId, given) : null;
  const id = encodeURIComponent(gameId);
  const report = useApi<GameReport>(`/api/games/${id}/report${me ? `?player=${encodeURIComponent(me)}` : ''}`);
  const [shown, setShown] = useState<string | null>(me);
  const isHost = !!hostSecret.get();

  useEffect(() => {
    // Keep ?player= in the address so the link can be shared or bookmarked.
    if (me && search.get('player') !== me) navigate(`/results/${id}?player=${encodeURIComponent(me)}`, { replace: true });
  }, [me, id, search]);

  // A printed handout shows every sub-topic and every note, not just the open ones.
  useEffect(() => {
    const openAll = () => document.querySelectorAll<HTMLDetailsElement>('.results-screen details').forEach((d) => (d.open = true));
    window.addEventListener('beforeprint', openAll);
    return () => window.removeEventListener('beforeprint', openAll);
  }, []);

  const data = report.data;
  if (!data) {
    return (
      <main className="results-screen">
        <div className="results-inner card">
          <h1>Results</h1>
          {report.error ? <Notice>{report.error}</Notice> : <p role="status">Loading the results…</p>}
          {report.error ? (
            <button type="button" className="button" onClick={report.reload}>
              Try again
            </button>
          ) : null}
        </div>
      </main>
    );
  }

  const { game } = data;
  const everyone = [...data.players, ...data.kickedPlayers];
  const selected = everyone.find((p) => p.id === shown) ?? data.players[0] ?? null;
  return (
    <main className="results-screen">
      <div className="results-inner">
        <header className="results-head">
          <div>
            <p className="eyebrow">
              <Link to={isHost ? '/host/history' : '/'}>Quiz night</Link> · results
            </p>
            <h1>{game.deckName}</h1>
            <p className="hint">
              {formatDate(game.endedAt ?? game.createdAt)} · code <span className="mono">{game.code}</span> · {plural(game.playerCount, 'player')} ·{' '}
              {plural(game.countedQuestions, 'question')} · group accuracy <strong>{percent(game.averageAccuracy)}</strong>
            </p>
            {game.status !== 'finished' && game.status !== 'ended' ? <Notice kind="info">This game is still running: the figures grow as questions close.</Notice> : null}
          </div>
          <div className="results-downloads">
            <a className="button" href={`/api/games/${id}/export.csv`} download>
              Download CSV
            </a>
            {isHost ? <RematchButton report={data} /> : null}
          </div>
        </header>

        {data.you ? <YourTopics you={data.you} missedHref={`/api/games/${id}/missed.tsv?player=${encodeURIComponent(data.you.playerId)}`} /> : null}

        <section className="card" aria-labelledby="topics-title">
          <h2 id="topics-title">Group accuracy by topic</h2>
          <p className="hint">Weakest first. Open a topic to see its sub-topics.</p>
          <TopicBars topics={data.topics} />
        </section>

        <section className="card" aria-labelledby="heat-title">
          <h2 id="heat-title">Who knows what</h2>
          <HeatMap topics={data.topics} players={data.players} teams={data.teams} me={me} />
        </section>

        {data.teams && data.teams.length > 0 ? (
          <section className="card" aria-labelledby="teams-title">
            <h2 id="teams-title">Teams by topic</h2>
            <p className="hint">Each team's share of right answers, counted over its members.</p>
            <TeamMap topics={data.topics} teams={data.teams} myTeam={everyone.find((p) => p.id === me)?.team ?? null} />
          </section>
        ) : null}

        <section aria-labelledby="hard-title">
          <h2 id="hard-title" className="section-title">
            Hardest questions
          </h2>
          <HardestQuestions hardest={data.hardest} />
        </section>

        {selected ? (
          <section className="card" aria-labelledby="answers-title">
            <div className="card-header">
              <h2 id="answers-title">Answers of {selected.nickname}</h2>
              <label className="inline-select">
                <span className="visually-hidden">Player</span>
                <select value={selected.id} onChange={(e) => setShown(e.target.value)}>
                  {everyone.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.rank ? `${p.rank}. ` : ''}
                      {p.nickname}
                      {p.kicked ? ' (removed)' : ''}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <p className="hint">
              {selected.score.toLocaleString()} points · {selected.correct}/{selected.asked} right ({percent(selected.accuracy)})
              {selected.joinedAtQuestion > 0 ? ` · joined at question ${selected.joinedAtQuestion + 1}` : ''}
            </p>
            <PlayerAnswers player={selected} questions={data.questions} />
          </section>
        ) : null}

        {game.countingNote ? <p className="hint counting-note">{game.countingNote}</p> : null}
      </div>
    </main>
  );
}
