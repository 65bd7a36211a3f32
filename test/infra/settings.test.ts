import { describe, expect, test } from "vitest";
import config from "../../sst.config";
import { stageSettings } from "../../stacks/settings";
import { stageEnv } from "./synth";

describe("stage settings", () => {
  test("a stage without its settings is refused, naming every missing variable", () => {
    // Act
    const read = () => stageSettings("prod", {});
    // Assess
    expect(read).toThrow(/ENTRAIDE_DOMAIN.*ENTRAIDE_CERTIFICATE_ARN.*ENTRAIDE_OPS_EMAIL/);
  });

  test("a certificate outside us-east-1 is refused, since CloudFront cannot use it", () => {
    // Prepare
    const env = {
      ...stageEnv,
      ENTRAIDE_CERTIFICATE_ARN: stageEnv.ENTRAIDE_CERTIFICATE_ARN.replace("us-east-1", "eu-west-1"),
    };
    // Act
    const read = () => stageSettings("prod", env);
    // Assess
    expect(read).toThrow(/ENTRAIDE_CERTIFICATE_ARN/);
  });

  test("the addresses and the public URL derive from the domain; only prod is prod", () => {
    // Act
    const prod = stageSettings("prod", stageEnv);
    const other = stageSettings("test", stageEnv);
    // Assess
    expect(prod).toMatchObject({
      prod: true,
      publicUrl: "https://entraide.example.coop",
      mailFrom: "entraide@entraide.example.coop",
      replyTo: "replies@in.entraide.example.coop",
      inboundDomain: "in.entraide.example.coop",
    });
    expect(other.prod).toBe(false);
  });

  test("the app is named entraide and deploys to eu-west-1 unless told otherwise", async () => {
    // Act
    const byDefault = await config.config({});
    const elsewhere = await config.config({ region: "eu-central-1" });
    // Assess
    expect(byDefault).toMatchObject({ name: "entraide", region: "eu-west-1" });
    expect(elsewhere.region).toBe("eu-central-1");
  });
});
