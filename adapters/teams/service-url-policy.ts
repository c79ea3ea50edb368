/** Where the Teams adapter may send replies: the checks that keep it from being a request-forgery relay. */

function hostOf(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  try {
    return new URL(url).hostname.toLowerCase().replace(/^\[|\]$/g, '');
  } catch {
    return undefined;
  }
}

/** True for http(s) URLs on the loopback range (127.0.0.0/8, ::1, localhost): the only targets of local mode. */
export function isLoopbackServiceUrl(url: unknown): boolean {
  const host = hostOf(url);
  if (!host) return false;
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** True when the activity's serviceUrl has the host the Bot Framework put in the token's `serviceurl` claim. */
export function serviceUrlMatchesClaim(serviceUrl: unknown, claim: unknown): boolean {
  const activityHost = hostOf(serviceUrl);
  return activityHost !== undefined && activityHost === hostOf(claim);
}
