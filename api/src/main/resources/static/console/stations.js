// Stations: a search by id and a paged list, never the whole table.
import { getJson } from './api.js';
import { count, h, NONE, table } from './dom.js';

const STATIONS_PER_PAGE = 25;

export async function stationsPage(route, navigate) {
  const q = (route.params.get('q') || '').trim();
  const page = Number.parseInt(route.params.get('page') || '1', 10) || 1;
  const stations = await getJson('/api/stations', { q, page, per_page: STATIONS_PER_PAGE });
  const input = h('input', { type: 'search', id: 'station-search', name: 'q', value: q, autocomplete: 'off',
    placeholder: 'e.g. USC0011', 'aria-describedby': 'search-hint', maxlength: '40' });
  let timer;
  const search = () => {
    const text = input.value.trim();
    navigate(text ? `#/stations?q=${encodeURIComponent(text)}` : '#/stations', { replace: true });
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(search, 300);
  });
  const form = h('form', { role: 'search', class: 'search', onsubmit: (event) => {
    event.preventDefault();
    clearTimeout(timer);
    search();
  } },
  h('label', { for: 'station-search' }, 'Station id'),
  input,
  h('button', { type: 'submit' }, 'Search'),
  h('span', { id: 'search-hint', class: 'muted' }, 'Finds the stations whose id contains the text.'));
  const query = q ? `&q=${encodeURIComponent(q)}` : '';
  return {
    title: 'Stations',
    content: [
      h('h1', {}, 'Stations'),
      form,
      h('p', { class: 'muted', id: 'station-count' }, q
        ? `${count(stations.pagination.total)} stations whose id contains “${q}”`
        : `${count(stations.pagination.total)} stations`),
      table(q ? `Stations matching “${q}”` : 'Stations, by id', [
        { label: 'Station', value: (s) => h('a', { href: `#/stations/${encodeURIComponent(s.station_id)}` },
          s.station_id) },
        { label: 'First day', value: (s) => s.first_date || NONE },
        { label: 'Last day', value: (s) => s.last_date || NONE },
        { label: 'Daily observations', numeric: true, value: (s) => count(s.observation_count) },
      ], stations.data, { class: 'stations', empty: q ? `No station id contains “${q}”.` : 'No stations yet.' }),
      stations.pagination.pages > 1 ? h('nav', { class: 'pager', 'aria-label': 'Pages' },
        stations.pagination.has_prev
          ? h('a', { href: `#/stations?page=${page - 1}${query}`, rel: 'prev' }, '← Previous') : null,
        h('span', {}, `Page ${stations.pagination.page} of ${stations.pagination.pages}`),
        stations.pagination.has_next
          ? h('a', { href: `#/stations?page=${page + 1}${query}`, rel: 'next' }, 'Next →') : null) : null,
    ],
  };
}
