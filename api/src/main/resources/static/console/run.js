// One run: its totals, the command that reruns the night, its partitions and its rejected lines.
import { getJson } from './api.js';
import { count, dateTime, duration, h, message, NONE, statusBadge, table, tableRows } from './dom.js';

/** Partitions and rejected lines come 100 at a time: a full load at 16x has thousands of files. */
const PER_PAGE = 100;

export async function runPage(route) {
  const id = route.match[1];
  const only = route.params.get('partitions');
  const [run, partitions, rejects] = await Promise.all([
    getJson(`/api/runs/${id}`),
    getJson(`/api/runs/${id}/partitions`, { per_page: PER_PAGE, status: only }),
    getJson(`/api/jobs/${id}/rejects`, { per_page: PER_PAGE }),
  ]);
  return {
    title: `Run #${run.execution_id}`,
    content: [
      h('p', { class: 'crumbs' }, h('a', { href: '#/' }, 'Runs'), ' / ', `#${run.execution_id}`),
      h('h1', {}, `Run #${run.execution_id}: night ${run.run_date || NONE}`, ' ', statusBadge(run.status),
        run.force ? h('span', { class: 'tag' }, 'forced') : null),
      totals(run),
      rerun(run),
      h('h2', {}, 'Partitions'),
      partitionFilter(id, run.partitions_by_status, only),
      growingTable(`/api/runs/${id}/partitions`, { status: only }, partitions, {
        caption: 'Partitions: one per station file read, then one per range of stations whose statistics were '
          + 'refreshed',
        class: 'partitions',
        columns: PARTITION_COLUMNS,
        rowClass: (p) => (p.status === 'COMPLETED' ? null : `status-${p.status.toLowerCase()}`),
        empty: 'No partitions: no file had changed and no statistics were out of date.',
        more: 'Show more partitions',
      }),
      h('h2', { id: 'rejects' }, `Rejected lines (${count(rejects.pagination.total)})`),
      rejects.data.length === 0 ? h('p', { class: 'muted' }, 'This run rejected no line.') : [
        growingTable(`/api/jobs/${id}/rejects`, {}, rejects, {
          caption: 'Lines of the station files this run did not load, and why',
          class: 'rejects',
          columns: REJECT_COLUMNS,
          more: 'Show more rejected lines',
        }),
        h('p', {}, h('a', { href: `/api/jobs/${id}/rejects?format=csv`, download: `rejects-${id}.csv` },
          'Download all rejected lines (CSV)')),
      ],
    ],
  };
}

/** How many partitions ended how, and a link to see only those that did not complete. */
function partitionFilter(id, byStatus, only) {
  const statuses = Object.entries(byStatus || {});
  if (statuses.length === 0) {
    return null;
  }
  const summary = statuses.map(([status, n]) => `${count(n)} ${status.toLowerCase()}`).join(', ');
  const troubled = statuses.filter(([status]) => status !== 'COMPLETED');
  return h('p', { class: 'muted' }, `${summary}. `,
    only ? h('a', { href: `#/runs/${id}` }, 'Show all partitions')
      : troubled.map(([status], i) => [i ? ', ' : '',
        h('a', { href: `#/runs/${id}?partitions=${status}` }, `show only the ${status.toLowerCase()} ones`)]));
}

/** A table of the first page of a list, and a button that adds the next page (by cursor) while there is one. */
function growingTable(path, params, first, options) {
  const wrap = table(options.caption, options.columns, first.data, options);
  const body = wrap.querySelector('tbody');
  let cursor = first.pagination.next_cursor;
  const more = h('button', { type: 'button', class: 'more', hidden: !cursor }, options.more);
  more.addEventListener('click', async () => {
    more.disabled = true;
    try {
      const next = await getJson(path, { ...params, per_page: PER_PAGE, cursor });
      body.append(...tableRows(options.columns, next.data, options));
      cursor = next.pagination.next_cursor;
      more.hidden = !cursor;
    } catch (error) {
      more.replaceWith(message('error', 'Could not load more', error.message));
    }
    more.disabled = false;
  });
  return [wrap, more];
}

