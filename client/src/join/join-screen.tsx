// Join (`/` and `/?code=XXXXXX`): two steps as the protocol wants (room:check, then
// room:join), so a flood of bots cannot reach the nickname step without a live code.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AckError } from '../../../shared/errors.js';
import { GAME_RULES, ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH } from '../../../shared/game-types.js';
import { Notice } from '../components/notice.js';
import { SoundToggle } from '../components/sound-toggle.js';
import { joinErrorText } from '../lib/error-text.js';
import { spacedCode } from '../lib/format.js';
import { Link, navigate, useLocation } from '../lib/router.js';
import { playerSessions } from '../lib/storage.js';
import { playerSession } from '../play/player-session.js';

const CODE_RE = new RegExp(`^[${ROOM_CODE_ALPHABET}]{${ROOM_CODE_LENGTH}}$`);

/** A quick local check; the server's normalisation (shared/schemas.ts) has the last word.
 *  Kept light on purpose: importing the zod schemas would add 25 kB to every phone's download. */
function localNickname(raw: string): { ok: true; nickname: string } | { ok: false; empty: boolean } {
  const text = raw.normalize('NFKC').trim().replace(/\s+/g, ' ');
  if (!text) return { ok: false, empty: true };
  if (Array.from(text).length > GAME_RULES.nicknameMaxChars * 2) return { ok: false, empty: false };
  return { ok: true, nickname: text };
}

function cleanCode(raw: string): string {
  return raw.replace(/[\s-]/g, '').toUpperCase();
}

type Step = 'code' | 'checking' | 'nickname' | 'joining';

