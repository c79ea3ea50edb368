import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';

interface ServiceDoc {
  id: string;
  name: string;
  aliases: string[];
  genericTerms?: string[];
  variantOf?: string;
  [field: string]: unknown;
}

/** A word made new for copy `n` ("ec2" → "ec2zb"), so every copy adds its own words to the vocabulary. */
function renamed(text: string, n: number): string {
  const tag = `z${String.fromCharCode(97 + (n % 26))}${n >= 26 ? String.fromCharCode(97 + Math.floor(n / 26)) : ''}`;
  return text
    .split(' ')
    .map((w) => (/^[a-z0-9]{2,}$/i.test(w) ? `${w}${tag}` : w))
    .join(' ');
}

/**
 * A copy of the knowledge directory in which every service (and its responsibilities file) appears
 * `factor` times: the original and `factor - 1` renamed copies. For the benchmark only.
 */
export function scaledKnowledgeDir(dir: string, factor: number): string {
  const target = join(mkdtempSync(join(tmpdir(), 'srm-bench-kb-')), 'knowledge');
  cpSync(dir, target, { recursive: true });
  const servicesFile = join(target, 'services.yaml');
  const { services } = yaml.load(readFileSync(servicesFile, 'utf8')) as { services: ServiceDoc[] };
  const files = readdirSync(join(target, 'responsibilities')).filter((f) => f.endsWith('.yaml'));
  const copies: ServiceDoc[] = [];
  for (let n = 1; n < factor; n++) {
    const id = (original: string) => `${original}-copy${n}`;
    for (const s of services) {
      copies.push({
        ...s,
        id: id(s.id),
        name: renamed(s.name, n),
        aliases: s.aliases.map((a) => renamed(a, n)),
        genericTerms: [],
        ...(s.variantOf ? { variantOf: id(s.variantOf) } : {}),
      });
    }
    for (const file of files) {
      const doc = yaml.load(readFileSync(join(target, 'responsibilities', file), 'utf8')) as { service: string };
      writeFileSync(join(target, 'responsibilities', `copy${n}-${file}`), yaml.dump({ ...doc, service: id(doc.service) }));
    }
  }
  writeFileSync(servicesFile, yaml.dump({ services: [...services, ...copies] }));
  return target;
}
