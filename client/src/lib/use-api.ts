// Loads one REST resource and reloads it on demand; stale answers are dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, errorText } from './api.js';

export interface Resource<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload(): void;
}

/** `version`: bump it to load the same path again (after a change elsewhere on the page). */
export function useApi<T>(path: string | null, options: { host?: boolean; version?: number } = {}): Resource<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(path !== null);
  const [nonce, setNonce] = useState(0);
  const latest = useRef(0);
  const host = options.host ?? true;
  const version = options.version ?? 0;

  useEffect(() => {
    if (path === null) {
      setData(null);
      setLoading(false);
      return;
    }
    const ticket = ++latest.current;
    const controller = new AbortController();
    setLoading(true);
    api<T>(path, { host, signal: controller.signal })
      .then((value) => {
        if (ticket !== latest.current) return;
        setData(value);
        setError(null);
      })
      .catch((e: unknown) => {
        if (ticket !== latest.current || (e as Error).name === 'AbortError') return;
        setError(errorText(e));
      })
      .finally(() => {
        if (ticket === latest.current) setLoading(false);
      });
    return () => controller.abort();
  }, [path, host, nonce, version]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { data, error, loading, reload };
}
