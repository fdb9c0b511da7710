// The console: hash routes (#/, #/runs/42, #/stations?q=..., #/stations/ID?year=...), so that every page has
// an address to bookmark and share, the back button works, and the server serves one static page.
import { ApiError } from './api.js';
import { h, message } from './dom.js';
import { runPage } from './run.js';
import { runsPage } from './runs.js';
import { stationPage } from './station.js';
import { stationsPage } from './stations.js';

const ROUTES = [
  { pattern: /^\/?$/, page: runsPage, nav: 'runs' },
  { pattern: /^\/runs\/(\d+)$/, page: runPage, nav: 'runs' },
  { pattern: /^\/stations$/, page: stationsPage, nav: 'stations' },
  { pattern: /^\/stations\/([^/]+)$/, page: stationPage, nav: 'stations' },
];

const view = document.getElementById('view');

let rendering = 0;

function currentRoute() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const [path, query] = raw.split('?');
  for (const route of ROUTES) {
    const match = route.pattern.exec(path);
    if (match) {
      return { ...route, match, params: new URLSearchParams(query || ''), path };
    }
  }
  return { page: null, path, params: new URLSearchParams(), nav: null };
}

/** Goes to an address: a new history entry, or in place ({ replace }), redrawing the page unless { quiet }. */
function navigate(hash, options = {}) {
  if (options.replace) {
    history.replaceState(null, '', hash);
    if (!options.quiet) {
      render();
    }
  } else {
    location.hash = hash;
  }
}

async function render(options = {}) {
  const token = ++rendering;
  const route = currentRoute();
  view.setAttribute('aria-busy', 'true');
  let page;
  try {
    page = route.page ? await route.page(route, navigate) : unknownAddress(route);
  } catch (error) {
    page = failure(error, route);
  }
  if (token !== rendering) {
    return; // the reader went elsewhere meanwhile
  }
  // what was typed into the search box while its results loaded must not be lost with the old box
  const active = document.activeElement;
  const typed = active && active.tagName === 'INPUT' && active.id ? { id: active.id, value: active.value } : null;
  view.replaceChildren(...[page.content].flat(Infinity).filter((node) => node !== null && node !== undefined));
  view.removeAttribute('aria-busy');
  document.title = `${page.title} · Weather warehouse`;
  for (const link of document.querySelectorAll('[data-nav]')) {
    if (link.dataset.nav === route.nav) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
  // the search box keeps the focus (and the caret) while its results change under it
  const again = typed ? view.querySelector(`#${CSS.escape(typed.id)}`) : null;
  if (again) {
    if (typed.value !== again.value) {
      again.value = typed.value;
      again.dispatchEvent(new Event('input'));
    }
    again.focus();
    again.setSelectionRange?.(again.value.length, again.value.length);
  } else if (options.moved) {
    // a screen reader then reads the new page, not the link that led to it
    view.focus({ preventScroll: true });
  }
}

function unknownAddress(route) {
  return {
    title: 'Not found',
    content: message('error', 'There is no such page in the console', `Nothing lives at #${route.path}.`,
      h('a', { href: '#/' }, 'Go to the runs')),
  };
}

/** An API error or a failure of the page itself, as a message in the page: never a blank page. */
function failure(error, route) {
  console.warn('Page failed', error);
  const back = route.nav === 'stations' ? h('a', { href: '#/stations' }, 'Back to the stations')
    : h('a', { href: '#/' }, 'Back to the runs');
  const retry = h('button', { type: 'button', onclick: () => render() }, 'Try again');
  if (error instanceof ApiError && error.status === 404) {
    return { title: 'Not found', content: message('error', error.title || 'Not found', error.detail, back) };
  }
  if (error instanceof ApiError) {
    return {
      title: 'Error',
      content: message('error', 'The API could not answer', error.message, retry, ' ', back),
    };
  }
  return { title: 'Error', content: message('error', 'This page failed', String(error.message || error), retry) };
}

document.querySelector('.skip').addEventListener('click', (event) => {
  event.preventDefault();
  view.focus();
});
window.addEventListener('hashchange', () => {
  render({ moved: true });
  window.scrollTo(0, 0);
});
render();
