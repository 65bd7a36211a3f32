import type { IncomingMessage } from "node:http";

/**
 * The request's body, or `undefined` when it is larger than `limit` bytes. A larger body is read
 * to its end but not kept, so memory stays flat and the client, still sending, gets the 413
 * rather than a reset connection.
 */
export async function readBodyUpTo(
  req: IncomingMessage,
  limit: number,
): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = Number(req.headers["content-length"] ?? 0) > limit;
  for await (const chunk of req) {
    if (tooLarge) continue;
    size += (chunk as Buffer).length;
    tooLarge = size > limit;
    if (tooLarge) chunks.length = 0;
    else chunks.push(chunk as Buffer);
  }
  return tooLarge ? undefined : Buffer.concat(chunks);
}
