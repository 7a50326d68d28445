// The admin API, called same-origin: the page has no powers the admin guard does not grant.
const base = new URL('../', location.href).pathname;

export async function api(path, options = {}) {
  const init = { ...options, headers: { ...(options.headers || {}) } };
  if (init.body !== undefined && typeof init.body !== 'string') {
    init.body = JSON.stringify(init.body);
    init.headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(base + path, init);
  const text = await response.text();
  const body = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new Error((body && body.error) || response.status + ' ' + response.statusText);
  }
  return body;
}

export function eventsUrl() {
  return base + 'events';
}
