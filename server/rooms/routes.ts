// Game creation REST routes. Filled in by the live rooms work.
import type express from 'express';
import type { AppDeps } from '../app.js';
import type { RoomRegistry } from './registry.js';

export function gameRoutes(_app: express.Express, _deps: AppDeps, _host: express.RequestHandler, _rooms: RoomRegistry): void {}
