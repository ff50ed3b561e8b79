// "Which facts" on the new-game form: any facts of the ticked topics, or tonight's review:
// the facts the expected members are most due for or least likely to recall, plus a share
// never asked, each with the reason it was picked. The preview lists the facts the game's
// questions will be about (the server makes them, with the kinds ticked), and the game uses
// the preview's seed, so it asks what the preview showed.
import { useEffect, useMemo, useState } from 'react';
import type { MemberSummary, TonightReview } from '../../../shared/memory-types.js';
import { Notice } from '../components/notice.js';
import { ApiError, api, errorText } from '../lib/api.js';
import { plural, topicLabel } from '../lib/format.js';
import { useApi } from '../lib/use-api.js';

export interface ReviewChoice {
  /** Null: the members of the deck's last games. */
  members: string[] | null;
  newShare: number;
  seed: string;
}

const NEW_SHARES = [0, 0.1, 0.2, 0.3, 0.5];

export function newSeed(): string {
  return Math.random().toString(36).slice(2, 12);
}

/** What the game is made from, besides the review: the preview asks for the same. */
export interface ReviewScope {
  deckId: string;
  topics: string[][];
  count: number;
  kinds: readonly string[];
}

export function TonightPanel({ scope, review, onChange }: { scope: ReviewScope; review: ReviewChoice | null; onChange(review: ReviewChoice | null): void }) {
  return (
    <fieldset className="tonight">
      <legend>Which facts</legend>
      <label className="check">
        <input type="radio" name="which-facts" checked={!review} onChange={() => onChange(null)} />
        Any facts from the ticked topics, drawn at random
      </label>
      <label className="check">
        <input type="radio" name="which-facts" checked={!!review} onChange={() => onChange({ members: null, newShare: 0.2, seed: newSeed() })} />
        Tonight’s review: what this group most needs to see again
      </label>
      {review ? <ReviewOptions scope={scope} review={review} onChange={onChange} /> : null}
    </fieldset>
  );
}

function ReviewOptions({ scope, review, onChange }: { scope: ReviewScope; review: ReviewChoice; onChange(review: ReviewChoice): void }) {
  const { deckId, topics, count, kinds } = scope;
  const members = useApi<MemberSummary[]>(review.members ? '/api/members' : null);
  const path = useMemo(() => {
    const params = new URLSearchParams({ count: String(count), newShare: String(review.newShare), seed: review.seed });
    if (topics.length) params.set('topics', JSON.stringify(topics));
    if (review.members?.length) params.set('members', review.members.join(','));
    if (kinds.length) params.set('kinds', kinds.join(','));
    return `/api/decks/${encodeURIComponent(deckId)}/review?${params}`;
  }, [deckId, topics, count, kinds, review]);
  // A chosen list must not be empty, nor the kinds; until then there is nothing to ask for.
  const ready = (!review.members || review.members.length > 0) && kinds.length > 0;
  const [data, setData] = useState<TonightReview | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!ready) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api<TonightReview>(path, { signal: controller.signal })
        .then((r) => (setData(r), setError(null)))
        .catch((e: unknown) => {
          if ((e as Error).name === 'AbortError') return;
          setData(null);
          setError(e instanceof ApiError && e.code === 'NOT_ENOUGH_QUESTIONS' ? 'No question can be made from this choice: tick more topics or kinds.' : errorText(e));
        });
    }, 250);
    return () => (clearTimeout(timer), controller.abort());
  }, [path, ready]);

  const toggleMember = (id: string, on: boolean) => {
    const now = new Set(review.members ?? []);
    if (on) now.add(id);
    else now.delete(id);
    onChange({ ...review, members: [...now] });
  };

  return (
    <div className="review-options">
      <div className="field-grid">
        <div>
          <label htmlFor="ng-review-for">For whom</label>
          <select
            id="ng-review-for"
            value={review.members ? 'chosen' : 'recent'}
            onChange={(e) => onChange({ ...review, members: e.target.value === 'chosen' ? (data?.members.map((m) => m.id) ?? []) : null })}
          >
            <option value="recent">The last 3 games’ players</option>
            <option value="chosen">Members I choose</option>
          </select>
        </div>
        <div>
          <label htmlFor="ng-review-new">New to everyone</label>
          <select id="ng-review-new" value={review.newShare} onChange={(e) => onChange({ ...review, newShare: Number(e.target.value) })}>
            {NEW_SHARES.map((s) => (
              <option key={s} value={s}>
                {s === 0 ? 'No new facts' : `${Math.round(s * 100)}% of the questions`}
              </option>
            ))}
          </select>
        </div>
      </div>
      {review.members ? (
        <fieldset className="member-picker">
          <legend>Members expected tonight</legend>
          <Notice>{members.error}</Notice>
          <div className="check-grid">
            {(members.data ?? []).map((m) => (
              <label key={m.id} className="check">
                <input type="checkbox" checked={review.members!.includes(m.id)} onChange={(e) => toggleMember(m.id, e.target.checked)} />
                {m.name}
              </label>
            ))}
          </div>
          {!ready ? <p className="hint">Tick at least one member.</p> : null}
        </fieldset>
      ) : null}
      <Notice>{error}</Notice>
      {data && ready ? <ReviewPreview review={data} onShuffle={() => onChange({ ...review, seed: newSeed() })} /> : null}
    </div>
  );
}

function ReviewPreview({ review, onShuffle }: { review: TonightReview; onShuffle(): void }) {
  const names = review.members.map((m) => m.name);
  const met = review.picks.filter((p) => p.reasons[0]?.kind !== 'new').length;
  return (
    <div className="review-preview" aria-live="polite">
      <p className="hint">
        {names.length === 0
          ? 'Nobody has played this deck with a counted phone yet: every fact is new to the group.'
          : `For ${listNames(names)}: ${plural(met, 'fact')} to review and ${plural(review.picks.length - met, 'new fact')}, one question each.`}{' '}
        <button type="button" className="link-button" onClick={onShuffle}>
          Draw again
        </button>
      </p>
      <ol className="review-picks">
        {review.picks.map((p) => (
          <li key={p.factId}>
            <span className="review-pick-text">
              <strong>{p.term}</strong> — {p.fact}
            </span>
            <span className="review-pick-meta">
              <span className={`tag ${p.reasons[0]?.kind === 'new' ? '' : 'warn'}`}>{p.why}</span>
              {p.topic.length ? <span className="hint">{topicLabel(p.topic)}</span> : null}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}

function listNames(names: string[]): string {
  if (names.length <= 4) return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}
