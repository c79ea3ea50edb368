import type { App, ViewSubmitAction } from '@slack/bolt';
import { ACTION_IDS } from '../../../src/model/reply-model.js';
import type { ReplyTarget } from '../effect-runner.js';
import { FORM_BLOCKS, FORM_CALLBACK_ID, readFormMetadata } from '../render-modal.js';
import { runSafely, type ListenerDeps } from './listener-deps.js';

type ViewState = ViewSubmitAction['view']['state']['values'];

/** The modal's answers: the radio choice and the free text, when given. */
function fieldsOf(values: ViewState): Record<string, string> {
  const choice = values[FORM_BLOCKS.choice]?.[FORM_BLOCKS.choice]?.selected_option?.value;
  const text = values[FORM_BLOCKS.text]?.[FORM_BLOCKS.text]?.value;
  return { ...(choice ? { choice } : {}), ...(text ? { text } : {}) };
}

/**
 * A submitted form modal (the 👎 "what was wrong?", a quiz challenge): closed at once, then handed to
 * the core as a form action; what the core says back goes privately to the person in the conversation
 * the form came from.
 */
export function registerFormSubmission(app: App, deps: ListenerDeps): void {
  app.view<ViewSubmitAction>({ callback_id: FORM_CALLBACK_ID, type: 'view_submission' }, async ({ ack, body, view }) => {
    await ack();
    const metadata = readFormMetadata(view.private_metadata);
    if (!metadata) {
      deps.logger.warn('slack form submission without our metadata, ignored');
      return;
    }
    const target: ReplyTarget = {
      channelId: metadata.channelId,
      userId: body.user.id,
      ...(metadata.threadTs ? { threadTs: metadata.threadTs } : {}),
      isDirect: metadata.channelId.startsWith('D'),
      forcePrivate: true,
    };
    await runSafely(deps, 'form', target, async () => {
      const effects = await deps.core.handleAction({
        platform: 'slack',
        userId: body.user.id,
        channelId: metadata.channelId,
        ...(metadata.threadTs ? { threadId: metadata.threadTs } : {}),
        ...(body.team?.id ? { teamId: body.team.id } : {}),
        actionId: ACTION_IDS.formSubmit,
        value: metadata.value,
        fields: fieldsOf(view.state.values),
      });
      await deps.runner.run(effects, target);
    });
  });
}
