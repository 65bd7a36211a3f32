import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { S3Client } from "@aws-sdk/client-s3";
import { SESClient } from "@aws-sdk/client-ses";
import { SQSClient } from "@aws-sdk/client-sqs";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { RuntimeConfig } from "../config";

export interface AwsClients {
  ddb: DynamoDBDocumentClient;
  sqs: SQSClient;
  s3: S3Client;
  ses: SESClient;
}

/**
 * The one place AWS clients are built. Endpoints come from the config: unset in AWS (the SDK
 * defaults), the emulators' addresses locally. Path-style S3 follows from a custom endpoint,
 * because emulators do not serve virtual-hosted bucket names.
 */
export function createClients(config: RuntimeConfig): AwsClients {
  const { region, endpoints } = config;
  const ddb = DynamoDBDocumentClient.from(
    new DynamoDBClient({ region, endpoint: endpoints.dynamodb }),
    {
      marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
    },
  );
  return {
    ddb,
    sqs: new SQSClient({ region, endpoint: endpoints.sqs }),
    s3: new S3Client({
      region,
      endpoint: endpoints.s3,
      forcePathStyle: endpoints.s3 !== undefined,
      // Otherwise presigned PUTs carry the checksum of an empty body, and S3 refuses the upload.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    }),
    ses: new SESClient({ region, endpoint: endpoints.ses }),
  };
}
