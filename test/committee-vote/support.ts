import "./use-vote-plan";
import { setCommitteeOf } from "../../packages/core/src/committees/committee";
import { getExecution } from "../../packages/core/src/engine/store";
import { setEnvelope } from "../../packages/core/src/funds/fund";
import type { RequestData } from "../../packages/core/src/requests/record";
import { flowStack } from "../requests-flow/support";
import { committeeEntries } from "./plan";

/** The flow stack with the test plan's committee and fund set, as operations would. */
export async function voteStack() {
  const f = await flowStack();
  await setCommitteeOf(f.stack, {
    committee: "initiatives",
    members: committeeEntries,
    backups: [],
  });
  await setEnvelope(f.stack, "initiatives", 5_000_000);
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
  return { ...f, voteToken, vote, dataOf };
}
