import type { Owner } from '../model/owner.js';
import type { Side } from '../knowledge/types.js';
import type { DeclineReason } from './cue-words.js';
import type { ReadChoice } from './read-multiple-choice.js';
import type { StackRequest } from './read-stack.js';

/** What a person wants. */
export type Intent =
  | 'who-owns'
  | 'service-card'
  | 'compare'
  | 'concept'
  | 'help'
  | 'quiz'
  | 'leaderboard'
  | 'onboarding'
  | 'thanks'
  | 'multiple-choice'
  | 'stack'
  | 'admin'
  | 'decline';

/**
 * One service named in a question. Several candidates mean the name fits more than one entry
 * ("EKS" → its variants, "Fargate" → ECS or EKS on Fargate); the answer decides whether that matters.
 */
export interface ServiceRef {
  candidates: string[];
  /** Named only by an everyday word ("bucket", "worker nodes"). */
  generic: boolean;
  /** A word was spelling-corrected to find it. */
  corrected: boolean;
}

/** The parts of a message, found and resolved against the knowledge base. */
export interface Understanding {
  intent: Intent;
  services: ServiceRef[];
  /** Concerns named, most specific first. */
  concernIds: string[];
  /** The first two concerns were named equally strongly (a clarification may be due). */
  concernsTied: boolean;
  conceptId?: string;
  /** Further concepts a comparison names ("inherited vs shared vs customer-specific controls"). */
  alsoConcepts?: string[];
  /** The question asks who owns the whole of the concept, and the concept says ("is cloud security ours?" → shared). */
  conceptOwner?: Owner;
  declineReason?: DeclineReason;
  /** How sure the matcher is of this reading, in [0, 1]. */
  confidence: number;
  /** Words after a command ("quiz serverless 5" → "serverless 5"). */
  args: string;
  /** The same, as typed: for arguments that are not plain words ("10:00 Europe/Berlin"). */
  rawArgs?: string;
  /** The normalised words, for logging and commands. */
  words: string[];
  /**
   * An elliptical follow-up ("and for Lambda?", "what about on Fargate?", "and who encrypts it?"):
   * short, leaning on the conversation, and missing a service or a concern. Full questions are not.
   */
  followUp: boolean;
  /** The side of the line the question's act points at ("who turns on…" → customer), if any. */
  side?: Side;
  /**
   * The side came only from a service's own name ("self-managed nodes", "our self-hosted Kafka"): it says what the
   * thing is, not which act was asked about, so a follow-up about another service does not carry it.
   */
  sideFromName?: boolean;
  /**
   * "do we have to turn it on, or is it automatic?": judged as the claim that it is automatic, so no side; the act the
   * person does ("turn it on") is what a follow-up in the thread keeps asking about.
   */
  offeredSide?: Side;
  /** In a statement or yes/no question, the side the person says does it ("…patched by Amazon, right?"). */
  claim?: Side;
  /** The statement says the act happens on its own ("…automatically, right?", "…by default?"). */
  claimsAutomatic?: boolean;
  /** Variants named only by everyday words ("auto mode"), for a follow-up in a thread about their parent. */
  variantHints?: string[];
  /** The stemmed words, space-joined and padded, for duty and condition words. */
  stemmed: string;
  /** A question about two or more services at once: one reading per part, in the order asked. */
  parts?: QuestionPart[];
  /** "Which is the customer's: A or B?": the side a choice between the parts is made for. */
  choosingFor?: Side;
  /** A known service and a configure-type verb, but a feature the knowledge lacks ("usage plans"). */
  fallbackFeature?: string;
  /** "who turns on GuardDuty?": turning the service itself on, the customer's choice by the model's general rule. */
  turnsOnService?: boolean;
  /** "stack alb ecs-fargate aurora s3": the services a team runs, for its checklist. */
  stack?: StackRequest;
  /** A pasted multiple-choice question, with each option read as a question of its own. */
  choice?: ReadChoice;
}

/** One part of a question that asks about several services ("Windows on EC2 and SQL Server on RDS"). */
export interface QuestionPart {
  /** Absent when the part names no service ("…, and who guards the data centres?"). */
  service?: ServiceRef;
  concernIds: string[];
  side?: Side;
  /** The side comes from what a thing is ("self-managed nodes"), not from the act asked. */
  sideFromName?: boolean;
  /** The side the other part's contrast suggests ("who releases the updates, and who restarts…"): weaker than the part's own duty words. */
  leaning?: Side;
  /** The part's own stemmed words, for its duty and condition words. */
  stemmed: string;
  /** The part configures a feature of its service the knowledge has no entry for ("usage plans"). */
  fallbackFeature?: string;
  /** The part turns the service itself on ("who turns GuardDuty on, and …"). */
  turnsOnService?: boolean;
}
