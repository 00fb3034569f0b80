// The caseload view (#caseload-view): a CSV of cases (or JSON lines of saved
// cases) checked off the main thread in a worker, with a progress bar; then
// the summary counts, a chart of the steps due by week (and the same figures
// as a table), a sortable, filterable table of the cases a page at a time,
// and the results as CSV or every open deadline as one calendar file. A row
// opens its case in the ordinary form. Nothing is uploaded or stored: the
// worker and its results last until the page is closed or another file opened.

import { h, replace, hidden, focusStatic, svg as s } from '../dom.js';
import { STATUS, STATE, tag, stateDetail } from '../render.js';
import { longDate, todayIso } from '../dates.js';
import { ruleTitle, fieldLabel, cap, count, plural } from '../words.js';
import { download, slug, readFileWithin } from './files.js';
import { caseloadRunner } from '../caseload-run.js';
import { engineOf } from '../engine-api.js';

const PAGE_ROWS = 50;

/** Talks to the caseload worker: each call a promise, progress as it comes. */
class WorkerClient {
  constructor() {
    this.worker = new Worker(new URL('../caseload-worker.js', import.meta.url), { type: 'module' });
    this.calls = new Map();
    this.next = 1;
    this.worker.addEventListener('message', ({ data }) => {
      const call = this.calls.get(data.id);
      if (!call) return;
      if (data.progress) {
        call.onProgress?.(data.progress);
        return;
      }
      this.calls.delete(data.id);
      if ('failed' in data) call.reject(new Error(data.failed));
      else call.resolve(data.result);
    });
    this.worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.failAll(new Error('the caseload checker could not start in this browser'));
    });
  }

  /** `transfer`: buffers handed to the worker rather than copied (a file's bytes). */
  call(op, args, onProgress, transfer = []) {
    const id = this.next;
    this.next += 1;
    return new Promise((resolve, reject) => {
      this.calls.set(id, { resolve, reject, onProgress });
      this.worker.postMessage({ id, op, args }, transfer);
    });
  }

  failAll(error) {
    for (const call of this.calls.values()) call.reject(error);
    this.calls.clear();
  }

  stop() {
    this.worker.terminate();
    this.failAll(new Error('stopped'));
  }
}

/** The caseload's engine module on the page, from the bytes the single-file page carries. */
async function pageCaseloadEngine() {
  const glue = await import('../pkg/sfo_check_caseload.js');
  const bytes = Uint8Array.from(atob(globalThis.SFO_CHECK_CASELOAD_WASM), (c) => c.charCodeAt(0));
  await glue.default({ module_or_path: bytes });
  return engineOf(glue);
}

/**
 * The same work on the page itself, for the single-file page opened from
 * disk, where a worker cannot start: a slice at a time, yielding between.
 */
class PageClient {
  constructor() {
    this.stopped = false;
    this.runner = pageCaseloadEngine().then((engine) => caseloadRunner(engine, () => new Promise((resolve, reject) => {
      setTimeout(() => (this.stopped ? reject(new Error('stopped')) : resolve()), 0);
    })));
  }

  async call(op, args, onProgress) {
    this.stopped = false;
    return (await this.runner)[op](args, onProgress ?? (() => {}));
  }

  stop() {
    this.stopped = true;
  }
}

const SORTS = [
  { key: 'row', label: 'Row', numeric: true },
  { key: 'reference', label: 'Reference' },
  { key: 'status', label: 'Status' },
  { key: 'next-due', label: 'Next step due' },
  { key: 'overdue', label: 'Where it stands' },
  { key: 'flags', label: 'Flags', numeric: true },
];

/** A row's problem in words: by its CSV column, or a JSON line's field in words. */
function errorText(e) {
  if (e.column) return `Column “${e.column}”: ${e.message}`;
  if (e.field) return `${cap(fieldLabel(e.field))}: ${e.message}`;
  return cap(e.message);
}

const SORT_CHOICES = [
  ['row ascending', 'Row, as in the file'],
  ['reference ascending', 'Reference, A to Z'],
  ['status ascending', 'Status'],
  ['next-due ascending', 'Next step due, soonest first'],
  ['overdue descending', 'Most overdue first'],
  ['flags descending', 'Most flags first'],
];

