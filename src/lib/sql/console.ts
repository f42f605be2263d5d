/**
 * `<sql-console>` (pages/sql.astro): a textarea, Run, example queries, a results table with
 * paging and CSV export. The engine (./engine.ts) starts when the browser is idle or on the first
 * Run, whichever comes first; its progress and every error are written to live regions.
 *
 * Every statement goes through ./guard.ts first; the engine is sealed besides (./seal.ts).
 *
 * A runaway query (a recursive CTE, a huge cross join) is stopped by Cancel or by the time limit
 * (`data-time-limit`, seconds): the engine's worker is terminated, since a query in DuckDB-WASM
 * runs to its end otherwise, and a fresh engine is opened and sealed again (tables come from
 * memory, the wasm from the HTTP cache). The query runs in the worker, so the page stays
 * responsive meanwhile. Results are capped at `data-max-rows` rows, and long texts show one line
 * that opens in full.
 */
import { errorText, explainError, exportFile, type ResultSet } from './format.ts';
import type { ConsoleEngine, EngineProgress } from './engine.ts';
import { wireProgress } from '../db/assets.ts';

const nf = new Intl.NumberFormat('en');
/** Characters of a text cell shown before it is cut to one line with an expander. */
const LONG = 60;

class Stopped extends Error {
  constructor(readonly why: 'cancel' | 'timeout') {
    super(why === 'timeout' ? 'time limit reached' : 'cancelled');
  }
}
const mb = (n: number) => (n / 1048576).toFixed(1);

class SqlConsole extends HTMLElement {
  #engine: Promise<ConsoleEngine> | null = null;
  #result: ResultSet | null = null;
  #page = 0;
  #running = false;

  get pageSize() {
    return Number(this.dataset.pageSize) || 50;
  }
  get maxRows() {
    return Number(this.dataset.maxRows) || 100_000;
  }
  /** Seconds a query may run before it is stopped. */
  get timeLimit() {
    return Number(this.dataset.timeLimit) || 30;
  }
  /** Stops the running query (set while one runs). */
  #cancel: ((why: 'cancel' | 'timeout') => void) | null = null;

