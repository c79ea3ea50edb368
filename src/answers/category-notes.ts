import type { Service, ServiceCategory } from '../knowledge/types.js';
import { MESSAGES } from './messages.js';

/** What each side looks after in each service category, in our words (seed reading 1.5, Security Pillar). */
const CATEGORY_SPLIT: Record<ServiceCategory, string> = {
  infrastructure:
    'AWS runs the infrastructure and foundation services; you control the operating system, the application platform and your data, including encrypting and protecting it.',
  container:
    'AWS runs the infrastructure, the operating system and the application platform; you look after your data, its encryption, network firewall rules and backups.',
  abstracted:
    'AWS operates the infrastructure, operating system and platform and offers server-side encryption and data protection; you manage your data, the IAM permissions that say who can reach it, and can add client-side encryption.',
};

/** The "why" of an answer: the service's category and what that category means for each side. */
export function categoryWhy(service: Service): string {
  const analogy = /analogy/i.test(service.categoryNote) ? ` ${MESSAGES.categoryByAnalogy}` : '';
  const split = service.whyNote ?? CATEGORY_SPLIT[service.category];
  return `${service.name} is ${article(service.category)} ${service.category} service (${service.model}). ${split}${analogy}`;
}

/**
 * The "why" of a checklist across several services: one line per category they fall in
 * ("Amazon S3 and Amazon DynamoDB are abstracted services: …").
 */
export function categoriesWhy(services: Service[]): string {
  const byCategory = new Map<ServiceCategory, string[]>();
  for (const s of services) byCategory.set(s.category, [...(byCategory.get(s.category) ?? []), s.name]);
  return [...byCategory]
    .map(([category, names]) => MESSAGES.stack.category(names, names.length === 1 ? `${article(category)} ${category} service` : `${category} services`, CATEGORY_SPLIT[category]))
    .join('\n');
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}