const STATUS_FILTERS = [
  ['', 'All cases'],
  ...Object.entries(STATUS).map(([value, s]) => [value, s.heading]),
  ['error', 'Rows with errors'],
];

export class Caseload {
  /**
   * @param {HTMLElement} root - #caseload-view
   * @param {{ engine: object, options: () => object, announce: (text: string) => void,
   *   openCase: (name: string, text: string, row: object) => Promise<void> }} config -
   *   the page's engine (for the columns), the check options of the profiles loaded and chosen on the page
   *   (the caseload is checked with them), the page's announcer, and opening a row's case in the form
   */
  constructor(root, { engine, options, announce, openCase }) {
    Object.assign(this, { root, engine, options, announce, openCase });
    const $ = (id) => root.querySelector(`#${id}`);
    this.input = $('caseload-file');
    this.dropZone = $('caseload-file-group');
    this.problems = $('caseload-problems');
    this.progress = $('caseload-progress');
    this.bar = $('caseload-progress-bar');
    this.progressText = $('caseload-progress-text');
    this.results = $('caseload-results');
    this.client = null;
    this.file = null;
    this.query = { sort: 'row', descending: false, status: null, overdue_only: false, flagged_only: false, search: '', offset: 0, limit: PAGE_ROWS };
    this.input.addEventListener('change', () => {
      const file = this.input.files?.[0];
      this.input.value = '';
      if (file) this.open(file);
    });
    this.dropZone.addEventListener('dragover', (event) => {
      event.preventDefault();
      this.dropZone.classList.add('app-drop-zone--over');
    });
    this.dropZone.addEventListener('dragleave', () => this.dropZone.classList.remove('app-drop-zone--over'));
    this.dropZone.addEventListener('drop', (event) => {
      event.preventDefault();
      this.dropZone.classList.remove('app-drop-zone--over');
      const file = event.dataTransfer?.files?.[0];
      if (file) this.open(file);
    });
    $('caseload-cancel').addEventListener('click', () => this.stop());
    this.renderColumns($('caseload-columns'));
    // Started now, so its engine module loads while the user picks a file.
    this.runner();
  }

  /** The columns, in the engine's words, and a template to start from. */
  renderColumns(box) {
    const columns = this.engine.caseloadColumns();
    const template = h('button', { type: 'button', class: 'govuk-button govuk-button--secondary' }, 'Download a blank caseload (CSV)');
    template.addEventListener('click', () => {
      download('sfo-caseload.csv', 'text/csv', `${columns.map((c) => c.name).join(',')}\r\n`);
      this.announce('Saved sfo-caseload.csv in your downloads.');
    });
    replace(box,
      h('p', { class: 'govuk-body' }, 'One case a row, after a header row naming the columns, in any order. Only ', h('code', {}, 'reference'),
        ' is needed: leave a cell empty when a fact is not known. Dates are written year-month-day, for example 2024-03-14. A column the checker does not know is an error, so a misspelt heading never drops a fact.'),
      h('div', { class: 'app-table-scroll', role: 'region', 'aria-label': 'Caseload columns', tabindex: '0' },
        h('table', { class: 'govuk-table app-caseload-columns' },
          h('caption', { class: 'govuk-table__caption govuk-table__caption--s' }, 'Caseload columns'),
          h('thead', { class: 'govuk-table__head' }, h('tr', { class: 'govuk-table__row' },
            h('th', { scope: 'col', class: 'govuk-table__header' }, 'Column'),
            h('th', { scope: 'col', class: 'govuk-table__header' }, 'What it holds'))),
          h('tbody', { class: 'govuk-table__body' }, columns.map((c) => h('tr', { class: 'govuk-table__row' },
            h('td', { class: 'govuk-table__cell' }, h('code', {}, c.name)),
            h('td', { class: 'govuk-table__cell' }, cap(fieldLabel(c.path)))))))),
      h('p', { class: 'govuk-body' }, 'For a case that needs more than these columns hold, save it from the form and put each saved case on one line of a .jsonl file.'),
      template);
  }

  runner() {
    if (!this.client) {
      // The single-file page cannot start a worker from disk: it checks on the page.
      this.client = globalThis.SFO_CHECK_CASELOAD_WASM ? new PageClient() : new WorkerClient();
    }
    return this.client;
  }

