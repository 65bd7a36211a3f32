import { boundSecrets } from "@entraide/core/config";
import { Config, type StackContext } from "sst/constructs";

/**
 * The stage's secrets, set once with `npx sst secrets set <NAME> <value> --stage <stage>` and
 * stored encrypted in SSM; bound functions read them at start (never plain environment variables).
 */
export function Secrets({ stack }: StackContext) {
  const secret = (name: string) => new Config.Secret(stack, name);
  return {
    /** Signs status, decision and download tokens: every function needs it. */
    tokenSecret: secret(boundSecrets.tokenSecret),
    /** The account payouts are paid from: only what writes SEPA files needs it. */
    debtor: [
      secret(boundSecrets.debtorName),
      secret(boundSecrets.debtorIban),
      secret(boundSecrets.debtorBic),
    ],
  };
}
