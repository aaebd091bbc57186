/** Build-time settings, validated once at start-up so a bad value fails loudly instead of half-working. */

function read(
  name: string,
  value: string | undefined,
  fallback: string,
  valid: (v: string) => boolean,
): string {
  const v = value ?? fallback;
  if (!valid(v)) {
    throw new Error(`Invalid ${name}: "${v}"`);
  }
  return v;
}

export const env = Object.freeze({
  /**
   * Where the API lives. Empty (the default): the same origin as the app, which is how the backend serves it and how
   * the Vite dev server proxies it. The browser never holds a token: the backend's session cookie is sent along.
   */
  apiBaseUrl: read(
    'VITE_API_BASE_URL',
    import.meta.env.VITE_API_BASE_URL,
    '',
    (v) => v === '' || /^https?:\/\/\S+[^/]$/.test(v),
  ),
  /** Where "Sign in" and "Sign out" go (backend-for-frontend endpoints on the API's origin). */
  authBaseUrl: read('VITE_AUTH_BASE_URL', import.meta.env.VITE_AUTH_BASE_URL, '/auth', (v) =>
    /^(https?:\/\/\S+)?\/\S*[^/]$/.test(v),
  ),
});

export function signInUrl(returnTo: string): string {
  return `${env.authBaseUrl}/login?returnTo=${encodeURIComponent(returnTo)}`;
}

export function signOutUrl(): string {
  return `${env.authBaseUrl}/logout`;
}
