import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TEAMS_ERROR_CODES, TeamsAdapterError } from './teams-errors.js';
import { zipSync } from 'fflate';

/** Values filled into manifest.template.json; only the app id has no default. */
export interface PackageSettings {
  appId: string;
  version?: string;
  websiteUrl?: string;
  privacyUrl?: string;
  termsUrl?: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A placeholder for sideloading; set TEAMS_APP_*_URL to real pages before publishing. */
const DEFAULT_URL = 'https://example.com/srm-bot';

function httpsUrl(name: string, value: string): string {
  if (!/^https:\/\/\S+$/.test(value)) {
    throw new TeamsAdapterError(TEAMS_ERROR_CODES.manifestInvalid, `${name} must be an https URL`);
  }
  return value;
}

/** Fills the manifest template; refuses an app id that is not a GUID and leaves no placeholder behind. */
export function renderManifest(template: string, settings: PackageSettings): string {
  if (!GUID.test(settings.appId)) {
    throw new TeamsAdapterError(TEAMS_ERROR_CODES.appIdInvalid, 'MICROSOFT_APP_ID must be the Azure Bot app id (a GUID)');
  }
  const values: Record<string, string> = {
    MICROSOFT_APP_ID: settings.appId.toLowerCase(),
    TEAMS_APP_VERSION: settings.version ?? '1.0.0',
    TEAMS_APP_WEBSITE_URL: httpsUrl('TEAMS_APP_WEBSITE_URL', settings.websiteUrl ?? DEFAULT_URL),
    TEAMS_APP_PRIVACY_URL: httpsUrl('TEAMS_APP_PRIVACY_URL', settings.privacyUrl ?? settings.websiteUrl ?? DEFAULT_URL),
    TEAMS_APP_TERMS_URL: httpsUrl('TEAMS_APP_TERMS_URL', settings.termsUrl ?? settings.websiteUrl ?? DEFAULT_URL),
  };
  const filled = template.replace(/\$\{([A-Z_]+)\}/g, (placeholder, name: string) => values[name] ?? placeholder);
  const left = /\$\{[A-Z_]+\}/.exec(filled);
  if (left) throw new TeamsAdapterError(TEAMS_ERROR_CODES.manifestInvalid, `Unknown manifest placeholder ${left[0]}`);
  JSON.parse(filled);
  return filled;
}

/** Builds the Teams app package (manifest.json + the two icon files, at the zip root) as a Buffer. */
export function buildTeamsPackage(manifestDir: string, settings: PackageSettings): Buffer {
  const manifest = renderManifest(readFileSync(join(manifestDir, 'manifest.template.json'), 'utf8'), settings);
  return Buffer.from(
    zipSync({
      'manifest.json': new TextEncoder().encode(manifest),
      'color.png': readFileSync(join(manifestDir, 'color.png')),
      'outline.png': readFileSync(join(manifestDir, 'outline.png')),
    }),
  );
}

/** The repository root: the nearest folder above this file holding package.json (works from src and dist). */
function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'adapters', 'teams', 'manifest'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Cannot find the repository root (adapters/teams/manifest)');
    dir = parent;
  }
  return dir;
}

/** `npm run teams:package`: writes dist/teams-app.zip with the app id from MICROSOFT_APP_ID. */
function main(): void {
  const root = repoRoot();
  const out = join(root, 'dist', 'teams-app.zip');
  const zip = buildTeamsPackage(join(root, 'adapters', 'teams', 'manifest'), {
    appId: process.env.MICROSOFT_APP_ID ?? process.env.MicrosoftAppId ?? '',
    version: process.env.TEAMS_APP_VERSION,
    websiteUrl: process.env.TEAMS_APP_WEBSITE_URL,
    privacyUrl: process.env.TEAMS_APP_PRIVACY_URL,
    termsUrl: process.env.TEAMS_APP_TERMS_URL,
  });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, zip);
  process.stdout.write(`Wrote ${out} (${zip.length} bytes). Upload it in Teams: Apps > Manage your apps > Upload an app.\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    main();
  } catch (error) {
    const code = error instanceof TeamsAdapterError ? ` [${error.code}]` : '';
    process.stderr.write(`teams:package failed${code}: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
