import { api } from './api.js';
import { h } from './dom.js';

const pct = (share) => (share == null ? '–' : Math.round(share * 100) + '%');
const name = (o) => o.status + (o.kind ? ' ' + o.kind : '');
const outcomes = (list) => list.map((o) => name(o) + ' ×' + o.count).join(', ');
const exercised = (list) => outcomes(list.filter((o) => o.count > 0));
const missing = (list) => list.filter((o) => o.count === 0).map(name).join(', ');

/** Declared responses exercised, per vendor and operation: a table to paste into a pull request. */
export async function coverageView(root) {
  const report = await api('coverage');
  const rows = [];
  for (const [vendor, v] of Object.entries(report.vendors)) {
    rows.push(h('tr', { class: 'vendor-row' }, h('th', { colspan: 2 }, vendor),
      h('th', {}, v.covered + '/' + v.declared), h('th', {}, pct(v.share)), h('th', { colspan: 4 }, v.unmatched ? v.unmatched + ' unmatched requests' : '')));
    for (const [op, o] of Object.entries(v.operations)) {
      rows.push(h('tr', { 'data-operation': vendor + '.' + op },
        h('td', {}), h('td', {}, op), h('td', {}, o.covered + '/' + o.declared), h('td', {}, pct(o.share)),
        h('td', {}, o.calls + (o.calls === 1 ? ' call' : ' calls')),
        h('td', { class: 'exercised' }, exercised(o.responses)),
        h('td', { class: 'muted' }, missing(o.responses)),
        h('td', {}, o.undeclared.length ? 'undeclared: ' + outcomes(o.undeclared) : '')));
    }
  }
  root.replaceChildren(
    h('h2', {}, 'Coverage ' + report.covered + '/' + report.declared + ' declared responses (' + pct(report.share) + ')'),
    h('table', { id: 'coverage' },
      h('thead', {}, h('tr', {}, ['vendor', 'operation', 'covered', 'share', 'calls', 'exercised', 'not yet', ''].map((t) => h('th', {}, t)))),
      h('tbody', {}, rows)));
}

export async function violationsView(root) {
  const { violations } = await api('violations');
  root.replaceChildren(
    h('h2', {}, 'Contract violations by operation'),
    violations.length === 0 ? h('p', { class: 'muted' }, 'none so far')
      : h('table', { id: 'violation-tally' },
        h('thead', {}, h('tr', {}, ['vendor', 'operation', 'request', 'response', 'first seen'].map((t) => h('th', {}, t)))),
        h('tbody', {}, violations.map((v) => h('tr', {},
          h('td', {}, v.vendor), h('td', {}, v.operation), h('td', {}, v.request), h('td', {}, v.response),
          h('td', {}, h('a', { href: '#/exchange/' + encodeURIComponent(v.first.exchange) }, v.first.in + ' ' + v.first.location),
            ' ' + v.first.message))))));
}
