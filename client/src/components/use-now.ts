// Re-renders every `intervalMs` while `active`, for countdowns drawn from a Clock.
import { useEffect, useState } from 'react';

export function useNow(active: boolean, intervalMs = 100): number {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(() => setNow(performance.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [active, intervalMs]);
  return active ? now : performance.now();
}
