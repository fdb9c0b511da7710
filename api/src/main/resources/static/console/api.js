// The console reads the public REST API only (same origin): whatever it shows, a REST client can get too.

/** An API call that failed: the HTTP status (0 when the API did not answer) and the problem document's words. */
export class ApiError extends Error {
  constructor(status, title, detail) {
    super(detail ? `${title}: ${detail}` : title);
    this.status = status;
    this.title = title;
    this.detail = detail;
  }
}

/** The address of an API resource with its query parameters; empty and null parameters are left out. */
export function apiUrl(path, params = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') {
      query.set(name, value);
    }
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** GETs a JSON resource; a problem document (4xx, 5xx) or no answer becomes an ApiError. */
export async function getJson(path, params = {}) {
  let response;
  try {
    response = await fetch(apiUrl(path, params), { headers: { Accept: 'application/json' } });
  } catch (error) {
    throw new ApiError(0, 'The API did not answer', 'check the connection and try again');
  }
  if (!response.ok) {
    let problem = {};
    try {
      problem = await response.json();
    } catch (error) {
      // not a problem document (a proxy's error page): the status says enough
    }
    throw new ApiError(response.status, problem.title || response.statusText || 'Error',
      problem.detail || `the API answered ${response.status}`);
  }
  return response.json();
}
