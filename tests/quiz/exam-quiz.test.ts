import { afterEach, describe, expect, it } from 'vitest';
import { renderBlocks } from '../../adapters/slack/render-blocks.js';
import { renderCard } from '../../adapters/teams/render-card.js';
import type { QuizQuestion } from '../../src/knowledge/types.js';
import { ACTION_IDS } from '../../src/model/reply-model.js';
import { EXAM_OPTION_COUNT } from '../../src/quiz/exam-questions.js';
import { createQuestionBank } from '../../src/quiz/question-bank.js';
import { parseQuizArgs } from '../../src/quiz/quiz-args.js';
import { choicesFor, rightChoice } from '../../src/quiz/quiz-choices.js';
import { questionKey } from '../../src/quiz/quiz-ids.js';
import { QUIZ_MESSAGES as M } from '../../src/quiz/quiz-messages.js';
import { questionReply } from '../../src/quiz/quiz-replies.js';
import { createTopicFinder } from '../../src/quiz/quiz-topics.js';
import { loadTestKnowledge } from '../helpers/knowledge.js';
import { createHarness, ctx, removeDataDir, type QuizHarness } from './quiz-harness.js';

const knowledge = loadTestKnowledge();
const bank = createQuestionBank(knowledge);
const findTopic = createTopicFinder(knowledge);
const AWS_DOCS = /^https:\/\/(docs\.aws\.amazon\.com|aws\.amazon\.com)\//;

