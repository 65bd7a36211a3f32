import { openApiDocument } from "@entraide/core/requests/openapi";
import { http } from "./http";

const document = openApiDocument();

/** OpenAPI 3.1, generated from the same zod schemas that validate the requests. */
export const handler = http({}, async () => document);
