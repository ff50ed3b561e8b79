// Host only: one click for a new game on the group's weakest topics, same deck and settings.
import { useState } from 'react';
import { GAME_RULES, QUESTION_KINDS, type QuestionKind } from '../../../shared/game-types.js';
import type { GameReport } from '../../../shared/report-types.js';
import type { CreateGameBody } from '../../../shared/schemas.js';
import type { CreatedGame } from '../bank/bank-types.js';
import { Notice } from '../components/notice.js';
import { api, errorText } from '../lib/api.js';
import { topicLabel } from '../lib/format.js';
import { navigate } from '../lib/router.js';
import { hostGames } from '../lib/storage.js';

export function RematchButton({ report }: { report: GameReport }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { game, weakestTopics } = report;
  if (!game.deckId || weakestTopics.length === 0) return null;

  const start = async () => {
    const s = game.settings;
    const kinds = s.kinds.filter((k): k is QuestionKind => (QUESTION_KINDS as readonly string[]).includes(k));
    const body: CreateGameBody = {
      deckId: game.deckId!,
      topics: weakestTopics,
      questionCount: s.questionCount ?? GAME_RULES.questionCountDefault,
      secondsPerQuestion: s.secondsPerQuestion ?? GAME_RULES.secondsDefault,
      ...(kinds.length ? { kinds } : {}),
      ...(s.scoring === 'speed' || s.scoring === 'accuracy' ? { scoring: s.scoring } : {}),
      ...(s.display === 'devices' || s.display === 'host-only' ? { display: s.display } : {}),
      ...(s.allowLateJoin !== null ? { allowLateJoin: s.allowLateJoin } : {}),
    };
    setBusy(true);
    setError(null);
    try {
      const created = await api<CreatedGame>('/api/games', { method: 'POST', body });
      hostGames.set(created.gameId, { hostToken: created.hostToken, code: created.code, joinUrl: created.joinUrl });
      navigate(`/host/game/${encodeURIComponent(created.gameId)}`);
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };

  return (
    <div className="rematch">
      <button type="button" className="button primary big" onClick={() => void start()} disabled={busy}>
        {busy ? 'Creating…' : 'New game from our weakest topics'}
      </button>
      <p className="hint">{weakestTopics.map((t) => topicLabel(t)).join(' · ')}</p>
      <Notice>{error}</Notice>
    </div>
  );
}