/** A seeded generator, so a failure can be replayed. */
function seeded(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

function plan(args: string, seed: number): { title: string; questions: QuizQuestion[] } {
  const command = parseQuizArgs(args, findTopic);
  if (command.kind !== 'start') throw new Error(`"quiz ${args}" did not parse as a start`);
  return bank.select(command.selection, seeded(seed));
}

describe('exam-style quiz commands', () => {
  it.each([
    ['exam', { exam: true }],
    ['exam 10', { exam: true, count: 10 }],
    ['exam rds', { exam: true, topic: { kind: 'service', name: 'Amazon RDS' } }],
    ['exam rds 8', { exam: true, count: 8, topic: { kind: 'service' } }],
  ])('"quiz %s" starts an exam-style quiz', (args, selection) => {
    expect(parseQuizArgs(args, findTopic)).toMatchObject({ kind: 'start', selection });
  });

  it('keeps "quiz rds" an owner quiz', () => {
    const command = parseQuizArgs('rds', findTopic);
    expect(command.kind === 'start' && command.selection.exam).toBeFalsy();
  });
});

describe('generated exam questions', () => {
  const quizzes = [
    ...Array.from({ length: 30 }, (_, i) => plan('exam 10', i + 1)),
    ...['rds', 'ec2', 'lambda', 's3', 'fargate', 'dynamodb'].flatMap((s) => [1, 2, 3].map((seed) => plan(`exam ${s} 10`, seed))),
  ];
  const questions = quizzes.flatMap((q) => q.questions);

  it('fill the quizzes asked for', () => {
    for (const quiz of quizzes) expect(quiz.questions.length).toBeGreaterThanOrEqual(5);
    expect(quizzes[0]?.questions).toHaveLength(10);
  });

  it('give every right option the asked side and every distractor another owner, each with an AWS source', () => {
    for (const q of questions) {
      const exam = q.exam;
      expect(exam, q.prompt).toBeDefined();
      if (!exam) continue;
      expect(exam.options.map((o) => o.letter)).toEqual(['A', 'B', 'C', 'D'].slice(0, exam.options.length));
      expect(exam.options.length).toBeGreaterThanOrEqual(3);
      expect(exam.options.length).toBeLessThanOrEqual(EXAM_OPTION_COUNT);
      expect(exam.options.filter((o) => o.right)).toHaveLength(exam.pick);
      for (const o of exam.options) {
        if (o.right) expect(o.owner, `${q.prompt} / ${o.text}`).toBe(q.answer);
        else expect(o.owner, `${q.prompt} / ${o.text}`).not.toBe(q.answer);
        expect(o.source).toMatch(AWS_DOCS);
        expect(o.why.length).toBeGreaterThan(5);
      }
      expect(new Set(exam.options.map((o) => o.text)).size).toBe(exam.options.length);
    }
  });

  it('agree with the knowledge: an option naming a service and concern has that entry\u2019s owner', () => {
    const byText = new Map<string, string>();
    for (const service of knowledge.services.values()) {
      for (const entry of knowledge.entriesFor(service.id)) {
        const concern = knowledge.concerns.get(entry.concernId);
        if (concern) byText.set(`${concern.label} on ${service.name}`, entry.owner);
      }
    }
    let checked = 0;
    for (const o of questions.flatMap((q) => q.exam?.options ?? [])) {
      const owner = byText.get(o.text);
      if (owner === undefined) continue;
      expect(o.owner, o.text).toBe(owner);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('never test the same duty twice in one quiz', () => {
    for (const quiz of quizzes) {
      const rights = quiz.questions.flatMap((q) => (q.exam?.options ?? []).filter((o) => o.right).map((o) => o.why));
      const ids = quiz.questions.map((q) => q.id);
      expect(new Set(ids).size, quiz.title).toBe(ids.length);
      expect(new Set(rights).size, quiz.title).toBe(rights.length);
    }
  });

  it('include "Choose TWO" questions and control-type questions from the concepts', () => {
    const two = questions.filter((q) => q.exam?.pick === 2);
    expect(two.length).toBeGreaterThan(10);
    for (const q of two) expect(q.prompt).toContain('(Choose TWO)');
    const control = questions.filter((q) => /which of these is an? [a-z-]+ control\?/.test(q.prompt));
    expect(control.length).toBeGreaterThan(5);
    expect(control.some((q) => q.prompt.includes('a shared control'))).toBe(true);
    for (const q of control) {
      const right = q.exam?.options.find((o) => o.right);
      expect(right?.owner).toBe(q.answer);
    }
  });

  it('use distractors from the same services when the quiz is about one service', () => {
    for (const q of plan('exam rds 10', 4).questions) {
      for (const o of q.exam?.options ?? []) expect(o.text).toMatch(/ on Amazon RDS$/);
    }
  });

  it('offer the letters, or every pair of letters for "Choose TWO", in a stable order', () => {
    // Act questions have four options; "which of these is a shared control?" has three, as the model names only two
    // controls of the other kinds (one inherited, one customer-specific).
    // Told apart by their prompt: an act question's id starts with its service's id, and a service id can
    // begin with "control-" too (AWS Control Tower).
    const isControl = (q: QuizQuestion) => /which of these is an? [a-z-]+ control\?/.test(q.prompt);
    const one = questions.find((q) => q.exam?.pick === 1 && !isControl(q));
    const two = questions.find((q) => q.exam?.pick === 2);
    if (!one || !two) throw new Error('expected both kinds');
    expect(choicesFor(one).map((c) => c.label)).toEqual(['A', 'B', 'C', 'D']);
    for (const control of questions.filter(isControl)) {
      expect(choicesFor(control).map((c) => c.label)).toEqual(['A', 'B', 'C', 'D'].slice(0, control.exam!.options.length));
    }
    expect(choicesFor(two).map((c) => c.value)).toEqual(['AB', 'AC', 'AD', 'BC', 'BD', 'CD']);
    expect(choicesFor(two).map((c) => c.value)).toContain(rightChoice(two));
  });

  it('say so when a topic has no exam version', () => {
    expect(plan('exam serverless', 1).questions).toEqual([]);
  });
});

describe('an exam-style quiz in a thread', () => {
  let h: QuizHarness;
  afterEach(async () => {
    await h.shutdown();
    removeDataDir(h);
  });

  it('asks with lettered buttons, scores the right letters and reveals every option with its reason', async () => {
    h = createHarness({ knowledge });
    await h.run(h.service.start(ctx(), 'exam rds 3'));
    const quiz = await h.store.activeQuiz('C0001');
    if (!quiz) throw new Error('quiz did not start');
    const question = quiz.questions[0];
    if (!question?.exam) throw new Error('not an exam question');
    const posted = h.chat.byKey(questionKey(quiz.id, 0));
    const answers = posted?.reply.actions.filter((a) => a.actionId === ACTION_IDS.quizAnswer) ?? [];
    expect(answers.map((a) => a.label)).toEqual(choicesFor(question).map((c) => c.label));
    for (const o of question.exam.options) expect(posted?.reply.text).toContain(`${o.letter}. ${o.text}`);

    const right = rightChoice(question);
    const wrong = choicesFor(question).find((c) => c.value !== right)?.value ?? '';
    await h.press('U0002', `${quiz.id}:0:${right}`);
    await h.press('U0003', `${quiz.id}:0:${wrong}`);
    // An owner button on a letter question is not one of its buttons.
    await h.press('U0004', `${quiz.id}:0:customer`);
    expect(h.chat.privates.at(-1)?.reply.text).toBe(M.unknownButton);
    expect(await h.store.quizAnswers(quiz.id, 0)).toHaveLength(2);

    await h.time.advance(30_000);
    const revealed = h.chat.byKey(questionKey(quiz.id, 0))?.reply;
    expect(revealed?.actions.map((a) => a.actionId)).toEqual([ACTION_IDS.challenge]);
    const why = revealed?.sections.find((s) => s.title === M.whyTitle)?.body ?? '';
    expect(why.split('\n')).toHaveLength(question.exam.options.length);
    for (const o of question.exam.options) expect(why).toContain(`${o.right ? '\u2713' : '\u2717'} ${o.letter}. ${o.text}`);
    expect(revealed?.sources.length).toBeGreaterThan(0);
    const after = await h.store.loadQuiz(quiz.id);
    expect(after?.revealed[0]?.right).toEqual(['U0002']);
  });

  it('refuses letters on an owner question', async () => {
    h = createHarness({ knowledge });
    await h.run(h.service.start(ctx(), 'rds 3'));
    const quiz = await h.store.activeQuiz('C0001');
    if (!quiz) throw new Error('quiz did not start');
    await h.press('U0002', `${quiz.id}:0:B`);
    expect(h.chat.privates.at(-1)?.reply.text).toBe(M.unknownButton);
    expect(await h.store.quizAnswers(quiz.id, 0)).toHaveLength(0);
  });
});

describe('an exam-style question on the platforms', () => {
  const question = plan('exam rds 10', 2).questions.find((q) => q.exam?.pick === 2);
  const quiz = {
    id: 'qexam0001', version: 1, platform: 'slack' as const, channelId: 'C1', starterId: 'U1', title: 't',
    questions: question ? [question] : [], current: 0, phase: 'asking' as const, revealAfterMs: 30_000,
    startedAt: 0, revealAt: 30_000, revealed: [],
  };

  it('renders as Slack blocks with the options listed and one button per pair of letters', () => {
    if (!question?.exam) throw new Error('expected a Choose TWO question');
    const { blocks } = renderBlocks(questionReply(quiz, 0, 0)) as { blocks: { type: string; text?: { text: string }; elements?: { text: { text: string } }[] }[] };
    const text = JSON.stringify(blocks);
    for (const o of question.exam.options) expect(text).toContain(`${o.letter}. ${o.text}`);
    const buttons = blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []).map((e) => e.text.text);
    expect(buttons).toEqual(['A + B', 'A + C', 'A + D', 'B + C', 'B + D', 'C + D', M.revealButton]);
  });

  it('renders as an Adaptive Card with every button present', () => {
    const card = JSON.stringify(renderCard(questionReply(quiz, 0, 0)));
    for (const label of ['A + B', 'A + C', 'A + D', 'B + C', 'B + D', 'C + D', M.revealButton]) expect(card).toContain(`"title":"${label}"`);
  });
});
