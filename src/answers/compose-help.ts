import type { Reply } from '../model/reply-model.js';
import type { DeclineReason } from '../understanding/cue-words.js';
import type { AnswerOutcome } from './answer-outcome.js';
import { MESSAGES } from './messages.js';
import { withText } from './render-text.js';

/** What the bot can do, with examples. */
export function composeHelp(): Reply {
  return withText({
    kind: 'help',
    headline: MESSAGES.help.headline,
    sections: [
      { title: 'Ask', body: MESSAGES.help.body },
      { title: MESSAGES.help.commandsTitle, body: MESSAGES.help.commands },
    ],
    sources: [],
    suggestions: [],
    actions: [],
  });
}

/** A polite refusal that says why and what the bot can answer instead. Never echoes the question. */
export function composeDecline(reason: DeclineReason): AnswerOutcome {
  const reply = withText({
    kind: 'decline',
    headline: MESSAGES.decline.reasons[reason],
    sections: [{ title: 'What I can do', body: MESSAGES.decline.tryInstead }],
    sources: [],
    suggestions: ['who patches RDS?', 'who configures security groups on EC2?'],
    actions: [],
  });
  return { reply, answered: false, owner: null, serviceId: null, serviceName: null, concernLabel: null };
}

/** A short "you're welcome" to a thank-you, not the help page. */
export function composeThanks(): AnswerOutcome {
  const reply = withText({ kind: 'notice', headline: MESSAGES.thanks, sections: [], sources: [], suggestions: [], actions: [] });
  return { reply, answered: false, owner: null, serviceId: null, serviceName: null, concernLabel: null };
}

/** A short notice, with an optional body (an admin report, a refusal). */
export function composeNotice(headline: string, body?: string): Reply {
  return withText({ kind: 'notice', headline, sections: body ? [{ title: 'Details', body }] : [], sources: [], suggestions: [], actions: [] });
}
