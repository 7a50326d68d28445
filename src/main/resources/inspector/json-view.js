import { h } from './dom.js';

/** JSON pointer (RFC 6901) of a child. */
export function child(pointer, key) {
  return pointer + '/' + String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * A pretty-printed body whose values carry their JSON pointer (data-pointer), the ones in
 * `marked` highlighted with `mark` (a class): a violation at /items/0/phone lights up that value.
 */
export function jsonView(value, marked = new Set(), mark = 'violated') {
  if (value == null) return h('pre', { class: 'body muted' }, '(no body)');
  if (typeof value === 'string') return h('pre', { class: 'body' }, value);
  return h('pre', { class: 'body' }, node(value, '', marked, '', mark));
}

function node(value, pointer, marked, indent, mark) {
  const span = h('span', { 'data-pointer': pointer, class: marked.has(pointer) ? mark : null });
  if (Array.isArray(value) || (value && typeof value === 'object')) {
    const isArray = Array.isArray(value);
    const entries = isArray ? value.map((v, i) => [i, v]) : Object.entries(value);
    span.append(isArray ? '[' : '{');
    entries.forEach(([k, v], i) => {
      span.append('\n' + indent + '  ');
      if (!isArray) span.append(JSON.stringify(String(k)) + ': ');
      span.append(node(v, child(pointer, k), marked, indent + '  ', mark));
      if (i < entries.length - 1) span.append(',');
    });
    if (entries.length) span.append('\n' + indent);
    span.append(isArray ? ']' : '}');
  } else {
    span.append(JSON.stringify(value));
  }
  return span;
}

/** The body pointer of a violation's location ("body/items/0" → "/items/0"), or null. */
export function bodyPointer(location) {
  if (location === 'body') return '';
  return location.startsWith('body/') ? location.slice(4) : null;
}
