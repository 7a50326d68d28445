import { api } from './api.js';
import { h, statusClass, toast } from './dom.js';
import { jsonView, bodyPointer } from './json-view.js';

const MASK_HINT = /\*\*\*/;

function quote(s) {
  return "'" + String(s).replace(/'/g, "'\\''") + "'";
}

/** A curl command of the request as the journal kept it: masked values stay masked. */
export function curlOf(e) {
  const parts = ['curl', '-X', e.method];
  const skip = new Set(['host', 'content-length', 'connection', 'accept-encoding']);
  for (const [k, v] of Object.entries(e.request.headers || {})) {
    if (!skip.has(k)) parts.push('-H', quote(k + ': ' + v));
  }
  const body = e.request.body;
  if (body != null) parts.push('--data-raw', quote(typeof body === 'string' ? body : JSON.stringify(body)));
  parts.push(quote(location.origin + e.path));
  return parts.join(' ');
}

function headers(map) {
  const entries = Object.entries(map || {});
  if (!entries.length) return h('p', { class: 'muted' }, '(no headers)');
  return h('table', { class: 'headers' }, entries.map(([k, v]) => h('tr', {}, h('th', {}, k), h('td', {}, v))));
}

function pointers(violations, side) {
  const set = new Set();
  for (const v of violations) {
    const p = v.in === side ? bodyPointer(v.location) : null;
    if (p != null) set.add(p);
  }
  return set;
}

export async function exchangeView(root, id) {
  root.replaceChildren(h('p', { class: 'muted' }, 'loading ' + id + '…'));
  let e;
  try {
    e = await api('journal/' + encodeURIComponent(id));
  } catch (err) {
    root.replaceChildren(h('p', {}, err.message), h('a', { href: '#/traffic' }, '← traffic'));
    return;
  }
  const curl = curlOf(e);
  const fault = typeof e.error === 'string' && e.error.startsWith('FAULT ') ? e.error : null;
  root.replaceChildren(...[
    h('p', {}, h('a', { href: '#/traffic' }, '← traffic')),
    h('div', { class: 'panel', id: 'exchange-summary' },
      h('h2', {}, e.method + ' ' + e.path),
      h('p', {},
        h('span', { class: statusClass(e.status) }, 'status ' + (e.status || 'none')),
        ' · ' + e.vendor + ' · ' + (e.operation || 'no operation') + ' · mode ' + (e.mode || '-'),
        ' · world ', h('a', { href: '#/worlds/' + encodeURIComponent(e.world) }, e.world),
        ' · at ' + e.at + ' · ' + e.durationMs.toFixed(2) + ' ms · id ' + e.id),
      h('button', { id: 'copy-curl', onclick: async () => {
        try { await navigator.clipboard.writeText(curl); toast('curl copied (secrets stay masked)'); }
        catch { toast('copy failed: select the command below'); }
      } }, 'Copy as curl'),
      h('pre', { id: 'curl' }, curl),
      MASK_HINT.test(curl) && h('p', { class: 'muted' }, 'Masked values must be replaced before the command is run.')),
    fault && h('div', { class: 'panel', id: 'fault' }, h('h3', {}, 'Fault'), h('p', {}, fault.slice(6))),
    !fault && e.error && h('div', { class: 'panel', id: 'error' }, h('h3', {}, 'Diagnostic'), h('p', {}, e.error)),
    e.violations.length > 0 && h('div', { class: 'panel', id: 'violations' },
      h('h3', {}, 'Contract violations'),
      h('ul', {}, e.violations.map((v) => h('li', {}, h('code', {}, v.in + ' ' + v.location), ' ' + v.message)))),
    e.notes.length > 0 && h('div', { class: 'panel', id: 'notes' },
      h('h3', {}, 'Lint notes'), h('ul', {}, e.notes.map((n) => h('li', {}, n)))),
    h('div', { class: 'grid' },
      h('div', { class: 'panel', id: 'request' },
        h('h3', {}, 'Request'), headers(e.request.headers), jsonView(e.request.body, pointers(e.violations, 'request'))),
      h('div', { class: 'panel', id: 'response' },
        h('h3', {}, 'Response'), headers(e.response.headers), jsonView(e.response.body, pointers(e.violations, 'response')))),
  ].filter(Boolean));
}
