import { FORM_TEXT_MAX, type ReplyForm } from '../../src/model/reply-model.js';
import { escapeMrkdwn, truncate } from './escape-mrkdwn.js';

/** The callback id of every modal form the bot opens (the view_submission listener matches it). */
export const FORM_CALLBACK_ID = 'srm_form';
/** Block and action ids of a form modal's inputs. */
export const FORM_BLOCKS = { choice: 'srm_form_choice', text: 'srm_form_text' } as const;

/** Where a form's answers go, carried through the modal in `private_metadata` (Slack signs it back). */
export interface FormMetadata {
  value: string;
  channelId: string;
  threadTs?: string;
}

const plain = (text: string, max: number) => ({ type: 'plain_text' as const, text: truncate(text, max) });

/** A form as a Slack modal: the choices as radio buttons, an optional text box; title/submit within Slack's 24 characters. */
export function renderModal(form: ReplyForm, metadata: FormMetadata) {
  return {
    type: 'modal' as const,
    callback_id: FORM_CALLBACK_ID,
    private_metadata: JSON.stringify(metadata),
    title: plain(form.title, 24),
    submit: plain(form.submitLabel, 24),
    close: plain('Cancel', 24),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: truncate(escapeMrkdwn(form.intro), 3_000) } },
      {
        type: 'input',
        block_id: FORM_BLOCKS.choice,
        optional: true,
        label: plain(form.choiceLabel, 2_000),
        element: {
          type: 'radio_buttons',
          action_id: FORM_BLOCKS.choice,
          options: form.choices.slice(0, 10).map((c) => ({ text: plain(c.label, 75), value: c.value })),
        },
      },
      {
        type: 'input',
        block_id: FORM_BLOCKS.text,
        optional: true,
        label: plain(form.textLabel, 2_000),
        element: { type: 'plain_text_input', action_id: FORM_BLOCKS.text, multiline: true, max_length: FORM_TEXT_MAX },
      },
    ],
  };
}

/** Reads `private_metadata` back; undefined when it is not ours. */
export function readFormMetadata(raw: string | undefined): FormMetadata | undefined {
  try {
    const parsed = JSON.parse(raw ?? '') as Partial<FormMetadata>;
    if (typeof parsed.value !== 'string' || typeof parsed.channelId !== 'string') return undefined;
    return { value: parsed.value, channelId: parsed.channelId, ...(typeof parsed.threadTs === 'string' ? { threadTs: parsed.threadTs } : {}) };
  } catch {
    return undefined;
  }
}
