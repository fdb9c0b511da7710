// The page "/" opens: the warehouse at a glance, then the last runs of the ingest job, newest first.
import { getJson } from './api.js';
import { chart, COLORS, integerTick } from './charts.js';
import { count, dateTime, duration, h, NONE, statusBadge, table } from './dom.js';

const RUNS_PER_PAGE = 30;

export async function runsPage(route) {
  const page = Number.parseInt(route.params.get('page') || '1', 10) || 1;
  const [overview, runs] = await Promise.all([
    getJson('/api/overview'),
    getJson('/api/runs', { per_page: RUNS_PER_PAGE, page }),
  ]);
  return {
    title: 'Runs',
    content: [
      h('h1', {}, 'Weather warehouse'),
      h('p', { class: 'lead' }, 'Daily weather observations loaded every night by the ingest job. Everything '
        + 'shown here comes from the public REST API: ', h('a', { href: '/swagger-ui.html' }, 'API docs'), '.'),
      overviewCards(overview, runs.data[0]),
      h('h2', {}, 'Nightly runs'),
      runs.data.length > 0 ? runsChart(runs.data) : null,
      runsTable(runs.data),
      pager(runs.pagination, (p) => `#/?page=${p}`),
    ],
  };
}

function overviewCards(overview, newest) {
  const years = overview.first_year ? `${overview.first_year}–${overview.last_year}` : NONE;
  return h('section', { class: 'cards', 'aria-label': 'Overview' },
    card('Last load', overview.last_load_time ? dateTime(overview.last_load_time).slice(0, 10) : 'never',
      overview.last_load_execution_id
        ? [`at ${dateTime(overview.last_load_time).slice(11)}, `,
          h('a', { href: `#/runs/${overview.last_load_execution_id}` }, `run #${overview.last_load_execution_id}`)]
        : 'no run has completed yet'),
    card('Stations', count(overview.stations), h('a', { href: '#/stations' }, 'browse stations')),
    card('Daily observations', count(overview.observations), 'rows'),
    card('Years', count(overview.years), years),
    card('Last run', newest ? statusBadge(newest.status) : NONE,
      newest ? h('a', { href: `#/runs/${newest.execution_id}` }, `run #${newest.execution_id}, night ${newest.run_date}`)
        : 'the job has not run yet'));
}

function card(label, value, note) {
  return h('div', { class: 'card' },
    h('div', { class: 'card-label' }, label),
    h('div', { class: 'card-value' }, value),
    h('div', { class: 'card-note' }, note));
}

function runsChart(runs) {
  const oldestFirst = [...runs].reverse();
  const written = (run) => (run.inserted === null ? null : run.inserted + run.updated);
  return chart('runs-chart', `Duration and rows written, last ${oldestFirst.length} runs`,
    oldestFirst.map((run) => run.execution_id),
    [
      { label: 'Duration', color: COLORS.duration, scale: 's', values: oldestFirst.map((r) => r.duration_seconds),
        format: (v) => (v === null ? NONE : duration(v)) },
      { label: 'Did not complete', color: COLORS.failed, scale: 's', line: false,
        values: oldestFirst.map((r) => (r.status === 'COMPLETED' ? null : r.duration_seconds)),
        format: (v) => (v === null ? NONE : 'yes') },
      { label: 'Rows inserted or updated', color: COLORS.rows, scale: 'rows', bars: true, points: false,
        values: oldestFirst.map(written), format: (v) => count(v) },
    ],
    {
      summary: 'one point per run, by execution id',
      xLabel: 'Run (execution id)',
      xFormat: (id) => {
        const run = oldestFirst.find((r) => r.execution_id === id);
        return run ? `#${id}, night ${run.run_date}, ${run.status}` : `#${id}`;
      },
      xTick: integerTick((t) => `#${t}`),
      xIncrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
      scales: { x: { time: false, range: (u, min, max) => [min - 0.5, max + 0.5] }, s: { range: (u, min, max) => [0, Math.max(1, max * 1.1)] },
        rows: { range: (u, min, max) => [0, Math.max(10, max * 1.1)] } },
      axes: [{ scale: 's', label: 'Duration (s)' }, { scale: 'rows', label: 'Rows', side: 'right' }],
    });
}

function runsTable(runs) {
  return table('Runs of the ingest job, newest first', [
    { label: 'Run', value: (r) => h('a', { href: `#/runs/${r.execution_id}` }, `#${r.execution_id}`) },
    { label: 'Night', value: (r) => [r.run_date || NONE, r.force ? h('span', { class: 'tag' }, 'forced') : null] },
    { label: 'Status', value: (r) => statusBadge(r.status) },
    { label: 'Started', value: (r) => dateTime(r.start_time) },
    { label: 'Duration', numeric: true, value: (r) => duration(r.duration_seconds) },
    { label: 'Files', numeric: true, value: (r) => count(r.files_read) },
    { label: 'Inserted', numeric: true, value: (r) => count(r.inserted) },
    { label: 'Updated', numeric: true, value: (r) => count(r.updated) },
    { label: 'Unchanged', numeric: true, value: (r) => count(r.unchanged) },
    { label: 'Rejected', numeric: true, value: (r) => count(r.rejected) },
  ], runs, {
    class: 'runs',
    empty: 'The ingest job has not run yet.',
    rowClass: (r) => (r.status === 'COMPLETED' ? null : `status-${r.status.toLowerCase()}`),
  });
}

/** Previous and next links for a paged list; href(page) makes a page's address. */
export function pager(pagination, href) {
  if (pagination.pages <= 1) {
    return null;
  }
  return h('nav', { class: 'pager', 'aria-label': 'Pages' },
    pagination.has_prev ? h('a', { href: href(pagination.page - 1), rel: 'prev' }, '← Newer') : null,
    h('span', {}, `Page ${pagination.page} of ${pagination.pages}`),
    pagination.has_next ? h('a', { href: href(pagination.page + 1), rel: 'next' }, 'Older →') : null);
}
