import { createUpload } from "@entraide/core/documents/index";
import { ValidationError } from "@entraide/core/errors";
import { schemas } from "@entraide/core/request-view/schemas";
import { languageOf } from "@entraide/core/requests/i18n";
import { parseWith } from "@entraide/core/requests/messages";
import * as z from "zod";
import { deps } from "../context";
import { created, http } from "./http";

/**
 * Registers an upload and hands the browser a presigned POST for the file itself, bound to its
 * size and type (`?lang=` for errors).
 */
export const handler = http(
  { body: z.unknown(), query: z.object({ lang: z.string().optional() }) },
  async ({ body, query }) => {
    const parsed = parseWith(schemas.documentUpload, body, languageOf({ language: query.lang }));
    if (!parsed.success) throw new ValidationError(parsed.errors);
    return created(await createUpload(deps(), parsed.data));
  },
);
