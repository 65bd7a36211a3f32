import { allTypes, type Check, resultsOf } from "./context";

const { pass, warn, fail } = resultsOf("membership");

/**
 * The member must be in the register. A request whose email differs from the register's is
 * flagged: the status link goes to the request's email, so approvers should know.
 */
export const membership: Check = {
  name: "membership",
  appliesTo: allTypes,
  run(request, { member }) {
    if (!member) return fail("member_unknown", { memberNumber: request.memberNumber });
    if (member.email.toLowerCase() !== request.email.toLowerCase()) {
      return warn("member_email_differs", { memberNumber: request.memberNumber });
    }
    return pass("member_known", { memberNumber: request.memberNumber });
  },
};
