/** The slice of a pino logger the core uses; tests pass a silent or recording one. */
export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** A logger that drops everything (the default in tests and the CLI's `ask`). */
export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
