import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { Observer } from '../../src/model/observer.js';

/** Prometheus metrics for one process, and the observer that feeds them. */
export interface Metrics {
  registry: Registry;
  observer: Observer;
}

/** Creates the registry (with Node's default process metrics) and the bot's own series. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const questions = new Counter({
    name: 'srm_questions_total',
    help: 'Questions handled, by intent and outcome (answered or declined/clarified)',
    labelNames: ['intent', 'outcome'] as const,
    registers: [registry],
  });
  const answerSeconds = new Histogram({
    name: 'srm_answer_seconds',
    help: 'Time to understand and answer a question',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05, 0.1, 0.5, 1],
    registers: [registry],
  });
  const quizEvents = new Counter({ name: 'srm_quiz_events_total', help: 'Quiz commands, answers and reveals', labelNames: ['event'] as const, registers: [registry] });
  const storeSeconds = new Histogram({
    name: 'srm_store_seconds',
    help: 'Store call latency, by operation',
    labelNames: ['operation'] as const,
    buckets: [0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2],
    registers: [registry],
  });
  const storeErrors = new Counter({ name: 'srm_store_errors_total', help: 'Store calls that failed, by operation', labelNames: ['operation'] as const, registers: [registry] });
  const apiErrors = new Counter({
    name: 'srm_platform_api_errors_total',
    help: 'Slack and Teams API calls refused or failed, by platform and HTTP status (429: throttled)',
    labelNames: ['platform', 'status'] as const,
    registers: [registry],
  });

  const observer: Observer = {
    question: (intent, answered, seconds) => {
      questions.inc({ intent, outcome: answered ? 'answered' : 'declined' });
      answerSeconds.observe(seconds);
    },
    quizEvent: (event) => quizEvents.inc({ event }),
    storeCall: (operation, seconds, failed) => {
      storeSeconds.observe({ operation }, seconds);
      if (failed) storeErrors.inc({ operation });
    },
    platformApiError: (platform, status) => apiErrors.inc({ platform, status: status === undefined ? 'unknown' : String(status) }),
  };
  return { registry, observer };
}
