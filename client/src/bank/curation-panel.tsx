// "Needs fixing": the questions flagged during games, each with the fact behind it open for
// editing in place, and where it was flagged. Below, what the host has left out or changed
// (struck questions, "not a term" terms, edited facts), each with its undo.
import { useState } from 'react';
import type { DeckCuration, FlaggedFactItem } from '../../../shared/curation-types.js';
import { Notice } from '../components/notice.js';
import { kindLabel } from '../host/kind-labels.js';
import { errorText } from '../lib/api.js';
import { formatDate, plural, spacedCode } from '../lib/format.js';
import { Link } from '../lib/router.js';
import { editFact, unflagFact, unmarkNotATerm, unstrikeQuestion } from './curation-api.js';
import { FactEditor } from './fact-editor.js';

interface Props {
  deckId: string;
  curation: DeckCuration | null;
  error: string | null;
  /** Something changed: reload the list; `facts`: the facts themselves changed too. */
  onChanged(facts: boolean): void;
}

export function CurationPanel({ deckId, curation, error, onChanged }: Props) {
  const [actionError, setActionError] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown>, facts: boolean) => {
    try {
      await action();
      setActionError(null);
      onChanged(facts);
    } catch (e) {
      setActionError(errorText(e));
    }
  };
  const c = curation;
  const flagged = c?.flagged ?? [];
  return (
    <section className="card curation" aria-labelledby="fixing-title">
      <h3 id="fixing-title">
        Needs fixing {flagged.length ? <span className="count bad">{flagged.length}</span> : null}
      </h3>
      <Notice>{error ?? actionError}</Notice>
      {c && !flagged.length ? <p className="hint">Nothing flagged. During a game, press F at the answer to flag a question that is wrong: its fact stays out of games until you fix it here.</p> : null}
      {flagged.length ? (
        <ul className="facts" role="list">
          {flagged.map((f) => (
            <FlaggedRow key={f.id} deckId={deckId} item={f} onUnflag={() => void run(() => unflagFact(deckId, f.factId), false)} onFixed={() => onChanged(true)} />
          ))}
        </ul>
      ) : null}
      {c && (c.struck.length || c.notTerms.length || c.edited.length) ? (
        <details className="curation-more">
          <summary>
            Left out or changed by you:{' '}
            {[
              c.struck.length ? plural(c.struck.length, 'question never asked again', 'questions never asked again') : '',
              c.notTerms.length ? plural(c.notTerms.length, 'term marked “not a term”', 'terms marked “not a term”') : '',
              c.edited.length ? plural(c.edited.length, 'edited fact') : '',
            ]
              .filter(Boolean)
              .join(', ')}
          </summary>
          {c.struck.length ? <h4>Never asked like this again</h4> : null}
          <ul className="compact-list">
            {c.struck.map((s) => (
              <li key={s.id}>
                <span>
                  <strong>{s.term}</strong> as {kindLabel(s.kind)}
                  {s.prompt ? <span className="hint"> · “{s.prompt}”</span> : null} <span className="hint mono">{s.file}:{s.line}</span>
                </span>
                <button type="button" className="button ghost small" onClick={() => void run(() => unstrikeQuestion(deckId, s.id), false)}>
                  Ask again
                </button>
              </li>
            ))}
          </ul>
          {c.notTerms.length ? <h4>Not terms (their facts are never asked)</h4> : null}
          <ul className="compact-list">
            {c.notTerms.map((t) => (
              <li key={t.id}>
                <span>
                  <strong>{t.display}</strong> <span className="hint">{plural(t.facts, 'fact')}</span>
                </span>
                <button type="button" className="button ghost small" onClick={() => void run(() => unmarkNotATerm(deckId, t.id), false)}>
                  It is a term
                </button>
              </li>
            ))}
          </ul>
          {c.edited.length ? <h4>Edited facts</h4> : null}
          <ul className="compact-list">
            {c.edited.map((e) => (
              <li key={e.id}>
                <span>
                  <strong>{e.term}</strong> — {e.fact}{' '}
                  <span className="hint">
                    (was: {e.originalTerm} — {e.originalFact}) <span className="mono">{e.file}:{e.line}</span>
                    {e.applied ? '' : ' · the original is not in the notes now'}
                  </span>
                </span>
                {e.applied ? (
                  <button type="button" className="button ghost small" onClick={() => void run(() => editFact(deckId, e.factId, { term: e.originalTerm, fact: e.originalFact }), true)}>
                    Restore original
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

function FlaggedRow({ deckId, item, onUnflag, onFixed }: { deckId: string; item: FlaggedFactItem; onUnflag(): void; onFixed(): void }) {
  const now = item.current;
  return (
    <li className="fact flagged-fact">
      <p className="hint">
        Flagged at question {item.questionIndex + 1}
        {item.game ? (
          <>
            {' '}
            of game <Link to={`/results/${encodeURIComponent(item.game.id)}`}>{spacedCode(item.game.code)}</Link> ({formatDate(item.game.createdAt)})
          </>
        ) : null}
        : “{item.prompt}” · {kindLabel(item.kind)} · <span className="mono">{item.file}:{item.line}</span>
      </p>
      {now ? (
        <FactEditor
          deckId={deckId}
          factId={item.factId}
          term={now.term}
          fact={now.fact}
          attribute={now.attribute}
          saveLabel="Save fix"
          onSaved={onFixed}
          extra={
            <button type="button" className="button ghost small" onClick={onUnflag}>
              Unflag: it is fine
            </button>
          }
        />
      ) : (
        <p>
          <strong>{item.term}</strong> — {item.fact} <span className="tag">no longer in the notes</span>{' '}
          <button type="button" className="button ghost small" onClick={onUnflag}>
            Remove from this list
          </button>
        </p>
      )}
    </li>
  );
}
