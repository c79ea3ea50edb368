/**
 * `npm run bench`: start-up time, throughput, latency percentiles and peak memory of understanding
 * and answering, over the evaluation questions in several chat dressings (at least 10,000 in all).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { answerQuestion } from '../src/answers/answer-question.js';
import { loadKnowledge } from '../src/knowledge/load-knowledge.js';
import { createUnderstand } from '../src/understanding/understand.js';
import { defaultKnowledgeDir } from '../adapters/cli/knowledge-dir.js';

const MIN_QUESTIONS = 10_000;
const root = new URL('../../', import.meta.url);

const started = performance.now();
const knowledge = loadKnowledge(defaultKnowledgeDir());
const understand = createUnderstand(knowledge);
understand('who patches RDS?'); // the first call finishes lazy set-up, as the first chat message would
const ready = performance.now();

const base = ['tests/eval/questions.yaml', 'tests/eval/holdout.yaml'].flatMap(
  (file) => (yaml.load(readFileSync(fileURLToPath(new URL(file, root)), 'utf8')) as { questions: { q: string }[] }).questions.map((q) => q.q),
);
const dressings = [(q: string) => q, (q: string) => `<@U0SRMBOT> ${q}`, (q: string) => `<at>srm</at> ${q.toUpperCase()}`, (q: string) => `/srm ${q} thanks!`];
const questions: string[] = [];
while (questions.length < MIN_QUESTIONS) {
  for (const dress of dressings) for (const q of base) questions.push(dress(q));
}

const latencies = new Float64Array(questions.length);
const t0 = performance.now();
for (let i = 0; i < questions.length; i++) {
  const s = performance.now();
  answerQuestion(knowledge, understand(questions[i]!));
  latencies[i] = performance.now() - s;
}
const elapsed = performance.now() - t0;
latencies.sort();
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;

const result = {
  questions: questions.length,
  questionsPerSecond: Math.round(questions.length / (elapsed / 1000)),
  p50Ms: round(pct(50)),
  p90Ms: round(pct(90)),
  p99Ms: round(pct(99)),
  maxMs: round(latencies[latencies.length - 1]!),
  startupMs: round(ready - started),
  processStartToReadyMs: round(ready),
  peakRssMb: round(process.resourceUsage().maxRSS / 1024),
};

if (process.argv.includes('--json')) {
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  const lines = [
    `questions answered         ${result.questions}`,
    `questions per second       ${result.questionsPerSecond}`,
    `latency p50 / p90 / p99    ${result.p50Ms} / ${result.p90Ms} / ${result.p99Ms} ms (max ${result.maxMs} ms)`,
    `start-up to ready          ${result.startupMs} ms (knowledge loaded and indexed; ${result.processStartToReadyMs} ms since process start)`,
    `peak RSS                   ${result.peakRssMb} MB`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
