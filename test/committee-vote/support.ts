import "./use-vote-plan";
import { setCommitteeOf } from "../../packages/core/src/committees/committee";
import { setEnvelope } from "../../packages/core/src/funds/fund";
import { flowStack } from "../requests-flow/support";
import { committeeEntries } from "./plan";
import { voteHelpers } from "./vote-helpers";

/** The flow stack with the test plan's committee and fund set, as operations would. */
export async function voteStack() {
  const f = await flowStack();
  await setCommitteeOf(f.stack, {
    committee: "initiatives",
    members: committeeEntries,
    backups: [],
  });
  await setEnvelope(f.stack, "initiatives", 5_000_000);
  return { ...f, ...voteHelpers(f) };
}
