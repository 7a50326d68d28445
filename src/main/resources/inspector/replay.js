import { api } from './api.js';
import { h } from './dom.js';
import { jsonView, child } from './json-view.js';

const q = (world) => '?world=' + encodeURIComponent(world);
const MISSES_SHOWN = 50;

function exchangeList(id, items, empty) {
  if (!items.length) return h('p', { class: 'muted' }, empty);
  return h('ul', { id, class: 'recorded' }, items.map((r) => h('li', { 'data-recorded': r.id },
    h('code', {}, r.id), ' ', r.operation || h('span', { class: 'muted' }, '(no operation)'))));
}

/** A replay miss is the sandbox's 404 naming the closest recorded requests in X-Sandbox-Miss. */
function missHeader(e) {
  const found = Object.entries(e.response.headers || {}).find(([k]) => k.toLowerCase() === 'x-sandbox-miss');
  return found ? found[1] : null;
}

/**
 * Per vendor in replay mode, which recorded exchanges this world was served and which never;
 * below, the latest near misses, each a link to its side-by-side diff.
 */
export async function replayView(root, world = 'default') {
  const [{ vendors }, { exchanges }] = await Promise.all([
    api('replay' + q(world)),
    api('journal?status=404&limit=' + MISSES_SHOWN * 2),
  ]);
  const misses = exchanges.filter((e) => e.mode === 'replay' && missHeader(e)).slice(0, MISSES_SHOWN);
  root.replaceChildren(...[
    h('h2', {}, 'Replay · world ' + world),
    vendors.length === 0 && h('p', { class: 'muted' }, 'No vendor runs in replay mode (--mode VENDOR=replay --replay-from FILE).'),
    ...vendors.map((v) => h('div', { class: 'panel', 'data-replay-vendor': v.vendor },
      h('h3', {}, v.vendor + ': ' + v.servedCount + ' of ' + v.recorded + ' recorded exchanges served, '
        + v.neverServedCount + ' never'),
      h('div', { class: 'grid' },
        h('div', {}, h('h4', {}, 'Served'), exchangeList('served-' + v.vendor, v.served, 'none yet')),
        h('div', {}, h('h4', {}, 'Never served'), exchangeList('never-' + v.vendor, v.neverServed, 'every one was served'))))),
    h('div', { class: 'panel', id: 'misses' },
      h('h3', {}, 'Near misses'),
      misses.length === 0 ? h('p', { class: 'muted' }, 'none: every replayed request matched a recorded one')
        : h('table', {}, h('tbody', {}, misses.map((e) => h('tr', {
          class: 'row', 'data-miss': e.id, onclick: () => { location.hash = '#/miss/' + encodeURIComponent(e.id); },
        }, h('td', {}, e.at.replace('T', ' ').replace(/\..*|Z$/, '')), h('td', {}, e.world), h('td', {}, e.vendor),
          h('td', {}, e.method + ' ' + e.path), h('td', {}, missHeader(e))))))),
  ].filter(Boolean));
}

/** The request as replay matched it, as one JSON value: method, path, query, body. */
function sentRequest(e) {
  const matched = e.response.body.request;
  const query = {};
  for (const [k, v] of Object.entries(matched.query || {})) query[k] = [].concat(v).join(',');
  return { method: matched.method, path: matched.path, query, body: e.request.body ?? null };
}

/** Where a miss's difference lies in that value: {in:"query", where:"page"} → /query/page. */
function pointerOf(d) {
  if (d.in === 'method' || d.in === 'path') return '/' + d.in;
  if (d.in === 'query') return child('/query', d.where);
  return d.where === '/' ? '/body' : '/body' + d.where;
}

function unescape(token) {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Sets (or, for a value the recording did not have, removes) the value at a pointer. */
function put(root, pointer, value) {
  const tokens = pointer.split('/').slice(1).map(unescape);
  let at = root;
  for (let i = 0; i < tokens.length - 1; i++) {
    const next = at[tokens[i]];
    if (next == null || typeof next !== 'object') at[tokens[i]] = /^\d+$/.test(tokens[i + 1]) ? [] : {};
    at = at[tokens[i]];
  }
  const last = tokens[tokens.length - 1];
  if (value == null && !Array.isArray(at)) delete at[last];
  else at[last] = value;
}

/** The recorded request: the sent one with each difference the miss named put back. */
function recordedRequest(sent, candidate) {
  const recorded = structuredClone(sent);
  for (const d of candidate.differences) put(recorded, pointerOf(d), d.recorded);
  return recorded;
}

/**
 * A near miss side by side: the request on the left, each of its closest recorded requests on
 * the right, the values that differ highlighted on both sides.
 */
export async function missView(root, id) {
  const e = await api('journal/' + encodeURIComponent(id));
  const body = e.response.body;
  if (!body || typeof body !== 'object' || !Array.isArray(body.closest)) {
    root.replaceChildren(h('p', {}, 'Exchange ' + id + ' is not a replay near miss.'),
      h('a', { href: '#/exchange/' + encodeURIComponent(id) }, 'its detail'));
    return;
  }
  const sent = sentRequest(e);
  root.replaceChildren(...[
    h('p', {}, h('a', { href: '#/replay' + (e.world === 'default' ? '' : '/' + encodeURIComponent(e.world)) }, '← replay'),
      ' · ', h('a', { href: '#/exchange/' + encodeURIComponent(id) }, 'exchange detail')),
    h('h2', {}, 'Near miss: ' + sent.method + ' ' + sent.path),
    h('p', { class: 'muted' }, e.vendor + ' · world ' + e.world + ' · at ' + e.at
      + ' · nothing recorded matches; the closest recorded requests, differences highlighted'),
    body.closest.length === 0 && h('p', {}, 'The recording holds nothing of this vendor.'),
    ...body.closest.map((c, i) => {
      const marked = new Set(c.differences.map(pointerOf));
      const more = c.differenceCount - c.differences.length;
      return h('div', { class: 'panel candidate', 'data-candidate': c.exchange },
        h('h3', {}, (i + 1) + '. recorded ' + c.exchange + ' (' + (c.operation || 'no operation') + '): '
          + c.differenceCount + ' difference' + (c.differenceCount === 1 ? '' : 's')),
        h('ul', { class: 'differences' }, c.differences.map((d) => h('li', {}, h('code', {}, pointerOf(d)),
          ' recorded ', h('code', {}, JSON.stringify(d.recorded))))),
        more > 0 && h('p', { class: 'muted' }, more + ' more not listed'),
        h('div', { class: 'grid' },
          h('div', { class: 'sent' }, h('h4', {}, 'Sent'), jsonView(sent, marked, 'changed')),
          h('div', { class: 'recorded' }, h('h4', {}, 'Recorded'), jsonView(recordedRequest(sent, c), marked, 'changed'))));
    }),
  ].filter(Boolean));
}
