import { bucketLayout } from "@entraide/core/aws/bucket-layout";
import { Duration } from "aws-cdk-lib";
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
  ObjectOwnership,
} from "aws-cdk-lib/aws-s3";
import type { StackContext } from "sst/constructs";
import { removalPolicy, useSettings } from "./settings";

/**
 * The private documents bucket: uploads by presigned POST from the site, attached documents,
 * inbound mail and finance exports, each prefix with its retention (see the core bucket layout).
 */
export function Documents({ stack, app }: StackContext) {
  const settings = useSettings(app);
  const bucket = new Bucket(stack, "Documents", {
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
    encryption: BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    // An overwritten or deleted document can be restored for a month.
    versioned: true,
    cors: [
      {
        // Only the browser's presigned POST upload crosses origins; downloads are plain links.
        allowedMethods: [HttpMethods.POST],
        allowedOrigins: [settings.publicUrl],
        allowedHeaders: ["content-type", "content-length", "content-md5", "x-amz-*"],
        exposedHeaders: ["etag"],
        maxAge: 3600,
      },
    ],
    lifecycleRules: [
      ...Object.entries(bucketLayout).map(([area, { prefix, expireAfterDays }]) => ({
        id: `expire-${area}`,
        prefix,
        expiration: Duration.days(expireAfterDays),
      })),
      {
        id: "tidy",
        abortIncompleteMultipartUploadAfter: Duration.days(1),
        noncurrentVersionExpiration: Duration.days(30),
        expiredObjectDeleteMarker: true,
      },
    ],
    removalPolicy: removalPolicy(settings),
    autoDeleteObjects: !settings.prod,
  });
  return { bucket };
}
