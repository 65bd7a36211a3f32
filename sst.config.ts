import type { SSTConfig } from "sst";
import { Alarms } from "./stacks/alarms";
import { Api } from "./stacks/api";
import { Data } from "./stacks/data";
import { Documents } from "./stacks/documents";
import { Email } from "./stacks/email";
import { Queues } from "./stacks/queues";
import { Secrets } from "./stacks/secrets";
import { Web } from "./stacks/web";
import { Workers } from "./stacks/workers";

export default {
  config(input) {
    return { name: "entraide", region: input.region ?? "eu-west-1" };
  },
  stacks(app) {
    // In dependency order: each stack `use()`s only stacks above it.
    app
      .stack(Secrets)
      .stack(Data)
      .stack(Queues)
      .stack(Documents)
      .stack(Email)
      .stack(Workers)
      .stack(Api)
      .stack(Web)
      .stack(Alarms);
  },
} satisfies SSTConfig;
