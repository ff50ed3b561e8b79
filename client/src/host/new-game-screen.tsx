// New game (`/host/new?deck=<id>`): deck, topics, count, timer, auto-advance, kinds, scoring,
// display, late join, player cap and team play; tonight's review (the facts the group most needs);
// a preview of generated questions; then the live room.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { GAME_RULES, QUESTION_KINDS, TEAM_RULES, type DisplayMode, type QuestionKind, type ScoringMode, type TeamSetup } from '../../../shared/game-types.js';
import type { CreateGameBody } from '../../../shared/schemas.js';
import type { CreatedGame, DeckSummary, TopicNode } from '../bank/bank-types.js';
import { TopicTree, pathKey } from '../bank/topic-tree.js';
import { Notice } from '../components/notice.js';
import { ApiError, api, errorText } from '../lib/api.js';
import { Link, navigate, useLocation } from '../lib/router.js';
import { hostGames, lastDeck } from '../lib/storage.js';
import { useApi } from '../lib/use-api.js';
import { AutoAdvanceSelect } from './auto-advance.js';
import { KIND_LABELS } from './kind-labels.js';
import { QuestionPreview } from './question-preview.js';
import { newSeed, TonightPanel, type ReviewChoice } from '../memory/tonight-panel.js';


const TIMERS = [5, 10, 15, 20, 30, 45, 60, 90, 120];

/** The selected paths without those already covered by a selected ancestor. */
function topmost(picked: ReadonlySet<string>): string[][] {
  const paths = [...picked].map((k) => JSON.parse(k) as string[]);
  return paths.filter((p) => !paths.some((q) => q.length < p.length && q.every((seg, i) => seg === p[i])));
}

