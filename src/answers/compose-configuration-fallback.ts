import type { Knowledge } from '../knowledge/types.js';
import { answerId, feedbackActions } from './action-values.js';
import type { AnswerOutcome } from './answer-outcome.js';
import { MESSAGES } from './messages.js';
import { withText } from './render-text.js';
import { sourceLink } from './source-title.js';

/** The AWS page that states the rule: customers configure the services they use. */
const SRM_PAGE = 'https://aws.amazon.com/compliance/shared-responsibility-model/';

/**
 * A known service, a configure-type verb and a feature the knowledge lacks (or none: the service itself turned on) ("who sets the usage plans
 * on our API?"): configuring it is the customer's, by the model's general rule. Never an AWS verdict.
 */
export function composeConfigurationFallback(knowledge: Knowledge, serviceId: string, feature?: string): AnswerOutcome {
  const service = knowledge.services.get(serviceId)!;
  const words = MESSAGES.configurationFallback;
  // No feature: the question turns the service itself on ("who turns on GuardDuty?").
  const reply = withText({
    kind: 'answer',
    headline: feature ? words.headline(feature, service.name) : words.serviceHeadline(service.name),
    owner: 'customer',
    serviceName: service.name,
    sections: [
      { title: MESSAGES.section.customer, body: feature ? words.customer(feature, service.name) : words.serviceCustomer(service.name) },
      { title: MESSAGES.section.aws, body: words.aws(service.name) },
      { title: MESSAGES.section.why, body: feature ? words.why : words.serviceWhy },
    ],
    sources: [sourceLink(SRM_PAGE)],
    suggestions: [`who owns identity and access management on ${service.name}?`],
    actions: feedbackActions(answerId(service.id, 'configuration-management'), { up: MESSAGES.followUp.helpful, down: MESSAGES.followUp.notHelpful }),
  });
  return { reply, answered: true, owner: 'customer', serviceId: service.id, serviceName: service.name, concernLabel: null, fallback: true };
}
