import { beforeAll, describe, expect, it } from "vitest";
import { readToken } from "../../packages/core/src/engine/callbacks";
import { getExecution } from "../../packages/core/src/engine/store";
import { handleInboundEmail } from "../../packages/core/src/notifications/replies/inbound";
import { decide } from "../../packages/core/src/requests/approver-actions";
import { DAY_MS } from "../engine/fixtures";
import { admins, contractBody, flowStack, loanBody, member, pdf } from "./support";

let f: Awaited<ReturnType<typeof flowStack>>;
beforeAll(async () => {
  f = await flowStack();
});

const statusOf = async (id: string) =>
  ((await getExecution(f.stack, id))!.data as { status: string }).status;
const approvalMail = async (approver: string, id: string) =>
  (await f.inbox(approver)).filter((m) => m.subject.includes(id)).at(-1) as unknown as {
    subject: string;
    replyTo: string[];
    body: { html: string; text: string };
  };

describe("approvals by email, safe against link scanners", () => {
  it("a scanner fetching every link of the approval email decides nothing; the page's POST decides", async () => {
    // Prepare
    const submitted = await f.submit(contractBody([await f.upload(pdf)]));
    const mail = await approvalMail(admins[0]!, submitted.body.id);
    const urls = [
      ...new Set(
        [...`${mail.body.html} ${mail.body.text}`.matchAll(/https?:\/\/[^\s"'<>]+/g)].map((m) =>
          m[0].replaceAll("&amp;", "&"),
        ),
      ),
    ];
    // Act: GET and HEAD every URL, as Safe Links or Proofpoint would
    for (const url of urls) {
      const local = url.replace(f.stack.config.publicUrl, f.api.server.url);
      for (const method of ["GET", "HEAD"]) await fetch(local, { method }).catch(() => undefined);
    }
    await f.harness.drain();
    const afterScan = await statusOf(submitted.body.id);
    const token = await f.decisionToken(admins[0]!, submitted.body.id);
    const page = await f.api.call("GET", "/api/decisions/current", { token });
    const posted = await f.api.call("POST", "/api/decisions", {
      token,
      body: { decision: "approve" },
    });
    await f.harness.drain();
    // Assess
    expect(urls.some((u) => u.includes("decision.html#token="))).toBe(true);
    expect(urls.every((u) => !/[?&]token=/.test(u.split("#")[0]!))).toBe(true);
    expect(afterScan).toBe("awaiting-approval");
    expect(page.body).toMatchObject({
      open: true,
      approver: admins[0],
      request: { id: submitted.body.id, amountCents: 90_000 },
    });
    expect(posted.status).toBe(200);
    expect(await statusOf(submitted.body.id)).toBe("scheduled");
    // A used link still shows who decided what and when.
    const used = await f.api.call("GET", "/api/decisions/current", { token });
    expect(used.body).toMatchObject({
      open: false,
      closedReason: { decision: "approve", by: admins[0] },
    });
  });

  it("refuses forged, reused, expired, other-approver and after-withdrawal tokens, changing nothing", async () => {
    // Prepare
    const a = await f.submit(contractBody([await f.upload(pdf)]));
    const tokenA = await f.decisionToken(admins[0]!, a.body.id);
    const b = await f.submit(contractBody([await f.upload(pdf)]));
    const tokenB = await f.decisionToken(admins[1]!, b.body.id);
    // The same file bytes in both requests: approvers of the second are warned, not blocked.
    const view = await f.api.call("GET", "/api/decisions/current", { token: tokenB });
    expect(view.body.warnings.map((w: { check: string }) => w.check)).toContain("document-reuse");
    expect(view.body.open).toBe(true);
    // Act + Assess: forged
    const forged = await f.api.call("POST", "/api/decisions", {
      token: `${tokenA.slice(0, 42)}x`,
      body: { decision: "approve" },
    });
    expect(forged.status).toBe(404);
    // a reply token used on the page
    expect(
      (
        await f.api.call("POST", "/api/decisions", {
          token: undefined,
          body: { decision: "approve" },
        })
      ).status,
    ).toBe(404);
    // reused
    expect(
      (
        await f.api.call("POST", "/api/decisions", {
          token: tokenB,
          body: { decision: "reject", comment: "non" },
        })
      ).status,
    ).toBe(200);
    expect(
      (await f.api.call("POST", "/api/decisions", { token: tokenB, body: { decision: "approve" } }))
        .status,
    ).toBe(409);
    // after withdrawal
    await f.api.call("POST", `/api/requests/${a.body.id}/withdraw`, {
      token: decodeURIComponent(f.tokenOf(a.body.statusUrl)),
    });
    expect(
      (await f.api.call("POST", "/api/decisions", { token: tokenA, body: { decision: "approve" } }))
        .status,
    ).toBe(409);
    await f.harness.drain();
    expect(await statusOf(a.body.id)).toBe("withdrawn");
    expect(await statusOf(b.body.id)).toBe("rejected");
    // a token of request b cannot decide request a: tokens are bound to one request and step
    expect((await readToken(f.stack, tokenB))?.executionId).toBe(b.body.id);
  });

  it("sends reminders every 2 days and escalates to the backups at day 7, whose links decide too", async () => {
    // Prepare
    const submitted = await f.submit(contractBody([await f.upload(pdf)]));
    // Act
    for (let day = 0; day < 8; day++) await f.harness.advance(DAY_MS);
    const backupToken = await f.decisionToken(
      "backup.spectacle@smart.example.org",
      submitted.body.id,
    );
    const reminders = (await f.inbox(admins[0]!)).filter((m) =>
      m.subject.includes(submitted.body.id),
    );
    await f.api.call("POST", "/api/decisions", {
      token: backupToken,
      body: { decision: "approve" },
    });
    await f.harness.drain();
    for (let day = 0; day < 4; day++) await f.harness.advance(DAY_MS);
    // Assess
    expect(reminders).toHaveLength(4);
    expect(await statusOf(submitted.body.id)).toBe("scheduled");
    expect(
      (await f.inbox(admins[0]!)).filter((m) => m.subject.includes(submitted.body.id)),
    ).toHaveLength(4);
  });

  it("an approver's reply decides like the page; a forwarded reply from someone else decides nothing", async () => {
    // Prepare
    const submitted = await f.submit(contractBody([await f.upload(pdf)]));
    const mail = await approvalMail(admins[1]!, submitted.body.id);
    const replyTo = mail.replyTo[0]!;
    const reply = (from: string, text: string) =>
      [
        `From: ${from}`,
        `To: ${replyTo}`,
        `Subject: Re: ${mail.subject}`,
        "Content-Type: text/plain; charset=utf-8",
        "",
        text,
        "",
        "Le lun. 4 mai 2020 à 10:00, Entraide a écrit :",
        "> Refuser ou approuver ?",
      ].join("\r\n");
    const decideFn = (
      token: string,
      input: Parameters<typeof decide>[3],
      context: { via: "email"; sender: string },
    ) => decide(f.stack, f.engine, token, input, context);
    // Act
    const forwarded = await handleInboundEmail(
      f.stack,
      reply("someone.else@example.org", "OK"),
      decideFn,
    );
    const stillWaiting = await statusOf(submitted.body.id);
    const approved = await handleInboundEmail(
      f.stack,
      reply(admins[1]!, "APPROUVÉ, merci !"),
      decideFn,
    );
    await f.harness.drain();
    // Assess
    expect(replyTo).toMatch(/^decisions\+[a-z2-7]{52}@smart\.test$/);
    expect(forwarded.outcome).toBe("ignored");
    expect(stillWaiting).toBe("awaiting-approval");
    expect(approved.outcome).toBe("decided");
    expect(await statusOf(submitted.body.id)).toBe("scheduled");
  });

  it("an approver who decided by reply cannot decide again on the page in the same round", async () => {
    // Prepare: a loan needs two approvers, so the first decision leaves it open
    const body = loanBody([await f.upload(pdf)], {
      purpose: "training",
      amountCents: 200_000,
      termMonths: 12,
      graceMonths: 0,
    });
    const submitted = await f.submit(body);
    const mail = await approvalMail("credit.ines@smart.example.org", submitted.body.id);
    const raw = [
      `From: credit.ines@smart.example.org`,
      `To: ${mail.replyTo[0]}`,
      "Subject: Re: prêt",
      "",
      "Approuvé",
    ].join("\r\n");
    const decideFn = (
      token: string,
      input: Parameters<typeof decide>[3],
      context: { via: "email"; sender: string },
    ) => decide(f.stack, f.engine, token, input, context);
    // Act
    const replied = await handleInboundEmail(f.stack, raw, decideFn);
    await f.harness.drain();
    const again = await f.decide("credit.ines@smart.example.org", submitted.body.id, {
      decision: "reject",
      comment: "finalement non",
    });
    // Assess
    expect(replied.outcome).toBe("decided");
    expect(again.status).toBe(409);
    expect(await statusOf(submitted.body.id)).toBe("awaiting-approval");
  });

  it("emails about a hostile description carry no active content", async () => {
    // Prepare
    const hostile = `<script>alert(1)</script> "><img src=x onerror=alert(1)>`;
    // Act
    const submitted = await f.submit(
      contractBody([await f.upload(pdf)], { cancellationReason: hostile }),
    );
    const mail = await approvalMail(admins[0]!, submitted.body.id);
    // Assess
    expect(mail.body.html).not.toMatch(/<script|<img[^>]*onerror/i);
    expect(mail.body.html).toContain("&lt;script&gt;");
    expect(mail.body.text).toContain("<script>alert(1)</script>");
    expect((await f.inbox(member.email)).length).toBeGreaterThan(0);
  });
});
