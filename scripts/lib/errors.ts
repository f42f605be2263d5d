/**
 * The one error type for bad input. Every check in the ETL throws this, so the pipeline can
 * print `file:line [column] reason` and stop before anything is published.
 */
export class InputError extends Error {
  constructor(
    /** Path of the offending file, relative to the repo or absolute for files outside it. */
    public readonly file: string,
    /** 1-based line in that file (the header is line 1); 0 when the problem is the whole file. */
    public readonly line: number,
    /** Column or field name, when one is to blame. */
    public readonly column: string | null,
    /** What is wrong, in plain words, and where possible what to do. */
    public readonly reason: string,
  ) {
    super(`${file}${line ? `:${line}` : ''}${column ? ` [${column}]` : ''}: ${reason}`);
    this.name = 'InputError';
  }
}
