// A station: its climate over the years (yearly statistics), and a chosen year day by day.
import { apiUrl, getJson } from './api.js';
import { chart, COLORS, DAYS, integerTick } from './charts.js';
import { count, decimal, h, NONE } from './dom.js';

const YEAR_INCRS = [1, 2, 5, 10, 20, 50];

export async function stationPage(route, navigate) {
  const id = decodeURIComponent(route.match[1]);
  const [station, stats] = await Promise.all([
    getJson(`/api/stations/${encodeURIComponent(id)}`),
    // a station has a row per year: a century fits in one page
    getJson('/api/weather/stats', { station_id: id, per_page: 1000 }),
  ]);
  const years = stats.data.map((row) => row.year);
  const asked = Number.parseInt(route.params.get('year') || '', 10);
  const year = years.includes(asked) ? asked : years[years.length - 1];
  const daily = h('section', { id: 'daily', 'aria-live': 'polite' });
  const select = h('select', { id: 'year', onchange: () => {
    const chosen = Number(select.value);
    navigate(`#/stations/${encodeURIComponent(id)}?year=${chosen}`, { replace: true, quiet: true });
    showYear(daily, id, chosen);
  } }, years.map((y) => h('option', { value: y, selected: y === year }, y)));
  if (year !== undefined) {
    showYear(daily, id, year);
  }
  return {
    title: id,
    content: [
      h('p', { class: 'crumbs' }, h('a', { href: '#/stations' }, 'Stations'), ' / ', id),
      h('h1', {}, `Station ${station.station_id}`),
      h('dl', { class: 'totals' },
        h('div', {}, h('dt', {}, 'First day'), h('dd', {}, station.first_date || NONE)),
        h('div', {}, h('dt', {}, 'Last day'), h('dd', {}, station.last_date || NONE)),
        h('div', {}, h('dt', {}, 'Daily observations'), h('dd', {}, count(station.observation_count))),
        h('div', {}, h('dt', {}, 'Years with data'), h('dd', {}, count(years.length)))),
      h('h2', {}, 'Over the years'),
      stats.data.length === 0
        ? h('p', { class: 'muted' }, 'No yearly statistics for this station yet.')
        : yearly(id, stats.data),
      h('h2', {}, 'One year, day by day'),
      years.length ? h('p', { class: 'year-pick' }, h('label', { for: 'year' }, 'Year '), select) : null,
      daily,
    ],
  };
}

/** Every year from the first to the last, so that a year without data is a gap (null), never a zero. */
function yearly(id, rows) {
  const byYear = new Map(rows.map((row) => [row.year, row]));
  const first = rows[0].year;
  const last = rows[rows.length - 1].year;
  const span = [];
  for (let y = first; y <= last; y++) {
    span.push(y);
  }
  const column = (field) => span.map((y) => (byYear.has(y) && byYear.get(y)[field] !== null
    ? Number(byYear.get(y)[field]) : null));
  const days = (field) => (value, index) => {
    const row = byYear.get(span[index]);
    return value === null ? 'no data' : `${decimal(value)} (${count(row[field])} days)`;
  };
  const yearAxis = { xLabel: 'Year', xFormat: (y) => String(y), xTick: integerTick(), xIncrs: YEAR_INCRS };
  const yearScale = { time: false, range: (u, min, max) => [min - 0.5, max + 0.5] };
  return [
    h('div', { class: 'charts' },
      chart('yearly-temperature', 'Average daily temperature per year (°C)', span, [
        { label: 'Avg max', color: COLORS.max, scale: 'c', values: column('avg_max_temp_c'),
          format: days('max_temp_days') },
        { label: 'Avg min', color: COLORS.min, scale: 'c', values: column('avg_min_temp_c'),
          format: days('min_temp_days') },
      ], { ...yearAxis, summary: 'average maximum and minimum temperature, one point per year with data',
        scales: { x: yearScale },
        axes: [{ scale: 'c', label: 'Temperature (°C)' }] }),
      chart('yearly-precipitation', 'Total precipitation per year (cm)', span, [
        { label: 'Total precipitation', color: COLORS.precipitation, scale: 'cm', bars: true, points: false,
          values: column('total_precipitation_cm'), format: days('precipitation_days') },
      ], { ...yearAxis, summary: 'total precipitation, one bar per year with data',
        scales: { x: yearScale, cm: { range: (u, min, max) => [0, Math.max(1, max * 1.1)] } },
        axes: [{ scale: 'cm', label: 'Precipitation (cm)' }] })),
    h('details', { class: 'data-table' },
      h('summary', {}, 'Yearly values as a table'),
      h('div', { class: 'table-wrap', role: 'region', 'aria-label': 'Yearly statistics', tabindex: '0' },
        h('table', { class: 'yearly' },
          h('caption', {}, `Yearly statistics of ${id}; the days behind each value in parentheses`),
          h('thead', {}, h('tr', {}, ['Year', 'Avg max (°C)', 'Avg min (°C)', 'Precipitation (cm)'].map((label, i) =>
            h('th', { scope: 'col', class: i > 0 ? 'num' : null }, label)))),
          h('tbody', {}, span.map((y) => {
            const row = byYear.get(y);
            if (!row) {
              return h('tr', { class: 'no-data' }, h('th', { scope: 'row' }, y),
                h('td', { colspan: 3 }, 'no data'));
            }
            const cell = (value, days) => h('td', { class: 'num' },
              value === null ? 'no data' : `${decimal(value)} (${count(days)} d)`);
            return h('tr', {}, h('th', { scope: 'row' }, y), cell(row.avg_max_temp_c, row.max_temp_days),
              cell(row.avg_min_temp_c, row.min_temp_days),
              cell(row.total_precipitation_cm, row.precipitation_days));
          }))))),
    h('p', {}, h('a', { class: 'download', href: apiUrl('/api/weather/stats', { station_id: id, format: 'csv' }),
      download: `${id}-yearly.csv` }, 'Download the yearly statistics (CSV)')),
  ];
}

