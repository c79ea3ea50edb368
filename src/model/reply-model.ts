import type { Owner } from './owner.js';

/** Every kind of reply the core can produce; adapters render each kind their own way. */
export type ReplyKind =
  | 'answer'
  | 'service-card'
  | 'comparison'
  /** What a team owns across the services it runs ("stack …"). */
  | 'checklist'
  | 'concept'
  | 'clarify'
  | 'decline'
  | 'help'
  | 'welcome'
  | 'onboarding'
  | 'quiz'
  | 'notice'
  | 'error';

/** Action ids used on buttons; values are opaque ids the core resolves itself. */
export const ACTION_IDS = {
  ask: 'srm_ask',
  showService: 'srm_show_service',
  feedbackUp: 'srm_feedback_up',
  feedbackDown: 'srm_feedback_down',
  quizAnswer: 'srm_quiz_answer',
  quizReveal: 'srm_quiz_reveal',
  /** One person's own view of a quiz question (their answer in it), for per-person card refreshes. */
  quizView: 'srm_quiz_view',
  /** Shows the presser their own place on a finished quiz's scoreboard, privately. */
  quizRank: 'srm_quiz_rank',
  onboardingNext: 'srm_onboarding_next',
  /** Sends a file (the stack checklist as CSV) to the person who pressed it. */
  download: 'srm_download',
  /** Challenges a revealed quiz question's ruling (opens a form). */
  challenge: 'srm_challenge',
  /** A form's answers coming back (the 👎 "what was wrong?", a challenge's reason). */
  formSubmit: 'srm_form_submit',
} as const;
export type ActionId = (typeof ACTION_IDS)[keyof typeof ACTION_IDS];

/** A button under a reply. `value` is opaque (≤ 2,000 chars); the core decides what it means. */
export interface ReplyAction {
  actionId: ActionId;
  label: string;
  value: string;
  style?: 'primary' | 'danger';
}

/** A titled block of prose inside a reply ("What AWS does", "What you do", "Why"). */
export interface ReplySection {
  title: string;
  body: string;
}

/**
 * A short form shown to one person (Slack: a modal; Teams: an Adaptive Card with inputs; console:
 * numbered choices). Its answers come back as an action with `actionId: formSubmit`, `value` as
 * given here, and `fields.choice` / `fields.text`.
 */
export interface ReplyForm {
  /** Opaque; the core resolves it on submit and never trusts it. */
  value: string;
  /** Short (Slack modal titles allow 24 characters). */
  title: string;
  intro: string;
  choiceLabel: string;
  choices: { value: string; label: string }[];
  /** The optional free-text field's label. */
  textLabel: string;
  submitLabel: string;
}

/** Longest free text a form accepts. */
export const FORM_TEXT_MAX = 500;

/** A file the bot sends (Slack: an upload in the conversation; Teams: a file card in the personal chat). */
export interface ReplyFile {
  name: string;
  title: string;
  mediaType: 'text/csv';
  /** The whole file, UTF-8. */
  content: string;
  /** Data rows, for the message that goes with it. */
  rows: number;
}

/** A documentation link. */
export interface SourceLink {
  title: string;
  url: string;
}

/** One row of a comparison or a service card: a concern and its owner on one or more services. */
export interface OwnerRow {
  label: string;
  cells: { owner: Owner | null; note?: string }[];
}

/**
 * The platform-neutral reply: what the bot wants to say, not how it looks.
 * Text fields hold plain text, never platform markup; adapters escape and format.
 * Fields that echo the user's words are marked so adapters know to escape them.
 */
export interface Reply {
  kind: ReplyKind;
  /** One line a person reads first ("Who owns it: AWS"). */
  headline: string;
  owner?: Owner;
  /** Official service name the reply is about, if any. */
  serviceName?: string;
  /** Concern label the reply is about, if any. */
  concernLabel?: string;
  sections: ReplySection[];
  /** Table for comparisons and service cards: column headings, then rows. */
  table?: { columns: string[]; rows: OwnerRow[] };
  sources: SourceLink[];
  /** Follow-up questions the user could ask next. */
  suggestions: string[];
  actions: ReplyAction[];
  /** Plain-text rendering of the whole reply (console, CLI, notification text, fallbacks). */
  text: string;
  /**
   * How to ask for this message as one person sees it (a `personal` effect comes back). Platforms
   * that refresh cards per person (Teams Universal Actions) attach it; others ignore it.
   */
  refresh?: ReplyAction;
}

/** A reply that is one line of text (adapters' own notices and apologies). */
export function plainReply(kind: ReplyKind, text: string): Reply {
  return { kind, headline: text, sections: [], sources: [], suggestions: [], actions: [], text };
}
