import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseReply } from "../../packages/core/src/notifications/replies/parse-reply";
import { newText } from "../../packages/core/src/notifications/replies/reply-text";
import {
  originalMessage,
  outlookEnNoRule,
  outlookFr,
  quotedFr,
  quotedGmailWrapped,
  quotedNl,
} from "./replies";

type Expected =
  | { decision: "approve" | "reject" | "request-info"; comment?: string }
  | { ambiguous: string };

const table: [string, string, Expected][] = [
  ["a bare OK", "OK", { decision: "approve" }],
  [
    "OK above French quoted history that says Refuser",
    `OK\n\n${quotedFr}`,
    { decision: "approve" },
  ],
  ["APPROUVÉ in capitals", "APPROUVÉ", { decision: "approve" }],
  ["approuve without its accent", "approuve", { decision: "approve" }],
  ["j'approuve with a curly apostrophe", "J’approuve.", { decision: "approve" }],
  [
    "oui, with a French signature",
    "Oui\n\nCordialement,\nJean Dupont\nAdministrateur",
    { decision: "approve" },
  ],
  [
    "yes above a wrapped Gmail attribution",
    `Yes\n\n${quotedGmailWrapped}`,
    { decision: "approve" },
  ],
  [
    "Goedgekeurd above Dutch history",
    `Goedgekeurd\n\nMet vriendelijke groeten,\nJan\n\n${quotedNl}`,
    { decision: "approve" },
  ],
  ["akkoord in lower case", "akkoord", { decision: "approve" }],
  [
    "approved after a greeting",
    "Hi Entraide,\nApproved.\n\nBest regards,\nJane",
    { decision: "approve" },
  ],
  [
    "OK with a friendly comment",
    "OK, bon courage à elle",
    { decision: "approve", comment: "bon courage à elle" },
  ],
  [
    "an approval above an Outlook header block",
    `Approuvé\n\n${outlookFr}`,
    { decision: "approve" },
  ],
  [
    "an approval above an Outlook header block without a rule",
    `Approved\n\n${outlookEnNoRule}`,
    { decision: "approve" },
  ],
  [
    "an approval above an -----Original Message-----",
    `ok\n${originalMessage}`,
    { decision: "approve" },
  ],
  [
    "an approval signed with the -- delimiter",
    "OK\n-- \nJean Dupont\nRefuser n'est pas une option",
    { decision: "approve" },
  ],
  ["an approval sent from a phone", "OK\n\nEnvoyé de mon iPhone", { decision: "approve" }],
  [
    "refusé : motif, with quoted history",
    `Refusé : le devis n'est pas signé.\n\n${quotedFr}`,
    { decision: "reject", comment: "le devis n'est pas signé." },
  ],
  [
    "REFUSÉ parce que …",
    "REFUSÉ parce que la date est hors période",
    { decision: "reject", comment: "la date est hors période" },
  ],
  [
    "refuse without accent and with car",
    "refuse car doublon de la demande 12",
    { decision: "reject", comment: "doublon de la demande 12" },
  ],
  [
    "rejeté, reason on the next line",
    "Rejeté\nLe client n'a jamais signé.",
    { decision: "reject", comment: "Le client n'a jamais signé." },
  ],
  [
    "afgewezen omdat …",
    "Afgewezen omdat het contract niet getekend is",
    { decision: "reject", comment: "het contract niet getekend is" },
  ],
  [
    "niet akkoord omdat …",
    "Niet akkoord omdat het te duur is",
    { decision: "reject", comment: "het te duur is" },
  ],
  [
    "rejected because …",
    "Rejected because the invoice is missing",
    { decision: "reject", comment: "the invoice is missing" },
  ],
  [
    "a rejection whose reason says pas ok",
    "Refusé : le montant n'est pas ok",
    { decision: "reject", comment: "le montant n'est pas ok" },
  ],
  [
    "plus d'infos : …",
    "Plus d'infos : quel est le nom du client ?",
    { decision: "request-info", comment: "quel est le nom du client ?" },
  ],
  [
    "PLUS D'INFO without s",
    "PLUS D'INFO: le contrat signé svp",
    { decision: "request-info", comment: "le contrat signé svp" },
  ],
  [
    "meer info: …",
    "Meer info: welk festival?",
    { decision: "request-info", comment: "welk festival?" },
  ],
  [
    "more info: … above Dutch history",
    `More info: which client was it?\n\n${quotedNl}`,
    { decision: "request-info", comment: "which client was it?" },
  ],
  ["a rejection without a reason", "Refusé", { ambiguous: "reason-missing" }],
  [
    "a rejection whose reason is only punctuation",
    "REJECTED: ...",
    { ambiguous: "reason-missing" },
  ],
  ["a request for information without a question", "Plus d'infos", { ambiguous: "reason-missing" }],
  ["OK then refusé", "OK… actually no, refusé", { ambiguous: "contradictory" }],
  [
    "OK then rejected on the next line",
    "OK\nwait, rejected because of the date",
    { ambiguous: "contradictory" },
  ],
  [
    "a rejection that also approves",
    "Refusé parce que je l'ai déjà approuvé ailleurs",
    { ambiguous: "contradictory" },
  ],
  ["an approval for a lower amount", "Approuvé pour 500 €", { ambiguous: "conditional" }],
  ["an approval with a condition", "OK si le devis est signé", { ambiguous: "conditional" }],
  ["an approval with but", "Yes but only half", { ambiguous: "conditional" }],
  ["an approval as a question", "ok?", { ambiguous: "conditional" }],
  [
    "a question with no decision word",
    "Peut-être, je dois en parler à Marie.",
    { ambiguous: "no-decision" },
  ],
  ["a negated approval", "Pas approuvé", { ambiguous: "no-decision" }],
  ["non alone", "Non.", { ambiguous: "no-decision" }],
  ["only quoted history", quotedFr, { ambiguous: "empty" }],
  ["only a signature", "-- \nJean Dupont", { ambiguous: "empty" }],
  ["an empty body", "", { ambiguous: "empty" }],
];

