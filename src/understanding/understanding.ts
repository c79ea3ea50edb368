import type { DeclineReason } from './cue-words.js';

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
  declineReason?: DeclineReason;
  /** How sure the matcher is of this reading, in [0, 1]. */
  confidence: number;
  /** Words after a command ("quiz serverless 5" → "serverless 5"). */
  args: string;
  /** The normalised words, for logging and commands. */
  words: string[];
  /** Reads as a follow-up to an earlier answer ("and who encrypts it?"). */
  followUp: boolean;
}