function totals(run) {
  const item = (label, value) => h('div', {}, h('dt', {}, label), h('dd', {}, value));
  return h('dl', { class: 'totals' },
    item('Started', dateTime(run.start_time)),
    item('Ended', dateTime(run.end_time)),
    item('Duration', duration(run.duration_seconds)),
    item('Files read', count(run.files_read)),
    item('Inserted', count(run.inserted)),
    item('Updated', count(run.updated)),
    item('Unchanged', count(run.unchanged)),
    item('Rejected', count(run.rejected)),
    item('Exit code', run.exit_code || NONE));
}

function rerun(run) {
  const completed = run.status === 'COMPLETED';
  const commands = [run.rerun_command, run.rerun_ecs_command].filter((c) => c);
  if (commands.length === 0) {
    return null;
  }
  return h('section', { class: `rerun ${completed ? '' : 'attention'}`, 'aria-labelledby': 'rerun-title' },
    h('h2', { id: 'rerun-title' }, completed ? 'Rerun this night' : 'This night did not complete: rerun it'),
    h('p', {}, completed
      ? 'The night completed: rerunning it exits 0 and changes nothing.'
      : 'The rerun restarts this night where it stopped: files that completed are not read again.'),
    commands.map((command, index) => h('div', { class: 'command' },
      h('span', { class: 'command-where' }, index === 0 ? 'From the job\'s jar' : 'On AWS (Fargate task)'),
      h('pre', {}, h('code', { 'data-command': index === 0 ? 'jar' : 'ecs' }, command)),
      h('button', { type: 'button', class: 'copy', onclick: (event) => copy(event.currentTarget, command) }, 'Copy'))));
}

async function copy(button, text) {
  try {
    await navigator.clipboard.writeText(text);
    button.textContent = 'Copied';
  } catch (error) {
    button.textContent = 'Select and copy';
  }
}

const PARTITION_COLUMNS = [
  { label: 'File or stations', value: (p) => p.partition },
  { label: 'Step', value: (p) => (p.step === 'ingestFile' ? 'load file' : 'statistics') },
  { label: 'Worker', value: (p) => p.worker || NONE },
  { label: 'Status', value: (p) => [statusBadge(p.status), p.exit_message
    ? h('div', { class: 'exit-message' }, withoutPackage(p.exit_message)) : null] },
  { label: 'Read', numeric: true, value: (p) => (p.step === 'ingestFile' ? count(p.read_count) : NONE) },
  { label: 'Inserted', numeric: true, value: (p) => count(p.inserted) },
  { label: 'Updated', numeric: true, value: (p) => count(p.updated) },
  { label: 'Unchanged', numeric: true, value: (p) => count(p.unchanged) },
  { label: 'Rejected', numeric: true, value: (p) => count(p.rejected) },
  { label: 'Station-years', numeric: true, value: (p) => count(p.station_years) },
  { label: 'Started', value: (p) => (p.start_time ? dateTime(p.start_time).slice(11) : NONE) },
  { label: 'Took', numeric: true, value: (p) => duration(p.duration_seconds) },
];

const REJECT_COLUMNS = [
  { label: 'File', value: (r) => r.file_name },
  { label: 'Line', numeric: true, value: (r) => count(r.line_number) },
  { label: 'Reason code', value: (r) => h('code', {}, r.reason_code) },
  { label: 'Reason', value: (r) => r.reason },
  { label: 'Raw line', value: (r) => h('code', { class: 'raw' }, visible(r.line)) },
];

/** Tabs shown as arrows, so that a line's fields can be told apart. */
function visible(line) {
  return line === null ? NONE : line.replaceAll('\t', '→');
}

/** An exception's class without its package: the name says enough, the full one is in the API. */
function withoutPackage(text) {
  return text.replace(/^(?:[a-z_$][\w$]*\.)+(?=[A-Z])/, '');
}
