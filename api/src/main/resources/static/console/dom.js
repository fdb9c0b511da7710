// Building the pages: elements are created, never parsed from strings, so data can hold any character.

/** An element with attributes (on* names are listeners) and children (strings, nodes, arrays, null skipped). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name.startsWith('on')) {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      element.className = value;
    } else {
      element.setAttribute(name, value === true ? '' : value);
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(element, child);
    } else {
      element.append(child instanceof Node ? child : String(child));
    }
  }
}

const NUMBER = new Intl.NumberFormat('en-US');

const DECIMAL = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 2 });

export const NONE = '—';

/** An integer with thousands separators, or a dash when absent. */
export function count(value) {
  return value === null || value === undefined ? NONE : NUMBER.format(value);
}

/** A decimal with one or two digits, or a dash when absent. */
export function decimal(value) {
  return value === null || value === undefined ? NONE : DECIMAL.format(Number(value));
}

/** A duration in seconds, as people read it. */
export function duration(seconds) {
  if (seconds === null || seconds === undefined) {
    return NONE;
  }
  if (seconds < 60) {
    return `${seconds.toFixed(1)} s`;
  }
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes} min ${Math.round(seconds % 60)} s`
    : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** A timestamp of the database server (no zone), to the second. */
export function dateTime(value) {
  return value ? value.replace('T', ' ').slice(0, 19) : NONE;
}

/** A table with a caption, column headers (scope=col) and rows; the first cell of a row is its header. */
export function table(caption, columns, rows, options = {}) {
  return h('div', { class: 'table-wrap', role: 'region', 'aria-label': caption, tabindex: '0' },
    h('table', { class: options.class },
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, columns.map((column) =>
        h('th', { scope: 'col', class: column.numeric ? 'num' : null }, column.label)))),
      h('tbody', {}, rows.length === 0
        ? h('tr', {}, h('td', { colspan: columns.length, class: 'empty' }, options.empty || 'Nothing to show.'))
        : tableRows(columns, rows, options))));
}

/** The rows of a {@link table}, to add more of them later. */
export function tableRows(columns, rows, options = {}) {
  return rows.map((row) => h('tr', { class: options.rowClass ? options.rowClass(row) : null },
    columns.map((column, index) => h(index === 0 ? 'th' : 'td',
      { scope: index === 0 ? 'row' : null, class: column.numeric ? 'num' : null }, column.value(row)))));
}

/** A status as a badge; failed and stopped nights stand out. */
export function statusBadge(status) {
  const kind = status === 'COMPLETED' ? 'ok'
    : ['FAILED', 'STOPPED', 'ABANDONED', 'UNKNOWN'].includes(status) ? 'bad' : 'running';
  return h('span', { class: `badge ${kind}` }, status);
}

/** A message in the page (an error, or that there is nothing), instead of a blank page. */
export function message(kind, title, detail, ...actions) {
  return h('div', { class: `message ${kind}`, role: kind === 'error' ? 'alert' : 'status' },
    h('strong', {}, title), detail ? h('p', {}, detail) : null, actions.length ? h('p', {}, actions) : null);
}
