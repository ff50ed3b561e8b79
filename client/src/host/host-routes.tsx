// Everything under /host, loaded as its own chunk: players' phones never download it.
import { BankScreen } from '../bank/bank-screen.js';
import { lazy, Suspense } from 'react';
import { matchPath } from '../lib/router.js';
import { HistoryScreen } from './history-screen.js';
import { HostGate } from './host-gate.js';
import { HostLayout } from './host-layout.js';
import { LiveScreen } from './live-screen.js';
import { NewGameScreen } from './new-game-screen.js';

// The charts come with the progress page only.
const ProgressScreen = lazy(() => import('../memory/progress-screen.js'));

export default function HostRoutes({ pathname }: { pathname: string }) {
  const live = matchPath('/host/game/:gameId', pathname);
  return (
    <HostGate>
      {live ? (
        <LiveScreen key={live.gameId} gameId={live.gameId} />
      ) : (
        <HostLayout pathname={pathname}>
          {pathname.startsWith('/host/new') ? (
            <NewGameScreen />
          ) : pathname.startsWith('/host/history') ? (
            <HistoryScreen />
          ) : pathname.startsWith('/host/progress') ? (
            <Suspense fallback={<p className="hint">Loading…</p>}>
              <ProgressScreen />
            </Suspense>
          ) : (
            <BankScreen />
          )}
        </HostLayout>
      )}
    </HostGate>
  );
}
