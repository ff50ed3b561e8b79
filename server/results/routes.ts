// Post-game results REST routes (report, exports, history). Filled in by the results work.
import type express from 'express';
import type { AppDeps } from '../app.js';

export function resultsRoutes(_app: express.Express, _deps: AppDeps, _host: express.RequestHandler): void {}
