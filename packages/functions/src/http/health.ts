import { getItem } from "@entraide/core/db/items";
import { keys } from "@entraide/core/db/layout";
import pkg from "../../../../package.json" with { type: "json" };
import { deps } from "../context";
import { logger } from "../logger";
import { http, Reply } from "./http";

/** Liveness: the versions, and whether the table answers (one small keyed read, no scan). */
export const handler = http({}, async () => {
  const { config, clients } = deps();
  const about = { version: pkg.version, node: process.version };
  try {
    await getItem({ clients, config }, keys.clock(), { ProjectionExpression: "pk" });
    return new Reply(200, { status: "ok", ...about, dynamodb: "ok" });
  } catch (error) {
    logger.warn("health: DynamoDB does not answer", { error: error as Error });
    return new Reply(503, { status: "degraded", ...about, dynamodb: "unavailable" });
  }
});
