import type { ErrorCode } from "../../packages/core/src/errors";

/**
 * A code that only a test's own workflow or handler throws (`upstream.down`, `case.refused`):
 * the product's codes are the list in core/errors.ts, which tests need not extend.
 */
export const fixtureCode = (code: string): ErrorCode => code as ErrorCode;
