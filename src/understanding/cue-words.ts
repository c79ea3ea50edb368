/**
 * Word patterns that tell what kind of message this is, matched on the normalised text
 * (lower case, words separated by single spaces, padded with a space at both ends).
 */

/** Unmistakably asking who is responsible ("who", "my job", "AWS or us"). */
export const STRONG_RESPONSIBILITY_CUES = [
  ' who ', ' whose ', ' whom ', ' responsib', ' my job', ' our job', ' their job', ' your job', ' job of ',
  ' in charge', ' must i ', ' must we ', ' have to ', ' need to ',
  ' am i ', ' are we ', ' is it us ', ' is it me ', ' is that us ', ' is that me ', ' aws or ', ' or aws ', ' us or ',
  ' me or ', ' or us ', ' or me ', ' or the customer', ' customer or ', ' on us ', ' on me ', ' on aws ', ' up to ',
  ' accountable', ' whos ', ' does aws ', ' will aws ', ' is aws ', ' do they ', ' owns ', ' owner',
  ' which party', ' what party', ' which entity', ' which side', ' or ours', ' ours or ', ' or theirs', ' theirs or ', ' s job or ',
];

/** Softer signs of a responsibility question ("does AWS patch...", "who handles..."). */
export const RESPONSIBILITY_CUES = [
  ...STRONG_RESPONSIBILITY_CUES,
  ' own ', ' do i ', ' do we ', ' should i ', ' should we ', ' take care', ' takes care', ' handle', ' handles', ' duty ', ' burden', ' manages ', ' manage ',
  ' secures ', ' secure ', ' patches ', ' patch ', ' takes ', ' worry ', ' shared ', ' split ',
  ' divided ', ' care of ', ' looks after', ' look after',
];

/** A follow-up that leans on the thread's earlier answer ("and who encrypts it?"). */
export const FOLLOW_UP_CUES = [' it ', ' its ', ' it s ', ' that ', ' this ', ' them ', ' they ', ' there ', ' also ',
  ' what about ', ' how about ', ' same ', ' and ', ' too '];

/** Comparing services. */
export const COMPARE_CUES = [' vs ', ' versus ', ' compare', ' comparison', ' side by side'];

/** Comparing only when the question is also about responsibility ("difference between SQS and SNS" is not). */
export const SOFT_COMPARE_CUES = [' difference between ', ' differ ', ' differences ', ' between ', ' than ', ' compared with ', ' compared to '];

/** Asking for a whole service card. */
export const SERVICE_CARD_CUES = [
  ' tell me about ', ' everything ', ' what about ', ' show ', ' overview', ' summary ', ' summarise', ' summarize',
  ' breakdown', ' all of ', ' full ', ' card ', ' what does aws do for ', ' what do i do for ',
  ' where the line', ' where is the line', ' what ours', ' what is ours', ' what aws and', ' left for us', ' left for the customer',
  ' still ours', ' still our ', ' still yours', ' which security tasks', ' what do we still', ' what do i still', ' what else do we',
];

