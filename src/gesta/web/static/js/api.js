// JSON calls to the API; errors carry the server's message.
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function parse(response) {
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const message = body && body.error ? body.error.message : `HTTP ${response.status}`;
    throw new ApiError(response.status, message);
  }
  return body;
}

export async function get(path, params) {
  const query = params && String(params) ? `?${params}` : "";
  return parse(await fetch(`/api/${path}${query}`, { headers: { accept: "application/json" } }));
}

export async function post(path, payload, token) {
  const headers = { "content-type": "application/json", accept: "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  return parse(await fetch(`/api/${path}`, { method: "POST", headers, body: JSON.stringify(payload) }));
}