  stop() {
    this.client?.stop();
    this.client = null;
  }

  async open(file) {
    this.stop();
    // A file opened while another is being checked replaces it: the first
    // run's late answers (its "stopped", say) must not touch the page.
    this.run = (this.run ?? 0) + 1;
    const run = this.run;
    const current = () => run === this.run;
    this.file = file;
    this.problems.hidden = true;
    this.results.hidden = true;
    this.progress.hidden = false;
    this.bar.value = 0;
    replace(this.progressText, `Reading ${file.name}…`);
    let lastTold = 0;
    const onProgress = ({ done, total }) => {
      if (!current()) return;
      this.bar.max = Math.max(total, 1);
      this.bar.value = done;
      // The bar moves at every slice; the words (read out) at most every 2 seconds.
      const now = performance.now();
      if (now - lastTold > 2000 || done === total) {
        lastTold = now;
        replace(this.progressText, `Checked ${count(done)} of ${plural(total, 'case', 'cases')}.`);
      }
    };
    let opened;
    try {
      // A file over the limit is refused by its size, before a byte is read.
      const read = await readFileWithin(this.engine, file, 'caseload file', { as: 'bytes' });
      if (!current()) return;
      if (read.error) {
        this.progress.hidden = true;
        this.refuse(file, cap(read.error.message));
        return;
      }
      const { bytes } = read;
      opened = await this.runner().call('open', { bytes, name: file.name, options: this.options() }, onProgress, [bytes]);
    } catch (error) {
      if (!current()) return;
      this.progress.hidden = true;
      if (error.message === 'stopped') {
        this.announce(`Stopped checking ${file.name}.`);
        this.input.focus();
        return;
      }
      this.refuse(file, `The cases could not be checked: ${error.message}. Reload the page and try again.`);
      return;
    }
    if (!current()) return;
    this.progress.hidden = true;
    if (opened.errors) {
      this.refuse(file, cap(opened.errors[0].message));
      return;
    }
    this.opened = { ...opened, name: file.name };
    // For the benchmark: how long the worker's parts took.
    this.root.dataset.timings = JSON.stringify(opened.timings);
    this.query = { ...this.query, offset: 0 };
    await this.renderResults();
    const heading = this.results.querySelector('h2');
    focusStatic(heading);
    this.announce(`Checked ${plural(opened.total, 'case', 'cases')} from ${file.name}.`);
  }

  refuse(file, text) {
    replace(this.root.querySelector('#caseload-problems-title'), `${file.name} could not be checked`);
    replace(this.root.querySelector('#caseload-problems-text'), text);
    this.problems.hidden = false;
    focusStatic(this.problems);
  }

  async renderResults() {
    const { summary, weeks, name } = this.opened;
    this.table = h('div', { id: 'caseload-table' });
    replace(this.results,
      h('h2', { class: 'govuk-heading-l', id: 'caseload-results-title', tabindex: '-1' }, `Results for ${name}`),
      this.figures(summary),
      this.exports(),
      this.chart(weeks),
      h('h3', { class: 'govuk-heading-m', id: 'caseload-cases-title' }, 'Cases'),
      this.filters(),
      this.table);
    this.results.hidden = false;
    await this.renderTable();
  }

  figures(s) {
    const checked = s.cases - s.rows_with_errors;
    const figure = (label, value, modifier = '') => h('div', { class: `app-figure${modifier}` },
      h('dt', { class: 'app-figure__label' }, label), h('dd', { class: 'app-figure__value' }, count(value)));
    return h('section', { 'aria-labelledby': 'caseload-summary-title' },
      h('h3', { class: 'govuk-heading-m', id: 'caseload-summary-title' }, 'Summary'),
      h('p', { class: 'govuk-body' }, `${plural(checked, 'case', 'cases')} checked on ${longDate(todayIso())}`,
        s.rows_with_errors ? `, ${plural(s.rows_with_errors, 'row', 'rows')} with errors not checked` : '',
        s.blank_rows ? ` (${plural(s.blank_rows, 'blank row', 'blank rows')} passed over)` : '', '.'),
      h('dl', { class: 'app-figures', 'aria-label': 'Cases' },
        figure(STATUS.qualifies.heading, s.qualifies),
        figure(STATUS.check.heading, s.check),
        figure(STATUS['not-yet'].heading, s.not_yet),
        figure(STATUS['does-not-qualify'].heading, s.does_not_qualify),
        figure('Rows with errors', s.rows_with_errors, s.rows_with_errors ? ' app-figure--error' : '')),
      h('dl', { class: 'app-figures', 'aria-label': 'Steps' },
        figure('Steps overdue', s.overdue_steps, s.overdue_steps ? ' app-figure--overdue' : ''),
        figure('Steps due within 5 working days', s.due_within_5_working_days)));
  }

