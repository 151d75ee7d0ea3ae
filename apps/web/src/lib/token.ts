// The bearer token lives in localStorage so that a reload keeps the session.
const KEY = 'qa-forum.token';

export function readToken(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function writeToken(token: string | null): void {
  try {
    if (token) localStorage.setItem(KEY, token);
    else localStorage.removeItem(KEY);
  } catch {
    // private mode without storage: the session lasts as long as the page
  }
}
