// Host access. The secret arrives once in the URL fragment (`/host#host=<secret>`, never
// sent to the server in a request line or a Referer); it is kept in localStorage, wiped
// from the address bar, and checked with GET /api/host/check. Without it: a paste form.
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { Notice } from '../components/notice.js';
import { ApiError, api } from '../lib/api.js';
import { hostSecret } from '../lib/storage.js';

type GateState = 'checking' | 'ok' | 'missing' | 'wrong' | 'offline';

function takeSecretFromHash(): void {
  const match = /(?:^#|&)host=([^&]+)/.exec(location.hash);
  if (!match) return;
  try {
    hostSecret.set(decodeURIComponent(match[1]));
  } catch {
    return;
  }
  history.replaceState(history.state, '', location.pathname + location.search);
}

/** Accepts the bare secret or a whole host link someone pasted. */
function secretFrom(input: string): string {
  const trimmed = input.trim();
  const match = /[#&]host=([^&\s]+)/.exec(trimmed);
  return match ? decodeURIComponent(match[1]) : trimmed;
}

async function check(secret: string): Promise<GateState> {
  try {
    await api('/api/host/check', { secret });
    return 'ok';
  } catch (e) {
    if (e instanceof ApiError && e.code === 'NOT_HOST') return 'wrong';
    return 'offline';
  }
}

export function HostGate({ children }: { children: ReactNode }) {
  const [state, setState] = useState<GateState>('checking');
  const [input, setInput] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    takeSecretFromHash();
    const secret = hostSecret.get();
    if (!secret) {
      setState('missing');
      return;
    }
    void check(secret).then(setState);
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const secret = secretFrom(input);
    if (!secret) return;
    setBusy(true);
    const result = await check(secret);
    setBusy(false);
    if (result === 'ok') {
      hostSecret.set(secret);
      setInput('');
    }
    setState(result);
  };

  if (state === 'ok') return <>{children}</>;
  if (state === 'checking') {
    return (
      <main className="host-gate" role="status">
        <span className="spinner" aria-hidden="true" /> Checking the host secret…
      </main>
    );
  }
  return (
    <main className="host-gate">
      <form className="card gate-card" onSubmit={submit}>
        <h1>Host a quiz night</h1>
        <p>
          The server printed a <strong>host link</strong> when it started. Open it on this computer, or paste the link or the secret
          here.
        </p>
        {state === 'wrong' ? <Notice>That host secret is not right for this server.</Notice> : null}
        {state === 'offline' ? (
          <>
            <Notice>Cannot reach the server to check the secret.</Notice>
            {hostSecret.get() ? (
              <button type="button" className="button" onClick={() => void check(hostSecret.get()!).then(setState)}>
                Try again
              </button>
            ) : null}
          </>
        ) : null}
        <label htmlFor="host-secret">Host link or secret</label>
        <input
          id="host-secret"
          type="password"
          autoComplete="off"
          value={input}
          onChange={(e) => setInput(e.target.value)}
          placeholder="http://…/host#host=…"
          autoFocus
        />
        <button className="button primary big" type="submit" disabled={busy}>
          {busy ? 'Checking…' : 'Continue'}
        </button>
      </form>
    </main>
  );
}
