import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterEach, beforeEach } from 'vitest';
import { createTeamsHandler } from '../../adapters/teams/teams-bot.js';
import { createCore, type CoreOptions } from '../../src/core/create-core.js';
import type { SrmCore } from '../../src/core/srm-core.js';
import { createSqliteStore } from '../../src/store/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { captureLogger } from '../teams/fake-core.js';
import { loadTestKnowledge } from './knowledge.js';
import { allowOnlyLoopback, captureConnector } from './teams-connector.js';
import { startTeamsServer, type RunningServer } from './teams-server.js';

/** The real core behind the real Teams endpoint (local mode), on SQLite, with the Bot Connector captured. */
export interface TeamsWithRealCore {
  store: Store;
  core: SrmCore;
  server: RunningServer;
  connector: ReturnType<typeof captureConnector>;
}

/**
 * Call inside a describe block: a fresh endpoint and core for every test, closed after it. The
 * returned object's fields are replaced before each test.
 */
export function useTeamsWithRealCore(coreOptions: Partial<Omit<CoreOptions, 'store'>> = {}): TeamsWithRealCore {
  const current = {} as TeamsWithRealCore;
  let dataDir = '';
  allowOnlyLoopback();
  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'srm-teams-core-'));
    current.store = createSqliteStore({ dataDir });
    current.core = createCore({ knowledge: loadTestKnowledge(), ...coreOptions, store: current.store });
    current.connector = captureConnector();
    current.server = await startTeamsServer(createTeamsHandler({ core: current.core, store: current.store, auth: { mode: 'local' }, logger: captureLogger().logger }));
  });
  afterEach(async () => {
    await current.server.close();
    await current.core.close();
    rmSync(dataDir, { recursive: true, force: true });
    nock.cleanAll();
  });
  return current;
}