describe("parseReply", () => {
  it.each(table)("reads %s", (_name, body, expected) => {
    // Act
    const parsed = parseReply(body);

    // Assess
    if ("ambiguous" in expected) {
      expect(parsed.decision).toBeUndefined();
      expect(parsed).toMatchObject({ ambiguity: { code: expected.ambiguous } });
      expect("understood" in parsed && parsed.understood.length > 0).toBe(true);
    } else {
      expect(parsed).toEqual(expected);
    }
  });

  it("reads Windows line endings like Unix ones", () => {
    expect(parseReply(`Refusé : motif\r\n\r\n${quotedFr.replace(/\n/g, "\r\n")}`)).toEqual({
      decision: "reject",
      comment: "motif",
    });
  });

  it("reads a reply whose mail client slipped bidi marks in, without them in the comment", () => {
    expect(parseReply("\u200eRefusé : le devis\u200f n'est pas signé\u202c")).toEqual({
      decision: "reject",
      comment: "le devis n'est pas signé",
    });
  });

  it("never throws, and decides only with a decision word at the start (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (body) => {
        // Act
        const parsed = parseReply(body);

        // Assess
        if (parsed.decision === "reject" || parsed.decision === "request-info")
          expect(parsed.comment?.trim()).toBeTruthy();
        if (parsed.decision === undefined) expect(parsed.understood).not.toBe("");
      }),
      { numRuns: 2000 },
    );
  });

  it("never lets quoted history change the decision (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 60 }), { maxLength: 8 }), (quoted) => {
        // Prepare
        const history = [
          "Le lun. 16 mars 2020 à 10:02, Entraide <entraide@smart.test> a écrit :",
          ...quoted.map((l) => `> ${l}`),
        ].join("\n");

        // Act
        const parsed = parseReply(`Goedgekeurd\n\n${history}`);

        // Assess
        expect(parsed).toEqual({ decision: "approve" });
      }),
    );
  });
});

describe("newText", () => {
  it("keeps what was written above the history and drops the signature", () => {
    expect(newText(`Plus d'infos : le client ?\nMerci\n\n${outlookFr}`)).toBe(
      "Plus d'infos : le client ?",
    );
  });
});

describe("reasons", () => {
  it.each([
    ["Refusé. Motif : pas de contrat", "pas de contrat"],
    ["Refusé parce qu'il manque le devis", "il manque le devis"],
    ["Rejected. Reason: duplicate", "duplicate"],
    ["Refusé : motif", "motif"],
  ])("takes the reason of %j after its lead-in", (body, reason) => {
    expect(parseReply(body)).toEqual({ decision: "reject", comment: reason });
  });
});
