import type { CheckReason } from "../request-view/reasons";
import type { RequestData } from "./record";

/** One turn of the exchange between approvers (or the checks) and the member, in order. */
export type Turn =
  | { kind: "question"; at: string; by?: string; message?: string; reasons?: CheckReason[] }
  | { kind: "answer"; at: string; comment?: string; documents: string[]; corrected: string[] };

/**
 * The questions asked of the member and the member's answers, oldest first, with the question
 * still open last. Texts are the people's own; check reasons stay codes, rendered per reader.
 */
export function conversationOf(data: RequestData): Turn[] {
  const turns: Turn[] = [];
  for (const answer of data.infoAnswers ?? []) {
    if (answer.question) turns.push({ kind: "question", ...answer.question });
    turns.push({
      kind: "answer",
      at: answer.at,
      comment: answer.comment,
      documents: answer.documents ?? [],
      corrected: answer.corrected ?? [],
    });
  }
  if (data.infoRequest && data.status === "needs-info") {
    const open = data.infoRequest;
    turns.push(
      open.by
        ? { kind: "question", at: open.requestedAt, by: open.by, message: open.message }
        : {
            kind: "question",
            at: open.requestedAt,
            reasons: (data.checks?.results ?? [])
              .filter((r) => r.outcome === "fail")
              .map((r) => r.reason),
          },
    );
  }
  return turns;
}
