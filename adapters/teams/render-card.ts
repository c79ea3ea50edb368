import { ACTION_IDS, FORM_TEXT_MAX, type Reply, type ReplyAction, type ReplyForm } from '../../src/model/reply-model.js';
import { OWNER_LABEL, type Owner } from '../../src/model/owner.js';
import { neutraliseMentions } from './mentions.js';
import { TEAMS_STRINGS } from './teams-strings.js';

/** Teams refuses messages near 100 KB; we stay far below (the issue asks for under 80 KB). */
export const CARD_BYTE_BUDGET = 40_000;
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export type CardElement = Record<string, unknown>;

/** An Adaptive Card 1.5 as plain JSON (no SDK types, so the renderer survives an SDK swap). */
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  fallbackText: string;
  body: CardElement[];
  actions: CardElement[];
  msteams: { width: 'Full' };
  /** Universal Actions: how Teams asks for each person's own view of this card. */
  refresh?: { action: CardElement };
}

/** What a button sends back: `Action.Submit` data, or `Action.Execute` verb + data. */
export interface CardActionData {
  actionId: string;
  value: string;
}

/** Shape of an outgoing Teams message carrying one card. */
export interface CardMessage {
  type: 'message';
  summary: string;
  attachments: { contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE; content: AdaptiveCard }[];
}

interface Limits {
  text: number;
  sections: number;
  tableRows: number;
  fallback: number;
}

/** Each step trims harder; the first that fits the budget wins. */
const LIMIT_STEPS: readonly Limits[] = [
  { text: 3_000, sections: 8, tableRows: 30, fallback: 4_000 },
  { text: 1_500, sections: 6, tableRows: 12, fallback: 1_500 },
  { text: 500, sections: 3, tableRows: 0, fallback: 500 },
];

const OWNER_COLOR: Record<Owner, string> = { aws: 'Accent', customer: 'Good', shared: 'Warning' };
const MAX_BUTTONS_PER_SET = 5;
const MAX_BUTTONS = 15;
const MAX_SUGGESTIONS = 3;
const MAX_SOURCES = 3;
const MAX_VALUE_LENGTH = 2_000;

function clip(text: string, max: number): string {
  const clean = neutraliseMentions(text);
  return clean.length > max ? `${clean.slice(0, Math.max(0, max - 1))}…` : clean;
}

function textBlock(text: string, extra: CardElement = {}): CardElement {
  return { type: 'TextBlock', text, wrap: true, ...extra };
}

/**
 * Buttons whose answer is personal: Action.Execute (Universal Actions), so the bot can answer the
 * presser alone, with their own view of the card, instead of a public reply.
 */
const EXECUTE_ACTIONS: ReadonlySet<string> = new Set([ACTION_IDS.quizAnswer, ACTION_IDS.quizReveal, ACTION_IDS.quizRank]);

function submit(action: { actionId: string; label: string; value: string; style?: ReplyAction['style'] }): CardElement {
  const data: CardActionData = { actionId: action.actionId, value: action.value };
  const execute = EXECUTE_ACTIONS.has(action.actionId) ? { verb: action.actionId } : {};
  return {
    type: EXECUTE_ACTIONS.has(action.actionId) ? 'Action.Execute' : 'Action.Submit',
    ...execute,
    title: clip(action.label, 75),
    data,
    ...(action.style === 'primary' ? { style: 'positive' } : action.style === 'danger' ? { style: 'destructive' } : {}),
  };
}

function ownerBlock(reply: Reply): CardElement[] {
  const facts: { title: string; value: string }[] = [];
  if (reply.serviceName) facts.push({ title: TEAMS_STRINGS.serviceLabel, value: clip(reply.serviceName, 200) });
  if (reply.concernLabel) facts.push({ title: TEAMS_STRINGS.concernLabel, value: clip(reply.concernLabel, 200) });
  const owner: CardElement[] = reply.owner
    ? [
        {
          type: 'Container',
          style: 'emphasis',
          items: [
            textBlock(`${TEAMS_STRINGS.ownerLabel}: ${OWNER_LABEL[reply.owner]}`, {
              weight: 'Bolder',
              size: 'Large',
              color: OWNER_COLOR[reply.owner],
            }),
          ],
        },
      ]
    : [];
  return [...owner, ...(facts.length > 0 ? [{ type: 'FactSet', facts }] : [])];
}

function tableBlock(reply: Reply, limits: Limits): CardElement[] {
  const table = reply.table;
  if (!table || table.rows.length === 0 || limits.tableRows === 0) return [];
  const cellCount = Math.max(...table.rows.map((row) => row.cells.length));
  const headings = table.columns.length > cellCount ? table.columns : ['', ...table.columns];
  const cell = (text: string, extra: CardElement = {}): CardElement => ({
    type: 'TableCell',
    items: [textBlock(clip(text, 300), extra)],
  });
  const rows = table.rows.slice(0, limits.tableRows).map((row) => ({
    type: 'TableRow',
    cells: [
      cell(row.label),
      ...row.cells.map((c) => {
        const owner = c.owner ? OWNER_LABEL[c.owner] : '—';
        return cell(c.note ? `${owner} (${c.note})` : owner, c.owner ? { color: OWNER_COLOR[c.owner] } : {});
      }),
    ],
  }));
  return [
    {
      type: 'Table',
      firstRowAsHeaders: true,
      showGridLines: true,
      columns: headings.map((_, index) => ({ width: index === 0 ? 2 : 1 })),
      rows: [{ type: 'TableRow', cells: headings.map((heading) => cell(heading, { weight: 'Bolder' })) }, ...rows],
    },
  ];
}

