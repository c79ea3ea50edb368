import { inflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildTeamsPackage, renderManifest } from '../../adapters/teams/build-package.js';
import { unzipSync } from 'fflate';
import { TeamsAdapterError } from '../../adapters/teams/teams-errors.js';

const MANIFEST_DIR = fileURLToPath(new URL('../../adapters/teams/manifest/', import.meta.url));
const APP_ID = '0b1c2d3e-4f50-4a61-8b72-93a4b5c6d7e8';

/** The package's files, read back with the zip library (which checks each entry's CRC). */
function readZip(zip: Buffer): Map<string, Buffer> {
  return new Map(Object.entries(unzipSync(zip)).map(([name, data]) => [name, Buffer.from(data)]));
}

function pngSize(png: Buffer): [number, number] {
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe('Teams app package', () => {
  it('holds manifest.json with the app id filled in, and both icons at their required sizes', () => {
    const files = readZip(buildTeamsPackage(MANIFEST_DIR, { appId: APP_ID }));

    expect([...files.keys()]).toEqual(['manifest.json', 'color.png', 'outline.png']);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    expect(manifest.manifestVersion).toBe('1.17');
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0].botId).toBe(APP_ID);
    expect(manifest.bots[0].scopes).toEqual(['personal', 'team', 'groupChat']);
    const commands = manifest.bots[0].commandLists[0].commands.map((c: { title: string }) => c.title);
    expect(commands).toEqual(expect.arrayContaining(['help', 'quiz']));
    for (const command of manifest.bots[0].commandLists[0].commands) {
      expect(command.title.length).toBeLessThanOrEqual(32);
      expect(command.description.length).toBeLessThanOrEqual(128);
    }
    expect(manifest.name.short.length).toBeLessThanOrEqual(30);
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
    expect(pngSize(files.get('color.png')!)).toEqual([192, 192]);
    expect(pngSize(files.get('outline.png')!)).toEqual([32, 32]);
  });

  it('draws the outline icon white on transparent, as Teams requires', () => {
    const png = readZip(buildTeamsPackage(MANIFEST_DIR, { appId: APP_ID })).get('outline.png')!;
    const idat = png.indexOf('IDAT');
    const raw = inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4)));
    const pixels = new Set<string>();
    for (let y = 0; y < 32; y += 1) {
      for (let x = 0; x < 32; x += 1) pixels.add(raw.subarray(y * 129 + 1 + x * 4, y * 129 + 5 + x * 4).join(','));
    }
    expect([...pixels].sort()).toEqual(['0,0,0,0', '255,255,255,255']);
  });

  it.each([
    ['an empty app id', { appId: '' }, 'teams_app_id_invalid'],
    ['an app id that is not a GUID', { appId: 'my-bot' }, 'teams_app_id_invalid'],
    ['an http website', { appId: APP_ID, websiteUrl: 'http://example.com' }, 'teams_manifest_invalid'],
  ])('refuses %s with a coded error', (_case, settings, code) => {
    expect(() => renderManifest('{"id":"${MICROSOFT_APP_ID}"}', settings)).toThrow(
      expect.objectContaining({ code }) as unknown as TeamsAdapterError,
    );
  });
});
