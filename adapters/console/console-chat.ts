import { createInterface } from 'node:readline';
import type { Effect } from '../../src/model/effects.js';
import { ACTION_IDS, type ReplyAction } from '../../src/model/reply-model.js';

/** A numbered button: a reply's button, or one choice of a form. */
type ConsoleButton = Pick<ReplyAction, 'actionId' | 'label' | 'value'> & { fields?: Record<string, string> };
import type { SrmCore } from '../../src/core/srm-core.js';
import { CONSOLE_USER, renderConsole } from './render-console.js';

/** Where the chat reads and writes (stdin/stdout, or streams in tests). */
export interface ConsoleIo {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

export const CONSOLE_HINT =
  'Ask who owns a security concern on AWS, e.g. "who patches RDS?". Type a [number] to press a button, "help" for more, "quit" to leave.';

const CHANNEL = 'console';
const USER = CONSOLE_USER;

/**
 * The local chat: one person, one channel, in a terminal. Buttons are numbered; typing the number
 * presses the button. Resolves when the input ends or the person types "quit".
 */
export async function runConsoleChat(core: SrmCore, io: ConsoleIo): Promise<void> {
  const write = (text: string) => io.output.write(`${text}\n`);
  let buttons: ConsoleButton[] = [];
  let posted = 0;

  const perform = async (effects: Effect[]) => {
    for (const effect of effects) {
      // One person's own view of a shared message: in a one-person terminal the notice said it already.
      if (effect.type === 'personal') continue;
      if (effect.type === 'form') {
        // A form in a terminal: its choices become numbered buttons (no free text).
        const first = buttons.length + 1;
        const shown = effect.form.choices.map((c) => ({ actionId: ACTION_IDS.formSubmit, label: c.label, value: effect.form.value, fields: { choice: c.value } }));
        buttons = [...buttons, ...shown];
        write(`\n(only you see this) ${effect.form.title} ${effect.form.intro}\n${shown.map((b, i) => `[${first + i}] ${b.label}`).join('  ')}`);
        continue;
      }
      const prefix = effect.type === 'update' ? '(updated) ' : effect.type === 'private' ? '(only you see this) ' : '';
      const { text, buttons: shown } = renderConsole(effect.reply, buttons.length + 1);
      buttons = [...buttons, ...shown];
      write(`\n${prefix}${text}`);
      // A terminal has nowhere to attach a file: it is printed, to copy or redirect.
      if (effect.type === 'file') write(`--- ${effect.file.name} ---\n${effect.file.content}--- end of ${effect.file.name} ---`);
      if (effect.type === 'post') await core.rememberMessage(effect.key, `console-${++posted}`);
    }
  };
  core.registerSink('console', perform);
  await core.start();

  write(CONSOLE_HINT);
  const lines = createInterface({ input: io.input, terminal: false });
  for await (const raw of lines) {
    const line = raw.trim();
    if (line === 'quit' || line === 'exit') break;
    if (line === '') continue;
    const pressed = /^\d+$/.test(line) ? buttons[Number(line) - 1] : undefined;
    const current = buttons;
    buttons = [];
    if (/^\d+$/.test(line) && !pressed) {
      buttons = current;
      write('There is no button with that number.');
      continue;
    }
    const effects = pressed
      ? await core.handleAction({
          platform: 'console',
          userId: USER,
          channelId: CHANNEL,
          actionId: pressed.actionId,
          value: pressed.value,
          ...(pressed.fields ? { fields: pressed.fields } : {}),
        })
      : await core.handleMessage({ platform: 'console', text: line, userId: USER, channelId: CHANNEL, isDirect: true });
    await perform(effects);
  }
}
