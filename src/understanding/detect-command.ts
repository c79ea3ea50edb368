import type { Intent } from './understanding.js';
import { withoutMarkup } from './normalize-text.js';

/** A command word at the start of a message, and the words after it. */
export interface Command {
  intent: Extract<Intent, 'help' | 'quiz' | 'leaderboard' | 'onboarding' | 'stack' | 'admin'>;
  args: string;
  /** The command's own words ("start a quiz"), to find where its arguments begin in the text as typed. */
  start: string[];
}

const COMMANDS: { intent: Command['intent']; starts: string[][] }[] = [
  { intent: 'help', starts: [['help'], ['commands'], ['what', 'can', 'you', 'do'], ['what', 'can', 'i', 'ask'], ['usage']] },
  { intent: 'quiz', starts: [['quiz'], ['start', 'a', 'quiz'], ['start', 'quiz'], ['play', 'a', 'quiz'], ['new', 'quiz']] },
  { intent: 'admin', starts: [['admin']] },
  { intent: 'stack', starts: [['stack'], ['my', 'stack'], ['our', 'stack']] },
  { intent: 'leaderboard', starts: [['leaderboard'], ['leader', 'board'], ['scoreboard'], ['scores'], ['top', 'scores']] },
  {
    intent: 'onboarding',
    starts: [['onboarding'], ['onboard'], ['tour'], ['getting', 'started'], ['get', 'started'], ['teach', 'me'],
      ['intro'], ['introduction'], ['next'], ['start'], ['hi'], ['hello'], ['hey'], ['i', 'm', 'new'], ['im', 'new']],
  },
];

/** Recognises a command ("quiz serverless", "help", "leaderboard") at the start of a message. */
export function detectCommand(words: string[]): Command | undefined {
  for (const { intent, starts } of COMMANDS) {
    for (const start of starts) {
      if (start.every((w, i) => words[i] === w)) {
        const rest = words.slice(start.length);
        // "hi, who patches RDS?" is a question, not a greeting; greetings must stand alone.
        if (intent === 'onboarding' && ['hi', 'hello', 'hey'].includes(start[0]!) && rest.length > 0) continue;
        if (intent === 'onboarding' && start[0] === 'start' && rest.length > 0) continue;
        if (intent === 'onboarding' && rest.length > 2) continue; // "I'm new here — who patches RDS?" is a question
        if (intent === 'help' && start.length === 1 && rest.length > 2) continue;
        return { intent, args: rest.join(' '), start };
      }
    }
  }
  return undefined;
}

/** The text after the command's words, as typed ("quiz schedule weekdays 10:00 Europe/Berlin" → "schedule weekdays 10:00 Europe/Berlin"). */
export function rawArgsOf(command: Command, text: string): string {
  const typed = withoutMarkup(text);
  const at = new RegExp(`\\b${command.start.join('\\W+')}\\b`, 'i').exec(typed);
  return at ? typed.slice(at.index + at[0].length).trim() : command.args;
}
