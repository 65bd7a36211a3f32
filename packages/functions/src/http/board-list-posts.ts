import { postCategories, postKinds, postRegions } from "@entraide/core/board/post";
import { listPosts } from "@entraide/core/board/records";
import { languages } from "@entraide/core/requests/request-types";
import * as z from "zod";
import { deps } from "../context";
import { http } from "./http";

/** The board: published posts, newest first, filtered; readable by anyone, without giving anything. */
export const handler = http(
  {
    query: z.strictObject({
      kind: z.enum(postKinds).optional(),
      category: z.enum(postCategories).optional(),
      region: z.enum(postRegions).optional(),
      language: z.enum(languages).optional(),
      cursor: z.string().max(200).optional(),
    }),
  },
  ({ query: { cursor, ...filter } }) => listPosts(deps(), filter, { cursor, limit: 30 }),
);
