// First: the stack started below reads the test plan (a committee vote on the emergency aid).
import "../committee-vote/use-vote-plan";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setCommitteeOf } from "../../packages/core/src/committees/committee";
import { depsFromConfig } from "../../packages/core/src/deps";
import { setEnvelope } from "../../packages/core/src/funds/fund";
import { aidBody, committee, committeeEntries } from "../committee-vote/plan";
import {
  axeViolations,
  eventually,
  type OpenPage,
  screenshot,
  startWebStack,
  type WebStack,
} from "./browser";

/**
 * The vote page as committee members read it, in French, Dutch and English: the request, the
 * tally with who voted what, the vote with a comment, the conflict of interest; 360 and 1280 px.
 */
let web: WebStack;
beforeAll(async () => {
  web = await startWebStack();
  const deps = depsFromConfig(web.stack.config);
  await setCommitteeOf(deps, { committee: "initiatives", members: committeeEntries, backups: [] });
  await setEnvelope(deps, "initiatives", 1_000_000);
}, 180_000);
afterAll(async () => {
  await web?.stop();
});

/** The newest vote link emailed to `to` about `requestId`. */
const voteLink = (to: string, requestId: string) =>
  eventually(`a vote email to ${to}`, async () => {
    const store = (await (await fetch(`${web.stack.urls.inbox}/store`)).json()) as {
      emails: { destination: { to: string[] }; subject: string; body: { text?: string } }[];
    };
    return store.emails
      .filter((e) => e.destination.to.includes(to) && e.subject.includes(requestId))
      .flatMap((e) => e.body.text?.match(/https?:\/\/\S*vote\.html#token=[A-Za-z0-9_%-]+/g) ?? [])
      .at(-1);
  });
const pathOf = (link: string) => {
  const url = new URL(link);
  return `${url.pathname}${url.hash}`;
};
const textOf = async (page: OpenPage) =>
  ((await page.textContent("#app")) ?? "").replace(/[\u00a0\u202f]/g, " ");

/** Screenshots at both widths; true when the page scrolls sideways at either. */
async function shoot(page: OpenPage, name: string): Promise<boolean> {
  let overflow = false;
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await screenshot(page, `${name}-${width}`);
    overflow ||= await page.evaluate(
      () => document.documentElement.scrollWidth > window.innerWidth,
    );
  }
  return overflow;
}

describe("the vote page", () => {
  it("lets each member vote in their language, shows the tally with names, and takes a conflict of interest", async () => {
    // Prepare: a member asks for an emergency aid, which the initiatives committee votes on
    const answer = await fetch(`${web.base}/api/requests`, {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": crypto.randomUUID() },
      body: JSON.stringify(aidBody("M0001")),
    });
    const { id } = (await answer.json()) as { id: string };
    const links = {
      fr: await voteLink(committee.chair, id),
      nl: await voteLink(committee.nl, id),
      en: await voteLink(committee.en, id),
      conflict: await voteLink(committee.fr, id),
    };
    const expected = {
      fr: [
        "Vous votez en tant que ini.chair@smart.example.org, membre du Comité des initiatives",
        "Aide d'urgence",
        "600,00 €",
        "Aucun vote pour l'instant.",
        "Pour",
        "Contre",
        "Abstention",
        "J'ai un conflit d'intérêts",
      ],
      nl: [
        "U stemt als ini.nl@smart.example.org, lid van Initiatievencomité",
        "Noodhulp",
        "€ 600,00",
        "ini.chair@smart.example.org: Voor",
        "1 voor, 0 tegen, 0 onthoudingen; 1 van een quorum van 3.",
        "Ik heb een belangenconflict",
      ],
      en: [
        "You vote as ini.en@smart.example.org, member of the Initiatives committee",
        "Emergency aid",
        "€600.00",
        "ini.nl@smart.example.org: Against",
        "1 for, 1 against, 0 abstentions; 2 of a quorum of 3.",
      ],
    };
    const results: Record<
      string,
      { text: string; overflow: boolean; violations: string[]; result: string }
    > = {};

    // Act: the chair votes for (fr), one member declares a conflict, the nl member first sends nothing, then against; the en member for
    const vote = async (language: "fr" | "nl" | "en", choice: string, comment?: string) => {
      const page = await web.open(pathOf(links[language]), 1280, "de-DE");
      await page.waitForSelector("#vote-form");
      const text = await textOf(page);
      const overflow = await shoot(page, `vote-${language}`);
      const violations = await axeViolations(page);
      if (language === "nl") {
        await page.click("#cast");
        await page.waitForSelector(".field-error");
        await shoot(page, "vote-nl-missing");
      }
      await page.check(choice === "approve" ? "#f-vote" : `#f-vote-${choice}`);
      if (comment) await page.fill("#f-comment", comment);
      await page.click("#cast");
      await page.waitForSelector("#vote-result");
      await shoot(page, `vote-${language}-recorded`);
      results[language] = {
        text,
        overflow,
        violations,
        result: (await page.textContent("#vote-result")) ?? "",
      };
      expect(page.problems).toEqual([]);
    };
    await vote("fr", "approve", "Projet utile au quartier");
    const conflictPage = await web.open(pathOf(links.conflict), 360, "fr-BE");
    await conflictPage.waitForSelector("#vote-form");
    await conflictPage.check("#f-conflict");
    const choicesDisabled = await conflictPage.isDisabled("#f-vote");
    await conflictPage.fill("#f-comment", "Je fais partie du projet");
    await conflictPage.click("#cast");
    await conflictPage.waitForSelector("#vote-result");
    const conflictResult = (await conflictPage.textContent("#vote-result")) ?? "";
    await shoot(conflictPage, "vote-conflict-recorded");
    await vote("nl", "reject", "Te weinig details");
    await vote("en", "approve");
    const closed = await web.open(pathOf(links.fr), 1280, "fr-BE");
    await closed.waitForSelector("#vote-result");
    const closedText = await textOf(closed);
    const closedOverflow = await shoot(closed, "vote-closed-fr");
    const closedViolations = await axeViolations(closed);

    // Assess
    for (const language of ["fr", "nl", "en"] as const) {
      for (const words of expected[language])
        expect(results[language]!.text, language).toContain(words);
      expect(results[language]!.text).not.toMatch(/\{"|\d{4}-\d{2}-\d{2}|Cents\b/);
      expect(results[language]!.overflow, language).toBe(false);
      expect(results[language]!.violations, language).toEqual([]);
    }
    expect(results.fr!.result).toContain("Votre vote est enregistré.");
    expect(results.nl!.result).toContain("Uw stem is geregistreerd.");
    expect(results.en!.result).toContain("Your vote is recorded.");
    expect(choicesDisabled).toBe(true);
    expect(conflictResult).toContain("Votre conflit d'intérêts est noté");
    expect(closedText).toContain("Ce lien ne permet plus de voter.");
    expect(closedText).toContain("Vous avez voté : Pour.");
    expect(closedText).toContain("2 pour, 1 contre, 0 abstention ; 3 sur un quorum de 3.");
    expect(closedOverflow).toBe(false);
    expect(closedViolations).toEqual([]);
  });
});
