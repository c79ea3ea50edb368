/** What a pasted multiple-choice question asks for. */
export type ChoiceKind =
  | 'customer'
  | 'aws'
  | 'shared-control'
  | 'inherited'
  | 'control-type'
  | 'true-statement'
  | 'more-customer-work'
  | 'less-customer-work';

/** A multiple-choice question as pasted: its stem, its options and how many to pick. */
/** The party a true-or-false statement starts with ("AWS …", "The customer …", "Customers …"), not "AWS managed keys…". */
export const STATEMENT_PARTY = /^(?:aws|amazon(?: web services)?|the customer|customers|the company|you)\s+(?!managed\b|owned\b)/i;

export interface MultipleChoice {
  stem: string;
  options: { letter: string; text: string }[];
  /** How many options to pick, when the question says ("Choose TWO"). */
  count?: number;
  kind: ChoiceKind | undefined;
  /** "Which is NOT …": the pick is the options that do not fit. */
  negated: boolean;
  /** Every option is only a party ("A) AWS B) customer C) both"): the question asks whose the stem's act is. */
  partiesOnly: boolean;
}

const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5 };
const COUNT = /\b(?:choose|select|pick)\s+(one|two|three|four|five|[1-5])\b/i;
/**
 * An option marker followed by text: "A." "A)" "(A)" "a." after a space or a line start, or an upper-case
 * one glued to the previous text as pasted from a web page ("…responsibility?A. x B. y").
 */
