// "Flag question (F)" at a reveal: the host saw a wrong or unfair question; the fact behind it is
// left out of the next games until it is fixed in the notes bank ("Needs fixing"). Small and in
// the host's control bar, so it does not compete with the answer on the projector.
import { useCallback, useRef, useState } from 'react';
import { flagQuestion } from '../bank/curation-api.js';
import { errorText } from '../lib/api.js';

type FlagState = 'busy' | 'done';

export function useQuestionFlags(gameId: string) {
  const [states, setStates] = useState<Record<number, FlagState>>({});
  const [error, setError] = useState<string | null>(null);
  // The key can repeat faster than React re-renders: remember what is in flight here too.
  const sent = useRef(new Set<number>());

  const flag = useCallback(
    async (index: number) => {
      if (sent.current.has(index)) return;
      sent.current.add(index);
      setStates((s) => ({ ...s, [index]: 'busy' }));
      try {
        await flagQuestion(gameId, index);
        setStates((s) => ({ ...s, [index]: 'done' }));
        setError(null);
      } catch (e) {
        sent.current.delete(index);
        setStates(({ [index]: _, ...rest }) => rest);
        setError(errorText(e));
      }
    },
    [gameId],
  );
  return { states, error, flag };
}

export function FlagButton({ state, onFlag }: { state: FlagState | undefined; onFlag(): void }) {
  if (state === 'done') {
    return (
      <span className="flag-question is-done" role="status" title="Its fact is left out of the next games until you fix it in the notes bank (Needs fixing).">
        ⚑ Flagged: fix it later in the notes bank
      </span>
    );
  }
  return (
    <button
      type="button"
      className="button ghost small flag-question"
      onClick={onFlag}
      disabled={state === 'busy'}
      aria-keyshortcuts="f"
      title="Wrong or unfair? Leave this question's fact out of the next games until you fix it."
    >
      ⚑ Flag question <kbd>F</kbd>
    </button>
  );
}
