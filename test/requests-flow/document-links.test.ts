import { beforeAll, describe, expect, it } from "vitest";
import { createUpload } from "../../packages/core/src/documents/documents";
import { loadPlanConfig } from "../../packages/core/src/plan/config";
import { decisionDocument } from "../../packages/core/src/requests/approver-actions";
import { admins, contractBody, flowStack, pdf } from "./support";

let f: Awaited<ReturnType<typeof flowStack>>;
beforeAll(async () => {
  f = await flowStack();
});

/** How long a presigned GET link opens its object, as S3 reads it from the link. */
const lifetimeOf = (url: string) => Number(new URL(url).searchParams.get("X-Amz-Expires"));

describe("the plan's document links", () => {
  it("give approvers document links that last as long as the plan's documents.linkValiditySeconds", async () => {
    // Prepare
    const doc = await f.upload(pdf);
    const submitted = await f.submit(contractBody([doc]));
    const token = await f.decisionToken(admins[0]!, submitted.body.id);
    const testPlan = loadPlanConfig({ documents: { linkValiditySeconds: 90 } });

    // Act: the decision page signs a document's link when the approver opens it
    const byDefault = await decisionDocument(f.stack, token, doc);
    const byTestPlan = await decisionDocument(f.stack, token, doc, testPlan);
    const opened = await fetch(byTestPlan.url);

    // Assess
    expect(lifetimeOf(byDefault.url)).toBe(600);
    expect(lifetimeOf(byTestPlan.url)).toBe(90);
    expect(opened.status).toBe(200);
  });

  it("give the browser as long to upload as the plan's documents.uploadWindowSeconds", async () => {
    // Prepare
    const testPlan = loadPlanConfig({ documents: { uploadWindowSeconds: 120 } });
    const file = { fileName: "a.pdf", contentType: "application/pdf" as const, size: pdf.length };
    const now = f.stack.clock.now().getTime();

    // Act
    const { upload, expiresAt } = await createUpload(f.stack, file, testPlan);
    const policy = JSON.parse(Buffer.from(upload.fields.Policy!, "base64").toString("utf8"));

    // Assess
    expect(Date.parse(expiresAt) - now).toBeGreaterThanOrEqual(120_000);
    expect(Date.parse(expiresAt) - now).toBeLessThan(125_000);
    expect(Date.parse(policy.expiration) - now).toBeLessThan(125_000);
    expect(Date.parse(policy.expiration) - now).toBeGreaterThan(115_000);
  });
});
