import { api } from './api.js';
import { h, toast } from './dom.js';

function size(bytes) {
  if (bytes < 1024) return bytes + ' B';
  if (bytes < 1024 * 1024) return (bytes / 1024).toFixed(1) + ' KiB';
  return (bytes / 1024 / 1024).toFixed(1) + ' MiB';
}

function span(f) {
  if (!f.firstAt) return '–';
  const ms = Date.parse(f.lastAt) - Date.parse(f.firstAt);
  const took = isNaN(ms) ? '' : ' (' + (ms < 60000 ? (ms / 1000).toFixed(1) + ' s' : (ms / 60000).toFixed(1) + ' min') + ')';
  return f.firstAt.replace('T', ' ').replace(/\..*|Z$/, '') + ' → ' + (f.lastAt || '?').replace('T', ' ').replace(/\..*|Z$/, '') + took;
}

async function diff(file, button) {
  button.disabled = true;
  button.textContent = 'diffing…';
  try {
    await api('fidelity' + (file ? '?file=' + encodeURIComponent(file) : ''), { method: 'POST' });
    location.hash = '#/fidelity';
  } catch (err) {
    toast(err.message);
    button.disabled = false;
    button.textContent = 'Fidelity diff';
  }
}

/** The recording files of --record-dir and --replay-from, with their size and time span. */
export async function recordingsView(root) {
  const list = await api('recordings');
  const all = h('button', { id: 'diff-all', onclick: (e) => diff(null, e.target) }, 'Fidelity diff of all');
  root.replaceChildren(...[
    h('h2', {}, 'Recordings'),
    h('p', { class: 'muted' }, 'recording to: ' + (list.recordDir || 'nothing (no --record-dir)')
      + ' · replaying from: ' + (list.replayFrom.length ? list.replayFrom.join(', ') : 'nothing (no --replay-from)')),
    list.files.length === 0 ? h('p', { class: 'muted' }, 'no recording files yet')
      : h('table', { id: 'recordings' },
        h('thead', {}, h('tr', {}, ['file', 'role', 'size', 'exchanges', 'span', ''].map((t) => h('th', {}, t)))),
        h('tbody', {}, list.files.map((f) => h('tr', { 'data-file': f.name },
          h('td', { title: f.path }, f.name), h('td', {}, f.role), h('td', {}, size(f.bytes)),
          h('td', {}, f.lines == null ? '–' : (f.linesExact === false ? '≈ ' : '') + f.lines),
          h('td', {}, span(f)),
          h('td', {}, h('button', { class: 'diff', onclick: (e) => diff(f.path, e.target) }, 'Fidelity diff')))))),
    list.truncated && h('p', { class: 'muted' }, 'only the newest files are listed'),
    list.files.length > 0 && all,
  ].filter(Boolean));
}

const pct = (share) => (Math.round(share * 1000) / 10) + '%';

/** The last fidelity diff: agreement per vendor and operation, then every difference. */
export async function fidelityView(root) {
  let report;
  try {
    report = await api('fidelity');
  } catch (err) {
    root.replaceChildren(h('h2', {}, 'Fidelity'), h('p', { class: 'muted' }, err.message),
      h('a', { href: '#/recordings' }, 'Recordings: run a diff from there'));
    return;
  }
  root.replaceChildren(...[
    h('h2', {}, 'Fidelity: ' + report.exchanges + ' exchanges, ' + report.differenceCount + ' differences'),
    h('p', { class: 'muted' }, 'at ' + report.at + ' · ' + report.files.join(', ')
      + ' · an emulator started for the diff answered every recorded request'),
    h('table', { id: 'fidelity' },
      h('thead', {}, h('tr', {}, ['vendor', 'operation', 'exchanges', 'agreeing', 'fidelity'].map((t) => h('th', {}, t)))),
      h('tbody', {}, report.operations.map((o) => h('tr', { 'data-operation': o.vendor + '.' + o.operation, class: o.fidelity < 1 ? 'differs' : null },
        h('td', {}, o.vendor), h('td', {}, o.operation), h('td', {}, o.exchanges), h('td', {}, o.agreeing), h('td', {}, pct(o.fidelity)))))),
    report.differences.length > 0 && h('table', { id: 'fidelity-differences' },
      h('thead', {}, h('tr', {}, ['exchange', 'vendor', 'operation', 'where', 'kind', 'recorded', 'emulator', 'attributed to'].map((t) => h('th', {}, t)))),
      h('tbody', {}, report.differences.map((d) => h('tr', {},
        h('td', {}, h('code', {}, d.exchange)), h('td', {}, d.vendor), h('td', {}, d.operation),
        h('td', {}, h('code', {}, d.pointer)), h('td', {}, d.kind),
        h('td', {}, JSON.stringify(d.recorded)), h('td', {}, JSON.stringify(d.emulator)),
        h('td', { class: 'attribution' }, d.attribution))))),
    report.differenceCount > report.differences.length
      && h('p', { class: 'muted' }, (report.differenceCount - report.differences.length) + ' more differences not listed: run the diff command'),
  ].filter(Boolean));
}