export function JoinScreen() {
  const { search } = useLocation();
  const linkCode = cleanCode(search.get('code') ?? '');
  const [code, setCode] = useState(linkCode);
  const [nickname, setNickname] = useState(() => playerSessions.lastNickname() ?? '');
  const [studyName, setStudyName] = useState(() => playerSessions.studyName() ?? '');
  const [step, setStep] = useState<Step>('code');
  const [error, setError] = useState<string | null>(null);
  const [lateJoin, setLateJoin] = useState<boolean | null>(null);
  const [suggesting, setSuggesting] = useState(false);
  const nicknameInput = useRef<HTMLInputElement>(null);
  const codeInput = useRef<HTMLInputElement>(null);
  const previous = playerSessions.last();

  const check = async (value: string) => {
    const clean = cleanCode(value);
    if (!CODE_RE.test(clean)) {
      setError('Room codes have 6 letters and digits, like the one on the big screen.');
      codeInput.current?.focus();
      return;
    }
    setError(null);
    setStep('checking');
    const ack = await playerSession.check(clean);
    if (!ack.ok) {
      setStep('code');
      setError(joinErrorText(ack.error, { code: clean }));
      return;
    }
    setCode(ack.data.code || clean);
    setLateJoin(ack.data.lateJoin);
    setStep('nickname');
  };

  useEffect(() => {
    if (!linkCode) return;
    // A returning player goes straight back into their game.
    if (playerSessions.get(linkCode)) {
      navigate(`/play/${linkCode}`, { replace: true });
      return;
    }
    void check(linkCode);
    // Only when the link's code changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [linkCode]);

  useEffect(() => {
    if (step === 'nickname') nicknameInput.current?.focus();
  }, [step]);

  const submitCode = (event: FormEvent) => {
    event.preventDefault();
    void check(code);
  };

  const submitNickname = async (event: FormEvent) => {
    event.preventDefault();
    const local = localNickname(nickname);
    if (!local.ok) {
      setError(local.empty ? 'Pick a nickname first.' : joinErrorText({ code: 'NICKNAME_INVALID', message: '' }));
      nicknameInput.current?.focus();
      return;
    }
    setError(null);
    setStep('joining');
    const failure: AckError | undefined = (await playerSession.join(code, local.nickname, studyName.trim() || undefined))?.error;
    if (failure) {
      setStep('nickname');
      setError(joinErrorText(failure, { code, nickname: local.nickname }));
      // A room that closed or locked meanwhile sends the player back to the code step.
      if (['UNKNOWN_ROOM', 'GAME_FINISHED', 'ROOM_LOCKED', 'ROOM_FULL', 'LATE_JOIN_CLOSED'].includes(failure.code)) setStep('code');
      else nicknameInput.current?.focus();
      return;
    }
    navigate(`/play/${code}`, { replace: true });
  };

  const suggest = async () => {
    setSuggesting(true);
    const ack = await playerSession.suggest(code);
    setSuggesting(false);
    if (ack.ok) {
      setNickname(ack.data.nickname);
      setError(null);
      nicknameInput.current?.focus();
    } else {
      setError(joinErrorText(ack.error, { code }));
    }
  };

  const busy = step === 'checking' || step === 'joining';
  return (
    <main className="join-screen">
      <header className="join-header">
        <h1 className="brand">
          Quiz <span>night</span>
        </h1>
        <SoundToggle />
      </header>

      {step === 'code' || step === 'checking' ? (
        <form className="card join-card" onSubmit={submitCode} noValidate>
          <h2>Join a game</h2>
          <label htmlFor="room-code">Room code</label>
          <input
            id="room-code"
            ref={codeInput}
            className="code-input"
            value={code}
            onChange={(e) => setCode(cleanCode(e.target.value).slice(0, ROOM_CODE_LENGTH))}
            autoComplete="off"
            autoCapitalize="characters"
            autoCorrect="off"
            spellCheck={false}
            inputMode="text"
            maxLength={ROOM_CODE_LENGTH + 2}
            placeholder="ABC234"
            aria-describedby="code-help"
            aria-invalid={!!error}
            autoFocus={!linkCode}
          />
          <p id="code-help" className="hint">
            The 6-character code on the big screen.
          </p>
          <Notice>{error}</Notice>
          <button className="button primary big" type="submit" disabled={busy} aria-busy={step === 'checking'}>
            {step === 'checking' ? 'Checking…' : 'Next'}
          </button>
        </form>
      ) : (
        <form className="card join-card" onSubmit={submitNickname} noValidate>
          <p className="join-room">
            Room <strong className="mono">{spacedCode(code)}</strong>{' '}
            <button type="button" className="link-button" onClick={() => (setStep('code'), setError(null))}>
              change
            </button>
          </p>
          {lateJoin ? <p className="hint">The game is under way: you join from the next question.</p> : null}
          <label htmlFor="nickname">Your nickname</label>
          <input
            id="nickname"
            ref={nicknameInput}
            className="nickname-input"
            value={nickname}
            onChange={(e) => setNickname(e.target.value)}
            autoComplete="nickname"
            autoCorrect="off"
            maxLength={60}
            placeholder="e.g. Curious Otter"
            aria-invalid={!!error}
          />
          <details className="study-name" open={studyName !== '' || undefined}>
            <summary>Playing on another phone than last time?</summary>
            <label htmlFor="study-name">Study name (optional)</label>
            <input
              id="study-name"
              value={studyName}
              onChange={(e) => setStudyName(e.target.value)}
              autoComplete="off"
              autoCorrect="off"
              maxLength={40}
              placeholder="e.g. Ana's biology"
              aria-describedby="study-name-hint"
            />
            <p id="study-name-hint" className="hint">
              Type the same study name on any phone and your progress from past quiz nights follows you. Keep it to yourself.
            </p>
          </details>
          <Notice>{error}</Notice>
          <div className="button-row">
            <button type="button" className="button" onClick={() => void suggest()} disabled={busy || suggesting}>
              {suggesting ? 'Thinking…' : 'Suggest a name'}
            </button>
            <button className="button primary big grow" type="submit" disabled={busy} aria-busy={step === 'joining'}>
              {step === 'joining' ? 'Joining…' : 'Join'}
            </button>
          </div>
        </form>
      )}

      {previous && previous.code !== code ? (
        <p className="card-footer">
          <Link className="button ghost" to={`/play/${previous.code}`}>
            Back to your game {spacedCode(previous.code)} as {previous.nickname}
          </Link>
        </p>
      ) : null}
      <p className="footer-links">
        <Link to="/host">Host a quiz night</Link>
      </p>
    </main>
  );
}
