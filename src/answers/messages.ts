import type { DeclineReason } from '../understanding/cue-words.js';

/** Every user-facing sentence of the Q&A side of the bot, in one place. */
export const MESSAGES = {
  insideOwner: (o: { team: string; contact?: string }) => `${o.team} owns your part${o.contact ? ` (${o.contact})` : ''}.`,
  admin: {
    onlyAdmins: 'That command is for the bot\u2019s admins (listed in SRM_ADMINS).',
    usage: 'Admin commands: `admin report` \u2014 questions, misses and \ud83d\udc4e of the last 30 days.',
    reportHeadline: 'Misses report',
  },
  stack: {
    headline: (names: string[]) => `What your team owns across ${listed(names)}`,
    when: (condition: string) => `if ${condition.charAt(0).toLowerCase()}${condition.slice(1)}`,
    awsCoversTitle: 'AWS covers (nothing for you to do)',
    whyTitle: 'Why this much is yours',
    category: (names: string[], kind: string, split: string) => `${listed(names)} ${names.length === 1 ? 'is' : 'are'} ${kind}: ${split}`,
    unknownTitle: 'Not recognised',
    unknown: (names: string[]) => `I don't know ${names.map((n) => `\u201c${n}\u201d`).join(', ')}, so ${names.length === 1 ? 'it is' : 'they are'} left out.`,
    noServices: 'Name the services your team runs, and I\u2019ll list what you own across them.',
    howTitle: 'For example',
    how: '`stack alb ecs-fargate aurora s3` \u2014 then `stack save alb ecs-fargate aurora s3` to remember it for this channel, `stack` to show it again, `quiz stack` to quiz the channel on it.',
    saved: (names: string[]) => `Saved as this channel\u2019s stack: ${listed(names)}.`,
    nothingSaved: 'No stack is saved for this channel yet.',
    noteTitle: 'Note',
    csvButton: 'Download CSV',
    csvSent: (rows: number, names: string[]) => `Who owns what across ${listed(names)}: ${rows} duties, one per row (service, concern, duty, owner, condition, source).`,
    notSaved: 'I could not save the stack just now (the store is unavailable); the checklist is below.',
  },
  headline: {
    aws: (subject: string) => `AWS owns ${subject}`,
    customer: (subject: string) => `You (the customer) own ${subject}`,
    shared: (subject: string) => `${capitalise(subject)} is shared: AWS and you (the customer) each have a part`,
  },
  section: {
    aws: 'What AWS does',
    customer: 'What you do',
    inside: 'Inside your company',
    why: 'Why',
  },
  notApplicable: (concern: string, service: string) =>
    `${capitalise(concern)} doesn't apply to ${service}: there is nothing there for you or AWS to run.`,
  noSourcedAnswer: (concern: string, service: string) =>
    `I don't have a sourced answer for ${concern} on ${service} yet, so I won't guess.`,
  generalAnswerOffer: 'Here is the general rule instead.',
  generalSubject: (concern: string) => (concern.endsWith('(in general)') ? concern : `${concern} (in general)`),
  dutyHeadline: {
    aws: (subject: string) => `AWS owns this part of ${subject}`,
    customer: (subject: string) => `You (the customer) own this part of ${subject}`,
  },
  verdict: { yes: 'Yes', no: 'No', partly: 'Partly' },
  partsHeadline: (parts: string[]) => parts.join(' · '),
  ownerWord: { aws: "AWS's", customer: 'yours', shared: 'shared' } as Record<string, string>,
  configurationFallback: {
    headline: (feature: string, service: string) => `Configuring ${feature} on ${service} is yours`,
    customer: (feature: string, service: string) =>
      `You configure the ${service} features you use, ${feature} included: what it is set to, who may change it, and checking it stays right.`,
    aws: (service: string) => `Runs ${service} itself and the infrastructure under it.`,
    why: "Under the shared responsibility model you are responsible for configuring the AWS services you use. I don't know this feature by name, so this is that general rule, not a sourced answer about it.",
    serviceHeadline: (service: string) => `Turning on and setting up ${service} is yours`,
    serviceCustomer: (service: string) =>
      `You decide whether to use ${service}, turn it on in the accounts and Regions you choose, and set it up and watch what it tells you.`,
    serviceWhy: 'Under the shared responsibility model the services you use, and how you configure them, are your choice; AWS runs them. This is that general rule, not a sourced answer about this service.',
  },
  thanks: "You're welcome! Ask me any time.",
  multipleChoice: {
    answer: (letters: string[]) => `Answer: ${letters.join(', ')}`,
    tooMany: (letters: string[], count: number) => `Probably ${letters.join(', ')} — but more options than the ${count} asked for look right to me, so I'm not sure`,
    unsure: (letters: string[]) => `Probably ${letters.join(', ') || 'none of them'} — but I'm not sure: I could not judge every option`,
    none: "I can't pick an answer: no option fits what the question asks, as far as I know.",
    noneJudged: "I can't pick an answer: none of the options I could judge fits, and I could not judge every option.",
    options: 'Option by option',
    cannotJudge: "I can't judge this one from what I know",
    notAParty: 'not a party in the shared responsibility model: it is AWS, you, or both',
    category: (service: string, category: string) => `${service} is ${category === 'container' ? 'a container' : category === 'infrastructure' ? 'an infrastructure' : 'an abstracted'} service`,
  },
  conceptOwner: { aws: 'AWS owns it', customer: 'you own it', shared: 'AWS and you each have a part' },
  clarifyVariants: (service: string, concern: string) =>
    `The answer for ${concern} depends on how you run ${service}. Which one do you mean?`,
  clarifyConcerns: (service: string) => `I can read that two ways for ${service}. Which did you mean?`,
  clarifyServices: (names: string) => `That could be ${names}, and the answers differ. Which one?`,
  sameForAll: (names: string) => `Same answer for ${names}.`,
  serviceCardHeadline: (name: string, category: string, model: string) => `${name}: ${category} service (${model})`,
  serviceCardSummary: (name: string, aws: number, customer: number, shared: number) =>
    `${aws + shared > 0 && customer + shared > 0 ? `Security on ${name} as a whole is shared. ` : ''}Of the concerns I have sources for: AWS owns ${aws}, you own ${customer}, ${shared} are shared.`,
  compareHeadline: (names: string) => `Who owns what: ${names}`,
  compareConcernHeadline: (concern: string) => `Who owns ${concern}, service by service`,
  categoryByAnalogy: 'AWS does not classify this service itself; this is our classification by analogy.',
  followUp: {
    showService: (name: string) => `Show everything for ${name}`,
    helpful: '👍 Helpful',
    notHelpful: '👎 Not helpful',
  },
  help: {
    headline: 'I answer who owns a security concern on AWS: AWS, you, or both.',
    body: [
      'Ask me in your own words, for example:',
      '• who patches RDS?',
      '• who configures security groups on EC2?',
      '• is encryption at rest on S3 my job?',
      '• EC2 vs RDS vs Lambda',
      '• what is security "of" the cloud?',
    ].join('\n'),
    commands: [
      'quiz [scenario | service | topic | length] — a quiz in this channel',
      'quiz exam [service] [length] — exam-style multiple-choice questions',
      'stack alb ecs-fargate aurora s3 — what your team owns across your services (stack save … remembers them)',
      'quiz stop — end the running quiz',
      'quiz schedule weekdays 10:00 Europe/Berlin 5 — a quiz on a schedule (quiz schedule off ends it)',
      'leaderboard — this week, this month and all time',
      'tour — a short guided path through the model',
      'help — this message',
    ].join('\n'),
    commandsTitle: 'Commands',
  },
  staleButton: "That button doesn't work any more. Ask me again, or say \"help\".",
  apology: {
    storeDown:
      'Quizzes are unavailable right now (I cannot reach my store), and feedback is not being recorded. Questions still work; try again in a minute.',
    generic: 'Sorry — something went wrong on my side. Please try again.',
  },
  decline: {
    headline: "That's outside what I can answer.",
    reasons: {
      empty: 'Ask me a question about who owns a security concern on AWS.',
      injection: "I only answer questions about the AWS Shared Responsibility Model, and I don't change that on request.",
      pricing: "I don't know prices or billing; I only answer who owns a security concern on AWS.",
      'other-cloud': 'I only know the AWS Shared Responsibility Model, not other clouds.',
      'how-to': "I don't give step-by-step instructions; I tell you who is responsible. Try \"who is responsible for …?\"",
      'small-talk': "I'm a one-trick bot: I answer who owns a security concern on AWS.",
      'not-responsibility': 'I only answer who owns a security concern on AWS, not general AWS facts.',
      'unknown-service': "I don't know that service yet, so I won't guess who owns what there.",
      secrets: "I can't share credentials or secrets, and you shouldn't paste them in chat. I only answer who owns a security concern on AWS.",
      'action-request': "I can't act on your AWS account; I only answer who owns a security concern on AWS.",
      translation: "I don't translate; I only answer who owns a security concern on AWS, in English.",
      'not-understood': "I'm not sure what you're asking, so I won't guess.",
    } satisfies Record<DeclineReason, string>,
    tryInstead: 'Try: "who patches RDS?", "who configures security groups on EC2?", or "help".',
  },
} as const;

/** Upper-cases the first letter. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Lower-cases the first letter unless the word is an acronym or a name ("DDoS", "AWS"). */
export function inSentence(label: string): string {
  const first = label.split(' ')[0] ?? '';
  return /^[A-Z0-9]{2,}|^[A-Z][a-z]+[A-Z]/.test(first) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

/** "A", "A and B", "A, B and C". */
function listed(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