  #q<T extends HTMLElement>(sel: string): T {
    return this.querySelector<T>(sel)!;
  }

  connectedCallback() {
    const form = this.#q<HTMLFormElement>('[data-sql-form]');
    const text = this.#q<HTMLTextAreaElement>('[data-sql-text]');
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.run();
    });
    text.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void this.run();
      }
    });
    this.querySelectorAll<HTMLButtonElement>('[data-example]').forEach((b) =>
      b.addEventListener('click', () => {
        text.value = b.dataset.sql ?? '';
        text.focus();
        void this.run();
      }),
    );
    this.#q('[data-sql-prev]').addEventListener('click', () => this.#show(this.#page - 1));
    this.#q('[data-sql-next]').addEventListener('click', () => this.#show(this.#page + 1));
    this.#q('[data-sql-export]').addEventListener('click', () => this.#export());
    this.#q('[data-sql-cancel]').addEventListener('click', () => this.#cancel?.('cancel'));
    this.hidden = false;
    this.#q('[data-sql-ui]').hidden = false;
    const idle = (globalThis as { requestIdleCallback?: (f: () => void) => void }).requestIdleCallback ?? ((f: () => void) => setTimeout(f, 1500));
    idle(() => void this.engine().catch(() => undefined));
  }

  #status(message: string, progress?: { loaded: number; total: number }) {
    this.#q('[data-sql-status-text]').textContent = message;
    const bar = this.#q<HTMLProgressElement>('[data-sql-progress]');
    bar.hidden = !progress;
    if (progress && progress.total > 0) {
      bar.max = progress.total;
      bar.value = progress.loaded;
    } else bar.removeAttribute('value');
  }

  #message(title: string | null, detail: string | null = null) {
    const box = this.#q('[data-sql-message]');
    box.hidden = title === null;
    this.#q('[data-sql-message-title]').textContent = title ?? '';
    const pre = this.#q('[data-sql-message-detail]');
    pre.textContent = detail ?? '';
    pre.hidden = !detail;
  }

  /** The engine, started once; a failed start can be retried by the next Run. */
  engine(): Promise<ConsoleEngine> {
    this.#engine ??= (async () => {
      this.#status('Loading the query engine…', { loaded: 0, total: 0 });
      const { openConsoleEngine } = await import('./engine.ts');
      const loadedTables = new Set<string>();
      const engine = await openConsoleEngine((p: EngineProgress) => {
        if (p.phase === 'engine') {
          const w = wireProgress(p.loaded, p.total);
          this.#status(`Loading the query engine: ${mb(w.loaded)} of ${mb(w.total)} MB`, w);
        }
        else if (p.phase === 'table') {
          if (p.total && p.loaded >= p.total) loadedTables.add(p.name ?? '');
          this.#status(`Loading the tables: ${loadedTables.size} of 6`, { loaded: loadedTables.size, total: 6 });
        } else if (p.phase === 'sealing') this.#status('Sealing the engine (no file or network access)…');
      });
      this.#status(`Ready. Tables: ${engine.tables.join(', ')}.`);
      this.dataset.ready = 'true';
      return engine;
    })();
    this.#engine.catch((err) => {
      this.#engine = null;
      this.#status(`The query engine could not start: ${err instanceof Error ? err.message : String(err)}`);
    });
    return this.#engine;
  }

  async run() {
    if (this.#running) return;
    const sql = this.#q<HTMLTextAreaElement>('[data-sql-text]').value;
    let checked;
    try {
      // The check needs DuckDB's lexer, so the engine starts first (it usually has, at idle).
      checked = await (await this.engine()).check(sql);
    } catch {
      return; // the engine could not start; its status line says why
    }
    if (!checked.ok) {
      this.#message(checked.message);
      this.#status('The statement was not run.');
      this.dataset.outcome = 'refused';
      return;
    }
    this.#running = true;
    const run = this.#q<HTMLButtonElement>('[data-sql-run]');
    const cancel = this.#q<HTMLButtonElement>('[data-sql-cancel]');
    run.disabled = true;
    cancel.hidden = false;
    this.setAttribute('aria-busy', 'true');
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const engine = await this.engine();
      this.#status('Running… (Cancel stops it)');
      const t0 = performance.now();
      const stopped = new Promise<never>((_, reject) => {
        this.#cancel = (why) => reject(new Stopped(why));
        timer = setTimeout(() => this.#cancel?.('timeout'), this.timeLimit * 1000);
      });
      const result = await Promise.race([engine.run(checked.sql, this.maxRows), stopped]).catch(async (err) => {
        if (err instanceof Stopped) await this.#restart(engine);
        throw err;
      });
      const ms = Math.round(performance.now() - t0);
      this.#message(null);
      this.#result = result;
      const n = result.rows.length;
      this.#status(
        result.truncated
          ? `The first ${nf.format(n)} rows in ${ms} ms: the result is longer than the console keeps (${nf.format(this.maxRows)} rows). Add a LIMIT or a filter, or download the tables.`
          : `${nf.format(n)} row${n === 1 ? '' : 's'} in ${ms} ms.`,
      );
      this.dataset.outcome = 'ok';
      this.#show(0);
    } catch (err) {
      if (err instanceof Stopped) {
        this.#message(
          err.why === 'timeout'
            ? `The query was stopped after ${this.timeLimit} s. Add a LIMIT or a filter, or check for a query that never ends (a recursive CTE without a stop).`
            : 'The query was cancelled.',
        );
        this.#status('Stopped. The engine was restarted and sealed again; run another query.');
        this.dataset.outcome = err.why === 'timeout' ? 'timeout' : 'cancelled';
      } else {
        const { title, detail } = explainError(err instanceof Error ? err.message : String(err));
        this.#message(title, detail);
        this.#status('The query failed.');
        this.dataset.outcome = 'error';
      }
    } finally {
      clearTimeout(timer);
      this.#cancel = null;
      this.#running = false;
      run.disabled = false;
      cancel.hidden = true;
      this.removeAttribute('aria-busy');
    }
  }

  /** Throws away an engine stuck in a query and opens a new one, sealed like the first. */
  async #restart(old: ConsoleEngine) {
    this.#status('Stopping the query…');
    await old.terminate();
    this.#engine = null;
    delete this.dataset.ready;
    this.dataset.restarts = String(Number(this.dataset.restarts ?? 0) + 1);
    // Opened now, in the background: the next Run finds it (nearly) ready.
    void this.engine().catch(() => undefined);
  }

  #show(page: number) {
    const r = this.#result;
    const box = this.#q('[data-sql-results]');
    if (!r) {
      box.hidden = true;
      return;
    }
    const pages = Math.max(1, Math.ceil(r.rows.length / this.pageSize));
    this.#page = Math.min(Math.max(0, page), pages - 1);
    const start = this.#page * this.pageSize;
    const slice = r.rows.slice(start, start + this.pageSize);
    const table = this.#q<HTMLTableElement>('[data-sql-table]');
    const head = document.createElement('tr');
    for (const c of r.columns) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = c;
      head.append(th);
    }
    table.tHead!.replaceChildren(head);
    table.tBodies[0].replaceChildren(
      ...slice.map((row) => {
        const tr = document.createElement('tr');
        for (const cell of row) {
          const td = document.createElement('td');
          if (cell === null) {
            td.className = 'null';
            td.textContent = 'NULL';
          } else if (cell.length > LONG || cell.includes('\n')) {
            // One line with an ellipsis; the whole text opens on demand.
            const d = document.createElement('details');
            const sm = document.createElement('summary');
            sm.textContent = cell.slice(0, LONG).replace(/\s+/g, ' ') + '…';
            d.append(sm, cell);
            td.append(d);
          } else {
            td.textContent = cell;
            if (/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(cell)) td.className = 'num';
          }
          tr.append(td);
        }
        return tr;
      }),
    );
    const end = start + slice.length;
    this.#q('[data-sql-range]').textContent = r.rows.length
      ? `Rows ${nf.format(start + 1)}–${nf.format(end)} of ${nf.format(r.rows.length)}${r.truncated ? '+' : ''}`
      : 'No rows';
    this.#q<HTMLButtonElement>('[data-sql-prev]').disabled = this.#page === 0;
    this.#q<HTMLButtonElement>('[data-sql-next]').disabled = this.#page >= pages - 1;
    this.#q<HTMLButtonElement>('[data-sql-export]').disabled = false;
    box.hidden = false;
  }

  #export() {
    if (!this.#result) return;
    const { name, csv } = exportFile(this.#result, this.dataset.release ?? 'unreleased');
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.hidden = true;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
    this.#status(`Saved ${name} (${nf.format(this.#result.rows.length)} rows).`);
  }

  /** SQL straight to the sealed engine, without the statement check (for the browser test). */
  async rawQuery(sql: string): Promise<{ ok: true; rows: number } | { ok: false; error: string }> {
    try {
      const r = await (await this.engine()).rawQuery(sql);
      return { ok: true, rows: r.rows.length };
    } catch (err) {
      return { ok: false, error: errorText(err instanceof Error ? err.message : String(err)) };
    }
  }
}

if (!customElements.get('sql-console')) customElements.define('sql-console', SqlConsole);
