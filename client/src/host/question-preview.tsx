// A few questions generated from the current choice, answers marked, so the host can see
// what the notes turn into before opening the room, and fix what is wrong (preview-item.tsx).
import { useState } from 'react';
import type { QuestionKind } from '../../../shared/game-types.js';
import type { PreviewQuestion } from '../bank/bank-types.js';
import { Notice } from '../components/notice.js';
import { api, errorText } from '../lib/api.js';
import { PreviewItem } from './preview-item.js';

function asList(data: unknown): PreviewQuestion[] {
  if (Array.isArray(data)) return data as PreviewQuestion[];
  const q = (data as { questions?: unknown })?.questions;
  return Array.isArray(q) ? (q as PreviewQuestion[]) : [];
}

export function QuestionPreview({ deckId, topics, kinds }: { deckId: string; topics: string[][]; kinds: QuestionKind[] }) {
  const [questions, setQuestions] = useState<PreviewQuestion[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Terms marked "not a term" from this preview: every question on the term shows it.
  const [notTerms, setNotTerms] = useState<Record<string, string | null>>({});

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
      {questions && questions.length ? (
        <p className="hint">
          Something wrong? “Never ask this” keeps that question out of every game; “Edit fact” fixes the notes themselves.
        </p>
      ) : null}
      <Notice>{error}</Notice>
      {questions && questions.length === 0 ? <p className="hint">No questions could be made from this choice.</p> : null}
      {questions ? (
        <ol className="preview-list">
          {questions.map((q, i) => (
            <PreviewItem
              key={`${q.id ?? ''}-${i}`}
              deckId={deckId}
              index={i}
              q={q}
              notTermId={(q.termKey && notTerms[q.termKey]) || null}
              onNotTerm={(termKey, id) => setNotTerms((prev) => ({ ...prev, [termKey]: id }))}
            />
          ))}
        </ol>
      ) : null}
    </section>
  );
}
