import { beforeAll, describe, expect, it } from "vitest";
import { getExecution } from "../../packages/core/src/engine/store";
import { planConfig } from "../../packages/core/src/plan/config";
import { credit, flowStack, loanBody, member, pdf, setNow } from "./support";

let f: Awaited<ReturnType<typeof flowStack>>;
beforeAll(async () => {
  f = await flowStack();
});

const DAY = 86_400_000;
const START = Date.parse("2031-05-05T08:00:00Z");

/** Every email sent since `from` (an index in the inbox): its day, what it is and to whom. */
async function mailsSince(from: number, requestId: string) {
  const store = await (await fetch(`${f.stack.config.endpoints.ses}/store`)).json();
  return (store.emails as { destination: { to: string[] }; subject: string }[])
    .slice(from)
    .filter((e) => e.subject.includes(requestId));
}
const dayOf = (line: string) => Number(/^day (\d+)/.exec(line)![1]);
const inboxSize = async () =>
  ((await (await fetch(`${f.stack.config.endpoints.ses}/store`)).json()).emails as unknown[])
    .length;

describe("reminders of a four-eyes request", () => {
  it("after the member's answer, go to both approvers still expected to decide, 1/3, 2/3, 3/3 on their days, then the escalation to the backups", async () => {
    // Prepare: a loan (the credit committee, always two approvers); one asks for information
    setNow(f.stack, new Date(START).toISOString());
    const submitted = await f.submit(loanBody([await f.upload(pdf)]));
    const id = submitted.body.id as string;
    await f.decide(credit[0]!, id, { decision: "request-info", comment: "Le devis des micros ?" });
    const token = decodeURIComponent(f.tokenOf(submitted.body.statusUrl));
    const before = await inboxSize();
    await f.api.call("POST", `/api/requests/${id}/info`, {
      token,
      body: { comment: "Le voici, joint à la demande." },
    });
    await f.harness.drain();
    const routing = (
      (await getExecution(f.stack, id))!.data as {
        routing: { approvers: string[]; backups: string[] };
      }
    ).routing;
    const { reminderEverySeconds, reminderCount, escalateAfterSeconds } = planConfig.approvals;

    // Act: the clock moves one day at a time, past the escalation
    const days: { day: number; mails: { subject: string; to: string[] }[] }[] = [];
    let seen = before;
    for (let day = 0; day <= escalateAfterSeconds / 86_400 + 2; day++) {
      setNow(f.stack, new Date(START + day * DAY + 60_000).toISOString());
      await f.harness.drain();
      const mails = await mailsSince(seen, id);
      seen = await inboxSize();
      if (mails.length > 0)
        days.push({
          day,
          mails: mails.map((m) => ({ subject: m.subject, to: m.destination.to })),
        });
    }

    // Assess: the exact sequence the plan's approvals config says, whatever each reads
    const expected: string[] = routing.approvers.map((to) => `day 0: request to ${to}`);
    for (let n = 1; n <= reminderCount; n++)
      for (const to of routing.approvers)
        expected.push(
          `day ${(n * reminderEverySeconds) / 86_400}: reminder ${n}/${reminderCount} to ${to}`,
        );
    for (const to of routing.backups)
      expected.push(`day ${escalateAfterSeconds / 86_400}: escalation to ${to}`);
    const kind = (subject: string) =>
      /\b(\d+\/\d+)\b/.exec(subject.split(" — ")[0]!)?.[1] !== undefined
        ? `reminder ${/\b(\d+\/\d+)\b/.exec(subject)![1]}`
        : /^(Suppléance|Vervanging|Backup approval)/.test(subject)
          ? "escalation"
          : "request";
    const got = days.flatMap(({ day, mails }) =>
      mails.flatMap((m) => m.to.map((to) => `day ${day}: ${kind(m.subject)} to ${to}`)).sort(),
    );
    expect(routing.approvers).toHaveLength(2);
    expect(routing.backups.length).toBeGreaterThan(0);
    expect(got).toEqual([...expected].sort((a, b) => dayOf(a) - dayOf(b) || a.localeCompare(b)));
  });

  it("keep their order when the clock jumps past them all at once: one reminder saying where the round stands, then the escalation, none after it", async () => {
    // Prepare
    const start = START + 30 * DAY;
    setNow(f.stack, new Date(start).toISOString());
    // Another member: the first test's loan is still open
    const submitted = await f.submit(loanBody([await f.upload(pdf)], member));
    const id = submitted.body.id as string;
    const before = await inboxSize();

    // Act: eight days pass before anyone looks (a stopped stack, `entraide clock advance 8d`)
    setNow(f.stack, new Date(start + 8 * DAY).toISOString());
    await f.harness.drain();

    // Assess: in the order the inbox received them, one mailing at a time
    const mailings = (await mailsSince(before, id)).map((m) =>
      /\b(\d+\/\d+)\b/.test(m.subject.split(" — ")[0]!)
        ? /\b(\d+\/\d+)\b/.exec(m.subject)![1]
        : /^(Suppléance|Vervanging|Backup approval)/.test(m.subject)
          ? "escalation"
          : "other",
    );
    expect(mailings.filter((m, i) => m !== mailings[i - 1])).toEqual(["3/3", "escalation"]);
    // Nothing more once the reminder timer's later firings come due
    const after = await inboxSize();
    setNow(f.stack, new Date(start + 14 * DAY).toISOString());
    await f.harness.drain();
    expect(await mailsSince(after, id)).toEqual([]);
  });
});
