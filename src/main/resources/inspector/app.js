import { api } from './api.js';
import { h } from './dom.js';
import { trafficView, connect } from './traffic.js';
import { exchangeView } from './exchange.js';
import { worldsView, worldView } from './worlds.js';
import { coverageView, violationsView } from './coverage.js';
import { replayView, missView } from './replay.js';
import { recordingsView, fidelityView } from './recordings.js';

/** Every view is a hash route, so a link can point at an exchange or a world. */
const routes = [
  [/^#\/traffic$/, (root, about) => trafficView(root, about)],
  [/^#\/exchange\/(.+)$/, (root, about, id) => exchangeView(root, decodeURIComponent(id))],
  [/^#\/worlds$/, (root) => worldsView(root)],
  [/^#\/worlds\/(.+)$/, (root, about, name) => worldView(root, decodeURIComponent(name), about)],
  [/^#\/coverage$/, (root) => coverageView(root)],
  [/^#\/violations$/, (root) => violationsView(root)],
  [/^#\/replay$/, (root) => replayView(root)],
  [/^#\/replay\/(.+)$/, (root, about, world) => replayView(root, decodeURIComponent(world))],
  [/^#\/miss\/(.+)$/, (root, about, id) => missView(root, decodeURIComponent(id))],
  [/^#\/recordings$/, (root) => recordingsView(root)],
  [/^#\/fidelity$/, (root) => fidelityView(root)],
];

let about = { vendors: {} };
let leave = null;

async function show() {
  const hash = location.hash || '#/traffic';
  const root = document.getElementById('view');
  if (typeof leave === 'function') leave();
  leave = null;
  const view = hash.split('/')[1];
  for (const a of document.querySelectorAll('nav a')) {
    a.classList.toggle('active', a.dataset.view === view || (view === 'exchange' && a.dataset.view === 'traffic')
      || (view === 'miss' && a.dataset.view === 'replay') || (view === 'fidelity' && a.dataset.view === 'recordings'));
  }
  for (const [pattern, render] of routes) {
    const m = hash.match(pattern);
    if (m) {
      try {
        leave = await render(root, about, ...m.slice(1));
      } catch (err) {
        root.replaceChildren(h('p', { class: 'error' }, err.message));
      }
      document.body.dataset.view = view;
      return;
    }
  }
  root.replaceChildren(h('p', {}, 'No view at ' + hash + '. '), h('a', { href: '#/traffic' }, 'Traffic'));
}

async function start() {
  try {
    about = await api('about');
    document.getElementById('version').textContent = about.version;
    document.getElementById('vendors').replaceChildren(...Object.entries(about.vendors).map(
      ([id, v]) => h('span', { 'data-vendor': id }, id + ': ' + v.mode)));
  } catch (err) {
    document.getElementById('view').replaceChildren(h('p', {}, 'The admin API refused the page: ' + err.message));
    return;
  }
  connect();
  window.addEventListener('hashchange', show);
  await show();
}

start();
