import type { Server } from "node:http";

const KEEP_ALIVE_MS = 65_000;

/**
 * Node closes an idle connection after 5 s by default and tells the client so; undici keeps it
 * for 4 s, and a request sent at the edge meets a closed socket (`UND_ERR_SOCKET`). Like a load
 * balancer, keep idle connections longer than any client does, so the client always closes
 * first; headersTimeout must exceed keepAliveTimeout.
 */
export function keepIdleConnectionsLongerThanClients(server: Server): void {
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1000;
}
