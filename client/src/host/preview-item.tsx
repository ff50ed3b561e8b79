// One question of the new-game preview, with the host's fixes next to it: "Never ask this"
// (that fact in that kind of question), "Edit fact", and "Not a term" (every fact of the term
// is left out). Each can be undone right there.
import { useState } from 'react';
import type { QuestionKind } from '../../../shared/game-types.js';
import type { PreviewQuestion } from '../bank/bank-types.js';
import { markNotATerm, strikeQuestion, unmarkNotATerm, unstrikeQuestion } from '../bank/curation-api.js';
import { FactEditor } from '../bank/fact-editor.js';
import { Notice } from '../components/notice.js';
import { OptionBadge } from '../components/option-badge.js';
import { errorText } from '../lib/api.js';
import { topicLabel } from '../lib/format.js';
import { kindLabel } from './kind-labels.js';

interface Props {
  deckId: string;
  index: number;
  q: PreviewQuestion;
  /** Row id of the "not a term" mark on this question's term, when the host made one here. */
  notTermId: string | null;
  onNotTerm(termKey: string, id: string | null): void;
}

export function PreviewItem({ deckId, index, q, notTermId, onNotTerm }: Props) {
  const [struckId, setStruckId] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [edited, setEdited] = useState<{ term: string; fact: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const answer = q.answer ?? q.answerIndex ?? -1;
  const file = q.source?.file ?? q.file;
  // The line the reveal and the results will cite for this question.
  const line = q.factLine ?? q.source?.line ?? q.line;
  const fact = q.bankFact ?? null;
  // The term the question is about: for a false statement, not the term of the borrowed text.
  const termName = q.termDisplay ?? '';
  const canCurate = !!q.factId && !!q.kind;

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
      setError(null);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const toggleStrike = () =>
    run(async () => {
      if (struckId) {
        await unstrikeQuestion(deckId, struckId);
        setStruckId(null);
      } else {
        setStruckId((await strikeQuestion(deckId, q.factId!, q.kind as QuestionKind, q.prompt)).id);
      }
    });

  const toggleNotTerm = () =>
    run(async () => {
      if (!q.termKey) return;
      if (notTermId) {
        await unmarkNotATerm(deckId, notTermId);
        onNotTerm(q.termKey, null);
      } else {
        onNotTerm(q.termKey, (await markNotATerm(deckId, q.termKey)).id);
      }
    });

  const left = !!struckId || !!notTermId;
  return (
    <li className={left ? 'is-left-out' : undefined}>
      <div className="preview-body">
        <p className="preview-prompt">{q.prompt}</p>
        <ul className="preview-options" role="list">
          {q.options.map((option, j) => (
            <li key={j} className={j === answer ? 'is-answer' : ''}>
              <OptionBadge index={j} size="sm" /> {option}
              {j === answer ? <span className="visually-hidden"> (correct)</span> : null}
              {j === answer ? <span aria-hidden="true"> ✓</span> : null}
            </li>
          ))}
        </ul>
        {q.explanation ? <p className="hint">{q.explanation}</p> : null}
        <p className="hint">
          {q.kind ? `${kindLabel(q.kind)} · ` : ''}
          {topicLabel(q.topic)}
          {file ? ` · ${file}:${line}` : ''}
        </p>
      </div>
      {canCurate ? (
        <div className="curate-row">
          {struckId ? (
            <p className="curate-status" role="status">
              Never asked like this again: this fact is left out of “{kindLabel(q.kind)}” questions.
            </p>
          ) : null}
          {notTermId ? (
            <p className="curate-status" role="status">
              “{termName}” is not a term: its facts are left out of questions.
            </p>
          ) : null}
          {edited ? (
            <p className="curate-status" role="status">
              Edited: {edited.term} — {edited.fact}. Show other questions to see what it makes now.
            </p>
          ) : null}
          <div className="button-row">
            <button type="button" className="button ghost small" onClick={() => void toggleStrike()} disabled={busy} aria-label={struckId ? `Undo: ask question ${index + 1} again` : `Never ask this: question ${index + 1}`}>
              {struckId ? 'Undo' : 'Never ask this'}
            </button>
            {fact && !editing ? (
              <button type="button" className="button ghost small" onClick={() => setEditing(true)} disabled={busy}>
                Edit fact
              </button>
            ) : null}
            {q.termKey && termName ? (
              <button type="button" className="button ghost small" onClick={() => void toggleNotTerm()} disabled={busy} title={`Leave every fact of “${termName}” out of questions`}>
                {notTermId ? `Undo “not a term”` : `“${shorten(termName)}” is not a term`}
              </button>
            ) : null}
          </div>
          <Notice>{error}</Notice>
          {editing && fact ? (
            <FactEditor
              deckId={deckId}
              factId={q.factId!}
              term={edited?.term ?? fact.term}
              fact={edited?.fact ?? fact.fact}
              attribute={fact.attribute}
              onCancel={() => setEditing(false)}
              onSaved={(item) => {
                setEdited({ term: item.term, fact: item.fact });
                setEditing(false);
              }}
            />
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

function shorten(text: string, max = 32): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