/** The daily values of one year: a year has at most 366 rows, one page. */
async function showYear(section, id, year) {
  section.replaceChildren(h('p', { class: 'muted' }, `Loading ${year}…`));
  section.dataset.year = year;
  const range = { station_id: id, start_date: `${year}-01-01`, end_date: `${year}-12-31` };
  let days;
  try {
    days = await getJson('/api/weather', { ...range, per_page: 366 });
  } catch (error) {
    section.replaceChildren(h('div', { class: 'message error', role: 'alert' },
      h('strong', {}, `Could not load ${year}`), h('p', {}, error.message)));
    return;
  }
  if (section.dataset.year !== String(year)) {
    return; // another year was chosen meanwhile
  }
  const x = days.data.map((d) => Date.parse(`${d.date}T00:00:00Z`) / 1000);
  const value = (field) => days.data.map((d) => (d[field] === null ? null : Number(d[field])));
  const unit = (u) => (v) => (v === null ? NONE : `${decimal(v)} ${u}`);
  const dayOf = (t) => new Date(t * 1000).toISOString().slice(0, 10);
  section.replaceChildren(
    chart('daily-chart', `Daily values, ${year}`, x, [
      { label: 'Max', color: COLORS.max, scale: 'c', values: value('max_temp_c'), points: false, format: unit('°C') },
      { label: 'Min', color: COLORS.min, scale: 'c', values: value('min_temp_c'), points: false, format: unit('°C') },
      { label: 'Precipitation', color: COLORS.precipitation, scale: 'mm', bars: true,
        values: value('precipitation_mm'), points: false, format: unit('mm') },
    ], {
      summary: `daily maximum and minimum temperature and precipitation in ${year}`,
      xLabel: 'Day', xFormat: dayOf,
      scales: { x: DAYS, mm: { range: (u, min, max) => [0, Math.max(10, max * 1.1)] } },
      height: 300,
      axes: [{ scale: 'c', label: 'Temperature (°C)' }, { scale: 'mm', label: 'Precipitation (mm)', side: 'right' }],
    }),
    h('details', { class: 'data-table' },
      h('summary', {}, `Daily values of ${year} as a table (${count(days.data.length)} days)`),
      h('div', { class: 'table-wrap', role: 'region', 'aria-label': `Daily values ${year}`, tabindex: '0' },
        h('table', { class: 'daily' },
          h('caption', {}, `Daily values of ${id} in ${year}; a dash is a value the station did not report`),
          h('thead', {}, h('tr', {}, ['Day', 'Max (°C)', 'Min (°C)', 'Precipitation (mm)', 'Flags'].map((label, i) =>
            h('th', { scope: 'col', class: i > 0 && i < 4 ? 'num' : null }, label)))),
          h('tbody', {}, days.data.map((d) => h('tr', {}, h('th', { scope: 'row' }, d.date),
            h('td', { class: 'num' }, decimal(d.max_temp_c)), h('td', { class: 'num' }, decimal(d.min_temp_c)),
            h('td', { class: 'num' }, decimal(d.precipitation_mm)), h('td', {}, d.quality_flags.join(', ')))))))),
    h('p', {}, h('a', { class: 'download', href: apiUrl('/api/weather', { ...range, format: 'csv' }),
      download: `${id}-${year}.csv` }, `Download the daily values of ${year} (CSV)`)));
}
