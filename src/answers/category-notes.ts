import type { Service, ServiceCategory } from '../knowledge/types.js';
import { MESSAGES } from './messages.js';

/** What each side looks after in each service category, in our words (seed reading 1.5, Security Pillar). */
const CATEGORY_SPLIT: Record<ServiceCategory, string> = {
  infrastructure:
    'AWS runs the infrastructure and foundation services; you control the operating system, the application platform and your data, including encrypting and protecting it.',
  container:
    'AWS runs the infrastructure, the operating system and the application platform; you look after your data, its encryption, network firewall rules and backups.',
  abstracted:
    'AWS operates the infrastructure, operating system and platform and offers server-side encryption and data protection; you manage your data and who can reach it, and can add client-side encryption.',
};

/** The "why" of an answer: the service's category and what that category means for each side. */
export function categoryWhy(service: Service): string {
  const analogy = /analogy/i.test(service.categoryNote) ? ` ${MESSAGES.categoryByAnalogy}` : '';
  const split = service.whyNote ?? CATEGORY_SPLIT[service.category];
  return `${service.name} is ${article(service.category)} ${service.category} service (${service.model}). ${split}${analogy}`;
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}
