import type { Owner } from '../model/owner.js';

/** Service categories of the AWS model: who runs how much of the stack. */
export type ServiceCategory = 'infrastructure' | 'container' | 'abstracted';
/** Conventional cloud service models. */
export type ServiceModel = 'IaaS' | 'PaaS' | 'SaaS';

export interface Service {
  id: string;
  name: string;
  aliases: string[];
  genericTerms: string[];
  category: ServiceCategory;
  categoryNote: string;
  model: ServiceModel;
  modelNote: string;
  source: string;
  /** Parent service id when this is a variant (EKS control plane is a variant of EKS). */
  variantOf?: string;
  variantLabel?: string;
  /** The "why" of an answer when the category alone would mislead. */
  whyNote?: string;
  /** What a bare "who owns <variant>?" question means. */
  primaryConcern?: string;
  /** Ids of this service's variants (derived at load). */
  variants: string[];
}

/** One side of the line. */
export type Side = 'aws' | 'customer';

/** Words in a question that put a conditional duty in force ("runtime update mode: Manual"). */
export interface Condition {
  label: string;
  terms: string[];
}

/** One act and who does it. */
export interface Duty {
  by: Side;
  does: string;
  /** Words people use for this act; they select it. */
  terms: string[];
  /** Only in force when the question names this condition. */
  when?: Condition;
}

/** Who does what for one concern, as duties, with the AWS pages that back it. */
export interface Responsibility {
  duties: Duty[];
  /** Derived: aws when only AWS has unconditional duties, customer when only the customer does, else shared. */
  owner: Owner;
  /** Derived summaries of each side's part (its unconditional duties, or the entry's otherSide note). */
  aws: string;
  customer: string;
  /** What the other side does that is not a duty of its own. */
  otherSide?: string;
  sources: string[];
}

export interface Concern {
  id: string;
  label: string;
  terms: string[];
  /** The answer when no service is named. */
  general: Responsibility;
  /** For umbrella concerns ("patching"): specific concerns to try, in order, for a service. */
  resolvesTo: string[];
  /** Words that, next to an umbrella concern, select this concern. */
  contextTerms: string[];
}

/** A resolved (service, concern) answer, after defaults and variant inheritance. */
export interface ResolvedResponsibility extends Responsibility {
  serviceId: string;
  concernId: string;
  /** Where the entry was written: a responsibilities file, defaults.yaml, or a parent service. */
  origin: 'service' | 'default' | 'parent';
}

/** Why a service has no answer for a concern. */
export type NoAnswerReason = 'not-applicable' | 'withheld' | 'unknown';

export interface Concept {
  id: string;
  title: string;
  terms: string[];
  summary: string;
  /** Whose it is, for concepts that are one side's part. */
  owner?: Owner;
  /** Whose the whole of it is when a question asks who owns it ("is cloud security AWS's job or ours?"). */
  ownerWhenAsked?: Owner;
  points: string[];
  /** What one example of it is called in a question ("a shared control"), when it has examples. */
  exampleOf?: string;
  /** Named examples AWS gives ("Patch management"); options in exam-style quizzes. */
  examples: string[];
  /** The tour's check question: who owns this concern (on this service, when given)? */
  check?: { service?: string; concern: string };
  sources: string[];
}

/** One lettered option of an exam-style question, judged when the question was built. */
export interface ExamOption {
  letter: string;
  text: string;
  /** Who owns what the option names. */
  owner: Owner;
  /** Whether the option is one of the letters to pick. */
  right: boolean;
  /** One or two words on why, for the reveal ("customer's", "AWS's"). */
  why: string;
  source: string;
}

/** The multiple-choice part of an exam-style quiz question. */
export interface ExamQuestion {
  options: ExamOption[];
  /** How many letters to pick (1, or 2 for "Choose TWO"). */
  pick: number;
}

export interface QuizQuestion {
  id: string;
  prompt: string;
  /** The owner to pick; for an exam-style question, the side whose duties are the right options. */
  answer: Owner;
  /** Present on exam-style questions: the options, answered with letters instead of owners. */
  exam?: ExamQuestion;
  explanation: string;
  source: string;
  service?: string;
  concern?: string;
  /** Scenario the question belongs to (absent for generated questions). */
  scenarioId?: string;
}

export interface QuizScenario {
  id: string;
  title: string;
  summary: string;
  tags: string[];
  questions: QuizQuestion[];
}

/** The loaded, validated and indexed knowledge base. Read-only after load. */
export interface Knowledge {
  services: ReadonlyMap<string, Service>;
  concerns: ReadonlyMap<string, Concern>;
  concepts: ReadonlyMap<string, Concept>;
  quizScenarios: ReadonlyMap<string, QuizScenario>;
  /** The answer for a service and a concern, or why there is none. */
  lookup(serviceId: string, concernId: string): ResolvedResponsibility | { none: NoAnswerReason };
  /** Every resolved entry for a service, in concern order. */
  entriesFor(serviceId: string): ResolvedResponsibility[];
  /** Total resolved (service, concern) entries. */
  responsibilityCount: number;
  /** The responsibilities file a service's entries are written in ("knowledge/responsibilities/rds.yaml"). */
  fileOf(serviceId: string): string | undefined;
  /** The team inside the organisation that owns the customer's part (from ORG_OWNERS_FILE), if configured. */
  orgOwner?: (serviceId: string | undefined, concernId: string) => OrgOwner | undefined;
}

/** A team inside the customer's organisation, from the owners overlay. */
export interface OrgOwner {
  team: string;
  contact?: string;
}
