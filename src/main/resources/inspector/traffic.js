import { api, eventsUrl } from './api.js';
import { h, statusClass } from './dom.js';

const MAX_ROWS = 500;

/**
 * Reloads from the journal after drops at most this often: under saturation the server drops
 * events many times a second, and a reload each time would make the page the server's heaviest
 * client (each reload encodes MAX_ROWS exchanges with their bodies).
 */
const RESYNC_EVERY_MS = 5000;

/**
 * The live list: newest first, fed by the server's event stream. Paused, it keeps its rows and
 * holds what arrives (bounded too); when the server says it dropped events, the list reloads
 * from the journal instead of pretending nothing was lost.
 */
const state = {
  rows: [],
  held: [],
  paused: false,
  dropped: 0,
  connected: false,
  filters: { vendor: '', operation: '', status: '', world: '', mode: '', violation: false, note: false, fault: false },
  source: null,
  redraw: null,
  frame: 0,
};

/**
 * At most one redraw every REDRAW_EVERY_MS, however fast exchanges arrive: a browser on the
 * sandbox's own machine rebuilding the list at every frame takes the CPU the server needs.
 */
const REDRAW_EVERY_MS = 250;

function schedule() {
  if (state.frame || !state.redraw) return;
  state.frame = setTimeout(() => requestAnimationFrame(() => {
    state.frame = 0;
    state.redraw && state.redraw();
  }), REDRAW_EVERY_MS);
}

function summary(e) {
  return {
    id: e.id, at: e.at, world: e.world, vendor: e.vendor, operation: e.operation, mode: e.mode,
    method: e.method, path: e.path, status: e.status, durationMs: e.durationMs,
    violations: Array.isArray(e.violations) ? e.violations.length : e.violations,
    notes: Array.isArray(e.notes) ? e.notes.length : e.notes,
    faulted: e.faulted ?? (typeof e.error === 'string' && e.error.startsWith('FAULT ')),
  };
}

let lastResync = 0;
let resyncTimer = 0;

/** A reload now, or once RESYNC_EVERY_MS has passed since the last one. */
function resyncSoon() {
  if (resyncTimer) return;
  const wait = Math.max(0, lastResync + RESYNC_EVERY_MS - Date.now());
  resyncTimer = setTimeout(() => { resyncTimer = 0; if (!state.paused) resync().catch(() => {}); }, wait);
}

async function resync() {
  lastResync = Date.now();
  const { exchanges } = await api('journal?bodies=false&limit=' + MAX_ROWS);
  state.rows = exchanges.map(summary);
  state.held = [];
  state.redraw && state.redraw();
}

export function connect() {
  if (state.source) return;
  resync().catch(() => {});
  const source = new EventSource(eventsUrl());
  state.source = source;
  source.addEventListener('hello', () => { state.connected = true; state.redraw && state.redraw(); });
  source.addEventListener('exchange', (m) => {
    const row = JSON.parse(m.data);
    if (state.paused) {
      state.held.unshift(row);
      state.held.length = Math.min(state.held.length, MAX_ROWS);
    } else {
      state.rows.unshift(row);
      state.rows.length = Math.min(state.rows.length, MAX_ROWS);
    }
    schedule();
  });
  source.addEventListener('dropped', (m) => {
    state.dropped = JSON.parse(m.data).dropped;
    if (!state.paused) resyncSoon();
  });
  source.onerror = () => { state.connected = false; state.redraw && state.redraw(); };
}

function matches(r, f) {
  return (!f.vendor || r.vendor === f.vendor)
    && (!f.operation || (r.operation || '').includes(f.operation))
    && (!f.status || String(r.status).startsWith(f.status))
    && (!f.world || r.world === f.world)
    && (!f.mode || r.mode === f.mode)
    && (!f.violation || r.violations > 0)
    && (!f.note || r.notes > 0)
    && (!f.fault || r.faulted);
}

export function trafficView(root, about) {
  connect();
  const f = state.filters;
  const vendors = Object.keys(about.vendors || {});
  const input = (key, placeholder) => h('input', {
    type: 'text', name: key, placeholder, value: f[key],
    oninput: (e) => { f[key] = e.target.value.trim(); draw(); },
  });
  const check = (key, label) => h('label', {}, h('input', {
    type: 'checkbox', name: key, checked: f[key], onchange: (e) => { f[key] = e.target.checked; draw(); },
  }), ' ' + label);
  const select = (key, options) => {
    const s = h('select', { name: key, onchange: (e) => { f[key] = e.target.value; draw(); } },
      h('option', { value: '' }, key + ': all'), options.map((o) => h('option', { value: o }, o)));
    s.value = f[key];
    return s;
  };
  const pause = h('button', { id: 'pause', onclick: () => {
    state.paused = !state.paused;
    if (!state.paused) {
      state.rows = state.held.concat(state.rows).slice(0, MAX_ROWS);
      state.held = [];
      if (state.dropped) resyncSoon();
    }
    draw();
  } });
  const info = h('span', { class: 'muted', id: 'feed-info' });
  const body = h('tbody', { id: 'traffic-rows' });
  root.replaceChildren(
    h('div', { class: 'filters' },
      select('vendor', vendors), input('operation', 'operation'), input('status', 'status (e.g. 4)'),
      input('world', 'world'), select('mode', ['emulate', 'proxy', 'replay']),
      check('violation', 'has violation'), check('note', 'has lint note'), check('fault', 'faulted'),
      pause, info),
    h('table', {},
      h('thead', {}, h('tr', {}, ['time', 'world', 'vendor', 'mode', 'operation', 'request', 'status', 'ms', ''].map((t) => h('th', {}, t)))),
      body));

  function draw() {
    pause.textContent = state.paused ? 'Resume (' + state.held.length + ' new)' : 'Pause';
    info.textContent = (state.connected ? 'live' : 'connecting…')
      + (state.dropped ? ' · ' + state.dropped + ' events dropped by the server (list reloaded from the journal)' : '');
    const shown = state.rows.filter((r) => matches(r, f));
    body.replaceChildren(...shown.map((r) => h('tr', {
      class: 'row', 'data-id': r.id, onclick: () => { location.hash = '#/exchange/' + encodeURIComponent(r.id); },
    },
      h('td', {}, r.at.replace('T', ' ').replace(/\..*|Z$/, '')),
      h('td', {}, r.world), h('td', {}, r.vendor), h('td', {}, r.mode || ''),
      h('td', {}, r.operation || h('span', { class: 'muted' }, '(none)')),
      h('td', {}, r.method + ' ' + r.path),
      h('td', { class: statusClass(r.status) }, r.status || 'none'),
      h('td', {}, r.durationMs.toFixed(1)),
      h('td', {},
        r.violations > 0 && h('span', { class: 'badge b-violation' }, r.violations + ' violation' + (r.violations > 1 ? 's' : '')),
        r.notes > 0 && h('span', { class: 'badge b-note' }, 'lint'),
        r.faulted && h('span', { class: 'badge b-fault' }, 'fault')))));
  }
  state.redraw = draw;
  draw();
  return () => { state.redraw = null; };
}
