import { Logger } from "@aws-lambda-powertools/logger";

/** Structured JSON logs; personal data and tokens are never passed to it. */
export const logger = new Logger({ serviceName: "entraide" });
