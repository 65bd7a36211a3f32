/**
 * The URL this machine reaches a server listening on `host` at: a wildcard address (every
 * interface) is reached through loopback.
 */
export function localOrigin(host: string, port: number): string {
  const address = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
  return `http://${address.includes(":") ? `[${address}]` : address}:${port}`;
}
