import { api } from './api.js';
import { h, toast } from './dom.js';
import { jsonView } from './json-view.js';

const q = (world) => '?world=' + encodeURIComponent(world);

/** Runs an admin call from a button; a refusal (guard, bad input) is shown, never swallowed. */
async function act(call, done) {
  try {
    await call();
    await done();
  } catch (err) {
    toast(err.message);
  }
}

export async function worldsView(root) {
  const { worlds, max } = await api('worlds');
  root.replaceChildren(
    h('h2', {}, 'Worlds'),
    h('p', { class: 'muted' }, worlds.length + ' of at most ' + max + ' worlds'),
    h('table', { id: 'worlds' },
      h('thead', {}, h('tr', {}, h('th', {}, 'world'), h('th', {}, 'clock'), h('th', {}, 'frozen'))),
      h('tbody', {}, worlds.map((w) => h('tr', { class: 'row', onclick: () => { location.hash = '#/worlds/' + encodeURIComponent(w.name); } },
        h('td', {}, h('a', { href: '#/worlds/' + encodeURIComponent(w.name) }, w.name)),
        h('td', {}, w.now), h('td', {}, w.frozen ? 'yes' : 'no'))))));
}

export async function worldView(root, world, about) {
  const [clock, faults, state] = await Promise.all([
    api('clock' + q(world)), api('faults' + q(world)), api('state' + q(world)).catch((e) => ({ error: e.message })),
  ]);
  const refresh = () => worldView(root, world, about);
  const setClock = (body) => act(() => api('clock' + q(world), { method: 'POST', body }), refresh);
  const advance = h('input', { type: 'text', id: 'advance-by', value: 'PT1H', size: 8 });
  const vendors = Object.keys(about.vendors || {});
  const vendor = h('select', { id: 'fault-vendor' }, vendors.map((v) => h('option', { value: v }, v)));
  const preset = h('select', { id: 'fault-preset' });
  const fillPresets = () => preset.replaceChildren(
    ...(faults.presets[vendor.value] || []).map((p) => h('option', { value: p }, p)));
  vendor.addEventListener('change', fillPresets);
  fillPresets();
  const operation = h('input', { type: 'text', id: 'fault-operation', placeholder: 'operation (all)' });
  const times = h('input', { type: 'number', id: 'fault-times', value: 1, min: 1, style: 'width:4em' });
  root.replaceChildren(
    h('p', {}, h('a', { href: '#/worlds' }, '← worlds')),
    h('h2', {}, 'World ' + world),
    h('div', { class: 'panel', id: 'clock' },
      h('h3', {}, 'Clock'),
      h('p', {}, h('span', { id: 'clock-now' }, clock.now), ' · ', h('span', { id: 'clock-frozen' }, clock.frozen ? 'frozen' : 'running')),
      h('button', { id: 'freeze', onclick: () => setClock({ freeze: !clock.frozen }) }, clock.frozen ? 'Unfreeze' : 'Freeze'),
      ' ', advance, h('button', { id: 'advance', onclick: () => setClock({ advance: advance.value }) }, 'Advance'),
      ' ', h('button', { id: 'reset', onclick: () => {
        if (confirm('Reset every vendor of world ' + world + ' to its fixtures?')) {
          act(() => api('reset' + q(world), { method: 'POST' }), refresh);
        }
      } }, 'Reset world')),
    h('div', { class: 'panel', id: 'faults' },
      h('h3', {}, 'Faults'),
      faults.faults.length === 0 ? h('p', { class: 'muted' }, 'none armed')
        : h('table', {}, faults.faults.map((f) => h('tr', { 'data-fault': f.id },
          h('td', {}, f.id), h('td', {}, f.vendor), h('td', {}, f.operation || 'every operation'),
          h('td', {}, f.preset || f.kind), h('td', {}, f.remaining == null ? 'until disarmed' : f.remaining + ' left'),
          h('td', {}, h('button', { class: 'disarm', onclick: () => act(() => api('faults/' + encodeURIComponent(f.id), { method: 'DELETE' }), refresh) }, 'Disarm'))))),
      h('p', {}, 'Arm ', vendor, ' ', preset, ' ', operation, ' times ', times, ' ',
        h('button', { id: 'arm', onclick: () => act(() => api('faults' + q(world), { method: 'POST', body: {
          vendor: vendor.value, preset: preset.value, times: Number(times.value),
          ...(operation.value.trim() ? { operation: operation.value.trim() } : {}),
        } }), refresh) }, 'Arm'))),
    h('div', { class: 'panel', id: 'state' },
      h('h3', {}, 'State'),
      state.error ? h('p', {}, state.error)
        : Object.entries(state).map(([v, s]) => h('details', { open: true }, h('summary', {}, v), jsonView(s)))));
}
