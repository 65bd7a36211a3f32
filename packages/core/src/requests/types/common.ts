import { z } from "zod";
import type { PlanConfig } from "../../plan/config";
import { documentIds, email, iban, language, memberNumber } from "../fields";

/** Fields every request has (§8), whatever its type. */
export const commonFields = {
  language: language(),
  memberNumber: memberNumber(),
  email: email(),
  iban: iban(),
  /** The member agrees that the client may be asked to honour the cancellation costs (§6). */
  clientConsent: z.boolean().optional(),
};

/** The request's documents, bounded by the plan. */
export const documentsField = (plan: PlanConfig, min: number) =>
  documentIds(min, plan.documents.maxPerRequest);
