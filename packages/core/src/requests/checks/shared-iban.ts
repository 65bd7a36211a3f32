import { allTypes, type Check, resultsOf } from "./context";

const { pass, warn } = resultsOf("shared-iban");

/** Risk flag: the IBAN is used by another member (couples share accounts; so do fraudsters). */
export const sharedIban: Check = {
  name: "shared-iban",
  appliesTo: allTypes,
  run(request, ctx) {
    const others = [...new Set(ctx.ibanSharedWith)].filter((m) => m !== request.memberNumber);
    return others.length > 0
      ? warn("iban_shared", { count: others.length, memberNumbers: others.join(", ") })
      : pass("iban_unique");
  },
};
