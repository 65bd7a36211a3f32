import { type AwsClients, createClients } from "./aws/clients";
import { type Clock, systemClock } from "./clock";
import { configFromEnv, type RuntimeConfig } from "./config";

/** What every core operation needs from the outside world, passed in rather than imported. */
export interface Deps {
  config: RuntimeConfig;
  clients: AwsClients;
  clock: Clock;
}

export function depsFromConfig(config: RuntimeConfig, clock: Clock = systemClock): Deps {
  return { config, clients: createClients(config), clock };
}

export function depsFromEnv(env: NodeJS.ProcessEnv = process.env): Deps {
  return depsFromConfig(configFromEnv(env));
}
