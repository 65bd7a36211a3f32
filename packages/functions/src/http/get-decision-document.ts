import { decisionDocument } from "@entraide/core/requests/approver-actions";
import * as z from "zod";
import { deps } from "../context";
import { http } from "./http";

/** A download link to one of the request's documents, signed now for an open decision token. */
export const handler = http(
  { params: z.object({ documentId: z.string().min(1).max(100) }) },
  ({ params }, { bearerToken }) => decisionDocument(deps(), bearerToken, params.documentId),
);
