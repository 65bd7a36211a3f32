import { describe, expect, it } from "vitest";
import {
  audiences,
  render,
  templateNames,
} from "../../packages/core/src/notifications/templates/index";
import { languages } from "../../packages/core/src/requests/request-types";
import { fixtures, plainText, statusLink } from "./fixtures";
import { readHtml } from "./read-html";

/** Every email a member gets is one click from where their request stands. */
const memberTemplates = templateNames.filter((name) => audiences[name] === "member");

describe("the member's status link", () => {
  it("is expected of the emails members get, from intake to the loan's end", () => {
    // Assess: the list the next test walks is not emptied by a slip in `audiences`.
    expect(memberTemplates).toEqual(
      expect.arrayContaining([
        "request-received",
        "info-needed",
        "request-rejected",
        "payout-paid",
        "loan-schedule",
        "installment-overdue",
        "loan-repaid",
      ]),
    );
  });

  describe.each(memberTemplates)("in the %s email", (name) => {
    it.each(languages)("is in the text part and is a link of the HTML part, in %s", (language) => {
      // Act
      const email = render(name, fixtures(plainText)[name] as never, language);

      // Assess
      expect(email.text).toContain(statusLink);
      expect(readHtml(email.html).hrefs).toContain(statusLink);
    });
  });
});
