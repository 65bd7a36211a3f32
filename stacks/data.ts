import { tableDefinition, ttlAttribute } from "@entraide/core/db/layout";
import { BillingMode, TableEncryption } from "aws-cdk-lib/aws-dynamodb";
import { type StackContext, Table } from "sst/constructs";
import { removalPolicy, useSettings } from "./settings";

type FieldType = "string" | "number" | "binary";

/** The single table, shaped from the layout module's `tableDefinition` so the two cannot drift. */
export function Data({ stack, app }: StackContext) {
  const settings = useSettings(app);
  const definition = tableDefinition(app.logicalPrefixedName("table"));
  const key = (schema: typeof definition.KeySchema) => ({
    partitionKey: schema?.find((k) => k.KeyType === "HASH")?.AttributeName as string,
    sortKey: schema?.find((k) => k.KeyType === "RANGE")?.AttributeName,
  });
  const fieldTypes: Record<string, FieldType> = { S: "string", N: "number", B: "binary" };
  const table = new Table(stack, "Table", {
    fields: Object.fromEntries(
      (definition.AttributeDefinitions ?? []).map((a) => [
        a.AttributeName as string,
        fieldTypes[a.AttributeType as string] as FieldType,
      ]),
    ),
    primaryIndex: key(definition.KeySchema),
    globalIndexes: Object.fromEntries(
      (definition.GlobalSecondaryIndexes ?? []).map((index) => [
        index.IndexName as string,
        {
          ...key(index.KeySchema),
          projection:
            index.Projection?.ProjectionType === "KEYS_ONLY"
              ? ("keys_only" as const)
              : ("all" as const),
        },
      ]),
    ),
    timeToLiveAttribute: ttlAttribute,
    cdk: {
      table: {
        billingMode: BillingMode.PAY_PER_REQUEST,
        encryption: TableEncryption.AWS_MANAGED,
        // SST sets the older `pointInTimeRecovery` itself, and CDK refuses both at once.
        pointInTimeRecovery: settings.prod,
        deletionProtection: settings.prod,
        removalPolicy: removalPolicy(settings),
      },
    },
  });
  return { table };
}
