import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { slackConfigSchema } from '../../adapters/slack/slack-config.js';
import { teamsConfigSchema } from '../../adapters/teams/teams-config.js';
import { appConfigSchema } from '../../src/config/app-config.js';

const root = new URL('../../', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, root), 'utf8');

describe('deployment files', () => {
  it('.env.example lists every variable the bot reads', () => {
    const listed = new Set([...read('.env.example').matchAll(/^([A-Za-z_]+)=/gm)].map((m) => m[1]));
    const read_ = [
      ...Object.keys(appConfigSchema.shape),
      ...Object.keys(slackConfigSchema.shape),
      ...Object.keys(teamsConfigSchema.shape),
      'MICROSOFT_APP_ID', 'TEAMS_APP_VERSION', 'TEAMS_APP_WEBSITE_URL', 'TEAMS_APP_PRIVACY_URL', 'TEAMS_APP_TERMS_URL',
    ];
    expect(read_.filter((name) => !listed.has(name))).toEqual([]);
  });

  it('docker-compose.yml runs two bot replicas on one Redis with persistence', () => {
    const compose = parse(read('docker-compose.yml'), { merge: true }) as { services: Record<string, { environment?: Record<string, string>; command?: string[] }> };
    const bots = Object.entries(compose.services).filter(([name]) => name.startsWith('bot-'));
    expect(bots).toHaveLength(2);
    for (const [, bot] of bots) expect(bot.environment).toMatchObject({ STORE: 'redis', REDIS_URL: 'redis://redis:6379' });
    expect(compose.services.redis?.command).toEqual(expect.arrayContaining(['--appendonly', 'yes']));
  });

  it('the LICENSE is the one package.json names', () => {
    const { license } = JSON.parse(read('package.json')) as { license: string };
    expect(license).toBe('MIT');
    expect(read('LICENSE')).toMatch(/^MIT License/);
  });

  it('the Dockerfile installs dependencies in their own layer, before the sources, and leaves the benchmark out', () => {
    const docker = read('Dockerfile');
    expect(docker.indexOf('RUN npm ci')).toBeLessThan(docker.indexOf('COPY src'));
    expect(docker).not.toMatch(/COPY bench/);
    expect(read('.dockerignore')).toMatch(/^bench$/m);
  });
});
