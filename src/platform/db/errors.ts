/**
 * Errors that mean "the database cannot be reached right now" (a stopped or
 * restarting server, a cut connection, a full pool), as opposed to an error
 * in the query. Requests answer them with 503 and Retry-After; jobs retry them
 * without counting them as their own failure.
 */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

export function isDatabaseUnavailable(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  const err = e as { code?: unknown; message?: unknown; errors?: unknown; cause?: unknown };
  const code = typeof err.code === 'string' ? err.code : '';
  // SQLSTATE classes: 08 connection exception, 57P01–57P05 server shutting down / cannot connect now, 53300 too many connections.
  if (/^08/.test(code) || /^57P0[1-5]$/.test(code) || code === '53300') return true;
  if (NETWORK_CODES.has(code)) return true;
  const message = typeof err.message === 'string' ? err.message : '';
  if (
    /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly|the database system is (starting up|shutting down|in recovery mode)/i.test(
      message,
    )
  ) {
    return true;
  }
  // AggregateError from net.connect with several addresses (IPv4 + IPv6)
  if (Array.isArray(err.errors) && err.errors.some(isDatabaseUnavailable)) return true;
  if (err.cause && err.cause !== e) return isDatabaseUnavailable(err.cause);
  return false;
}
