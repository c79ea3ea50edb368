import type { SourceLink } from '../model/reply-model.js';

const KNOWN_PAGES: Record<string, string> = {
  'https://aws.amazon.com/compliance/shared-responsibility-model/': 'AWS Shared Responsibility Model',
  'https://docs.aws.amazon.com/wellarchitected/latest/security-pillar/shared-responsibility.html':
    'Well-Architected Security Pillar: Shared responsibility',
  'https://aws.amazon.com/compliance/data-privacy-faq/': 'AWS Data Privacy FAQ',
  'https://aws.amazon.com/compliance/services-in-scope/': 'AWS Services in Scope by Compliance Program',
  'https://aws.amazon.com/security/penetration-testing/': 'AWS Penetration Testing policy',
};

/** A readable title for an AWS documentation URL (we store URLs, not page titles). */
export function sourceLink(url: string): SourceLink {
  const known = KNOWN_PAGES[url];
  if (known) return { title: known, url };
  const { hostname, pathname } = new URL(url);
  const parts = pathname.split('/').filter(Boolean);
  const page = (parts.at(-1) ?? hostname).replace(/\.html?$/, '').replace(/[-_]+/g, ' ');
  const guide = hostname === 'docs.aws.amazon.com' && parts[0] ? parts[0].replace(/[-_]+/g, ' ') : 'AWS';
  return { title: `AWS docs (${guide}): ${page}`, url };
}