  exports() {
    const status = h('p', { class: 'govuk-body-s', id: 'caseload-export-status', role: 'status' });
    const csv = h('button', { type: 'button', class: 'govuk-button govuk-button--secondary', id: 'caseload-save-csv' }, 'Download the results (CSV)');
    const ics = h('button', { type: 'button', class: 'govuk-button govuk-button--secondary', id: 'caseload-save-ics' }, 'Download the open deadlines (.ics)');
    const base = slug(this.opened.name.replace(/\.[^.]+$/, '')) || 'caseload';
    // A download that fails says so, and its button works again.
    const saving = (button, work) => button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        await work();
      } catch (error) {
        replace(status, `The file could not be made: ${error.message}. Open the caseload again and try once more.`);
      } finally {
        button.disabled = false;
      }
    });
    saving(csv, async () => {
      const text = await this.runner().call('csv', {});
      const fileName = `${base}-results-${todayIso()}.csv`;
      // With a byte-order mark, as spreadsheets need to read UTF-8 text as UTF-8.
      download(fileName, 'text/csv', `\uFEFF${text}`);
      replace(status, `Saved ${fileName} in your downloads.`);
    });
    saving(ics, async () => {
      replace(status, 'Making the calendar file…');
      const { file, cases } = await this.runner().call('ics', { now: Date.now() }, ({ done, total }) => {
        replace(status, `Making the calendar file: ${count(done)} of ${plural(total, 'case', 'cases')}…`);
      });
      const fileName = `${base}-deadlines-${todayIso()}.ics`;
      download(fileName, 'text/calendar', [file]);
      replace(status, `Saved ${fileName} in your downloads: every step still to come in ${plural(cases, 'case', 'cases')}, with reminders 5 and 1 working days before. Past and done steps are left out.`);
    });
    return h('div', { class: 'app-no-print' }, h('div', { class: 'govuk-button-group' }, csv, ics), status);
  }

  /** The steps to do by week: a bar chart, and the same figures as a table. */
  chart(buckets) {
    const name = (b) => (b.kind === 'overdue' ? 'Overdue' : b.kind === 'later' ? 'Later' : `Week of ${longDate(b.starts)}`);
    const short = (b) => (b.kind === 'overdue' ? 'Overdue' : b.kind === 'later' ? 'Later' : longDate(b.starts).replace(/^\w+ /, '').replace(/ \d{4}$/, ''));
    const total = buckets.reduce((sum, b) => sum + b.steps, 0);
    const section = h('section', { class: 'app-caseload-chart', 'aria-labelledby': 'caseload-chart-title' },
      h('h3', { class: 'govuk-heading-m', id: 'caseload-chart-title' }, 'Steps to do, by the week they are due'));
    if (!total) {
      section.append(h('p', { class: 'govuk-body' }, 'No step is overdue or due: nothing to show by week.'));
      return section;
    }
    const W = 720;
    const H = 240;
    const top = 24;
    const bottom = 44;
    const left = 8;
    const most = Math.max(...buckets.map((b) => b.steps), 1);
    const slot = (W - left * 2) / buckets.length;
    const bars = buckets.map((b, i) => {
      const height = ((H - top - bottom) * b.steps) / most;
      const x = left + i * slot;
      const y = H - bottom - height;
      return s('g', {},
        s('rect', { x: x + slot * 0.15, y, width: slot * 0.7, height: Math.max(height, b.steps ? 1 : 0), class: b.kind === 'overdue' ? 'app-chart__bar app-chart__bar--overdue' : 'app-chart__bar' }),
        s('text', { x: x + slot / 2, y: y - 6, class: 'app-chart__value', 'text-anchor': 'middle' }, count(b.steps)),
        s('text', { x: x + slot / 2, y: H - bottom + 16, class: 'app-chart__label', 'text-anchor': 'middle' }, short(b)));
    });
    const overdue = buckets[0]?.kind === 'overdue' ? buckets[0].steps : 0;
    const busiest = buckets.filter((b) => b.kind === 'week').reduce((a, b) => (b.steps > (a?.steps ?? 0) ? b : a), null);
    const summary = `${plural(total, 'step', 'steps')} to do: ${count(overdue)} overdue${busiest ? `; the busiest week is the week of ${longDate(busiest.starts)}, with ${plural(busiest.steps, 'step', 'steps')}` : ''}. The figures are in the table below the chart.`;
    const svg = s('svg', { class: 'app-chart', role: 'img', 'aria-labelledby': 'caseload-chart-svg-title caseload-chart-svg-desc', viewBox: `0 0 ${W} ${H}`, xmlns: 'http://www.w3.org/2000/svg' },
      s('title', { id: 'caseload-chart-svg-title' }, 'Steps to do, by the week they are due'),
      s('desc', { id: 'caseload-chart-svg-desc' }, summary),
      s('line', { x1: left, x2: W - left, y1: H - bottom, y2: H - bottom, class: 'app-chart__axis' }),
      ...bars);
    // Only the steps that have any to do get a column.
    const stepIds = (buckets[0]?.by_step ?? []).map(([id]) => id)
      .filter((id) => buckets.some((b) => b.by_step.some(([sid, n]) => sid === id && n)));
    const cell = (text, attrs = {}) => h('td', { class: 'govuk-table__cell govuk-table__cell--numeric', ...attrs }, text);
    const table = h('table', { class: 'govuk-table app-caseload-weeks' },
      h('caption', { class: 'govuk-table__caption govuk-table__caption--s' }, 'Steps to do, by the week they are due'),
      h('thead', { class: 'govuk-table__head' }, h('tr', { class: 'govuk-table__row' },
        h('th', { scope: 'col', class: 'govuk-table__header' }, 'Due'),
        stepIds.map((id) => h('th', { scope: 'col', class: 'govuk-table__header govuk-table__header--numeric' }, ruleTitle(id))),
        h('th', { scope: 'col', class: 'govuk-table__header govuk-table__header--numeric' }, 'All steps'))),
      h('tbody', { class: 'govuk-table__body' }, buckets.map((b) => h('tr', { class: 'govuk-table__row' },
        h('th', { scope: 'row', class: 'govuk-table__header' }, name(b)),
        stepIds.map((id) => cell(count(b.by_step.find(([sid]) => sid === id)?.[1] ?? 0))),
        cell(count(b.steps))))));
    section.append(
      h('div', { class: 'app-table-scroll', role: 'region', 'aria-label': 'Chart of steps to do by week', tabindex: '0' }, svg),
      h('p', { class: 'govuk-body-s' }, `Weeks start on Monday. Overdue steps are counted on their own; “Later” is every step due after the last week shown.`),
      h('div', { class: 'app-table-scroll', role: 'region', 'aria-label': 'Steps to do by week, as a table', tabindex: '0' }, table));
    return section;
  }

  filters() {
    const status = h('select', { class: 'govuk-select', id: 'caseload-filter-status' },
      STATUS_FILTERS.map(([value, label]) => h('option', { value, selected: (this.query.status ?? '') === value }, label)));
    const check = (id, label, key) => {
      const box = h('input', { class: 'govuk-checkboxes__input', id, type: 'checkbox', checked: this.query[key] });
      box.addEventListener('change', () => this.setQuery({ [key]: box.checked }));
      return h('div', { class: 'govuk-checkboxes__item' }, box, h('label', { class: 'govuk-label govuk-checkboxes__label', for: id }, label));
    };
    const search = h('input', { class: 'govuk-input govuk-input--width-20', id: 'caseload-filter-search', type: 'search', value: this.query.search, autocomplete: 'off', spellcheck: 'false' });
    let timer;
    search.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => this.setQuery({ search: search.value }), 250);
    });
    status.addEventListener('change', () => this.setQuery({ status: status.value || null }));
    // The column headings sort on a wide screen; a narrow one shows the rows
    // as cards, without headings, so it sorts here.
    const sortKey = `${this.query.sort} ${this.query.descending ? 'descending' : 'ascending'}`;
    const sortBy = h('select', { class: 'govuk-select', id: 'caseload-sort' },
      SORT_CHOICES.map(([value, label]) => h('option', { value, selected: value === sortKey }, label)));
    sortBy.addEventListener('change', () => {
      const [sort, order] = sortBy.value.split(' ');
      this.setQuery({ sort, descending: order === 'descending' });
    });
    return h('div', { class: 'app-caseload-filters app-no-print', role: 'search', 'aria-label': 'Filter the cases' },
      h('div', { class: 'govuk-form-group app-caseload-sort' },
        h('label', { class: 'govuk-label govuk-label--s', for: 'caseload-sort' }, 'Sort by'), sortBy),
      h('div', { class: 'govuk-form-group' },
        h('label', { class: 'govuk-label govuk-label--s', for: 'caseload-filter-status' }, 'Status'), status),
      h('div', { class: 'govuk-form-group' },
        h('label', { class: 'govuk-label govuk-label--s', for: 'caseload-filter-search' }, 'Reference contains'), search),
      h('div', { class: 'govuk-form-group' },
        h('fieldset', { class: 'govuk-fieldset' },
          h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, 'Only cases'),
          h('div', { class: 'govuk-checkboxes govuk-checkboxes--small' },
            check('caseload-filter-overdue', 'with a step overdue', 'overdue_only'),
            check('caseload-filter-flagged', 'with flags', 'flagged_only')))));
  }

  setQuery(change, { keepPage = false } = {}) {
    this.query = { ...this.query, ...change, offset: keepPage ? (change.offset ?? this.query.offset) : 0 };
    return this.renderTable({ announce: true });
  }

  async renderTable({ announce = false } = {}) {
    const page = await this.runner().call('query', { query: this.query });
    const { sort, descending } = this.query;
    const header = ({ key, label, numeric }) => {
      const current = sort === key;
      const button = h('button', { type: 'button', class: 'app-sort-button', 'data-sort': key }, label);
      button.addEventListener('click', async () => {
        await this.setQuery({ sort: key, descending: current ? !descending : false });
        // The table is drawn anew: focus goes back to the heading chosen.
        this.table.querySelector(`button[data-sort="${key}"]`)?.focus();
      });
      return h('th', {
        scope: 'col',
        class: `govuk-table__header${numeric ? ' govuk-table__header--numeric' : ''}`,
        'aria-sort': current ? (descending ? 'descending' : 'ascending') : 'none',
      }, button);
    };
    const first = page.matching ? page.offset + 1 : 0;
    const last = page.offset + page.rows.length;
    const shown = page.matching
      ? `Showing ${count(first)} to ${count(last)} of ${plural(page.matching, 'case', 'cases')}${page.matching < page.total ? ` (of ${count(page.total)})` : ''}, sorted by ${SORTS.find((s) => s.key === sort).label.toLowerCase()}, ${descending ? 'descending' : 'ascending'}`
      : 'No case matches these filters';
    const rows = page.rows.map((row) => this.row(row));
    const sortBy = this.results.querySelector('#caseload-sort');
    if (sortBy) sortBy.value = `${sort} ${descending ? 'descending' : 'ascending'}`;
    replace(this.table,
      h('p', { class: 'govuk-body', id: 'caseload-shown', role: 'status' }, `${shown}.`),
      page.rows.length ? h('div', { class: 'app-table-scroll', role: 'region', 'aria-labelledby': 'caseload-cases-title', tabindex: '0' },
        h('table', { class: 'govuk-table app-caseload-table', id: 'caseload-cases' },
          h('caption', { class: 'govuk-table__caption govuk-visually-hidden' }, 'Cases: select a column heading to sort by it'),
          h('thead', { class: 'govuk-table__head' }, h('tr', { class: 'govuk-table__row' },
            header(SORTS[0]), header(SORTS[1]), header(SORTS[2]),
            h('th', { scope: 'col', class: 'govuk-table__header' }, 'Next step'),
            header(SORTS[3]), header(SORTS[4]), header(SORTS[5]))),
          h('tbody', { class: 'govuk-table__body' }, rows))) : null,
      this.pagination(page));
    if (announce) this.announce(`${shown}.`);
  }

  row(row) {
    // Each cell names its column, for the narrow layout where the row is a card.
    const labels = ['Row', 'Reference', 'Status', 'Next step', 'Next step due', 'Where it stands', 'Flags'];
    let at = 0;
    const cell = (...children) => h('td', { class: 'govuk-table__cell', 'data-label': labels[at++] }, ...children);
    const numeric = (...children) => h('td', { class: 'govuk-table__cell govuk-table__cell--numeric', 'data-label': labels[at++] }, ...children);
    const reference = row.reference || `Row ${count(row.row)}`;
    const link = h('a', { href: '#check', class: 'govuk-link app-caseload-open', 'data-index': row.index },
      reference, hidden(` (row ${count(row.row)}): open in the form`));
    link.addEventListener('click', async (event) => {
      event.preventDefault();
      const text = await this.runner().call('caseText', { index: row.index });
      if (text) await this.openCase(this.opened.name, text, { row: row.row, reference });
      else this.announce(`Row ${count(row.row)} cannot be opened in the form: fix it in the file.`);
    });
    const canOpen = row.status !== 'error' || row.errors.some((e) => e.column || e.field);
    const first = [numeric(count(row.row)), cell(canOpen ? link : reference)];
    if (row.status === 'error') {
      return h('tr', { class: 'govuk-table__row app-caseload-row--error' }, first,
        cell(tag('Errors', 'red')),
        h('td', { class: 'govuk-table__cell', colspan: '4', 'data-label': 'Errors' },
          h('ul', { class: 'govuk-list govuk-list--bullet app-caseload-errors' },
            row.errors.map((e) => h('li', {}, errorText(e))))));
    }
    const next = row.next;
    const [stateWord, colour] = next ? STATE[next.state.kind] : [];
    // In the results' own words: "by 9 working days", "in 3 working days".
    const detail = next ? stateDetail({ state: next.state, current_due: next.due }) : '';
    return h('tr', { class: 'govuk-table__row' }, first,
      cell(tag(STATUS[row.status].tag, STATUS[row.status].colour)),
      cell(next ? ruleTitle(next.step) : h('span', { class: 'app-secondary-text' }, 'None due')),
      cell(next?.due ? longDate(next.due) : ''),
      cell(next ? [tag(stateWord, colour), ' ', detail] : ''),
      numeric(row.flags.length ? [count(row.flags.length), hidden(row.flags.length === 1 ? ' flag' : ' flags')] : '0'));
  }

  pagination(page) {
    const pages = Math.ceil(page.matching / PAGE_ROWS);
    if (pages <= 1) return null;
    const current = Math.floor(page.offset / PAGE_ROWS) + 1;
    const go = (n) => (event) => {
      event.preventDefault();
      this.setQuery({ offset: (n - 1) * PAGE_ROWS }, { keepPage: true })
        .then(() => focusStatic(this.table.querySelector('#caseload-shown')));
    };
    const link = (n, rel, text) => {
      const a = h('a', { class: 'govuk-link govuk-pagination__link', href: '#caseload', rel }, ...text);
      a.addEventListener('click', go(n));
      return a;
    };
    return h('nav', { class: 'govuk-pagination app-no-print', 'aria-label': 'Pages of cases' },
      current > 1 ? h('div', { class: 'govuk-pagination__prev' },
        link(current - 1, 'prev', [h('span', { class: 'govuk-pagination__link-title' }, 'Previous', hidden(' page'))])) : null,
      h('p', { class: 'govuk-body govuk-!-margin-bottom-0 app-pagination-place' }, `Page ${count(current)} of ${count(pages)}`),
      current < pages ? h('div', { class: 'govuk-pagination__next' },
        link(current + 1, 'next', [h('span', { class: 'govuk-pagination__link-title' }, 'Next', hidden(' page'))])) : null);
  }
}
