// Host pages other than the live room: a top bar with the sections.
import type { ReactNode } from 'react';
import { SoundToggle } from '../components/sound-toggle.js';
import { Link } from '../lib/router.js';

const SECTIONS = [
  { to: '/host/bank', label: 'Notes bank', match: (p: string) => p === '/host' || p.startsWith('/host/bank') },
  { to: '/host/new', label: 'New game', match: (p: string) => p.startsWith('/host/new') },
  { to: '/host/history', label: 'Past games', match: (p: string) => p.startsWith('/host/history') },
  { to: '/host/progress', label: 'Progress', match: (p: string) => p.startsWith('/host/progress') },
];

export function HostLayout({ pathname, children }: { pathname: string; children: ReactNode }) {
  return (
    <div className="host-app">
      <header className="host-bar">
        <Link to="/host" className="brand small">
          Quiz <span>night</span>
        </Link>
        <nav aria-label="Host sections">
          <ul role="list">
            {SECTIONS.map((s) => (
              <li key={s.to}>
                <Link to={s.to} aria-current={s.match(pathname) ? 'page' : undefined}>
                  {s.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <SoundToggle />
      </header>
      <main className="host-main">{children}</main>
    </div>
  );
}
