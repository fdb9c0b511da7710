// One run: its totals, the command that reruns the night, its partitions and its rejected lines.
import { getJson } from './api.js';
import { count, dateTime, duration, h, NONE, statusBadge, table } from './dom.js';

const REJECTS_PER_PAGE = 100;

export async function runPage(route) {
  const id = route.match[1];
  const [run, rejects] = await Promise.all([
    getJson(`/api/runs/${id}`),
    getJson(`/api/jobs/${id}/rejects`, { per_page: REJECTS_PER_PAGE }),
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
      partitionsTable(run.partitions),
      h('h2', { id: 'rejects' }, `Rejected lines (${count(rejects.pagination.total)})`),
      rejectsSection(id, rejects),
    ],
  };
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

function partitionsTable(partitions) {
  return table('Partitions: one per station file read, then one per range of stations whose statistics were '
    + 'refreshed', [
    { label: 'File or stations', value: (p) => p.partition },
    { label: 'Step', value: (p) => (p.step === 'ingestFile' ? 'load file' : 'statistics') },
    { label: 'Worker', value: (p) => p.worker || NONE },
    { label: 'Status', value: (p) => [statusBadge(p.status), p.exit_message
      ? h('div', { class: 'exit-message' }, p.exit_message) : null] },
    { label: 'Read', numeric: true, value: (p) => (p.step === 'ingestFile' ? count(p.read_count) : NONE) },
    { label: 'Inserted', numeric: true, value: (p) => count(p.inserted) },
    { label: 'Updated', numeric: true, value: (p) => count(p.updated) },
    { label: 'Unchanged', numeric: true, value: (p) => count(p.unchanged) },
    { label: 'Rejected', numeric: true, value: (p) => count(p.rejected) },
    { label: 'Station-years', numeric: true, value: (p) => count(p.station_years) },
    { label: 'Started', value: (p) => (p.start_time ? dateTime(p.start_time).slice(11) : NONE) },
    { label: 'Took', numeric: true, value: (p) => duration(p.duration_seconds) },
  ], partitions, {
    class: 'partitions',
    empty: 'No partitions: no file had changed and no statistics were out of date.',
    rowClass: (p) => (p.status === 'COMPLETED' ? null : `status-${p.status.toLowerCase()}`),
  });
}

function rejectsSection(id, first) {
  const body = h('tbody');
  const addRows = (rows) => body.append(...rows.map((r) => h('tr', {},
    h('th', { scope: 'row' }, r.file_name),
    h('td', { class: 'num' }, count(r.line_number)),
    h('td', {}, h('code', {}, r.reason_code)),
    h('td', {}, r.reason),
    h('td', {}, h('code', { class: 'raw' }, visible(r.line))))));
  addRows(first.data);
  const more = h('button', { type: 'button', class: 'more' }, 'Show more rejected lines');
  let cursor = first.pagination.next_cursor;
  more.hidden = !cursor;
  more.addEventListener('click', async () => {
    more.disabled = true;
    const next = await getJson(`/api/jobs/${id}/rejects`, { per_page: REJECTS_PER_PAGE, cursor });
    addRows(next.data);
    cursor = next.pagination.next_cursor;
    more.hidden = !cursor;
    more.disabled = false;
  });
  if (first.data.length === 0) {
    return h('p', { class: 'muted' }, 'This run rejected no line.');
  }
  return [
    h('div', { class: 'table-wrap', role: 'region', 'aria-label': 'Rejected lines', tabindex: '0' },
      h('table', { class: 'rejects' },
        h('caption', {}, 'Lines of the station files this run did not load, and why'),
        h('thead', {}, h('tr', {}, ['File', 'Line', 'Reason code', 'Reason', 'Raw line'].map((label, i) =>
          h('th', { scope: 'col', class: i === 1 ? 'num' : null }, label)))),
        body)),
    more,
    h('p', {}, h('a', { href: `/api/jobs/${id}/rejects?format=csv`, download: `rejects-${id}.csv` },
      'Download all rejected lines (CSV)')),
  ];
}

/** Tabs shown as arrows, so that a line's fields can be told apart. */
function visible(line) {
  return line === null ? NONE : line.replaceAll('\t', '→');
}
