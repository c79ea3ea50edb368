import type { Owner } from '../../src/model/owner.js';

/** Every user-facing string the Slack adapter adds on its own; the core owns everything else. */
export const SLACK_STRINGS = Object.freeze({
  apology: "Sorry, something went wrong on my side and I couldn't answer that. Please try again in a moment.",
  inviteBot: "I can't post in this channel because I'm not a member. Invite me with `/invite @srm`, then try again.",
  trimmed: '_This answer was shortened to fit in Slack. Ask about one service or one topic to see the rest._',
  feedbackPrompt: 'Was this helpful?',
  sourcesLabel: 'Source',
  suggestionsLabel: 'You could also ask',
  ownerLabel: 'Who owns it',
});

/** The emoji shortcode shown next to an owner, so the answer reads at a glance. */
export const OWNER_EMOJI: Readonly<Record<Owner, string>> = Object.freeze({
  aws: ':cloud:',
  customer: ':bust_in_silhouette:',
  shared: ':handshake:',
});

/** Short owner names for chat ("You" rather than "customer"). */
export const OWNER_NAME: Readonly<Record<Owner, string>> = Object.freeze({
  aws: 'AWS',
  customer: 'You',
  shared: 'Shared',
});
