import { Api as HttpApi, type StackContext, use } from "sst/constructs";
import { routes } from "../packages/functions/src/http/routes";
import { Data } from "./data";
import { Documents } from "./documents";
import { Queues } from "./queues";
import { grants, lambdaProps, runtimeEnvironment } from "./runtime";
import { Secrets } from "./secrets";
import { removalPolicy, useSettings } from "./settings";

/** Steady requests per second and burst for the whole API: far above a cooperative's traffic. */
export const API_THROTTLE = { rate: 50, burst: 100 };

/** "GET /api/requests/{id}" -> "GetApiRequestsId": a construct id per route. */
export const routeId = (key: string) =>
  key
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]?.toUpperCase() + w.slice(1))
    .join("");

/** The HTTP API of spec §8, one function per route of the shared route map. */
export function Api({ stack, app }: StackContext) {
  const settings = useSettings(app);
  const { table } = use(Data);
  const { queue, deadLetters } = use(Queues);
  const { bucket } = use(Documents);
  const { tokenSecret } = use(Secrets);
  const environment = runtimeEnvironment({ settings, table, queue, deadLetters, bucket });
  // Every route gets the same, small set: requests read and write the table, start work on the
  // queue, presign uploads and attach them as documents (a copy: read + put).
  const permissions = () => [
    grants.tableReadWrite(table),
    grants.queueSend(queue),
    grants.objects(bucket, ["s3:GetObject", "s3:PutObject"], ["uploads", "documents"]),
  ];

  const api = new HttpApi(stack, "Api", {
    routes: Object.fromEntries(
      Object.entries(routes).map(([key, handler]) => [
        key,
        {
          function: lambdaProps(stack, routeId(key), settings, {
            handler,
            timeoutSeconds: 10,
            memorySize: 256,
            environment,
            secrets: [tokenSecret],
            permissions: permissions(),
          }),
        },
      ]),
    ),
    defaults: { throttle: API_THROTTLE },
    // The site calls the API on its own origin (CloudFront forwards /api/*); a browser on any
    // other origin is refused.
    cors: {
      allowOrigins: [settings.publicUrl],
      allowMethods: ["GET", "POST"],
      allowHeaders: ["authorization", "content-type", "idempotency-key"],
      maxAge: "1 day",
    },
    accessLog: { retention: settings.prod ? "three_months" : "one_week" },
  });
  api.cdk.accessLogGroup?.applyRemovalPolicy(removalPolicy(settings));
  stack.addOutputs({ ApiUrl: api.url });
  return { api };
}
