// Notes bank REST routes (decks, file imports, topics, facts). Filled in by the notes bank work.
import type express from 'express';
import type { AppDeps } from '../app.js';

export function bankRoutes(_app: express.Express, _deps: AppDeps, _host: express.RequestHandler): void {}