const MARKER = /(?:(?:^|\n|\s)\(?([A-Fa-f])|(?<=[a-z0-9?:.)"'])\(?([A-F]))[.)]\s+/g;

/**
 * Finds a multiple-choice question in a message: three or more options lettered A, B, C… in order,
 * on separate lines or on one line. Undefined for anything else.
 */
/** An option that is only a party: "AWS", "the customer", "both". */
const PARTY_ONLY = /^(?:aws|amazon|amazon web services|(?:the )?customers?|us|we|both|both aws and the customer|aws and the customer|shared)[.?!]?$/i;

export function parseMultipleChoice(raw: string): MultipleChoice | undefined {
  const text = raw.replace(/<[^>]*>/g, ' ').replace(/\r/g, '').slice(0, 4000);
  const markers = [...text.matchAll(MARKER)].map((m) => Object.assign(m, { 1: m[1] ?? m[2] }));
  // Take the longest run of markers lettered A, B, C… in order, all in the same case.
  let best: RegExpMatchArray[] = [];
  // "Question 21 of 65" and the like before the stem are page furniture, not part of the question.
  for (let i = 0; i < markers.length; i++) {
    if (markers[i]![1]!.toLowerCase() !== 'a') continue;
    const run = [markers[i]!];
    for (let j = i + 1; j < markers.length; j++) {
      const expected = String.fromCharCode(run[0]![1]!.charCodeAt(0) + run.length);
      if (markers[j]![1] === expected) run.push(markers[j]!);
    }
    if (run.length > best.length) best = run;
  }
  if (best.length < 3) return undefined;
  const options = best.map((m, i) => {
    const start = m.index! + m[0].length;
    const end = i + 1 < best.length ? best[i + 1]!.index! : text.length;
    return { letter: m[1]!.toUpperCase(), text: text.slice(start, end).replace(/\s+/g, ' ').trim() };
  });
  if (options.some((o) => o.text.length === 0 || o.text.length > 400)) return undefined;
  const stem = text.slice(0, best[0]!.index!).replace(/\s+/g, ' ').replace(/^question \d+ of \d+\s*/i, '').trim();
  // "Decommissioning of storage devices — A) AWS B) customer C) both": options that are only the parties ask whose.
  const partiesOnly = options.every((o) => PARTY_ONLY.test(o.text));
  if (!stem || !(partiesOnly || /\?|which|what|select|choose|statement/i.test(stem))) return undefined;
  const counted = COUNT.exec(stem);
  return {
    stem,
    options,
    ...(counted ? { count: NUMBER_WORDS[counted[1]!.toLowerCase()]! } : {}),
    kind: controlOptions(options) ? 'control-type' : kindOf(stem),
    negated: /\bNOT\b|\bEXCEPT\b/.test(stem) || /\bwhich\b[^?]*\b(?:not|except)\b/i.test(stem.replace(/\bnot only\b/gi, '')),
    partiesOnly,
  };
}

/** "A) Inherited from AWS B) Shared C) Customer specific": options that are the three kinds of control. */
function controlOptions(options: { text: string }[]): boolean {
  const kinds = new Set(options.map((o) => (/^inherit/i.test(o.text) ? 'inherited' : /^shared\b/i.test(o.text) ? 'shared' : /^customer[- ]specific/i.test(o.text) ? 'customer' : undefined)));
  kinds.delete(undefined);
  return kinds.size >= 2;
}

function kindOf(stem: string): ChoiceKind | undefined {
  const s = stem.toLowerCase();
  if (/(?:what|which) (?:kind|type) of control|type of control is/.test(s)) return 'control-type';
  if (/shared control|both the infrastructure layer and the customer|belongs? to both|both aws and (?:the )?customers?|shared (?:by|between) aws|responsibility of both/.test(s)) return 'shared-control';
  if (/security of the cloud/.test(s)) return 'aws';
  if (/inherit|entirely by relying on aws|relying on aws/.test(s)) return 'inherited';
  // "which service leaves the customer the least patching" asks for the least, whatever else it says.
  if (/\b(?:least|less|fewest|fewer|reduce|reduces|reducing|minimi[sz]e|minimi[sz]es|offload|offloads)\b/.test(s) && /\b(?:service|services|option|model)\b/.test(s)) return 'less-customer-work';
  if (/\b(?:most|more)\b/.test(s) && /\b(?:service|services|option|model|following)\b/.test(s) && /\b(?:customer|you|your|user)\b/.test(s)) return 'more-customer-work';
  if (/(?:for which|which) (?:of the following )?services?\b.*\bcustomer\b.*\b(?:responsible|patch|manage)|infrastructure as a service|leaves the customer responsible for the guest/.test(s)) return 'more-customer-work';
  if (/\b(?:true|correct|accurate|accurately)\b/.test(s) && /\bstatement|describes|about\b/.test(s)) return 'true-statement';
  const aws = /\b(?:aws|amazon(?! [a-z0-9]+ (?:service|instance)))(?:['’]s)?\s+(?:is\s+)?(?:responsib|own|manage|handle)|responsibility of (?:aws|amazon)|(?:aws|amazon)['’]s responsibilit|responsib\w* (?:of|for) aws\b|(?:by|to) aws\b|aws (?:responsibilit|handle)/;
  const customer = /\bcustomer|\byour\b|\byou\b|\buser['’]?s?\b|\bclient['’]?s?\b|\bcompany|\bteam['’]?s?\b|\bdeveloper|\borgani[sz]ation|\bbusiness|\bbelongs? to the (?:company|team|customer)|security in the cloud/;
  if (aws.test(s) && !/customer['’]s responsib|responsibility of the customer|customer (?:is )?responsib/.test(s)) return 'aws';
  // "Which of these does Amazon S3 do for you by default?": what the service does on the customer's behalf.
  if (/\bfor you\b|\bon your behalf\b|\bwithout you\b|\bwithout the customer\b|\bwithout customers\b|\bfor the customer\b|\bfor customers\b/.test(s) && /\b(?:do|does|doing|handle|handles|handled|take|takes|manage|manages|managed|perform|performs|done|happen|happens)\b/.test(s)) return 'aws';
  // "A company runs Aurora. Which of the following does AWS perform?": the doer asked about, whoever the stem's subject is.
  if (/\b(?:does|do|will|would) (?:aws|amazon(?: web services)?) (?:perform|do|handle|manage|maintain|operate|run|patch|take care of|own|provide|carry out)\b/.test(s)) return 'aws';
  // "Which does the service take care of?": the managed service is AWS doing it.
  if (/\b(?:does|do|will) the service (?:perform|do|handle|manage|maintain|operate|take care of|provide)\b/.test(s)) return 'aws';
  // "A manufacturer runs Greengrass … Which task belongs to the manufacturer?": whoever the stem is about, other than AWS.
  if (/\b(?:belongs? to|falls to|falls on|remains? with|is up to) the (?!aws\b|amazon\b)[a-z]+\b|\bthe (?!aws\b|amazon\b)[a-z]+['’]s (?:responsibility|job|task|duty|part)\b/.test(s)) return 'customer';
  if (customer.test(s)) return 'customer';
  if (/\baws\b|\bamazon\b/.test(s)) return 'aws';
  return undefined;
}
