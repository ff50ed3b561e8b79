// All REST routes, grouped by feature. Host-only routes sit behind requireHost.
import type express from 'express';
import type { AppDeps } from '../app.js';
import { requireHost } from './host-guard.js';

export function mountRoutes(app: express.Express, deps: AppDeps): void {
  const host = requireHost(deps.hostToken);
  // Lets the host screen check a pasted or remembered secret before showing host tools.
  app.get('/api/host/check', host, (_req, res) => res.json({ ok: true }));
}
