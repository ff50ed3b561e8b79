// Routes: / (join), /play/:code, /host (notes bank, new game, past games),
// /host/game/:gameId (live room), /results/:gameId, /me (a player's own study plan).
import { lazy, Suspense } from 'react';
import { JoinScreen } from './join/join-screen.js';
import { Link, matchPath, useLocation } from './lib/router.js';
import { PlayScreen } from './play/play-screen.js';

// Phones load only join and play up front; the host tools and the results come on demand.
const HostRoutes = lazy(() => import('./host/host-routes.js'));
const MemberScreen = lazy(() => import('./memory/member-screen.js'));
const ResultsScreen = lazy(() => import('./results/results-screen.js').then((m) => ({ default: m.ResultsScreen })));

function Loading() {
  return (
    <div className="play-center" role="status">
      <span className="spinner" aria-hidden="true" />
    </div>
  );
}

export function App() {
  const { pathname } = useLocation();

  if (pathname === '/' || pathname === '') return <JoinScreen />;

  const play = matchPath('/play/:code', pathname);
  if (play) return <PlayScreen key={play.code} code={play.code} />;

  if (pathname === '/me') {
    return (
      <Suspense fallback={<Loading />}>
        <MemberScreen />
      </Suspense>
    );
  }

  const results = matchPath('/results/:gameId', pathname);
  if (results) {
    return (
      <Suspense fallback={<Loading />}>
        <ResultsScreen key={results.gameId} gameId={results.gameId} />
      </Suspense>
    );
  }

  if (pathname === '/host' || pathname.startsWith('/host/')) {
    return (
      <Suspense fallback={<Loading />}>
        <HostRoutes pathname={pathname} />
      </Suspense>
    );
  }

  return (
    <main className="join-screen">
      <div className="card">
        <h1>Page not found</h1>
        <p>
          <Link to="/">Join a game</Link> or <Link to="/host">host one</Link>.
        </p>
      </div>
    </main>
  );
}