/** Out of scope, with the reason the decline gives. Checked before anything else is answered. */
export const OUT_OF_SCOPE_CUES: { reason: DeclineReason; cues: string[] }[] = [
  {
    reason: 'injection',
    // Commands aimed at the bot, not the words alone: "we can safely ignore those notices" or "override the maintenance
    // window" are questions about AWS.
    cues: [' ignore your', ' ignore all', ' ignore previous', ' ignore prior', ' ignore any previous', ' ignore the above', ' ignore these instructions',
      ' ignore those instructions', ' ignore the instructions', ' ignore the rules', ' disregard your', ' disregard all', ' disregard the rules',
      ' disregard previous', ' disregard prior', ' disregard the above', ' disregard any', ' disregard the instructions', ' system prompt', ' jailbreak',
      ' pretend you', ' pretend to be', ' pretend that you', ' you are now ', ' act as a ', ' act as an ', ' act as if ', ' roleplay', ' forget your ',
      ' forget all ', ' forget everything', ' forget previous', ' forget the rules', ' forget the instructions', ' forget the shared responsibility',
      ' new instructions', ' developer mode', ' system override', ' override your', ' override all', ' override previous', ' override the rules'],
  },
  {
    reason: 'translation',
    cues: [' translate', ' translation', ' in french', ' in spanish', ' in german', ' in italian', ' in japanese',
      ' in chinese', ' in portuguese', ' in dutch', ' into french', ' into spanish', ' into german', ' into english'],
  },
  {
    reason: 'pricing',
    cues: [' price', ' pricing', ' cost ', ' costs ', ' cost?', ' how much does', ' how much is ', ' how much will', ' how much would', ' how much money', ' how much do i pay', ' how much do we pay', ' billing', ' bill ', ' invoice',
      ' cheap', ' expensive', ' free tier', ' discount', ' savings plan', ' reserved instance', ' spend '],
  },
  {
    reason: 'other-cloud',
    cues: [' azure ', ' gcp ', ' google cloud', ' oracle cloud', ' oci ', ' ibm cloud', ' alibaba', ' digitalocean',
      ' digital ocean', ' heroku', ' linode', ' openstack'],
  },
  {
    reason: 'how-to',
    cues: [' how do i ', ' how can i ', ' how to ', ' how would i ', ' how should i ', ' steps to ', ' tutorial',
      ' write me ', ' write a ', ' generate ', ' terraform ', ' cloudformation template', ' cli command', ' script ',
      ' example code', ' code sample', ' step by step'],
  },
  {
    reason: 'small-talk',
    cues: [' joke', ' weather', ' lunch', ' dinner', ' recipe for', ' a recipe ', ' cooking', ' movie', ' song', ' poem', ' story ', ' football',
      ' soccer', ' how are you', ' your name', ' who are you', ' birthday', ' meaning of life', ' love ',
      ' laptop', ' center a div', ' favourite', ' favorite', ' your opinion', ' stock ', ' bitcoin price', ' price of bitcoin', ' buy bitcoin', ' bitcoin worth', ' crypto price', ' horoscope'],
  },
  {
    reason: 'not-responsibility',
    cues: [' max size', ' maximum size', ' size limit', ' quota', ' how long ', ' stand for ', ' launched', ' default timeout', ' is down', ' outage today', ' latency of ',
      ' faster ', ' fastest', ' which region is', ' best region', ' benchmark', ' performance of ',
      ' certification exam', ' exam ', ' salary', ' interview', ' certification ', ' certifications ', ' which certification'],
  },
];

/** Why the bot declines a message. */
export type DeclineReason =
  | 'empty'
  | 'injection'
  | 'pricing'
  | 'other-cloud'
  | 'how-to'
  | 'small-talk'
  | 'not-responsibility'
  | 'unknown-service'
  | 'secrets'
  | 'translation'
  | 'action-request'
  | 'not-understood';

/** A request to act on someone's account ("delete the old buckets", "can you turn off GuardDuty for me?"). */
export const ACTION_REQUEST =
  /^ (?:please |pls |can you |could you |would you |go |kindly )*(?:delete|remove|turn off|turn on|disable|enable|create|launch|terminate|stop|start|restart|reboot|deploy|list|rotate|open|close|run|fix|patch|upgrade|provision|spin up|shut down|reset|unlock|resend|reissue|grant me|give me access|add me) (?!management\b|manager\b)(?!.* who )(?:.* for me| for us| please)?/;

/** A request for credentials or secrets ("give me the root password"), not a question about who manages them. */
export const SECRETS_REQUEST =
  /\b(?:give|send|share|tell|show|provide|paste|dm|leak|reveal|need|want|get)(?: me| us)?(?: \w+){0,6} (?:password|passwords|credential|credentials|access key|access keys|secret key|secret keys|api key|api keys|token|tokens|private key|login|logins|mfa code|otp|one time code|passcode|pin|connection string|connection strings|pre shared key|pre shared keys|psk|psks|shared secret|shared secrets)\b|\bwhat (?:is |s |are )?(?:the|our|my|your) (?:\w+ ){0,3}(?:password|access key|secret key|api key|credentials|secret|secrets)\b|\blist (?:the |all |our )?(?:\w+ )?secrets\b|\b(?:what|whats) (?:is |s |are )?(?:the |our )?values? (?:\w+ ){0,6}(?:password|passwords|secret|secrets|token|tokens|api key|access key|private key)\b|\b(?:read|fetch|print|dump|retrieve|decrypt|reveal) (?:me |us )?(?:\w+ ){0,4}(?:secret value|secret string|password|passwords|private key)\b|\b(?:read|fetch|print|dump|retrieve|decrypt|reveal|show|give|get|tell|send|paste|output|display|echo|cat) (?:me |us )?(?:the |our |my )?(?:actual |raw |plaintext |plain text |current )?values? (?:of|in|from|stored in)\b/;

/** A pricing word used as a resource's name: "the billing bucket", "our invoices table". */
export const NAMED_RESOURCE =
  / (?:billing|pricing|cost|costs|invoice|invoices|price|prices) (?:bucket|buckets|table|tables|database|databases|db|queue|queues|topic|cluster|function|functions|account|accounts|stream|api|app|service|vpc|role|key|keys|data|team|system|pipeline|lambda|instance|instances)(?= )/g;

/** Finds the first cue present in padded text (" words like this "). */
export function hasCue(padded: string, cues: readonly string[]): boolean {
  return cues.some((cue) => padded.includes(cue));
}
