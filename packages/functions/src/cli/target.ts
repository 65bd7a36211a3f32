import { OffsetClock } from "@entraide/core/clock";
import { configFromEnv } from "@entraide/core/config";
import { type Deps, depsFromConfig } from "@entraide/core/deps";
import { EntraideError } from "@entraide/core/errors";
import { readClockOffset } from "../local/clock-offset";
import { localDataDir, readLocalConfig } from "../local/config-file";
import { keptAwsCredentials } from "../local/dev-secret";

/** The stack a command acts on. */
export interface Target {
  deps: Deps;
  local: boolean;
  description: string;
}

/**
 * The running local stack (its config file, its shifted clock), or with `stage` a deployed stage
 * configured by the `ENTRAIDE_*` environment variables.
 */
export async function loadTarget(
  stage: string | undefined,
  env: NodeJS.ProcessEnv,
): Promise<Target> {
  if (stage) {
    let config: ReturnType<typeof configFromEnv>;
    try {
      config = configFromEnv(env);
    } catch (error) {
      throw new EntraideError(
        "cli.stage-config",
        `${(error as Error).message}: to use --stage ${stage}, set the ENTRAIDE_* variables of that stage`,
        { cause: error },
      );
    }
    return {
      deps: depsFromConfig(config),
      local: false,
      description: `stage ${stage} (table ${config.table})`,
    };
  }
  const config = await readLocalConfig(env);
  // The local SQS and S3 accept only the signature of the credentials `npm start` keeps.
  const kept = await keptAwsCredentials(localDataDir(env));
  if (kept) {
    process.env.AWS_ACCESS_KEY_ID = kept.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = kept.secretAccessKey;
  }
  process.env.AWS_ACCESS_KEY_ID ??= "local";
  process.env.AWS_SECRET_ACCESS_KEY ??= "local";
  const deps = depsFromConfig(config);
  const clock = new OffsetClock(await readClockOffset(deps));
  return {
    deps: { ...deps, clock },
    local: true,
    description: `local stack (table ${config.table})`,
  };
}
