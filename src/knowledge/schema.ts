import { z } from 'zod';

/** Sources must be AWS's own pages: documentation or aws.amazon.com. */
const ALLOWED_SOURCE_HOSTS = /^(docs\.aws\.amazon\.com|aws\.amazon\.com)$/;

const sourceUrl = z
  .string()
  .url()
  .refine((u) => ALLOWED_SOURCE_HOSTS.test(new URL(u).hostname), {
    message: 'source must be a page on docs.aws.amazon.com or aws.amazon.com',
  });

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case words joined by dashes');
const owner = z.enum(['aws', 'customer', 'shared']);
const text = z.string().trim().min(1);
const terms = z.array(z.string().trim().min(1)).min(1);

const side = z.enum(['aws', 'customer']);

/** A condition that puts a duty in force only when the question names it ("runtime update mode: Manual"). */
const condition = z.object({
  label: text,
  terms,
});

/** One act and who does it. Owners of entries are derived from their duties, never written. */
const duty = z.object({
  by: side,
  does: text,
  /** Words people use for this act ("turn on", "lifecycle rules"): they select this duty. */
  terms: z.array(z.string().trim().min(1)).default([]),
  when: condition.optional(),
});

const responsibility = z
  .object({
    duties: z.array(duty).min(1, 'at least one duty is required'),
    /** What the other side does here that is not a duty of its own (context for the answer). */
    otherSide: text.optional(),
    sources: z.array(sourceUrl).min(1, 'at least one source URL is required'),
  })
  .superRefine((r, ctx) => {
    if (!r.duties.some((d) => !d.when)) {
      ctx.addIssue({ code: 'custom', path: ['duties'], message: 'needs at least one duty without a condition (when)' });
    }
    const sides = new Set(r.duties.filter((d) => !d.when).map((d) => d.by));
    if (sides.size === 2 && r.otherSide) {
      ctx.addIssue({ code: 'custom', path: ['otherSide'], message: 'a shared entry says each side in its duties, not in otherSide' });
    }
  });

export const servicesFileSchema = z.object({
  services: z
    .array(
      z.object({
        id,
        name: text,
        aliases: terms,
        genericTerms: z.array(z.string().trim().min(1)).default([]),
        category: z.enum(['infrastructure', 'container', 'abstracted']),
        categoryNote: text,
        model: z.enum(['IaaS', 'PaaS', 'SaaS']),
        modelNote: text,
        source: sourceUrl,
        variantOf: id.optional(),
        variantLabel: text.optional(),
        primaryConcern: id.optional(),
        whyNote: text.optional(),
      }),
    )
    .min(1),
});

export const concernsFileSchema = z.object({
  concerns: z
    .array(
      z.object({
        id,
        label: text,
        terms,
        general: responsibility,
        resolvesTo: z.array(id).default([]),
        contextTerms: z.array(z.string().trim().min(1)).default([]),
      }),
    )
    .min(1),
});

/** A responsibility entry of a service or of the defaults: the concern it answers, then its duties. */
const concernEntry = z.intersection(z.object({ concern: id }), responsibility);

/** A default may hold only for services of some categories ("abstracted: AWS runs the OS"). */
const defaultEntry = z.intersection(
  z.object({ categories: z.array(z.enum(['infrastructure', 'container', 'abstracted'])).min(1).optional() }),
  concernEntry,
);

export const defaultsFileSchema = z.object({
  defaults: z.array(defaultEntry),
});

export const responsibilitiesFileSchema = z.object({
  service: id,
  notApplicable: z.array(id).default([]),
  withheld: z.array(id).default([]),
  entries: z.array(concernEntry).default([]),
});

export const conceptsFileSchema = z.object({
  concepts: z
    .array(
      z.object({
        id,
        title: text,
        terms,
        summary: text,
        /** Whose it is, for concepts that are one side's part ("security of the cloud" → aws). */
        owner: owner.optional(),
        /** Whose the whole of it is when a question asks ("is cloud security AWS's job or ours?" → shared). */
        ownerWhenAsked: owner.optional(),
        points: z.array(text).default([]),
        /** What one example of it is called in a question ("a shared control"); needs `examples`. */
        exampleOf: text.optional(),
        /** Named examples AWS gives ("Patch management"), used as options in exam-style quizzes. */
        examples: z.array(text).default([]),
        /** A check question for the guided tour: who owns this concern (on this service)? */
        check: z.object({ service: id.optional(), concern: id }).strict().optional(),
        sources: z.array(sourceUrl).min(1, 'at least one source URL is required'),
      }).refine((c) => (c.exampleOf === undefined) === (c.examples.length === 0), {
        message: 'exampleOf and examples go together: give both or neither',
        path: ['examples'],
      }),
    )
    .min(1),
});

export const quizFileSchema = z.object({
  id,
  title: text,
  summary: text,
  tags: z.array(z.string().trim().min(1)).default([]),
  questions: z
    .array(
      z.object({
        id,
        prompt: text,
        answer: owner,
        explanation: text,
        source: sourceUrl,
        service: id.optional(),
        concern: id.optional(),
      }),
    )
    .min(1),
});

export type ServicesFile = z.infer<typeof servicesFileSchema>;
export type ConcernsFile = z.infer<typeof concernsFileSchema>;
export type DefaultsFile = z.infer<typeof defaultsFileSchema>;
export type ResponsibilitiesFile = z.infer<typeof responsibilitiesFileSchema>;
export type ConceptsFile = z.infer<typeof conceptsFileSchema>;
export type QuizFile = z.infer<typeof quizFileSchema>;
