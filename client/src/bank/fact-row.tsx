// One fact in the notes bank's browser: the text with its file and line (the source lines open
// on demand), what the importer and the host noted about it in plain words, and "Fix" for the
// host's tools: edit the fact, never ask it in a kind of question, or mark its term "not a term".
import { useState } from 'react';
import type { FactItem } from '../../../shared/bank-types.js';
import type { DeckCuration } from '../../../shared/curation-types.js';
import { QUESTION_KINDS, type QuestionKind } from '../../../shared/game-types.js';
import { factFlagLabel } from '../../../shared/notes-labels.js';
import { Notice } from '../components/notice.js';
import { kindLabel } from '../host/kind-labels.js';
import { api, errorText } from '../lib/api.js';
import { topicLabel } from '../lib/format.js';
import type { FileContext } from './bank-types.js';
import { markNotATerm, strikeQuestion, unmarkNotATerm, unstrikeQuestion } from './curation-api.js';
import { FactEditor } from './fact-editor.js';

interface Props {
  fact: FactItem;
  base: string;
  deckId: string;
  /** The deck's curation list: the ids "undo" needs. */
  curation: DeckCuration | null;
  /** After an edit: the fact as the server now has it. */
  onEdited(item: FactItem): void;
  /** After a strike or a "not a term" change (of this fact's term: other facts too). */
  onCurated(): void;
}

export function FactRow({ fact, base, deckId, curation, onEdited, onCurated }: Props) {
  const [context, setContext] = useState<FileContext | null>(null);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const c = fact.curation;
  const name = fact.termDisplay ?? fact.term;

  const toggle = async () => {
    if (context) return setContext(null);
    try {
      setContext(await api<FileContext>(`${base}/files/${encodeURIComponent(fact.fileId)}/context?line=${fact.line}&radius=3`));
    } catch (e) {
      setError(errorText(e));
    }
  };

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await action();
      setError(null);
      onCurated();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const strikeId = (kind: string) => curation?.struck.find((s) => s.factId === fact.id && s.kind === kind)?.id;
  const notTermId = curation?.notTerms.find((t) => t.termKey === fact.termKey)?.id;
  const last = fact.lineEnd ?? fact.line;
  return (
    <li className={`fact${c.notATerm ? ' is-left-out' : ''}`}>
      <p>
        <strong>{fact.term}</strong>
        {fact.attribute ? <span className="hint"> ({fact.attribute})</span> : null} — {fact.fact}
      </p>
      <p className="fact-source">
        <button type="button" className="link-button mono" onClick={() => void toggle()} aria-expanded={!!context}>
          {fact.file}:{fact.line}
          {last !== fact.line ? `–${last}` : ''}
        </button>{' '}
        <span className="hint">{topicLabel(fact.topic)}</span>
        {c.flagged ? <span className="tag bad">needs fixing</span> : null}
        {c.edited ? <span className="tag good">edited by you</span> : null}
        {c.notATerm ? <span className="tag">not a term</span> : null}
        {c.struckKinds.map((kind) => (
          <span key={kind} className="tag">
            never as {kindLabel(kind)}
          </span>
        ))}
        {fact.flags.map((flag) => {
          const plain = factFlagLabel(flag);
          return (
            <span key={flag} className="tag warn" title={plain.hint || undefined}>
              {plain.label}
            </span>
          );
        })}{' '}
        <button type="button" className="button ghost small fact-fix" onClick={() => setOpen((o) => !o)} aria-expanded={open} aria-label={`${open ? 'Close' : 'Fix'} “${fact.term}”`}>
          {open ? 'Close' : 'Fix'}
        </button>
      </p>
      {error ? <Notice>{error}</Notice> : null}
      {open ? (
        <div className="fact-tools">
          <FactEditor deckId={deckId} factId={fact.id} term={fact.term} fact={fact.fact} attribute={fact.attribute} onSaved={onEdited} onCancel={() => setOpen(false)} />
          <div className="button-row">
            {fact.termKey ? (
              c.notATerm ? (
                <button type="button" className="button ghost small" disabled={busy || !notTermId} onClick={() => void run(() => unmarkNotATerm(deckId, notTermId!))}>
                  “{name}” is a term after all
                </button>
              ) : (
                <button type="button" className="button ghost small" disabled={busy} onClick={() => void run(() => markNotATerm(deckId, fact.termKey!))} title={`Leave every fact of “${name}” out of questions`}>
                  “{name}” is not a term
                </button>
              )
            ) : null}
            <label className="inline-select">
              <span>Never ask it as</span>
              <select
                value=""
                disabled={busy}
                onChange={(e) => {
                  const kind = e.target.value as QuestionKind;
                  if (kind) void run(() => strikeQuestion(deckId, fact.id, kind));
                }}
              >
                <option value="">choose a kind…</option>
                {QUESTION_KINDS.filter((k) => !c.struckKinds.includes(k)).map((k) => (
                  <option key={k} value={k}>
                    {kindLabel(k)}
                  </option>
                ))}
              </select>
            </label>
            {c.struckKinds.map((kind) => (
              <button key={kind} type="button" className="button ghost small" disabled={busy || !strikeId(kind)} onClick={() => void run(() => unstrikeQuestion(deckId, strikeId(kind)!))}>
                Ask as {kindLabel(kind)} again
              </button>
            ))}
          </div>
        </div>
      ) : null}
      {context ? (
        <pre className="source-lines">
          {context.lines.map((l) => (
            <span key={l.n} className={l.n >= fact.line && l.n <= last ? 'is-hit' : ''}>
              <span className="line-no">{l.n}</span>
              {l.text}
              {'\n'}
            </span>
          ))}
        </pre>
      ) : null}
    </li>
  );
}