export function NewGameScreen() {
  const { search } = useLocation();
  const decks = useApi<DeckSummary[]>('/api/decks');
  const [deckId, setDeckId] = useState<string>(search.get('deck') ?? lastDeck.get() ?? '');
  const list = decks.data ?? [];
  const deck = list.find((d) => d.id === deckId) ?? null;
  useEffect(() => {
    if (!deck && list.length) setDeckId(list[0].id);
  }, [deck, list]);

  const topics = useApi<TopicNode[]>(deck ? `/api/decks/${encodeURIComponent(deck.id)}/topics` : null);
  const [picked, setPicked] = useState<Set<string>>(() => new Set());
  useEffect(() => setPicked(new Set()), [deck?.id]);

  const [questionCount, setQuestionCount] = useState<number>(GAME_RULES.questionCountDefault);
  const [seconds, setSeconds] = useState<number>(GAME_RULES.secondsDefault);
  const [kinds, setKinds] = useState<Set<QuestionKind>>(() => new Set(QUESTION_KINDS));
  const [scoring, setScoring] = useState<ScoringMode>('speed');
  const [display, setDisplay] = useState<DisplayMode>('devices');
  const [allowLateJoin, setAllowLateJoin] = useState(true);
  const [playerCap, setPlayerCap] = useState<number>(GAME_RULES.playerCapDefault);
  const [autoAdvanceSeconds, setAutoAdvanceSeconds] = useState(0);
  const [teamMode, setTeamMode] = useState<'solo' | TeamSetup['by']>('solo');
  const [teamCount, setTeamCount] = useState(3);
  const [teamSize, setTeamSize] = useState(3);
  const [teamTalk, setTeamTalk] = useState(0);
  const [review, setReview] = useState<ReviewChoice | null>(() => (search.get('review') === '1' ? { members: null, newShare: 0.2, seed: newSeed() } : null));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const selectedTopics = useMemo(() => topmost(picked), [picked]);
  const scope = useMemo(
    () => (deck ? { deckId: deck.id, topics: selectedTopics, count: questionCount, kinds: QUESTION_KINDS.filter((k) => kinds.has(k)) } : null),
    [deck, selectedTopics, questionCount, kinds],
  );
  const factCount = useMemo(() => {
    if (!topics.data || selectedTopics.length === 0) return deck?.facts ?? 0;
    const keys = new Set(selectedTopics.map(pathKey));
    let n = 0;
    const walk = (nodes: TopicNode[]) => {
      for (const node of nodes) {
        if (keys.has(pathKey(node.path))) n += node.totalFacts;
        else walk(node.children);
      }
    };
    walk(topics.data);
    return n;
  }, [topics.data, selectedTopics, deck?.facts]);

  const toggleTopic = (node: TopicNode, on: boolean) => {
    setPicked((prev) => {
      const next = new Set(prev);
      const key = pathKey(node.path);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  };

  const toggleKind = (kind: QuestionKind, on: boolean) => {
    setKinds((prev) => {
      const next = new Set(prev);
      if (on) next.add(kind);
      else next.delete(kind);
      return next;
    });
  };

  const body: CreateGameBody | null = deck
    ? {
        deckId: deck.id,
        topics: selectedTopics,
        questionCount,
        secondsPerQuestion: seconds,
        kinds: QUESTION_KINDS.filter((k) => kinds.has(k)),
        scoring,
        display,
        allowLateJoin,
        playerCap,
        autoAdvanceSeconds,
        ...(teamMode === 'count' ? { teams: { by: 'count', count: teamCount }, teamTalkSeconds: teamTalk } : {}),
        ...(teamMode === 'size' ? { teams: { by: 'size', size: teamSize }, teamTalkSeconds: teamTalk } : {}),
        ...(review ? { review: { newShare: review.newShare, seed: review.seed, ...(review.members ? { members: review.members } : {}) } } : {}),
      }
    : null;

  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (!body) return setError('Choose a deck first.');
    if (kinds.size === 0) return setError('Pick at least one kind of question.');
    if (review?.members && review.members.length === 0) return setError('Tick at least one member for tonight’s review.');
    setBusy(true);
    setError(null);
    try {
      const game = await api<CreatedGame>('/api/games', { method: 'POST', body });
      hostGames.set(game.gameId, { hostToken: game.hostToken, code: game.code, joinUrl: game.joinUrl });
      lastDeck.set(body.deckId);
      navigate(`/host/game/${encodeURIComponent(game.gameId)}`);
    } catch (e) {
      setError(
        e instanceof ApiError && e.code === 'NOT_ENOUGH_QUESTIONS'
          ? `${e.message} Pick more topics, more question kinds, or fewer questions.`
          : errorText(e),
      );
      setBusy(false);
    }
  };

  if (!decks.loading && list.length === 0) {
    return (
      <div className="card empty-state">
        <h2>No notes yet</h2>
        <p>Games are generated from a deck of notes.</p>
        <Link className="button primary" to="/host/bank">
          Import notes
        </Link>
      </div>
    );
  }

  return (
    <form className="new-game" onSubmit={create}>
      <section className="card" aria-labelledby="ng-what">
        <h2 id="ng-what">What to ask</h2>
        <label htmlFor="ng-deck">Deck</label>
        <select id="ng-deck" value={deck?.id ?? ''} onChange={(e) => setDeckId(e.target.value)}>
          {list.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name} ({d.facts} facts)
            </option>
          ))}
        </select>
        <fieldset className="topic-picker">
          <legend>Topics</legend>
          <p className="hint">
            {selectedTopics.length === 0 ? 'Nothing ticked: the whole deck.' : `${selectedTopics.length} topics ticked`} · {factCount} facts to draw from
          </p>
          <Notice>{topics.error}</Notice>
          <TopicTree mode="pick" topics={topics.data ?? []} picked={picked} onToggle={toggleTopic} />
        </fieldset>
        {scope ? <TonightPanel scope={scope} review={review} onChange={setReview} /> : null}
        <fieldset>
          <legend>Kinds of question</legend>
          <div className="check-grid">
            {QUESTION_KINDS.map((kind) => (
              <label key={kind} className="check">
                <input type="checkbox" checked={kinds.has(kind)} onChange={(e) => toggleKind(kind, e.target.checked)} />
                {KIND_LABELS[kind]}
              </label>
            ))}
          </div>
        </fieldset>
      </section>

      <section className="card" aria-labelledby="ng-how">
        <h2 id="ng-how">How to play</h2>
        <div className="field-grid">
          <div>
            <label htmlFor="ng-count">Number of questions</label>
            <input
              id="ng-count"
              type="number"
              min={GAME_RULES.questionCountMin}
              max={GAME_RULES.questionCountMax}
              value={questionCount}
              onChange={(e) => setQuestionCount(clamp(e.target.valueAsNumber, GAME_RULES.questionCountMin, GAME_RULES.questionCountMax))}
            />
          </div>
          <div>
            <label htmlFor="ng-seconds">Time per question</label>
            <select id="ng-seconds" value={seconds} onChange={(e) => setSeconds(Number(e.target.value))}>
              {TIMERS.map((s) => (
                <option key={s} value={s}>
                  {s} seconds
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="ng-cap">Player cap</label>
            <input
              id="ng-cap"
              type="number"
              min={1}
              max={GAME_RULES.playerCapMax}
              value={playerCap}
              onChange={(e) => setPlayerCap(clamp(e.target.valueAsNumber, 1, GAME_RULES.playerCapMax))}
            />
          </div>
          <div>
            <label htmlFor="ng-advance">Auto-advance</label>
            <AutoAdvanceSelect id="ng-advance" value={autoAdvanceSeconds} onChange={setAutoAdvanceSeconds} describedBy="ng-advance-hint" />
          </div>
        </div>
        <p id="ng-advance-hint" className="hint">
          Auto-advance: the right answer, and then the leaderboard, each stay up that long before the game moves on by
          itself. You can still pause, or press → to go on sooner.
        </p>
        <fieldset>
          <legend>Scoring</legend>
          <label className="check">
            <input type="radio" name="scoring" checked={scoring === 'speed'} onChange={() => setScoring('speed')} />
            Speed: fast right answers score more (up to 1000, streak bonus)
          </label>
          <label className="check">
            <input type="radio" name="scoring" checked={scoring === 'accuracy'} onChange={() => setScoring('accuracy')} />
            Accuracy: one point per right answer, no rush
          </label>
        </fieldset>
        <fieldset>
          <legend>Display</legend>
          <label className="check">
            <input type="radio" name="display" checked={display === 'devices'} onChange={() => setDisplay('devices')} />
            Questions and answers on every phone
          </label>
          <label className="check">
            <input type="radio" name="display" checked={display === 'host-only'} onChange={() => setDisplay('host-only')} />
            On the big screen only; phones show the coloured shapes
          </label>
        </fieldset>
        <fieldset>
          <legend>Players</legend>
          <label className="check">
            <input type="radio" name="teams" checked={teamMode === 'solo'} onChange={() => setTeamMode('solo')} />
            Everyone for themselves
          </label>
          <label className="check">
            <input type="radio" name="teams" checked={teamMode === 'count'} onChange={() => setTeamMode('count')} />
            In teams: a number of teams
          </label>
          <label className="check">
            <input type="radio" name="teams" checked={teamMode === 'size'} onChange={() => setTeamMode('size')} />
            In teams: teams of a size
          </label>
          {teamMode !== 'solo' ? (
            <div className="field-grid">
              {teamMode === 'count' ? (
                <div>
                  <label htmlFor="ng-team-count">Teams</label>
                  <select id="ng-team-count" value={teamCount} onChange={(e) => setTeamCount(Number(e.target.value))}>
                    {range(TEAM_RULES.countMin, TEAM_RULES.countMax).map((n) => (
                      <option key={n} value={n}>
                        {n} teams
                      </option>
                    ))}
                  </select>
                </div>
              ) : (
                <div>
                  <label htmlFor="ng-team-size">Players per team</label>
                  <select id="ng-team-size" value={teamSize} onChange={(e) => setTeamSize(Number(e.target.value))}>
                    {range(TEAM_RULES.sizeMin, TEAM_RULES.sizeMax).map((n) => (
                      <option key={n} value={n}>
                        teams of {n}
                      </option>
                    ))}
                  </select>
                </div>
              )}
              <div>
                <label htmlFor="ng-team-talk">Team talk</label>
                <select id="ng-team-talk" value={teamTalk} onChange={(e) => setTeamTalk(Number(e.target.value))} aria-describedby="ng-team-hint">
                  {TALK_SECONDS.map((s) => (
                    <option key={s} value={s}>
                      {s === 0 ? 'Off' : `${s} seconds`}
                    </option>
                  ))}
                </select>
              </div>
            </div>
          ) : null}
          {teamMode !== 'solo' ? (
            <p id="ng-team-hint" className="hint">
              Players are shared out evenly as they join; you can move them in the lobby. Everyone answers on their own phone
              and a team scores the average of its members. Team talk shows the options for that long before answers open.
            </p>
          ) : null}
        </fieldset>
        <label className="check">
          <input type="checkbox" checked={allowLateJoin} onChange={(e) => setAllowLateJoin(e.target.checked)} />
          Let players join after the game has started
        </label>
      </section>

      {body ? <QuestionPreview deckId={body.deckId} topics={selectedTopics} kinds={body.kinds ?? []} /> : null}

      <div className="sticky-actions">
        <Notice>{error}</Notice>
        <button className="button primary big" type="submit" disabled={busy || !deck}>
          {busy ? 'Creating…' : 'Open the live room'}
        </button>
      </div>
    </form>
  );
}

const TALK_SECONDS = [0, 5, 10, 15, 20, 30];

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function clamp(value: number, min: number, max: number): number {
  if (!Number.isFinite(value)) return min;
  return Math.min(max, Math.max(min, Math.round(value)));
}
