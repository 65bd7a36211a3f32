import { getExecution } from "../../packages/core/src/engine/store";
import type { RequestData } from "../../packages/core/src/requests/record";
import type { flowStack } from "../requests-flow/support";

type FlowStack = Awaited<ReturnType<typeof flowStack>>;

/**
 * Votes as a committee member does, from the link of their newest vote email, on any plan:
 * the committee-vote tests' test plan or the default plan's `initiative-support`.
 */
export function voteHelpers(f: FlowStack) {
  /** The vote link a committee member received for a request (the newest). */
  const voteToken = async (to: string, requestId: string) => {
    const mails = (await f.inbox(to)).filter((m) => m.subject.includes(requestId));
    const match = [...mails]
      .reverse()
      .map((m) => (m.body.text ?? "").match(/vote\.html#token=([A-Za-z0-9_-]{43})/))
      .find((m) => m);
    if (!match) throw new Error(`no vote link for ${to} on ${requestId}`);
    return match[1]!;
  };
  const vote = async (to: string, requestId: string, body: Record<string, unknown>) => {
    const answer = await f.api.call("POST", "/api/votes", {
      body,
      token: await voteToken(to, requestId),
    });
    await f.harness.drain();
    return answer;
  };
  const dataOf = async (id: string) => (await getExecution(f.stack, id))!.data as RequestData;
  return { voteToken, vote, dataOf };
}
