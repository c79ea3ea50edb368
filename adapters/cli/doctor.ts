import { webApi } from '@slack/bolt';
import { parseAppConfig } from '../../src/config/app-config.js';
import { knowledgeStats } from '../../src/knowledge/knowledge-stats.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { withOrgOwners } from '../../src/knowledge/org-owners.js';
import { createStore } from '../../src/store/create-store.js';
import { parseSlackConfig } from '../slack/slack-config.js';
import { parseTeamsConfig } from '../teams/teams-config.js';
import { defaultKnowledgeDir } from './knowledge-dir.js';

/** One line of `srm doctor`. */
export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

const TIMEOUT_MS = 5_000;

async function within<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 300);

/**
 * `srm doctor`: checks the configuration, the knowledge base, the store and (with a token set) the
 * Slack token, and returns one result per check. Never prints a secret.
 */
export async function runDoctor(env: Record<string, string | undefined>): Promise<Check[]> {
  const checks: Check[] = [];
  const check = async (name: string, work: () => Promise<string>): Promise<void> => {
    try {
      checks.push({ name, ok: true, detail: await work() });
    } catch (error) {
      checks.push({ name, ok: false, detail: message(error) });
    }
  };

  let config: ReturnType<typeof parseAppConfig> | undefined;
  let slack: ReturnType<typeof parseSlackConfig>;
  await check('configuration', async () => {
    config = parseAppConfig(env);
    slack = parseSlackConfig(env);
    const teams = parseTeamsConfig(env);
    const served = [slack ? `Slack (${slack.appToken ? 'Socket Mode' : 'HTTP'})` : '', teams ? `Teams (${teams.mode})` : ''].filter(Boolean);
    return served.length ? `serves ${served.join(' and ')}` : 'no platform configured: `npm start` opens the local chat';
  });
  await check('knowledge', async () => {
    const knowledge = loadKnowledge(config?.KNOWLEDGE_DIR ?? defaultKnowledgeDir());
    const stats = knowledgeStats(knowledge);
    // The owners overlay is checked against the knowledge it names.
    if (config?.ORG_OWNERS_FILE) withOrgOwners(knowledge, config.ORG_OWNERS_FILE);
    const overlay = config?.ORG_OWNERS_FILE ? `; owners overlay ${config.ORG_OWNERS_FILE} OK` : '';
    return `${stats.services} services, ${stats.duties} duties, ${stats.unsourced} unsourced${overlay}`;
  });
  await check('store', async () => {
    if (!config) throw new Error('skipped: the configuration is invalid');
    const store = await within(
      createStore(config.STORE === 'redis' ? { kind: 'redis', url: config.REDIS_URL! } : { kind: 'sqlite', dataDir: config.DATA_DIR }),
      'the store',
    );
    try {
      await within(store.getValue('doctor:probe'), 'the store');
    } finally {
      await store.close();
    }
    return config.STORE === 'redis' ? 'Redis answers' : `SQLite in ${config.DATA_DIR}`;
  });
  if (slack) {
    const { botToken, apiUrl } = slack;
    await check('slack', async () => {
      const client = new webApi.WebClient(botToken, { ...(apiUrl ? { slackApiUrl: apiUrl } : {}), retryConfig: { retries: 0 }, timeout: TIMEOUT_MS });
      const auth = await within(client.auth.test(), 'Slack auth.test');
      return `auth.test ok: bot ${auth.user ?? '?'} in workspace ${auth.team ?? '?'}`;
    });
  }
  return checks;
}

/** The checks as printed: one line each. */
export function formatChecks(checks: Check[]): string {
  return checks.map((c) => `${c.ok ? 'ok  ' : 'FAIL'}  ${c.name.padEnd(13)} ${c.detail}`).join('\n');
}
