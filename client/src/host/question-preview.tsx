// A few questions generated from the current choice, answers marked, so the host can see
// what the notes turn into before opening the room.
import { useState } from 'react';
import type { QuestionKind } from '../../../shared/game-types.js';
import type { PreviewQuestion } from '../bank/bank-types.js';
import { Notice } from '../components/notice.js';
import { OptionBadge } from '../components/option-badge.js';
import { api, errorText } from '../lib/api.js';
import { topicLabel } from '../lib/format.js';
import { kindLabel } from './kind-labels.js';

function asList(data: unknown): PreviewQuestion[] {
  if (Array.isArray(data)) return data as PreviewQuestion[];
  const q = (data as { questions?: unknown })?.questions;
  return Array.isArray(q) ? (q as PreviewQuestion[]) : [];
}

export function QuestionPreview({ deckId, topics, kinds }: { deckId: string; topics: string[][]; kinds: QuestionKind[] }) {
  const [questions, setQuestions] = useState<PreviewQuestion[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async () => {
    const params = new URLSearchParams({
      topics: JSON.stringify(topics),
      count: '5',
      seed: Math.random().toString(36).slice(2, 10),
    });
    if (kinds.length) params.set('kinds', kinds.join(','));
    setBusy(true);
    try {
      setQuestions(asList(await api<unknown>(`/api/decks/${encodeURIComponent(deckId)}/questions/preview?${params}`)));
      setError(null);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card preview" aria-labelledby="preview-title">
      <header className="card-header">
        <h2 id="preview-title">Preview</h2>
        <button type="button" className="button" onClick={() => void load()} disabled={busy}>
          {busy ? 'Generating…' : questions ? 'Show other questions' : 'Preview 5 questions'}
        </button>
      </header>
      <Notice>{error}</Notice>
      {questions && questions.length === 0 ? <p className="hint">No questions could be made from this choice.</p> : null}
      {questions ? (
        <ol className="preview-list">
          {questions.map((q, i) => {
            const answer = q.answer ?? q.answerIndex ?? -1;
            const file = q.source?.file ?? q.file;
            const line = q.source?.line ?? q.line;
            return (
              <li key={i}>
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
              </li>
            );
          })}
        </ol>
      ) : null}
    </section>
  );
}