function buttonSets(reply: Reply): CardElement[] {
  const buttons = [
    ...reply.actions,
    ...reply.suggestions
      .slice(0, MAX_SUGGESTIONS)
      .filter((question) => question.length <= MAX_VALUE_LENGTH)
      .map((question) => ({ actionId: ACTION_IDS.ask, label: question, value: question })),
  ]
    .filter((action) => action.value.length <= MAX_VALUE_LENGTH)
    .slice(0, MAX_BUTTONS)
    .map(submit);
  const sets: CardElement[] = [];
  for (let start = 0; start < buttons.length; start += MAX_BUTTONS_PER_SET) {
    sets.push({ type: 'ActionSet', actions: buttons.slice(start, start + MAX_BUTTONS_PER_SET) });
  }
  return sets;
}

function renderWithLimits(reply: Reply, limits: Limits): AdaptiveCard {
  const sources = reply.sources.slice(0, MAX_SOURCES);
  const body: CardElement[] = [
    textBlock(clip(reply.headline, 300), { weight: 'Bolder', size: 'Medium', style: 'heading' }),
    ...ownerBlock(reply),
    ...reply.sections.slice(0, limits.sections).flatMap((section) => [
      textBlock(clip(section.title, 200), { weight: 'Bolder', spacing: 'Medium' }),
      textBlock(clip(section.body, limits.text), { spacing: 'Small' }),
    ]),
    ...tableBlock(reply, limits),
    ...(sources.length > 0
      ? [
          textBlock(`${TEAMS_STRINGS.sourcePrefix}: ${sources.map((s) => clip(s.title, 150)).join(' · ')}`, {
            isSubtle: true,
            size: 'Small',
            spacing: 'Medium',
          }),
        ]
      : []),
    ...buttonSets(reply),
  ];
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText: clip(reply.text, limits.fallback),
    body,
    actions: sources
      .filter((source) => /^https:\/\//i.test(source.url))
      .map((source, index) => ({
        type: 'Action.OpenUrl',
        title: index === 0 ? TEAMS_STRINGS.openSource : clip(source.title, 75),
        url: source.url,
      })),
    msteams: { width: 'Full' },
    // No userIds: Teams refreshes automatically for everyone in conversations of up to 60 people, and
    // offers "Refresh card" in bigger ones, so a 300-person channel does not call the bot 300 times.
    ...(reply.refresh
      ? { refresh: { action: { type: 'Action.Execute', title: clip(reply.refresh.label, 75), verb: reply.refresh.actionId, data: { actionId: reply.refresh.actionId, value: reply.refresh.value } } } }
      : {}),
  };
}

/** Size of a payload as sent on the wire. */
export function byteSize(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

/** Renders a neutral reply as an Adaptive Card 1.5, trimmed to stay under CARD_BYTE_BUDGET. */
export function renderCard(reply: Reply): AdaptiveCard {
  let card = renderWithLimits(reply, LIMIT_STEPS[0]!);
  for (const limits of LIMIT_STEPS.slice(1)) {
    if (byteSize(card) <= CARD_BYTE_BUDGET) break;
    card = renderWithLimits(reply, limits);
  }
  return card;
}

/** A Teams message carrying the reply's card; `summary` is the notification / fallback text. */
export function renderCardMessage(reply: Reply): CardMessage {
  return {
    type: 'message',
    summary: clip(reply.headline, 300),
    attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: renderCard(reply) }],
  };
}

/** Ids of a form card's inputs; Teams sends them back next to `actionId` and `value` on submit. */
export const FORM_INPUT_IDS = { choice: 'choice', text: 'text' } as const;

/** A form as an Adaptive Card: the choices as radio buttons, an optional text box, one submit button. */
export function renderFormMessage(form: ReplyForm): CardMessage {
  const data: CardActionData = { actionId: ACTION_IDS.formSubmit, value: form.value };
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText: clip(`${form.title} ${form.intro}`, 500),
    body: [
      textBlock(clip(form.title, 150), { weight: 'Bolder', size: 'Medium' }),
      textBlock(clip(form.intro, 1_000)),
      {
        type: 'Input.ChoiceSet',
        id: FORM_INPUT_IDS.choice,
        label: clip(form.choiceLabel, 100),
        style: 'expanded',
        choices: form.choices.map((c) => ({ title: clip(c.label, 75), value: c.value })),
      },
      { type: 'Input.Text', id: FORM_INPUT_IDS.text, label: clip(form.textLabel, 100), isMultiline: true, maxLength: FORM_TEXT_MAX },
    ],
    actions: [{ type: 'Action.Submit', title: clip(form.submitLabel, 75), data }],
    msteams: { width: 'Full' },
  };
  return { type: 'message', summary: clip(form.title, 300), attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card }] };
}
