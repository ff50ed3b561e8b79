// All REST routes, grouped by feature. Host-only routes sit behind requireHost. Every JSON
// answer uses the same envelope as socket acknowledgements: {ok:true,data} | {ok:false,error}.
import type express from 'express';
import type { AppDeps } from '../app.js';
import { curationRoutes } from '../bank/curation-routes.js';
import { bankRoutes } from '../bank/routes.js';
import { memoryRoutes } from '../memory/routes.js';
import { resultsRoutes } from '../results/routes.js';
import { gameRoutes } from '../rooms/routes.js';
import type { QuestionGenerator } from '../questions/generator-thread.js';
import type { RoomDirectory } from '../rooms/directory.js';
import type { RoomRegistry } from '../rooms/registry.js';
import type { MemoryIndex } from '../memory/memory-index.js';
import { requireHostWithBody } from './host-guard.js';

export function mountRoutes(
  app: express.Express,
  deps: AppDeps,
  rooms: RoomRegistry,
  directory: RoomDirectory,
  generator: QuestionGenerator,
  memory: MemoryIndex,
): void {
  // Host routes parse their (small) JSON body after the host check; other routes read none.
  const host = requireHostWithBody(deps.hostToken);
  // Lets the host screen check a pasted or remembered secret before showing host tools.
  app.get('/api/host/check', host, (_req, res) => res.json({ ok: true, data: null }));
  bankRoutes(app, deps, host, generator);
  curationRoutes(app, deps, host);
  gameRoutes(app, deps, host, rooms, directory, memory);
  resultsRoutes(app, deps, host);
  memoryRoutes(app, deps, host, rooms.opts.limits, memory, rooms.opts.questions);
}
